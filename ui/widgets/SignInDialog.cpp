#include "widgets/SignInDialog.h"

#include "client/VaultApi.h"

#include <QtWidgets/QCheckBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

SignInDialog::SignInDialog(client::VaultApi &vault, QWidget *parent) : RequestDialog(parent), m_vault(vault)
{
    setObjectName(u"signInDialog"_s);
    setWindowTitle(tr("Sign in to CredVault"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_username = new QLineEdit(this);
    m_username->setObjectName(u"username"_s);
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"password"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_totp = new QLineEdit(this);
    m_totp->setObjectName(u"totp"_s);
    m_totp->setPlaceholderText(tr("6 digits"));
    m_totp->setMaxLength(8);
    m_totp->setInputMethodHints(Qt::ImhDigitsOnly);
    m_totpLabel = new QLabel(tr("Authenticator code:"), this);
    form->addRow(tr("Sign-in name:"), m_username);
    form->addRow(tr("Password:"), m_password);
    form->addRow(m_totpLabel, m_totp);
    m_totpLabel->hide();
    m_totp->hide();
    layout->addLayout(form);
    m_remember = new QCheckBox(tr("Remember me on this computer"), this);
    m_remember->setObjectName(u"rememberMe"_s);
    layout->addWidget(m_remember);
    addMessageAndButtons(layout, tr("Sign in"));
}

void SignInDialog::setUsername(const QString &username)
{
    m_username->setText(username);
    m_password->setFocus();
}

QString SignInDialog::username() const
{
    return m_username->text().trimmed();
}

void SignInDialog::hideRememberMe()
{
    m_remember->setChecked(false);
    m_remember->hide();
}

void SignInDialog::setRememberMe(bool on)
{
    m_remember->setChecked(on);
}

bool SignInDialog::rememberMe() const
{
    return m_remember->isChecked();
}

QString SignInDialog::explain(const ApiError &e)
{
    const QString code = e.code;
    if (code == u"bad_credentials"_s)
        return e.details.contains(u"tries_left"_s)
                   ? tr("The sign-in name or password is wrong (%n tries left before a pause).", nullptr,
                        e.details.value(u"tries_left"_s).toInt())
                   : tr("The sign-in name or password is wrong.");
    if (code == u"totp_required"_s)
        return tr("Enter the six-digit code from your authenticator app.");
    if (code == u"wrong_totp"_s)
        return tr("The authenticator code is wrong or was already used; wait for the next one.");
    if (code == u"locked"_s)
        return tr("Too many failed sign-ins: try again in %n seconds.", nullptr,
                  e.details.value(u"retry_after_s"_s).toInt());
    if (code == u"user_disabled"_s)
        return tr("This sign-in is disabled. Ask your hosting company's support.");
    if (e.httpStatus == 0)
        return client::describe(e, tr("vault server"));
    return e.message;
}

void SignInDialog::setFieldsEnabled(bool enabled)
{
    for (QWidget *w : {static_cast<QWidget *>(m_username), static_cast<QWidget *>(m_password),
                       static_cast<QWidget *>(m_totp), static_cast<QWidget *>(m_remember)})
        w->setEnabled(enabled);
}

void SignInDialog::submit()
{
    if (m_username->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        showMessage(tr("Enter your sign-in name and password."));
        return;
    }
    setFieldsEnabled(false);
    setWorking(true, tr("Signing in…"));
    m_vault.login(
        m_username->text().trimmed(), m_password->text(), m_totp->isVisible() ? m_totp->text().trimmed() : QString(),
        [this](client::ApiResult r) {
            setFieldsEnabled(true);
            setWorking(false);
            if (r) {
                m_answer = *r;
                m_password->clear();
                m_totp->clear();
                hideMessage();
                accept();
                return;
            }
            if (r.error().code == u"totp_required"_s || r.error().code == u"wrong_totp"_s) {
                m_totpLabel->show();
                m_totp->show();
                m_totp->clear();
                m_totp->setFocus();
            } else {
                m_password->selectAll();
                m_password->setFocus();
            }
            showMessage(explain(r.error()));
        },
        this);
}

} // namespace credvault::ui
