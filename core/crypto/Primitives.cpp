#include "crypto/Primitives.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace credvault::crypto {

namespace {

// OpenSSL without its exit-time cleanup (decision 46): OPENSSL_cleanup frees the calling
// thread's state and deletes the thread-local keys, so a Qt thread still running at exit
// (the network thread, a pool thread) loses its error queue without it being freed —
// LeakSanitizer reported that now and then. Run before main, before any other OpenSSL call.
const bool g_openSslInitialised = [] {
    if (OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr) != 1)
        std::fprintf(stderr, "credvault: OpenSSL does not initialise\n");
    return true;
}();

[[noreturn]] void fatal(const char *what)
{
    std::fprintf(stderr, "credvault: OpenSSL cannot provide %s; the installation is broken\n", what);
    std::abort();
}

Algorithms fetchAll()
{
    Algorithms a;
    a.sha256 = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
    a.aes128gcm = EVP_CIPHER_fetch(nullptr, "AES-128-GCM", nullptr);
    a.aes256gcm = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
    a.chacha20poly1305 = EVP_CIPHER_fetch(nullptr, "ChaCha20-Poly1305", nullptr);
    if (!a.sha256)
        fatal("SHA-256");
    if (!a.aes128gcm || !a.aes256gcm)
        fatal("AES-GCM");
    if (!a.chacha20poly1305)
        fatal("ChaCha20-Poly1305");
    return a;
}

struct MdCtxDeleter {
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
};

EVP_MD_CTX *threadDigestContext()
{
    thread_local std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    if (!ctx)
        fatal("a digest context");
    return ctx.get();
}

void digestInto(EVP_MD_CTX *ctx, std::initializer_list<QByteArrayView> parts, unsigned char *out)
{
    if (EVP_DigestInit_ex2(ctx, algorithms().sha256, nullptr) != 1)
        fatal("SHA-256 (init)");
    for (QByteArrayView p : parts) {
        if (!p.isEmpty() && EVP_DigestUpdate(ctx, p.data(), std::size_t(p.size())) != 1)
            fatal("SHA-256 (update)");
    }
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(ctx, out, &len) != 1 || len != kSha256Size)
        fatal("SHA-256 (final)");
}

} // namespace

const Algorithms &algorithms()
{
    static const Algorithms a = fetchAll();
    return a;
}

Digest sha256(std::initializer_list<QByteArrayView> parts)
{
    Digest out{};
    digestInto(threadDigestContext(), parts, out.data());
    return out;
}

void hmacSha256(QByteArrayView key, std::initializer_list<QByteArrayView> parts, unsigned char *out)
{
    // RFC 2104 on the prefetched SHA-256, so no HMAC object is fetched or allocated per
    // call. SHA-256's block is 64 bytes.
    constexpr std::size_t kBlock = 64;
    unsigned char k0[kBlock] = {};
    EVP_MD_CTX *ctx = threadDigestContext();
    if (std::size_t(key.size()) > kBlock) {
        digestInto(ctx, {key}, k0);
    } else if (!key.isEmpty()) {
        std::memcpy(k0, key.data(), std::size_t(key.size()));
    }
    unsigned char pad[kBlock];
    for (std::size_t i = 0; i < kBlock; ++i)
        pad[i] = k0[i] ^ 0x36;

    unsigned char inner[kSha256Size];
    if (EVP_DigestInit_ex2(ctx, algorithms().sha256, nullptr) != 1 || EVP_DigestUpdate(ctx, pad, kBlock) != 1)
        fatal("HMAC-SHA256");
    for (QByteArrayView p : parts) {
        if (!p.isEmpty() && EVP_DigestUpdate(ctx, p.data(), std::size_t(p.size())) != 1)
            fatal("HMAC-SHA256");
    }
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(ctx, inner, &len) != 1)
        fatal("HMAC-SHA256");

    for (std::size_t i = 0; i < kBlock; ++i)
        pad[i] = k0[i] ^ 0x5c;
    if (EVP_DigestInit_ex2(ctx, algorithms().sha256, nullptr) != 1 || EVP_DigestUpdate(ctx, pad, kBlock) != 1 ||
        EVP_DigestUpdate(ctx, inner, sizeof inner) != 1 || EVP_DigestFinal_ex(ctx, out, &len) != 1)
        fatal("HMAC-SHA256");

    OPENSSL_cleanse(k0, sizeof k0);
    OPENSSL_cleanse(pad, sizeof pad);
    OPENSSL_cleanse(inner, sizeof inner);
}

void randomBytes(unsigned char *out, std::size_t n)
{
    if (n == 0)
        return;
    if (RAND_priv_bytes(out, int(n)) != 1)
        fatal("random bytes");
}

QString takeOpenSslError()
{
    const unsigned long e = ERR_get_error();
    ERR_clear_error();
    if (e == 0)
        return {};
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    return QString::fromLatin1(buf);
}

} // namespace credvault::crypto
