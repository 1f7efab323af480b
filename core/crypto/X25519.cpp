#include "crypto/X25519.h"

#include "crypto/Primitives.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace credvault::crypto {

namespace {

// The X25519 base point: a valid public key to create the reusable peer object with.
constexpr X25519PublicKey kBasePoint = {9};

bool isAllZero(const unsigned char *p, std::size_t n)
{
    unsigned char acc = 0;
    for (std::size_t i = 0; i < n; ++i)
        acc |= p[i];
    return acc == 0;
}

} // namespace

Result<X25519PublicKey> x25519PublicKeyFrom(QByteArrayView bytes)
{
    if (bytes.size() != qsizetype(kX25519KeySize))
        return fail(ErrorKind::InvalidInput, u"an X25519 public key has 32 bytes, not %1"_s.arg(bytes.size()),
                    u"bad_public_key"_s);
    X25519PublicKey k{};
    std::memcpy(k.data(), bytes.data(), k.size());
    return k;
}

X25519PrivateKey::X25519PrivateKey(X25519PrivateKey &&other) noexcept : m_pkey(other.m_pkey), m_public(other.m_public)
{
    other.m_pkey = nullptr;
}

X25519PrivateKey &X25519PrivateKey::operator=(X25519PrivateKey &&other) noexcept
{
    if (this != &other) {
        EVP_PKEY_free(m_pkey);
        m_pkey = other.m_pkey;
        m_public = other.m_public;
        other.m_pkey = nullptr;
    }
    return *this;
}

X25519PrivateKey::~X25519PrivateKey()
{
    EVP_PKEY_free(m_pkey); // OpenSSL cleanses ECX private keys on free
}

X25519PrivateKey X25519PrivateKey::generate()
{
    SecureBuffer raw(kX25519KeySize);
    randomBytes(raw.data(), raw.size());
    Result<X25519PrivateKey> k = fromRaw(raw.view());
    if (!k)
        qFatal("X25519 key generation failed: %s", qPrintable(k.error().message));
    return std::move(k).value();
}

Result<X25519PrivateKey> X25519PrivateKey::fromRaw(QByteArrayView raw)
{
    if (raw.size() != qsizetype(kX25519KeySize))
        return fail(ErrorKind::InvalidInput, u"an X25519 private key has 32 bytes, not %1"_s.arg(raw.size()),
                    u"bad_private_key"_s);
    EVP_PKEY *pkey = EVP_PKEY_new_raw_private_key_ex(
        nullptr, "X25519", nullptr, reinterpret_cast<const unsigned char *>(raw.data()), kX25519KeySize);
    if (!pkey)
        return fail(ErrorKind::Crypto, u"cannot load an X25519 private key: %1"_s.arg(takeOpenSslError()));
    return fromEvp(pkey);
}

Result<X25519PrivateKey> X25519PrivateKey::fromEvp(EVP_PKEY *pkey)
{
    X25519PrivateKey k;
    k.m_pkey = pkey;
    if (!pkey || EVP_PKEY_get_base_id(pkey) != EVP_PKEY_X25519)
        return fail(ErrorKind::InvalidInput, u"not an X25519 key"_s, u"wrong_key_type"_s);
    std::size_t len = k.m_public.size();
    if (EVP_PKEY_get_raw_public_key(pkey, k.m_public.data(), &len) != 1 || len != kX25519KeySize)
        return fail(ErrorKind::Crypto, u"cannot read the X25519 public key: %1"_s.arg(takeOpenSslError()));
    std::size_t privLen = 0;
    if (EVP_PKEY_get_raw_private_key(pkey, nullptr, &privLen) != 1 || privLen != kX25519KeySize)
        return fail(ErrorKind::InvalidInput, u"an X25519 public key where a private key is needed"_s,
                    u"not_a_private_key"_s);
    return k;
}

SecureBuffer X25519PrivateKey::rawPrivate() const
{
    SecureBuffer out(kX25519KeySize);
    std::size_t len = out.size();
    if (!m_pkey || EVP_PKEY_get_raw_private_key(m_pkey, out.data(), &len) != 1)
        out.clear();
    return out;
}

Result<SecureBuffer> X25519PrivateKey::dh(const X25519PublicKey &peer) const
{
    X25519Deriver d(*this);
    SecureBuffer out(kX25519KeySize);
    if (!d.isValid())
        return fail(ErrorKind::Crypto, u"cannot set up X25519: %1"_s.arg(takeOpenSslError()));
    if (!d.derive(peer.data(), out.data()))
        return fail(ErrorKind::Crypto, u"X25519 gave an all-zero result: the public key is of low order"_s,
                    u"low_order_key"_s);
    return out;
}

X25519Deriver::X25519Deriver(const X25519PrivateKey &key)
{
    if (key.isNull())
        return;
    m_peer = EVP_PKEY_new_raw_public_key_ex(nullptr, "X25519", nullptr, kBasePoint.data(), kBasePoint.size());
    m_ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, key.evp(), nullptr);
    if (!m_peer || !m_ctx || EVP_PKEY_derive_init(m_ctx) != 1) {
        EVP_PKEY_CTX_free(m_ctx);
        m_ctx = nullptr;
    }
}

X25519Deriver::~X25519Deriver()
{
    EVP_PKEY_CTX_free(m_ctx);
    EVP_PKEY_free(m_peer);
}

bool X25519Deriver::derive(const unsigned char *peer, unsigned char *out)
{
    std::memset(out, 0, kX25519KeySize);
    if (!m_ctx)
        return false;
    // Replace the peer key's bytes in place, then hand it to the context again: no key
    // object is created or fetched per call.
    if (EVP_PKEY_set_octet_string_param(m_peer, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, peer, kX25519KeySize) != 1 ||
        EVP_PKEY_derive_set_peer_ex(m_ctx, m_peer, 0) != 1) {
        takeOpenSslError();
        return false;
    }
    std::size_t len = kX25519KeySize;
    // OpenSSL refuses an all-zero result itself; checked again here so the guarantee does
    // not rest on a library detail.
    if (EVP_PKEY_derive(m_ctx, out, &len) != 1 || len != kX25519KeySize || isAllZero(out, kX25519KeySize)) {
        takeOpenSslError();
        OPENSSL_cleanse(out, kX25519KeySize);
        return false;
    }
    return true;
}

} // namespace credvault::crypto
