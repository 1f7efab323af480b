#include "crypto/Pkcs12.h"

#include "crypto/OpenSslPtr.h"
#include "crypto/Primitives.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstring>
#include <memory>
#include <mutex>

using namespace Qt::Literals::StringLiterals;

namespace credvault::crypto {

namespace {

using Pkcs12Ptr = OpenSslPtr<PKCS12, PKCS12_free>;
void freeCerts(STACK_OF(X509) * s)
{
    sk_X509_pop_free(s, X509_free);
}
using CertsPtr = OpenSslPtr<STACK_OF(X509), freeCerts>;

QByteArray der(X509 *cert)
{
    unsigned char *out = nullptr;
    const int n = i2d_X509(cert, &out);
    if (n <= 0)
        return {};
    QByteArray bytes(reinterpret_cast<const char *>(out), n);
    OPENSSL_free(out);
    return bytes;
}

QString subjectEntry(X509 *cert, int nid)
{
    X509_NAME *name = X509_get_subject_name(cert);
    const int at = X509_NAME_get_index_by_NID(name, nid, -1);
    if (at < 0)
        return {};
    unsigned char *utf8 = nullptr;
    const int n = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, at)));
    if (n < 0)
        return {};
    const QString s = QString::fromUtf8(reinterpret_cast<const char *>(utf8), n);
    OPENSSL_free(utf8);
    return s;
}

QDateTime timeOf(const ASN1_TIME *t)
{
    struct tm tm {};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec),
                     Qt::UTC);
}

// PKCS12_parse with what the file needs: the default provider, or the legacy one too for
// a file made with RC2 or 3DES (loaded once, for the process, only when such a file comes).
bool parse(PKCS12 *p12, const char *pass, EVP_PKEY **key, X509 **cert, STACK_OF(X509) * *ca, QString &why)
{
    if (PKCS12_parse(p12, pass, key, cert, ca) == 1)
        return true;
    why = takeOpenSslError(); // the first attempt's reason, if the legacy one cannot help
    static std::once_flag once;
    static bool legacy = false;
    std::call_once(once, [] {
        legacy = OSSL_PROVIDER_try_load(nullptr, "legacy", 1) != nullptr;
        ERR_clear_error();
    });
    if (legacy && PKCS12_parse(p12, pass, key, cert, ca) == 1)
        return true;
    if (legacy)
        why = takeOpenSslError();
    return false;
}

} // namespace

Result<Pkcs12Contents> readPkcs12(QByteArrayView bytes, QByteArrayView passphrase)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    Pkcs12Ptr p12(d2i_PKCS12(nullptr, &p, long(bytes.size())));
    if (!p12 || p != reinterpret_cast<const unsigned char *>(bytes.data()) + bytes.size()) {
        ERR_clear_error();
        return fail(ErrorKind::InvalidInput, u"this is not a PKCS#12 file (.p12, .pfx)"_s, u"not_pkcs12"_s);
    }
    // The passphrase as a C string: PKCS#12 passwords cannot hold a NUL.
    SecureBuffer pass(std::size_t(passphrase.size()) + 1);
    std::memcpy(pass.data(), passphrase.data(), std::size_t(passphrase.size()));
    pass.data()[passphrase.size()] = 0;
    const char *cpass = reinterpret_cast<const char *>(pass.data());
    if (PKCS12_mac_present(p12.get()) && PKCS12_verify_mac(p12.get(), cpass, int(passphrase.size())) != 1) {
        ERR_clear_error();
        return fail(ErrorKind::WrongKey, u"the passphrase is not right for this certificate file"_s,
                    u"wrong_passphrase"_s);
    }
    EVP_PKEY *rawKey = nullptr;
    X509 *rawCert = nullptr;
    STACK_OF(X509) *rawCa = nullptr;
    QString why;
    if (!parse(p12.get(), cpass, &rawKey, &rawCert, &rawCa, why))
        return fail(ErrorKind::Crypto, u"cannot read the certificate file: %1"_s.arg(why));
    const PkeyPtr key(rawKey);
    const X509Ptr cert(rawCert);
    const CertsPtr ca(rawCa);
    if (!cert)
        return fail(ErrorKind::InvalidInput, u"the certificate file holds no certificate"_s, u"no_certificate"_s);
    if (!key)
        return fail(ErrorKind::InvalidInput, u"the certificate file holds no private key"_s, u"no_key"_s);
    if (X509_check_private_key(cert.get(), key.get()) != 1) {
        ERR_clear_error();
        return fail(ErrorKind::InvalidInput, u"the certificate file's key does not belong to its certificate"_s,
                    u"key_mismatch"_s);
    }

    Pkcs12Contents out;
    BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return fail(ErrorKind::Crypto, u"cannot encode the private key: %1"_s.arg(takeOpenSslError()));
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    out.keyPem = SecureBuffer::copyOf(QByteArrayView(data, qsizetype(n)));
    out.certificateDer = der(cert.get());
    for (int i = 0; ca && i < sk_X509_num(ca.get()); ++i)
        out.chainDer.append(der(sk_X509_value(ca.get(), i)));
    out.commonName = subjectEntry(cert.get(), NID_commonName);
    out.organizationalUnit = subjectEntry(cert.get(), NID_organizationalUnitName);
    out.notBefore = timeOf(X509_get0_notBefore(cert.get()));
    out.notAfter = timeOf(X509_get0_notAfter(cert.get()));
    out.clientAuth = (X509_get_extension_flags(cert.get()) & EXFLAG_XKUSAGE) == 0 ||
                     (X509_get_extended_key_usage(cert.get()) & XKU_SSL_CLIENT) != 0;
    return out;
}

} // namespace credvault::crypto
