#include "crypto/AuditSignature.h"

#include "crypto/Primitives.h"

#include <QtCore/QtEndian>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace credvault {

namespace {
struct MdCtxDeleter {
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
};
} // namespace

QByteArray auditHeadMessage(qint64 count, QByteArrayView hash)
{
    QByteArray m("credvault/v1/audit-head");
    m.append('\0');
    const quint64 be = qToBigEndian(quint64(count));
    m.append(reinterpret_cast<const char *>(&be), 8);
    m.append(hash);
    return m;
}

AuditSigner::AuditSigner(AuditSigner &&other) noexcept : m_key(other.m_key), m_public(other.m_public)
{
    other.m_key = nullptr;
}

AuditSigner &AuditSigner::operator=(AuditSigner &&other) noexcept
{
    if (this != &other) {
        EVP_PKEY_free(m_key);
        m_key = other.m_key;
        m_public = other.m_public;
        other.m_key = nullptr;
    }
    return *this;
}

AuditSigner::~AuditSigner()
{
    EVP_PKEY_free(m_key);
}

AuditSigner AuditSigner::generate()
{
    AuditSigner s;
    s.m_key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    std::size_t len = s.m_public.size();
    if (!s.m_key || EVP_PKEY_get_raw_public_key(s.m_key, s.m_public.data(), &len) != 1)
        qFatal("cannot make an Ed25519 key");
    return s;
}

Result<AuditSigner> AuditSigner::fromPem(QByteArrayView pem)
{
    BIO *bio = BIO_new_mem_buf(pem.data(), int(pem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(
        bio, nullptr, [](char *, int, int, void *) { return 0; }, nullptr);
    BIO_free(bio);
    AuditSigner s;
    s.m_key = key;
    if (!key)
        return fail(ErrorKind::InvalidInput,
                    u"not an unencrypted PEM private key (%1)"_s.arg(crypto::takeOpenSslError()), u"bad_pem"_s);
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_ED25519)
        return fail(ErrorKind::InvalidInput, u"the audit key must be an Ed25519 key"_s, u"wrong_key_type"_s);
    std::size_t len = s.m_public.size();
    if (EVP_PKEY_get_raw_public_key(key, s.m_public.data(), &len) != 1)
        return fail(ErrorKind::Crypto, u"cannot read the audit key's public half"_s);
    return s;
}

SecureBuffer AuditSigner::privatePem() const
{
    BIO *bio = BIO_new(BIO_s_secmem());
    SecureBuffer out;
    if (bio && PEM_write_bio_PrivateKey(bio, m_key, nullptr, nullptr, 0, nullptr, nullptr) == 1) {
        char *data = nullptr;
        const long n = BIO_get_mem_data(bio, &data);
        out = SecureBuffer::copyOf(QByteArrayView(data, qsizetype(n)));
    }
    BIO_free(bio);
    return out;
}

Result<QByteArray> AuditSigner::signHead(qint64 count, QByteArrayView hash) const
{
    const QByteArray msg = auditHeadMessage(count, hash);
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    QByteArray sig(64, Qt::Uninitialized);
    std::size_t len = 64;
    if (!m_key || !ctx || EVP_DigestSignInit_ex(ctx.get(), nullptr, nullptr, nullptr, nullptr, m_key, nullptr) != 1 ||
        EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len,
                       reinterpret_cast<const unsigned char *>(msg.constData()), std::size_t(msg.size())) != 1)
        return fail(ErrorKind::Crypto, u"cannot sign the audit head: %1"_s.arg(crypto::takeOpenSslError()));
    return sig;
}

bool verifyAuditHead(const AuditKeyPublic &publicKey, qint64 count, QByteArrayView hash, QByteArrayView signature)
{
    if (signature.size() != 64)
        return false;
    EVP_PKEY *key = EVP_PKEY_new_raw_public_key_ex(nullptr, "ED25519", nullptr, publicKey.data(), publicKey.size());
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    const QByteArray msg = auditHeadMessage(count, hash);
    const bool ok =
        key && ctx && EVP_DigestVerifyInit_ex(ctx.get(), nullptr, nullptr, nullptr, nullptr, key, nullptr) == 1 &&
        EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.data()),
                         std::size_t(signature.size()), reinterpret_cast<const unsigned char *>(msg.constData()),
                         std::size_t(msg.size())) == 1;
    EVP_PKEY_free(key);
    crypto::takeOpenSslError();
    return ok;
}

} // namespace credvault
