#include "client/StaffIdentity.h"

#include "crypto/Pkcs12.h"

#include <QtCore/QFile>

#include <openssl/crypto.h>

using namespace Qt::Literals::StringLiterals;

namespace credvault::client {

Result<StaffIdentity> StaffIdentity::load(const QString &path, QByteArrayView passphrase, const QDateTime &now)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorKind::Io, u"cannot read the staff certificate %1: %2"_s.arg(path, f.errorString()),
                    u"unreadable"_s);
    if (f.size() > 1024 * 1024)
        return fail(ErrorKind::InvalidInput, u"%1 is too large to be a staff certificate"_s.arg(path), u"not_pkcs12"_s);
    Result<crypto::Pkcs12Contents> p12 = crypto::readPkcs12(f.readAll(), passphrase);
    if (!p12)
        return fail(p12.error());
    const auto date = [](const QDateTime &t) { return t.toString(u"yyyy-MM-dd HH:mm 'UTC'"_s); };
    if (p12->notAfter.isValid() && p12->notAfter < now)
        return fail(ErrorKind::Expired,
                    u"this staff certificate expired on %1: ask an admin for a new one"_s.arg(date(p12->notAfter)),
                    u"certificate_expired"_s);
    if (p12->notBefore.isValid() && p12->notBefore > now)
        return fail(ErrorKind::InvalidInput,
                    u"this staff certificate is valid only from %1 on (or this computer's clock is wrong)"_s.arg(
                        date(p12->notBefore)),
                    u"certificate_not_yet_valid"_s);
    if (p12->organizationalUnit != u"support"_s && p12->organizationalUnit != u"admin"_s)
        return fail(ErrorKind::Permission,
                    u"this is not a staff certificate: it has no support or admin role (%1)"_s.arg(
                        p12->organizationalUnit.isEmpty() ? u"none"_s : p12->organizationalUnit),
                    u"not_staff"_s);
    if (!p12->clientAuth)
        return fail(ErrorKind::Permission, u"this certificate is not for signing in to a server (no client use)"_s,
                    u"not_client"_s);

    StaffIdentity id;
    id.tls.certificate = QSslCertificate(p12->certificateDer, QSsl::Der);
    {
        QByteArray pem = p12->keyPem.view().toByteArray(); // Qt takes PEM in a QByteArray: wiped right after
        id.tls.key = QSslKey(pem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
        if (id.tls.key.isNull()) // our PKI makes P-256 keys; another deployment's may be RSA
            id.tls.key = QSslKey(pem, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
        OPENSSL_cleanse(pem.data(), std::size_t(pem.size()));
    }
    if (id.tls.certificate.isNull() || id.tls.key.isNull())
        return fail(ErrorKind::InvalidInput, u"the staff certificate's key is of a kind this app cannot use"_s,
                    u"unsupported_key"_s);
    id.tls.chain.append(id.tls.certificate);
    for (const QByteArray &der : p12->chainDer)
        id.tls.chain.append(QSslCertificate(der, QSsl::Der));
    id.name = p12->commonName;
    id.role = p12->organizationalUnit;
    id.notAfter = p12->notAfter;
    return id;
}

} // namespace credvault::client
