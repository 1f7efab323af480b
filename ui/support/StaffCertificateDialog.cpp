#include "support/StaffCertificateDialog.h"

#include "client/StaffApi.h"
#include "desktop/Keychain.h"
#include "widgets/MessageBoxes.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

#include <openssl/crypto.h>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

StaffCertificateDialog::StaffCertificateDialog(client::StaffApi &staff, const QString &file, const QString &username,
                                               const QString &role, QWidget *parent)
    : RequestDialog(parent), m_staff(staff), m_username(username), m_role(role)
{
    setObjectName(u"staffCertificateDialog"_s);
    setWindowTitle(tr("Staff certificate"));
    auto *layout = new QVBoxLayout(this);
    auto *help = new QLabel(tr("Unlocks for support go through the keyserver's staff channel, which knows you by your "
                               "staff certificate. Choose its file (.p12) and type its passphrase."),
                            this);
    help->setWordWrap(true);
    layout->addWidget(help);
    auto *form = new QFormLayout;
    auto *fileRow = new QHBoxLayout;
    m_file = new QLineEdit(QDir::toNativeSeparators(file), this);
    m_file->setObjectName(u"certificateFile"_s);
    m_browse = new QPushButton(tr("&Choose…"), this);
    m_browse->setObjectName(u"chooseCertificate"_s);
    connect(m_browse, &QPushButton::clicked, this, &StaffCertificateDialog::browse);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_file);
    form->addRow(fileLabel, fileRow);
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(u"passphrase"_s);
    m_passphrase->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Passphrase:"), m_passphrase);
    layout->addLayout(form);
    m_remember = new QCheckBox(tr("&Remember the passphrase in this computer's keychain"), this);
    m_remember->setObjectName(u"rememberPassphrase"_s);
    layout->addWidget(m_remember);
    addMessageAndButtons(layout, tr("Use certificate"));
    setHoldOpenWhileWorking(true); // the identity is in use until the keyserver answers
    m_passphrase->setFocus();
}

QString StaffCertificateDialog::file() const
{
    return QDir::fromNativeSeparators(m_file->text().trimmed());
}

bool StaffCertificateDialog::rememberPassphrase() const
{
    return m_remember->isChecked();
}

QString StaffCertificateDialog::keychainKey(const QString &username, const QString &file)
{
    return u"staff-certificate:"_s + username + u':' + QFileInfo(file).absoluteFilePath();
}

QString StaffCertificateDialog::notTheirs(const client::StaffIdentity &id, const QString &username, const QString &role)
{
    if (id.name != username)
        return tr("This staff certificate is %1's, but you signed in as %2. Choose your own certificate.")
            .arg(id.name, username);
    if (id.isAdmin() && role != u"admin"_s)
        return tr("This is an admin's certificate, but %1 signs in as support. Ask an admin to set your role "
                  "or to issue a support certificate.")
            .arg(username);
    return {};
}

QString StaffCertificateDialog::explain(const Error &e)
{
    if (e.code == u"wrong_passphrase"_s)
        return tr("The passphrase is not right for this certificate.");
    if (e.code == u"unreadable"_s)
        return tr("The certificate file cannot be read: %1").arg(e.message);
    if (e.code == u"not_pkcs12"_s)
        return tr("This file is not a staff certificate (a PKCS#12 file, .p12).");
    if (e.code == u"certificate_expired"_s)
        return tr("This staff certificate has expired: ask an admin for a new one. (%1)").arg(e.message);
    if (e.code == u"certificate_not_yet_valid"_s)
        return tr("This staff certificate is not valid yet, or this computer's clock is wrong. (%1)").arg(e.message);
    if (e.code == u"not_staff"_s)
        return tr("This is not a staff certificate: it has no support or admin role. (%1)").arg(e.message);
    if (e.code == u"not_client"_s)
        return tr("This certificate is not made for signing in to a server. Ask an admin for a staff certificate.");
    return e.message;
}

QString StaffCertificateDialog::explain(const ApiError &e)
{
    return client::describe(e, tr("keyserver"));
}

void StaffCertificateDialog::browse()
{
    QFileDialog *d = newFileDialog(this, u"certificateFileDialog"_s, tr("Staff certificate"),
                                   tr("PKCS#12 certificates (*.p12 *.pfx);;All files (*)"));
    d->setDirectory(QFileInfo(file()).absolutePath());
    connect(d, &QFileDialog::fileSelected, this,
            [this](const QString &chosen) { m_file->setText(QDir::toNativeSeparators(chosen)); });
    d->open();
}

void StaffCertificateDialog::setFieldsEnabled(bool enabled)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_file, m_browse, m_passphrase, m_remember})
        w->setEnabled(enabled);
}

void StaffCertificateDialog::submit()
{
    const QString chosen = file(); // read once: what is loaded is what is remembered
    QByteArray typed = m_passphrase->text().toUtf8();
    m_checked = SecureBuffer::copyOf(typed);
    OPENSSL_cleanse(typed.data(), std::size_t(typed.size()));
    Result<client::StaffIdentity> id = client::StaffIdentity::load(chosen, m_checked.view());
    QString refusal = id ? notTheirs(*id, m_username, m_role) : explain(id.error());
    if (!refusal.isEmpty()) {
        m_checked = SecureBuffer();
        showMessage(refusal);
        m_passphrase->selectAll();
        m_passphrase->setFocus();
        return;
    }
    m_staff.setIdentity(std::make_shared<const client::StaffIdentity>(std::move(*id)));
    setFieldsEnabled(false);
    setWorking(true, tr("Asking the keyserver…"));
    m_staff.check(
        [this, chosen](client::ApiResult r) {
            setWorking(false);
            setFieldsEnabled(true);
            if (!r) {
                m_staff.setIdentity(nullptr);
                m_checked = SecureBuffer();
                showMessage(explain(r.error()));
                return;
            }
            m_checkedFile = chosen;
            m_passphrase->clear();
            accept();
        },
        this);
}

} // namespace credvault::ui
