#include "CryptoBench.h"

#include "BenchUtil.h"

#include "crypto/DecapBox.h"
#include "crypto/EntryEnvelope.h"
#include "crypto/Hpke.h"
#include "crypto/Primitives.h"
#include "crypto/SecureBuffer.h"

#include <QtCore/QUuid>

#include <openssl/evp.h>
#include <sodium.h>

#include <cstdio>
#include <string>
#include <vector>

namespace credvault::bench {

namespace {

using crypto::X25519Deriver;
using crypto::X25519PrivateKey;
using crypto::X25519PublicKey;

// A 512-byte entry after padding: 511 bytes of JSON-ish plaintext.
constexpr int kPlaintextSize = 511;
constexpr int kSamples = 64;

struct Fixture {
    X25519PrivateKey account = X25519PrivateKey::generate();
    QUuid accountId = QUuid::createUuid();
    std::vector<QUuid> entryIds;
    std::vector<QByteArray> envelopes;
    std::vector<X25519PublicKey> encs;
    std::vector<SecureBuffer> sharedSecrets;
    KeyId keyId{};

    Fixture()
    {
        keyId = keyIdOf(account.publicKey());
        const QByteArray pt(kPlaintextSize, 'x');
        for (int i = 0; i < kSamples; ++i) {
            entryIds.push_back(QUuid::createUuid());
            envelopes.push_back(EntryEnvelope::seal(account.publicKey(), accountId, entryIds.back(), pt).value());
            const EntryEnvelope::Parts parts = EntryEnvelope::parse(envelopes.back()).value();
            encs.push_back(parts.enc);
            sharedSecrets.push_back(hpke::decap(parts.enc, account).value());
        }
    }
};

// Plain OpenSSL: a derive context prepared once, the same peer every time.
struct X25519Derive final : Worker {
    EVP_PKEY_CTX *ctx = nullptr;
    EVP_PKEY *peer = nullptr;
    unsigned char out[32];
    explicit X25519Derive(const X25519PrivateKey &key)
    {
        const X25519PrivateKey p = X25519PrivateKey::generate();
        peer = EVP_PKEY_new_raw_public_key_ex(nullptr, "X25519", nullptr, p.publicKey().data(), 32);
        ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, key.evp(), nullptr);
        EVP_PKEY_derive_init(ctx);
        EVP_PKEY_derive_set_peer_ex(ctx, peer, 0);
    }
    ~X25519Derive() override
    {
        EVP_PKEY_CTX_free(ctx);
        EVP_PKEY_free(peer);
    }
    void runOnce() override
    {
        std::size_t len = sizeof out;
        EVP_PKEY_derive(ctx, out, &len);
    }
};

struct Decap final : Worker {
    const Fixture &f;
    X25519Deriver deriver;
    int i = 0;
    unsigned char out[32];
    explicit Decap(const Fixture &fx) : f(fx), deriver(fx.account) {}
    void runOnce() override
    {
        hpke::decapInto(deriver, f.account.publicKey(), f.encs[std::size_t(i)].data(), out);
        i = (i + 1) % kSamples;
    }
};

struct KeyScheduleOpen final : Worker {
    const Fixture &f;
    int i = 0;
    explicit KeyScheduleOpen(const Fixture &fx) : f(fx) {}
    void runOnce() override
    {
        const auto k = std::size_t(i);
        Result<SecureBuffer> r = EntryEnvelope::openWithSharedSecret(f.sharedSecrets[k].view(), f.keyId, f.accountId,
                                                                     f.entryIds[k], f.envelopes[k]);
        if (!r)
            std::abort();
        i = (i + 1) % kSamples;
    }
};

// The whole HPKE open with the account's private key: decapsulation, key schedule, AEAD.
struct HpkeOpen final : Worker {
    const Fixture &f;
    X25519Deriver deriver;
    int i = 0;
    explicit HpkeOpen(const Fixture &fx) : f(fx), deriver(fx.account) {}
    void runOnce() override
    {
        const auto k = std::size_t(i);
        unsigned char ss[32];
        const EntryEnvelope::Parts parts = EntryEnvelope::parse(f.envelopes[k]).value();
        if (!hpke::decapInto(deriver, f.account.publicKey(), parts.enc.data(), ss))
            std::abort();
        Result<SecureBuffer> r = EntryEnvelope::openWithSharedSecret(crypto::bytesView(ss, 32), f.keyId, f.accountId,
                                                                     f.entryIds[k], f.envelopes[k]);
        if (!r)
            std::abort();
        i = (i + 1) % kSamples;
    }
};

struct HpkeSeal final : Worker {
    const Fixture &f;
    QByteArray pt = QByteArray(kPlaintextSize, 'x');
    explicit HpkeSeal(const Fixture &fx) : f(fx) {}
    void runOnce() override
    {
        if (!EntryEnvelope::seal(f.account.publicKey(), f.accountId, f.entryIds[0], pt))
            std::abort();
    }
};

// libsodium's sealed box (X25519 + XSalsa20-Poly1305): the peer a reviewer would name.
struct SodiumSealOpen final : Worker {
    unsigned char pk[crypto_box_PUBLICKEYBYTES];
    unsigned char sk[crypto_box_SECRETKEYBYTES];
    std::vector<std::vector<unsigned char>> boxes;
    unsigned char out[kPlaintextSize + 1];
    int i = 0;
    SodiumSealOpen()
    {
        crypto_box_keypair(pk, sk);
        const std::vector<unsigned char> pt(kPlaintextSize + 1, 'x'); // 512 bytes, as ours
        for (int k = 0; k < kSamples; ++k) {
            std::vector<unsigned char> c(pt.size() + crypto_box_SEALBYTES);
            crypto_box_seal(c.data(), pt.data(), pt.size(), pk);
            boxes.push_back(std::move(c));
        }
    }
    void runOnce() override
    {
        const auto &c = boxes[std::size_t(i)];
        if (crypto_box_seal_open(out, c.data(), c.size(), pk, sk) != 0)
            std::abort();
        i = (i + 1) % kSamples;
    }
};

} // namespace

std::unique_ptr<Worker> makeX25519DeriveWorker(const X25519PrivateKey &key)
{
    return std::make_unique<X25519Derive>(key);
}

int runCryptoBench(double seconds)
{
    if (sodium_init() < 0) {
        std::fprintf(stderr, "credvault-bench: libsodium failed to initialise\n");
        return 1;
    }
    const Fixture f;
    struct Figure {
        const char *name;
        std::function<std::unique_ptr<Worker>()> make;
        double t1 = 0;
    };
    std::vector<Figure> figures{
        {"x25519_derive_per_s", [&] { return makeX25519DeriveWorker(f.account); }},
        {"hpke_open_per_s", [&] { return std::make_unique<HpkeOpen>(f); }},
        {"hpke_seal_per_s", [&] { return std::make_unique<HpkeSeal>(f); }},
        {"decap_per_s", [&] { return std::make_unique<Decap>(f); }},
        {"keyschedule_open_per_s", [&] { return std::make_unique<KeyScheduleOpen>(f); }},
        {"libsodium_seal_open_per_s", [&] { return std::make_unique<SodiumSealOpen>(); }},
    };
    std::printf("# credvault-bench crypto: %.1f s per figure, %d-byte padded entries, OpenSSL %s, libsodium %s\n",
                seconds, kPlaintextSize + 1, OpenSSL_version(OPENSSL_VERSION_STRING), sodium_version_string());
    for (Figure &fig : figures) {
        for (int threads : {1, 2}) {
            const double v = opsPerSecond(fig.make, threads, seconds);
            if (threads == 1)
                fig.t1 = v;
            print((std::string(fig.name) + "_t" + std::to_string(threads)).c_str(), v);
        }
    }
    const double x = figures[0].t1;
    print("ratio_open_vs_x25519_t1", figures[1].t1 / x);
    print("ratio_decap_vs_x25519_t1", figures[3].t1 / x);
    print("ratio_open_vs_libsodium_t1", figures[1].t1 / figures[5].t1);
    return 0;
}

} // namespace credvault::bench
