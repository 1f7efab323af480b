#include "widgets/SignInDialog.h"

#include "client/VaultApi.h"

#include <QtWidgets/QCheckBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

SignInDialog::SignInDialog(client::VaultApi &vault, QWidget *parent) : QDialog(parent), m_vault(vault)
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
    m_message = new QLabel(this);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void SignInDialog::setUsername(const QString &username)
{
    m_username->setText(username);
    m_password->setFocus();
}

bool SignInDialog::rememberMe() const
{
    return m_remember->isChecked();
}

QString SignInDialog::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
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

void SignInDialog::setWorking(bool working)
{
    for (QWidget *w : {static_cast<QWidget *>(m_username), static_cast<QWidget *>(m_password),
                       static_cast<QWidget *>(m_totp), static_cast<QWidget *>(m_remember)})
        w->setEnabled(!working);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!working);
    if (working) {
        m_message->setText(tr("Signing in…"));
        m_message->show();
    }
}

void SignInDialog::submit()
{
    if (m_username->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        m_message->setText(tr("Enter your sign-in name and password."));
        m_message->show();
        return;
    }
    setWorking(true);
    m_vault.login(
        m_username->text().trimmed(), m_password->text(), m_totp->isVisible() ? m_totp->text().trimmed() : QString(),
        [this](client::ApiResult r) {
            setWorking(false);
            if (r) {
                m_answer = *r;
                m_password->clear();
                m_totp->clear();
                m_message->hide();
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
            m_message->setText(explain(r.error()));
            m_message->show();
        },
        this);
}

} // namespace credvault::ui
