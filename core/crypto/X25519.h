#pragma once

// X25519 keys on OpenSSL's EVP API. A private key is an EVP_PKEY plus its raw public
// half; raw public keys travel as 32-byte arrays. X25519Deriver is the hot path of
// decapsulation: it keeps one derive context and one peer key per thread and only
// swaps the peer's 32 bytes per call, so a batch pays no key import or context set-up.
// Every DH result that is all zero (a low-order peer key) is an error (RFC 9180 §7.1.4).

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QtCore/QByteArrayView>

#include <array>

typedef struct evp_pkey_st EVP_PKEY;
typedef struct evp_pkey_ctx_st EVP_PKEY_CTX;

namespace credvault::crypto {

inline constexpr std::size_t kX25519KeySize = 32;
using X25519PublicKey = std::array<unsigned char, kX25519KeySize>;

/// A raw public key from bytes; exactly 32 are required.
Result<X25519PublicKey> x25519PublicKeyFrom(QByteArrayView bytes);

class X25519PrivateKey {
public:
    X25519PrivateKey() = default;
    X25519PrivateKey(X25519PrivateKey &&other) noexcept;
    X25519PrivateKey &operator=(X25519PrivateKey &&other) noexcept;
    X25519PrivateKey(const X25519PrivateKey &) = delete;
    X25519PrivateKey &operator=(const X25519PrivateKey &) = delete;
    ~X25519PrivateKey();

    static X25519PrivateKey generate();
    /// From the raw 32-byte scalar (as RFC 9180 DeriveKeyPair and the test vectors give it).
    static Result<X25519PrivateKey> fromRaw(QByteArrayView raw);
    /// Takes ownership of an EVP_PKEY, which must be an X25519 private key.
    static Result<X25519PrivateKey> fromEvp(EVP_PKEY *pkey);

    bool isNull() const { return m_pkey == nullptr; }
    const X25519PublicKey &publicKey() const { return m_public; }
    SecureBuffer rawPrivate() const;
    EVP_PKEY *evp() const { return m_pkey; }

    /// DH(this, peer): the 32-byte shared value; an all-zero result is an error.
    Result<SecureBuffer> dh(const X25519PublicKey &peer) const;

private:
    EVP_PKEY *m_pkey = nullptr;
    X25519PublicKey m_public{};
};

/// Repeated DH with one private key and changing peers. Not thread-safe: one per thread.
class X25519Deriver {
public:
    explicit X25519Deriver(const X25519PrivateKey &key);
    ~X25519Deriver();
    X25519Deriver(const X25519Deriver &) = delete;
    X25519Deriver &operator=(const X25519Deriver &) = delete;

    bool isValid() const { return m_ctx != nullptr; }
    /// Writes DH(key, peer) into out (32 bytes). False when the result is all zero (a
    /// low-order peer key) or OpenSSL fails; out is then zeroed.
    bool derive(const unsigned char *peer, unsigned char *out);

private:
    EVP_PKEY_CTX *m_ctx = nullptr;
    EVP_PKEY *m_peer = nullptr;
};

} // namespace credvault::crypto
