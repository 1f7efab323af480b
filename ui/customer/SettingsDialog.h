#pragma once

// SettingsDialog: the customer app's settings (Account › Settings).
//
// Account (through the vault server): change the own password — every other sign-in
// ends, this one goes on with a new token, and a remembered token is replaced — and set
// up two-step sign-in with an authenticator app (TOTP): the secret and its otpauth URI
// are shown once, and only a code from the app confirms it.
//
// App (QSettings): how long a copied field stays on the clipboard
// (clipboard/clear_seconds, 30 by default), the idle time before the vault locks
// (security/idle_lock_minutes, 10; 0 = never) and the language (ui/language; empty =
// the system's), which applies at the next start.

#include <QtWidgets/QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace credvault::client {
class VaultApi;
}

namespace credvault::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int kDefaultClipboardSeconds = 30;

    /// `vault`: the signed-in API (null: the account tab is disabled).
    SettingsDialog(client::VaultApi *vault, bool totpEnrolled, QWidget *parent = nullptr);

    /// The saved values (or their defaults).
    static int clipboardSeconds();
    static int idleMinutes();

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
    QSpinBox *m_clipboardSeconds = nullptr;
    QSpinBox *m_idleMinutes = nullptr;
    QComboBox *m_language = nullptr;
};

} // namespace credvault::ui
