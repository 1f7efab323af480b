#include "crypto/Aead.h"

#include "crypto/Primitives.h"

#include <openssl/evp.h>

#include <cstring>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace credvault::crypto {

namespace {

struct CipherCtxDeleter {
    void operator()(EVP_CIPHER_CTX *c) const { EVP_CIPHER_CTX_free(c); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

const unsigned char *bytes(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char *>(v.data());
}

} // namespace

Result<QByteArray> aes256GcmSeal(QByteArrayView key, QByteArrayView aad, QByteArrayView plaintext)
{
    if (key.size() != 32)
        return fail(ErrorKind::Internal, u"an AES-256-GCM key has 32 bytes"_s);
    QByteArray out(qsizetype(kGcmOverhead) + plaintext.size(), Qt::Uninitialized);
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    randomBytes(o, kGcmNonceSize);
    const CipherCtx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    const bool ok =
        ctx && EVP_EncryptInit_ex2(ctx.get(), algorithms().aes256gcm, bytes(key), o, nullptr) == 1 &&
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) == 1 &&
        EVP_EncryptUpdate(ctx.get(), o + kGcmNonceSize, &len, bytes(plaintext), int(plaintext.size())) == 1 &&
        EVP_EncryptFinal_ex(ctx.get(), o + kGcmNonceSize + len, &len) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, int(kGcmTagSize), o + kGcmNonceSize + plaintext.size()) ==
            1;
    if (!ok)
        return fail(ErrorKind::Crypto, u"AES-256-GCM sealing failed: %1"_s.arg(takeOpenSslError()));
    return out;
}

Result<SecureBuffer> aes256GcmOpen(QByteArrayView key, QByteArrayView aad, QByteArrayView box)
{
    if (key.size() != 32 || std::size_t(box.size()) < kGcmOverhead)
        return fail(ErrorKind::Crypto, u"the sealed bytes are too short"_s, u"aead_failed"_s);
    const std::size_t ctLen = std::size_t(box.size()) - kGcmOverhead;
    const unsigned char *b = bytes(box);
    SecureBuffer out(ctLen);
    unsigned char tag[kGcmTagSize];
    std::memcpy(tag, b + kGcmNonceSize + ctLen, kGcmTagSize);
    const CipherCtx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    unsigned char scratch = 0;
    const bool ok =
        ctx && EVP_DecryptInit_ex2(ctx.get(), algorithms().aes256gcm, bytes(key), b, nullptr) == 1 &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) == 1 &&
        EVP_DecryptUpdate(ctx.get(), ctLen ? out.data() : &scratch, &len, b + kGcmNonceSize, int(ctLen)) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, int(kGcmTagSize), tag) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), &scratch, &len) == 1;
    if (!ok) {
        takeOpenSslError();
        return fail(ErrorKind::Crypto, u"the sealed bytes do not open"_s, u"aead_failed"_s);
    }
    return out;
}

} // namespace credvault::crypto
