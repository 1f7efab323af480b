#pragma once

// The OpenSSL primitives under CredVault's crypto: algorithms fetched once per process
// (EVP_MD_fetch / EVP_CIPHER_fetch are provider lookups with locks; doing them per call
// costs more than the hash itself), HMAC-SHA256 on a per-thread digest context, SHA-256,
// randomness from the OS CSPRNG, and OpenSSL's error queue as text.

#include <QtCore/QByteArrayView>
#include <QtCore/QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>

typedef struct evp_md_st EVP_MD;
typedef struct evp_cipher_st EVP_CIPHER;

namespace credvault::crypto {

struct Algorithms {
    EVP_MD *sha256 = nullptr;
    EVP_CIPHER *aes128gcm = nullptr;
    EVP_CIPHER *aes256gcm = nullptr;
    EVP_CIPHER *chacha20poly1305 = nullptr;
};

/// Fetched on first use, kept for the life of the process. Aborts if OpenSSL lacks one
/// of them (a broken installation, not an input error).
const Algorithms &algorithms();

inline constexpr std::size_t kSha256Size = 32;
using Digest = std::array<unsigned char, kSha256Size>;

/// SHA-256 of the concatenation of `parts`.
Digest sha256(std::initializer_list<QByteArrayView> parts);

/// HMAC-SHA256(key, concatenation of `parts`) written to `out` (32 bytes). The caller
/// wipes `out` when it is secret.
void hmacSha256(QByteArrayView key, std::initializer_list<QByteArrayView> parts, unsigned char *out);

/// Fills `out` from the OS CSPRNG (RAND_priv_bytes). Aborts on failure: there is no
/// safe way to continue without randomness.
void randomBytes(unsigned char *out, std::size_t n);

/// The oldest error in OpenSSL's per-thread queue as text ("" when empty); clears it.
QString takeOpenSslError();

/// A view of raw bytes, for APIs that take QByteArrayView.
inline QByteArrayView bytesView(const unsigned char *p, std::size_t n)
{
    return QByteArrayView(reinterpret_cast<const char *>(p), qsizetype(n));
}
template<std::size_t N> inline QByteArrayView bytesView(const std::array<unsigned char, N> &a)
{
    return bytesView(a.data(), N);
}

} // namespace credvault::crypto
