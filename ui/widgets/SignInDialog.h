#pragma once

// SignInDialog: signing in to the vault server, shared by both apps. Sign-in name and
// password; the TOTP field appears when the server asks for it; "Remember me" for the
// caller to keep the token in the keychain. The call runs asynchronously (the dialog
// stays responsive, its fields disabled meanwhile) and every refusal is said plainly:
// tries left, how long a lock lasts, a server that cannot be reached.

#include "widgets/RequestDialog.h"

#include <QtCore/QJsonObject>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace credvault::client {
class VaultApi;
} // namespace credvault::client

namespace credvault {
struct ApiError;
}

namespace credvault::ui {

class SignInDialog : public RequestDialog {
    Q_OBJECT
public:
    explicit SignInDialog(client::VaultApi &vault, QWidget *parent = nullptr);

    void setUsername(const QString &username);
    QString username() const;
    /// A line above the buttons before anything is sent ("Your sign-in has ended …").
    void setNotice(const QString &text) { showMessage(text); }
    void setRememberMe(bool on);
    /// Without "Remember me" (the support app: staff sign in each time).
    void hideRememberMe();
    bool rememberMe() const;
    /// The vault server's answer after an accepted sign-in (role, account_id, expires_at …).
    const QJsonObject &answer() const { return m_answer; }
    /// The text for a refused sign-in, for this dialog and the apps' other sign-in paths.
    static QString explain(const ApiError &error);

private:
    void submit() override;
    void setFieldsEnabled(bool enabled);

    client::VaultApi &m_vault;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_totpLabel = nullptr;
    QLineEdit *m_totp = nullptr;
    QCheckBox *m_remember = nullptr;
    QJsonObject m_answer;
};

} // namespace credvault::ui
