#pragma once

// SettingsDialog: the customer app's settings (Account › Settings).
//
// Account (through the vault server): change the own password — every other sign-in
// ends, this one goes on with a new token, and a remembered token is replaced — and set
// up two-step sign-in with an authenticator app (TOTP): the secret and its otpauth URI
// are shown once, and only a code from the app confirms it.
//
// App: the settings both apps share (AppSettingsPage): clipboard time, idle time and
// language.

#include <QtWidgets/QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace credvault::client {
class VaultApi;
}

namespace credvault::ui {

class AppSettingsPage;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    /// `vault`: the signed-in API (null: the account tab is disabled).
    SettingsDialog(client::VaultApi *vault, bool totpEnrolled, QWidget *parent = nullptr);

    QString passwordMessage() const;
    QString totpMessage() const;

Q_SIGNALS:
    /// The password changed: the API holds the new token.
    void passwordChanged();
    /// The app settings were saved.
    void appSettingsSaved();

private:
    void changePassword();
    void startTotp();
    void confirmTotp();
    void save();

    client::VaultApi *m_vault;
    QLineEdit *m_current = nullptr;
    QLineEdit *m_new = nullptr;
    QLineEdit *m_repeat = nullptr;
    QPushButton *m_changePassword = nullptr;
    QLabel *m_passwordMessage = nullptr;
    QLabel *m_totpStatus = nullptr;
    QLineEdit *m_totpPassword = nullptr;
    QPushButton *m_startTotp = nullptr;
    QLineEdit *m_totpSecret = nullptr;
    QLineEdit *m_totpUri = nullptr;
    QLineEdit *m_totpCode = nullptr;
    QPushButton *m_confirmTotp = nullptr;
    QLabel *m_totpMessage = nullptr;
    AppSettingsPage *m_app = nullptr;
};

} // namespace credvault::ui
