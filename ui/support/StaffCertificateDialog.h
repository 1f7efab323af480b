#pragma once

// StaffCertificateDialog: the engineer's staff certificate for the keyserver — the
// PKCS#12 file (chosen once, then remembered in the settings) and its passphrase, kept
// in the desktop keychain only if "Remember" is ticked. OK reads the file and proves the
// keyserver accepts it; every refusal is said plainly: a wrong passphrase, an expired,
// revoked or wrong-role certificate, one from another CA.

#include "crypto/SecureBuffer.h"
#include "widgets/RequestDialog.h"

#include <memory>

class QCheckBox;
class QLineEdit;

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
    StaffCertificateDialog(client::StaffApi &staff, const QString &file, QWidget *parent = nullptr);

    QString file() const;
    bool rememberPassphrase() const;
    void setNotice(const QString &text) { showMessage(text); }

    /// The keychain entry a passphrase is remembered under (one per certificate file).
    static QString keychainKey(const QString &file);
    /// A person-readable refusal of StaffIdentity::load or of the keyserver.
    static QString explain(const Error &error);
    static QString explain(const ApiError &error);

private:
    void submit() override;
    void browse();

    client::StaffApi &m_staff;
    QLineEdit *m_file = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QCheckBox *m_remember = nullptr;
    SecureBuffer m_checked; // the passphrase the keyserver accepted, kept if "Remember"
};

} // namespace credvault::ui
