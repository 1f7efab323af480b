#pragma once

// DeploymentPki: the certificates of one CredVault deployment, made with OpenSSL's API
// (no openssl CLI). One root CA, an intermediate CA per client role — `services` (the
// vault server, as a client of the keyserver; also the servers' own TLS certificates)
// and `staff` (support engineers) — and leaf certificates with the right extended key
// usage. Keys are ECDSA P-256.
//
// Files in the folder:
//   root.pem root.key  services-ca.pem services-ca.key  staff-ca.pem staff-ca.key
//   services-ca.crl staff-ca.crl            (CRLs, rewritten by revoke and crl)
//   services-ca.revoked staff-ca.revoked    (serial ‖ time, one line each)
//   N.pem N.key N-chain.pem                 (each issued certificate)
//   N.p12 N.p12.pass                        (staff: PKCS#12 and its generated passphrase)
// Every .key and .pass file is 0600.
//
// Lifetimes: root 10 years, intermediates 5, server and service leaves 1, staff 90
// days, CRLs 30 days unless told otherwise.

#include "common/Result.h"

#include <QtCore/QString>
#include <QtCore/QStringList>

namespace credvault::pki {

enum class Role {
    Server,  // TLS server certificate (serverAuth), from the services CA
    Service, // client certificate of a service (clientAuth), from the services CA
    Staff,   // client certificate of a support engineer (clientAuth), from the staff CA
};

struct IssueRequest {
    Role role = Role::Server;
    QString name;      // common name and file name
    QStringList sans;  // "DNS:localhost", "IP:127.0.0.1" (server)
    QString staffRole; // "support" or "admin" (staff)
    int days = 0;      // 0: the role's default lifetime
};

struct Issued {
    QString certificate; // N.pem
    QString key;         // N.key
    QString chain;       // N-chain.pem (leaf + intermediate)
    QString pkcs12;      // N.p12 (staff)
    QString passphrase;  // N.p12.pass (staff)
    QString serialHex;
};

class DeploymentPki {
public:
    explicit DeploymentPki(QString dir) : m_dir(std::move(dir)) {}

    /// Root and both intermediates, plus empty CRLs. Refuses a folder that has a root.
    Result<void> init();
    Result<Issued> issue(const IssueRequest &request);
    /// A new key and certificate for an issued name, with its role, names and staff
    /// role; the files are replaced.
    Result<Issued> renew(const QString &name, int days = 0);
    /// Adds the certificate to its CA's revoked list and rewrites that CA's CRL.
    Result<QString> revoke(const QString &certificateFile);
    /// Rewrites both CRLs, valid for `days`.
    Result<void> writeCrls(int days = 30);

    QString path(const QString &file) const;

private:
    QString m_dir;
};

Result<Role> roleFromName(const QString &name);

} // namespace credvault::pki
