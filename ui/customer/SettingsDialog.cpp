#include "customer/SettingsDialog.h"

#include "client/VaultApi.h"
#include "widgets/AppSettingsPage.h"

#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QGroupBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

namespace {

QLineEdit *field(QWidget *parent, const QString &name, bool secret)
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(name);
    if (secret)
        e->setEchoMode(QLineEdit::Password);
    return e;
}

QLabel *message(QWidget *parent, const QString &name)
{
    auto *l = new QLabel(parent);
    l->setObjectName(name);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText); // the server's words as they are
    return l;
}

// Empties a field that held a password (the widget's buffer is overwritten first).
void wipe(QLineEdit *e)
{
    e->setText(QString(e->text().size(), u' '));
    e->clear();
}

} // namespace

SettingsDialog::SettingsDialog(client::VaultApi *vault, bool totpEnrolled, QWidget *parent)
    : QDialog(parent), m_vault(vault)
{
    setObjectName(u"settings"_s);
    setWindowTitle(tr("Settings"));
    auto *tabs = new QTabWidget(this);

    // --- account
    auto *account = new QWidget(tabs);
    auto *accountLayout = new QVBoxLayout(account);
    auto *password = new QGroupBox(tr("Password"), account);
    auto *pf = new QFormLayout(password);
    m_current = field(password, u"currentPassword"_s, true);
    m_new = field(password, u"newPassword"_s, true);
    m_repeat = field(password, u"repeatPassword"_s, true);
    pf->addRow(tr("Current password:"), m_current);
    pf->addRow(tr("New password:"), m_new);
    pf->addRow(tr("New password again:"), m_repeat);
    m_changePassword = new QPushButton(tr("Change password"), password);
    m_changePassword->setObjectName(u"changePassword"_s);
    pf->addRow(QString(), m_changePassword);
    m_passwordMessage = message(password, u"passwordMessage"_s);
    pf->addRow(m_passwordMessage);
    accountLayout->addWidget(password);

    auto *totp = new QGroupBox(tr("Two-step sign-in (authenticator app)"), account);
    auto *tf = new QFormLayout(totp);
    m_totpStatus = message(totp, u"totpStatus"_s);
    m_totpStatus->setText(totpEnrolled ? tr("On: signing in asks for a code from your authenticator app.")
                                       : tr("Off: signing in needs only your password."));
    tf->addRow(m_totpStatus);
    m_totpPassword = field(totp, u"totpPassword"_s, true);
    tf->addRow(tr("Your password:"), m_totpPassword);
    m_startTotp = new QPushButton(totpEnrolled ? tr("Set up a new authenticator…") : tr("Set up…"), totp);
    m_startTotp->setObjectName(u"startTotp"_s);
    tf->addRow(QString(), m_startTotp);
    m_totpSecret = field(totp, u"totpSecret"_s, false);
    m_totpSecret->setReadOnly(true);
    m_totpUri = field(totp, u"totpUri"_s, false);
    m_totpUri->setReadOnly(true);
    m_totpCode = field(totp, u"totpCode"_s, false);
    m_totpCode->setPlaceholderText(tr("6 digits"));
    m_totpCode->setMaxLength(6);
    m_confirmTotp = new QPushButton(tr("Confirm"), totp);
    m_confirmTotp->setObjectName(u"confirmTotp"_s);
    tf->addRow(tr("Secret (type it into the app):"), m_totpSecret);
    tf->addRow(tr("Or this link (otpauth):"), m_totpUri);
    tf->addRow(tr("Code from the app:"), m_totpCode);
    tf->addRow(QString(), m_confirmTotp);
    for (QWidget *w : {static_cast<QWidget *>(m_totpSecret), static_cast<QWidget *>(m_totpUri),
                       static_cast<QWidget *>(m_totpCode), static_cast<QWidget *>(m_confirmTotp)})
        tf->setRowVisible(w, false); // until step 1 answered
    m_totpMessage = message(totp, u"totpMessage"_s);
    tf->addRow(m_totpMessage);
    accountLayout->addWidget(totp);
    accountLayout->addStretch(1);
    account->setEnabled(vault != nullptr && vault->signedIn());
    tabs->addTab(account, tr("Account"));

    m_app = new AppSettingsPage(tabs);
    tabs->addTab(m_app, tr("App"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(u"save"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_changePassword, &QPushButton::clicked, this, &SettingsDialog::changePassword);
    connect(m_startTotp, &QPushButton::clicked, this, &SettingsDialog::startTotp);
    connect(m_confirmTotp, &QPushButton::clicked, this, &SettingsDialog::confirmTotp);
    connect(this, &QDialog::finished, this, [this] {
        for (QLineEdit *e : {m_current, m_new, m_repeat, m_totpPassword, m_totpSecret, m_totpUri})
            wipe(e);
    });
}

QString SettingsDialog::passwordMessage() const
{
    return m_passwordMessage->text();
}

QString SettingsDialog::totpMessage() const
{
    return m_totpMessage->text();
}

void SettingsDialog::changePassword()
{
    if (m_current->text().isEmpty() || m_new->text().isEmpty())
        return m_passwordMessage->setText(tr("Type your current password and the new one."));
    if (m_new->text() != m_repeat->text())
        return m_passwordMessage->setText(tr("The new password and its repetition differ."));
    if (m_new->text() == m_current->text())
        return m_passwordMessage->setText(tr("The new password is the current one."));
    m_changePassword->setEnabled(false);
    m_passwordMessage->setText(tr("Changing…"));
    m_vault->changePassword(
        m_current->text(), m_new->text(),
        [this](client::ApiResult r) {
            m_changePassword->setEnabled(true);
            if (!r) {
                if (r.error().code == u"wrong_password"_s || r.error().code == u"bad_credentials"_s)
                    return m_passwordMessage->setText(tr("The current password is not right."));
                return m_passwordMessage->setText(
                    tr("The password was not changed: %1").arg(client::describe(r.error(), tr("vault server"))));
            }
            for (QLineEdit *e : {m_current, m_new, m_repeat})
                wipe(e);
            m_passwordMessage->setText(
                tr("Your password is changed. Every other computer signed in with it must sign in again."));
            Q_EMIT passwordChanged();
        },
        this);
}

void SettingsDialog::startTotp()
{
    if (m_totpPassword->text().isEmpty())
        return m_totpMessage->setText(tr("Type your password to set up two-step sign-in."));
    m_startTotp->setEnabled(false);
    m_vault->enrolTotp(
        m_totpPassword->text(), {}, {},
        [this](client::ApiResult r) {
            m_startTotp->setEnabled(true);
            if (!r)
                return m_totpMessage->setText(r.error().code == u"wrong_password"_s
                                                  ? tr("Your password is not right.")
                                                  : tr("Two-step sign-in cannot be set up: %1")
                                                        .arg(client::describe(r.error(), tr("vault server"))));
            m_totpSecret->setText(r->value(u"secret"_s).toString());
            m_totpUri->setText(r->value(u"otpauth_uri"_s).toString());
            auto *form = qobject_cast<QFormLayout *>(m_totpSecret->parentWidget()->layout());
            for (QWidget *w : {static_cast<QWidget *>(m_totpSecret), static_cast<QWidget *>(m_totpUri),
                               static_cast<QWidget *>(m_totpCode), static_cast<QWidget *>(m_confirmTotp)})
                form->setRowVisible(w, true);
            m_totpMessage->setText(tr("Add the secret to your authenticator app, then type the code it shows. "
                                      "Nothing changes until the code is confirmed."));
            m_totpCode->setFocus();
        },
        this);
}

void SettingsDialog::confirmTotp()
{
    m_confirmTotp->setEnabled(false);
    m_vault->enrolTotp(
        m_totpPassword->text(), m_totpSecret->text(), m_totpCode->text().trimmed(),
        [this](client::ApiResult r) {
            m_confirmTotp->setEnabled(true);
            if (!r)
                return m_totpMessage->setText(
                    r.error().code == u"wrong_totp"_s
                        ? tr("That code does not match. Check the app's clock and type the code it shows now.")
                        : tr("Two-step sign-in was not set up: %1")
                              .arg(client::describe(r.error(), tr("vault server"))));
            for (QLineEdit *e : {m_totpPassword, m_totpSecret, m_totpUri, m_totpCode})
                wipe(e);
            m_totpStatus->setText(tr("On: signing in asks for a code from your authenticator app."));
            m_totpMessage->setText(tr("Two-step sign-in is on."));
        },
        this);
}

void SettingsDialog::save()
{
    m_app->save();
    Q_EMIT appSettingsSaved();
    accept();
}

} // namespace credvault::ui
