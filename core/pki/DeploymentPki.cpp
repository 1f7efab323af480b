#include "pki/DeploymentPki.h"

#include "common/Files.h"
#include "crypto/OpenSslPtr.h"
#include "crypto/Primitives.h"
#include "protocol/Base64Url.h"

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QtEndian>
#include <QtNetwork/QHostAddress>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace credvault::pki {

namespace {

using crypto::BioPtr;
using crypto::PkeyPtr;
using crypto::X509Ptr;
using CrlPtr = crypto::OpenSslPtr<X509_CRL, X509_CRL_free>;
template<typename T, void (*Free)(T *)> using Deleter = crypto::OpenSslDeleter<T, Free>;

constexpr int kRootDays = 3650;
constexpr int kIntermediateDays = 1825;
constexpr int kLeafDays = 365;
constexpr int kStaffDays = 90;

Unexpected<Error> opensslFailure(const QString &what)
{
    return fail(ErrorKind::Crypto, u"%1: %2"_s.arg(what, crypto::takeOpenSslError()), u"pki"_s);
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(n));
}

Result<QByteArray> certPem(X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1)
        return opensslFailure(u"cannot encode a certificate"_s);
    return bioBytes(bio.get());
}

Result<SecureBuffer> keyPem(EVP_PKEY *key)
{
    BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return opensslFailure(u"cannot encode a key"_s);
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return SecureBuffer::copyOf(QByteArrayView(data, qsizetype(n)));
}

Result<X509Ptr> readCert(const QString &path)
{
    Result<QByteArray> pem = readSmallFile(path, 1024 * 1024);
    if (!pem)
        return fail(pem.error());
    BioPtr bio(BIO_new_mem_buf(pem->constData(), int(pem->size())));
    X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert)
        return fail(ErrorKind::InvalidInput, u"%1: not a PEM certificate"_s.arg(path), u"bad_pem"_s);
    return cert;
}

Result<PkeyPtr> readKey(const QString &path)
{
    Result<SecureBuffer> pem = readSecretFile(path, 64 * 1024);
    if (!pem)
        return fail(pem.error());
    BioPtr bio(BIO_new_mem_buf(pem->data(), int(pem->size())));
    PkeyPtr key(PEM_read_bio_PrivateKey(
        bio.get(), nullptr, [](char *, int, int, void *) { return 0; }, nullptr));
    if (!key)
        return fail(ErrorKind::InvalidInput, u"%1: not an unencrypted PEM private key"_s.arg(path), u"bad_pem"_s);
    return key;
}

PkeyPtr newKey()
{
    return PkeyPtr(EVP_EC_gen("P-256"));
}

bool setRandomSerial(X509 *cert, QString *hexOut)
{
    unsigned char raw[16];
    crypto::randomBytes(raw, sizeof raw);
    raw[0] &= 0x7f; // positive
    raw[0] |= 0x40; // and always 16 bytes long
    std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>> bn(BN_bin2bn(raw, sizeof raw, nullptr));
    ASN1_INTEGER *serial = bn ? BN_to_ASN1_INTEGER(bn.get(), nullptr) : nullptr;
    const bool ok = serial && X509_set_serialNumber(cert, serial) == 1;
    ASN1_INTEGER_free(serial);
    if (hexOut)
        *hexOut = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(raw), sizeof raw).toHex());
    return ok;
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer ? issuer : cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_nconf_nid(nullptr, &ctx, nid, value.constData());
    const bool ok = ext && X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

struct Subject {
    QString commonName;
    QString organizationalUnit;
};

// Makes and signs a certificate. `issuer` null: self-signed with `key`.
Result<X509Ptr> makeCertificate(const Subject &subject, EVP_PKEY *key, X509 *issuer, EVP_PKEY *issuerKey, int days,
                                const QList<std::pair<int, QByteArray>> &extensions, QString *serialHex)
{
    X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1 || !setRandomSerial(cert.get(), serialHex))
        return opensslFailure(u"cannot make a certificate"_s);
    // Valid from five minutes ago, for clocks a little behind.
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -300);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(days) * 86400);
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("CredVault"), -1, -1,
                               0);
    if (!subject.organizationalUnit.isEmpty())
        X509_NAME_add_entry_by_txt(
            name, "OU", MBSTRING_UTF8,
            reinterpret_cast<const unsigned char *>(subject.organizationalUnit.toUtf8().constData()), -1, -1, 0);
    if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(subject.commonName.toUtf8().constData()), -1,
                                   -1, 0) != 1)
        return opensslFailure(u"cannot name a certificate"_s);
    X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : name);
    if (X509_set_pubkey(cert.get(), key) != 1)
        return opensslFailure(u"cannot set a certificate's key"_s);
    QList<std::pair<int, QByteArray>> all = extensions;
    all.append({NID_subject_key_identifier, "hash"});
    all.append({NID_authority_key_identifier, "keyid:always"});
    for (const auto &[nid, value] : all) {
        if (!addExtension(cert.get(), issuer, nid, value))
            return opensslFailure(u"cannot add extension %1"_s.arg(QString::fromLatin1(OBJ_nid2sn(nid))));
    }
    if (X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) <= 0)
        return opensslFailure(u"cannot sign a certificate"_s);
    return cert;
}

struct Ca {
    X509Ptr cert;
    PkeyPtr key;
};

QString caName(Role role)
{
    return role == Role::Staff ? u"staff-ca"_s : u"services-ca"_s;
}

bool validName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64 || name.startsWith(u'.') || name.startsWith(u'-'))
        return false;
    for (QChar c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'_' && c != u'.')
            return false;
    }
    return name != u"root"_s && name != u"services-ca"_s && name != u"staff-ca"_s;
}

} // namespace

Result<Role> roleFromName(const QString &name)
{
    if (name == u"server"_s)
        return Role::Server;
    if (name == u"service"_s)
        return Role::Service;
    if (name == u"staff"_s)
        return Role::Staff;
    return fail(ErrorKind::InvalidInput, u"a role is server, service or staff, not '%1'"_s.arg(name), u"bad_role"_s);
}

QString DeploymentPki::path(const QString &file) const
{
    return QDir(m_dir).absoluteFilePath(file);
}

namespace {

Result<Ca> loadCa(const DeploymentPki &pki, const QString &name)
{
    Result<X509Ptr> cert = readCert(pki.path(name + u".pem"_s));
    if (!cert)
        return fail(ErrorKind::NotFound, u"%1: no CA here (run pki init first)"_s.arg(pki.path(name + u".pem"_s)),
                    u"no_ca"_s);
    Result<PkeyPtr> key = readKey(pki.path(name + u".key"_s));
    if (!key)
        return fail(key.error());
    return Ca{std::move(*cert), std::move(*key)};
}

Result<void> saveCertAndKey(const DeploymentPki &pki, const QString &name, X509 *cert, EVP_PKEY *key,
                            Overwrite overwrite)
{
    Result<QByteArray> pem = certPem(cert);
    if (!pem)
        return fail(pem.error());
    Result<SecureBuffer> k = keyPem(key);
    if (!k)
        return fail(k.error());
    if (Result<void> w = writeFileAtomically(pki.path(name + u".key"_s), k->view(), kOwnerOnly, overwrite); !w)
        return w;
    return writeFileAtomically(pki.path(name + u".pem"_s), *pem, kWorldReadable, overwrite);
}

// "SERIALHEX 2026-11-23T10:00:00Z" lines.
QList<std::pair<QByteArray, QDateTime>> readRevoked(const QString &path)
{
    QList<std::pair<QByteArray, QDateTime>> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> parts = line.trimmed().split(' ');
        if (parts.size() == 2)
            out.append({parts[0], QDateTime::fromString(QString::fromLatin1(parts[1]), Qt::ISODate)});
    }
    return out;
}

Result<void> writeCrl(const DeploymentPki &pki, const QString &caFile, int days)
{
    Result<Ca> ca = loadCa(pki, caFile);
    if (!ca)
        return fail(ca.error());
    CrlPtr crl(X509_CRL_new());
    if (!crl || X509_CRL_set_version(crl.get(), 1) != 1 ||
        X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(ca->cert.get())) != 1)
        return opensslFailure(u"cannot make a CRL"_s);
    std::unique_ptr<ASN1_TIME, Deleter<ASN1_TIME, ASN1_TIME_free>> last(ASN1_TIME_new());
    std::unique_ptr<ASN1_TIME, Deleter<ASN1_TIME, ASN1_TIME_free>> next(ASN1_TIME_new());
    X509_gmtime_adj(last.get(), -300);
    X509_gmtime_adj(next.get(), long(days) * 86400);
    X509_CRL_set1_lastUpdate(crl.get(), last.get());
    X509_CRL_set1_nextUpdate(crl.get(), next.get());
    for (const auto &[serialHex, when] : readRevoked(pki.path(caFile + u".revoked"_s))) {
        BIGNUM *bn = nullptr;
        if (BN_hex2bn(&bn, serialHex.constData()) == 0)
            continue;
        ASN1_INTEGER *serial = BN_to_ASN1_INTEGER(bn, nullptr);
        BN_free(bn);
        X509_REVOKED *r = X509_REVOKED_new();
        std::unique_ptr<ASN1_TIME, Deleter<ASN1_TIME, ASN1_TIME_free>> t(
            ASN1_TIME_set(nullptr, when.toSecsSinceEpoch()));
        X509_REVOKED_set_serialNumber(r, serial);
        X509_REVOKED_set_revocationDate(r, t.get());
        ASN1_INTEGER_free(serial);
        X509_CRL_add0_revoked(crl.get(), r);
    }
    X509_CRL_sort(crl.get());
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, ca->cert.get(), nullptr, nullptr, crl.get(), 0);
    X509_EXTENSION *akid = X509V3_EXT_nconf_nid(nullptr, &ctx, NID_authority_key_identifier, "keyid:always");
    if (akid) {
        X509_CRL_add_ext(crl.get(), akid, -1);
        X509_EXTENSION_free(akid);
    }
    if (X509_CRL_sign(crl.get(), ca->key.get(), EVP_sha256()) <= 0)
        return opensslFailure(u"cannot sign the CRL"_s);
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_X509_CRL(bio.get(), crl.get()) != 1)
        return opensslFailure(u"cannot encode the CRL"_s);
    return writeFileAtomically(pki.path(caFile + u".crl"_s), bioBytes(bio.get()), kWorldReadable, Overwrite::Replace);
}

} // namespace

Result<void> DeploymentPki::init()
{
    if (!QDir().mkpath(m_dir))
        return fail(ErrorKind::Io, u"cannot make the folder %1"_s.arg(m_dir));
    if (QFileInfo::exists(path(u"root.pem"_s)) || QFileInfo::exists(path(u"root.key"_s)))
        return fail(ErrorKind::Conflict, u"%1 already holds a deployment PKI (root.pem); not replacing it"_s.arg(m_dir),
                    u"exists"_s);
    PkeyPtr rootKey = newKey();
    if (!rootKey)
        return opensslFailure(u"cannot make a key"_s);
    Result<X509Ptr> root = makeCertificate(
        {u"CredVault deployment root"_s, {}}, rootKey.get(), nullptr, nullptr, kRootDays,
        {{NID_basic_constraints, "critical,CA:TRUE"}, {NID_key_usage, "critical,keyCertSign,cRLSign"}}, nullptr);
    if (!root)
        return fail(root.error());
    if (Result<void> w = saveCertAndKey(*this, u"root"_s, root->get(), rootKey.get(), Overwrite::Refuse); !w)
        return w;
    for (const auto &[file, cn] :
         {std::pair{u"services-ca"_s, u"CredVault services CA"_s}, std::pair{u"staff-ca"_s, u"CredVault staff CA"_s}}) {
        PkeyPtr key = newKey();
        Result<X509Ptr> ca = makeCertificate(
            {cn, {}}, key.get(), root->get(), rootKey.get(), kIntermediateDays,
            {{NID_basic_constraints, "critical,CA:TRUE,pathlen:0"}, {NID_key_usage, "critical,keyCertSign,cRLSign"}},
            nullptr);
        if (!ca)
            return fail(ca.error());
        if (Result<void> w = saveCertAndKey(*this, file, ca->get(), key.get(), Overwrite::Refuse); !w)
            return w;
    }
    return writeCrls();
}

Result<Issued> DeploymentPki::issue(const IssueRequest &request)
{
    if (!validName(request.name))
        return fail(
            ErrorKind::InvalidInput,
            u"'%1' is not a usable name (letters, digits, '-', '_', '.'; not root or a CA's name)"_s.arg(request.name),
            u"bad_name"_s);
    if (request.role == Role::Staff && request.staffRole != u"support"_s && request.staffRole != u"admin"_s)
        return fail(ErrorKind::InvalidInput, u"a staff certificate needs --staff-role support or admin"_s,
                    u"bad_role"_s);
    if (request.role != Role::Staff && !request.staffRole.isEmpty())
        return fail(ErrorKind::InvalidInput, u"--staff-role is for staff certificates only"_s, u"bad_role"_s);
    if (request.role != Role::Server && !request.sans.isEmpty())
        return fail(ErrorKind::InvalidInput, u"--san is for server certificates only"_s, u"bad_san"_s);
    QByteArray sanValue;
    for (const QString &san : request.sans) {
        const bool dns = san.startsWith(u"DNS:"_s) && san.size() > 4;
        const bool ip = san.startsWith(u"IP:"_s) && !QHostAddress(san.mid(3)).isNull();
        if (!dns && !ip)
            return fail(ErrorKind::InvalidInput, u"'%1' is not DNS:NAME or IP:ADDRESS"_s.arg(san), u"bad_san"_s);
        sanValue += (sanValue.isEmpty() ? "" : ",") + san.toUtf8();
    }
    if (request.role == Role::Server && sanValue.isEmpty())
        return fail(ErrorKind::InvalidInput, u"a server certificate needs at least one --san (DNS:… or IP:…)"_s,
                    u"bad_san"_s);

    Result<Ca> ca = loadCa(*this, caName(request.role));
    if (!ca)
        return fail(ca.error());
    const int days = request.days > 0 ? request.days : request.role == Role::Staff ? kStaffDays : kLeafDays;
    QList<std::pair<int, QByteArray>> ext{
        {NID_basic_constraints, "critical,CA:FALSE"},
        {NID_key_usage, "critical,digitalSignature"},
        {NID_ext_key_usage, request.role == Role::Server ? "serverAuth" : "clientAuth"}};
    if (!sanValue.isEmpty())
        ext.append({NID_subject_alt_name, sanValue});
    PkeyPtr key = newKey();
    Issued out;
    Result<X509Ptr> cert = makeCertificate({request.name, request.role == Role::Staff ? request.staffRole : QString()},
                                           key.get(), ca->cert.get(), ca->key.get(), days, ext, &out.serialHex);
    if (!cert)
        return fail(cert.error());
    if (Result<void> w = saveCertAndKey(*this, request.name, cert->get(), key.get(), Overwrite::Replace); !w)
        return fail(w.error());
    Result<QByteArray> leafPem = certPem(cert->get());
    Result<QByteArray> caPem = certPem(ca->cert.get());
    if (!leafPem || !caPem)
        return fail(ErrorKind::Crypto, u"cannot encode the chain"_s);
    out.certificate = path(request.name + u".pem"_s);
    out.key = path(request.name + u".key"_s);
    out.chain = path(request.name + u"-chain.pem"_s);
    if (Result<void> w = writeFileAtomically(out.chain, *leafPem + *caPem, kWorldReadable, Overwrite::Replace); !w)
        return fail(w.error());
    if (request.role == Role::Staff) {
        // A generated passphrase: 144 bits, base64url.
        unsigned char raw[18];
        crypto::randomBytes(raw, sizeof raw);
        const QByteArray pass = toBase64Url(QByteArrayView(reinterpret_cast<const char *>(raw), sizeof raw));
        STACK_OF(X509) *chain = sk_X509_new_null();
        sk_X509_push(chain, ca->cert.get());
        // OpenSSL 3's defaults: AES-256-CBC with PBKDF2, SHA-256 MAC.
        PKCS12 *p12 = PKCS12_create_ex(pass.constData(), request.name.toUtf8().constData(), key.get(), cert->get(),
                                       chain, 0, 0, 0, 0, 0, nullptr, nullptr);
        sk_X509_free(chain);
        BioPtr bio(BIO_new(BIO_s_mem()));
        const bool ok = p12 && i2d_PKCS12_bio(bio.get(), p12) == 1;
        PKCS12_free(p12);
        if (!ok)
            return opensslFailure(u"cannot make the PKCS#12 file"_s);
        out.pkcs12 = path(request.name + u".p12"_s);
        out.passphrase = path(request.name + u".p12.pass"_s);
        if (Result<void> w = writeFileAtomically(out.pkcs12, bioBytes(bio.get()), kOwnerOnly, Overwrite::Replace); !w)
            return fail(w.error());
        if (Result<void> w = writeFileAtomically(out.passphrase, pass + '\n', kOwnerOnly, Overwrite::Replace); !w)
            return fail(w.error());
    }
    return out;
}

Result<Issued> DeploymentPki::renew(const QString &name, int days)
{
    Result<X509Ptr> cert = readCert(path(name + u".pem"_s));
    if (!cert)
        return fail(cert.error());
    IssueRequest req;
    req.name = name;
    req.days = days;
    Result<Ca> staff = loadCa(*this, u"staff-ca"_s);
    if (!staff)
        return fail(staff.error());
    if (X509_check_issued(staff->cert.get(), cert->get()) == X509_V_OK) {
        req.role = Role::Staff;
        X509_NAME *subject = X509_get_subject_name(cert->get());
        const int i = X509_NAME_get_index_by_NID(subject, NID_organizationalUnitName, -1);
        if (i >= 0) {
            unsigned char *utf8 = nullptr;
            const int n = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, i)));
            if (n > 0)
                req.staffRole = QString::fromUtf8(reinterpret_cast<const char *>(utf8), n);
            OPENSSL_free(utf8);
        }
    } else {
        const uint32_t eku = X509_get_extended_key_usage(cert->get());
        req.role = (eku & XKU_SSL_SERVER) ? Role::Server : Role::Service;
        auto *names =
            static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(cert->get(), NID_subject_alt_name, nullptr, nullptr));
        for (int i = 0; names && i < sk_GENERAL_NAME_num(names); ++i) {
            const GENERAL_NAME *g = sk_GENERAL_NAME_value(names, i);
            if (g->type == GEN_DNS) {
                req.sans.append(u"DNS:"_s +
                                QString::fromUtf8(reinterpret_cast<const char *>(ASN1_STRING_get0_data(g->d.dNSName)),
                                                  ASN1_STRING_length(g->d.dNSName)));
            } else if (g->type == GEN_IPADD) {
                const QByteArray raw(reinterpret_cast<const char *>(ASN1_STRING_get0_data(g->d.iPAddress)),
                                     ASN1_STRING_length(g->d.iPAddress));
                QHostAddress a;
                if (raw.size() == 4)
                    a.setAddress(qFromBigEndian<quint32>(raw.constData()));
                else if (raw.size() == 16)
                    a.setAddress(reinterpret_cast<const quint8 *>(raw.constData()));
                req.sans.append(u"IP:"_s + a.toString());
            }
        }
        GENERAL_NAMES_free(names);
    }
    return issue(req);
}

Result<QString> DeploymentPki::revoke(const QString &certificateFile)
{
    Result<X509Ptr> cert = readCert(certificateFile);
    if (!cert)
        return fail(cert.error());
    for (const QString &caFile : {u"services-ca"_s, u"staff-ca"_s}) {
        Result<Ca> ca = loadCa(*this, caFile);
        if (!ca)
            return fail(ca.error());
        if (X509_check_issued(ca->cert.get(), cert->get()) != X509_V_OK || X509_verify(cert->get(), ca->key.get()) != 1)
            continue;
        const ASN1_INTEGER *serial = X509_get0_serialNumber(cert->get());
        std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>> bn(ASN1_INTEGER_to_BN(serial, nullptr));
        char *hex = BN_bn2hex(bn.get());
        const QByteArray serialHex = QByteArray(hex).toLower();
        OPENSSL_free(hex);
        const QString list = path(caFile + u".revoked"_s);
        for (const auto &[s, when] : readRevoked(list)) {
            if (s.toLower() == serialHex)
                return fail(ErrorKind::Conflict, u"%1 is already revoked"_s.arg(certificateFile), u"already_revoked"_s);
        }
        QFile f(list);
        if (!f.open(QIODevice::Append))
            return fail(ErrorKind::Io, u"%1: cannot write"_s.arg(list));
        f.write(serialHex + ' ' + QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toLatin1() + '\n');
        f.close();
        if (Result<void> w = writeCrl(*this, caFile, 30); !w)
            return fail(w.error());
        return QString::fromLatin1(serialHex);
    }
    return fail(ErrorKind::InvalidInput,
                u"%1 was not issued by this deployment's services or staff CA"_s.arg(certificateFile),
                u"foreign_certificate"_s);
}

Result<void> DeploymentPki::writeCrls(int days)
{
    if (days < 1 || days > 3650)
        return fail(ErrorKind::InvalidInput, u"a CRL lasts 1 to 3650 days"_s, u"bad_days"_s);
    for (const QString &caFile : {u"services-ca"_s, u"staff-ca"_s}) {
        if (Result<void> w = writeCrl(*this, caFile, days); !w)
            return w;
    }
    return {};
}

} // namespace credvault::pki
