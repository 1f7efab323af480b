#include "keyserver/MasterKey.h"

#include "crypto/EntryEnvelope.h"
#include "crypto/Primitives.h"
#include "crypto/UnlockCode.h"

#include <openssl/evp.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace credvault::keyserver {

namespace {

constexpr unsigned char kVersion = 0x01;
constexpr std::size_t kNonce = 12;
constexpr std::size_t kTag = 16;

struct CipherCtxDeleter {
    void operator()(EVP_CIPHER_CTX *c) const { EVP_CIPHER_CTX_free(c); }
};

QByteArray wrapAad(const QUuid &account, const QByteArray &keyId)
{
    return canonicalUuid(account) + keyId;
}

} // namespace

MasterKey::~MasterKey() = default;

Result<std::unique_ptr<SoftwareMasterKey>> SoftwareMasterKey::load(const store::KeySource &source)
{
    Result<SecureBuffer> key = source.load();
    if (!key)
        return fail(key.error().kind, u"master key: %1"_s.arg(key.error().message), key.error().code);
    return std::make_unique<SoftwareMasterKey>(std::move(*key));
}

SoftwareMasterKey::SoftwareMasterKey(SecureBuffer key) : m_key(std::move(key))
{
    unsigned char mac[crypto::kSha256Size];
    crypto::hmacSha256(m_key.view(), {QByteArrayView("credvault master key id")}, mac);
    m_id = QByteArray(reinterpret_cast<const char *>(mac), 16);
}

Result<QByteArray> SoftwareMasterKey::wrap(const SecureBuffer &secret, const QUuid &account,
                                           const QByteArray &keyId) const
{
    const QByteArray aad = wrapAad(account, keyId);
    QByteArray out(qsizetype(1 + kNonce + secret.size() + kTag), Qt::Uninitialized);
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    o[0] = kVersion;
    crypto::randomBytes(o + 1, kNonce);
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter> ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    const bool ok =
        ctx && EVP_EncryptInit_ex2(ctx.get(), crypto::algorithms().aes256gcm, m_key.data(), o + 1, nullptr) == 1 &&
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char *>(aad.constData()),
                          int(aad.size())) == 1 &&
        EVP_EncryptUpdate(ctx.get(), o + 1 + kNonce, &len, secret.data(), int(secret.size())) == 1 &&
        EVP_EncryptFinal_ex(ctx.get(), o + 1 + kNonce + len, &len) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, int(kTag), o + 1 + kNonce + secret.size()) == 1;
    if (!ok)
        return fail(ErrorKind::Crypto, u"cannot wrap a key: %1"_s.arg(crypto::takeOpenSslError()));
    return out;
}

Result<SecureBuffer> SoftwareMasterKey::unwrap(QByteArrayView wrapped, const QUuid &account,
                                               const QByteArray &keyId) const
{
    if (std::size_t(wrapped.size()) < 1 + kNonce + kTag || static_cast<unsigned char>(wrapped.at(0)) != kVersion)
        return fail(ErrorKind::Crypto, u"not a wrapped key of a known version"_s, u"unwrap_failed"_s);
    const QByteArray aad = wrapAad(account, keyId);
    const auto *w = reinterpret_cast<const unsigned char *>(wrapped.data());
    const std::size_t ctLen = std::size_t(wrapped.size()) - 1 - kNonce - kTag;
    SecureBuffer out(ctLen);
    unsigned char tag[kTag];
    std::memcpy(tag, w + 1 + kNonce + ctLen, kTag);
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter> ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    unsigned char scratch = 0;
    const bool ok =
        ctx && EVP_DecryptInit_ex2(ctx.get(), crypto::algorithms().aes256gcm, m_key.data(), w + 1, nullptr) == 1 &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char *>(aad.constData()),
                          int(aad.size())) == 1 &&
        EVP_DecryptUpdate(ctx.get(), ctLen ? out.data() : &scratch, &len, w + 1 + kNonce, int(ctLen)) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, int(kTag), tag) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), &scratch, &len) == 1;
    if (!ok) {
        crypto::takeOpenSslError();
        return fail(ErrorKind::Crypto,
                    u"the wrapped key does not unwrap: another master key, account or key id, or altered"_s,
                    u"unwrap_failed"_s);
    }
    return out;
}

SecureBuffer SoftwareMasterKey::codePepper() const
{
    return UnlockCode::pepperFromMasterKey(m_key);
}

} // namespace credvault::keyserver
