#pragma once

// StaffCertificateDialog: the engineer's staff certificate for the keyserver — the
// PKCS#12 file (chosen once, then remembered in the settings) and its passphrase, kept
// in the desktop keychain only if "Remember" is ticked. OK reads the file, refuses a
// certificate that is not the signed-in engineer's, and proves the keyserver accepts it;
// every refusal is said plainly: a wrong passphrase, an expired, revoked or wrong-role
// certificate, one from another CA, someone else's. While the keyserver is asked nothing
// can be changed or cancelled; the window keeps the file and the passphrase afterwards.

#include "crypto/SecureBuffer.h"
#include "widgets/RequestDialog.h"

#include <memory>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace credvault {
struct ApiError;
struct Error;
} // namespace credvault

namespace credvault::client {
class StaffApi;
struct StaffIdentity;
} // namespace credvault::client

namespace credvault::ui {

class StaffCertificateDialog : public RequestDialog {
    Q_OBJECT
public:
    /// `username`, `role`: who signed in to the vault server (the certificate must be theirs).
    StaffCertificateDialog(client::StaffApi &staff, const QString &file, const QString &username, const QString &role,
                           QWidget *parent = nullptr);

    QString file() const;
    bool rememberPassphrase() const;
    void setNotice(const QString &text) { showMessage(text); }
    /// After accepted(): the file that was checked, and its passphrase (handed over once).
    QString checkedFile() const { return m_checkedFile; }
    SecureBuffer takePassphrase() { return std::move(m_checked); }

    /// The keychain entry a passphrase is remembered under (one per engineer and file).
    static QString keychainKey(const QString &username, const QString &file);
    /// Why `id` is not for the engineer `username` signed in as `role`; empty when it is.
    static QString notTheirs(const client::StaffIdentity &id, const QString &username, const QString &role);
    /// A person-readable refusal of StaffIdentity::load or of the keyserver.
    static QString explain(const Error &error);
    static QString explain(const ApiError &error);

private:
    void submit() override;
    void browse();
    void setFieldsEnabled(bool enabled);

    client::StaffApi &m_staff;
    QString m_username;
    QString m_role;
    QString m_checkedFile;
    QPushButton *m_browse = nullptr;
    QLineEdit *m_file = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QCheckBox *m_remember = nullptr;
    SecureBuffer m_checked; // the passphrase the keyserver accepted, for the keychain if "Remember"
};

} // namespace credvault::ui
