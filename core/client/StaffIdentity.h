#pragma once

// StaffIdentity: a support engineer's staff certificate, read from its PKCS#12 file with
// the passphrase, for the keyserver's `staff` listener. Checked here before it is ever
// sent, so the engineer is told plainly: a wrong passphrase, a certificate that expired
// or is not valid yet, one without a staff role (support or admin) or not for TLS
// clients. Whether it is revoked or from the right CA only the keyserver can tell: that
// refusal comes back from ApiClient as "certificate_refused" (see describe()).

#include "client/ApiClient.h"
#include "common/Result.h"

#include <QtCore/QDateTime>

namespace credvault::client {

struct StaffIdentity {
    ClientIdentity tls;
    QString name; // the certificate's common name: the engineer, as the keyserver names them
    QString role; // "support" or "admin"
    QDateTime notAfter;

    bool isAdmin() const { return role == u"admin"; }

    /// Errors (Error::code): "unreadable", "not_pkcs12", "wrong_passphrase",
    /// "certificate_expired", "certificate_not_yet_valid", "not_staff", "not_client".
    static Result<StaffIdentity> load(const QString &path, QByteArrayView passphrase,
                                      const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace credvault::client
