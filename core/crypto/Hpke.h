#pragma once

// RFC 9180 HPKE with KEM DHKEM(X25519, HKDF-SHA256) (0x0020) and KDF HKDF-SHA256
// (0x0001), on OpenSSL 3.0's EVP primitives (3.0 has no OSSL_HPKE). All four modes, the
// AEADs AES-128-GCM, AES-256-GCM, ChaCha20-Poly1305 and export-only, multi-message
// contexts and secret export.
//
// Decapsulation (private key + enc → shared secret) and the key schedule (shared secret →
// context) are separate calls: the keyserver runs the first for the apps, which run the
// second themselves (DESIGN.md §3, remote decapsulation).

#include "common/Result.h"
#include "crypto/SecureBuffer.h"
#include "crypto/X25519.h"

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>

#include <cstdint>

typedef struct evp_cipher_ctx_st EVP_CIPHER_CTX;

namespace credvault::hpke {

using crypto::X25519Deriver;
using crypto::X25519PrivateKey;
using crypto::X25519PublicKey;

enum class Mode : std::uint8_t { Base = 0, Psk = 1, Auth = 2, AuthPsk = 3 };
enum class Aead : std::uint16_t { Aes128Gcm = 1, Aes256Gcm = 2, ChaCha20Poly1305 = 3, ExportOnly = 0xFFFF };

inline constexpr std::uint16_t kKemId = 0x0020;
inline constexpr std::uint16_t kKdfId = 0x0001;
inline constexpr std::size_t kEncSize = 32;    // Nenc
inline constexpr std::size_t kSecretSize = 32; // Nsecret, Nh
inline constexpr std::size_t kTagSize = 16;    // Nt, every AEAD here

std::size_t keySize(Aead aead);   // Nk (0 for export-only)
std::size_t nonceSize(Aead aead); // Nn (0 for export-only)
bool isSupported(std::uint16_t kemId, std::uint16_t kdfId, std::uint16_t aeadId);

struct Encapsulation {
    SecureBuffer sharedSecret;
    X25519PublicKey enc{};
};

// --- KEM

/// DeriveKeyPair(ikm) of RFC 9180 §7.1.3.
Result<X25519PrivateKey> deriveKeyPair(QByteArrayView ikm);
/// Encap(pkR); `ephemeral` fixes skE (the test vectors do), otherwise a fresh one is made.
Result<Encapsulation> encap(const X25519PublicKey &pkR, const X25519PrivateKey *ephemeral = nullptr);
Result<Encapsulation> authEncap(const X25519PublicKey &pkR, const X25519PrivateKey &skS,
                                const X25519PrivateKey *ephemeral = nullptr);
Result<SecureBuffer> decap(const X25519PublicKey &enc, const X25519PrivateKey &skR);
Result<SecureBuffer> authDecap(const X25519PublicKey &enc, const X25519PrivateKey &skR, const X25519PublicKey &pkS);
/// Decap with a prepared deriver for skR (whose public key is pkR): writes the 32-byte
/// shared secret to `out`. False (out zeroed) for an enc that gives an all-zero DH.
bool decapInto(X25519Deriver &skR, const X25519PublicKey &pkR, const unsigned char *enc, unsigned char *out);

// --- Key schedule

/// The part of the key schedule that depends only on the suite, mode, info and psk_id
/// (key_schedule_context). Computing it once saves two HMACs per message for a fixed info.
class ScheduleInput {
public:
    static Result<ScheduleInput> make(Aead aead, Mode mode, QByteArrayView info, QByteArrayView pskId = {});
    Aead aead() const { return m_aead; }
    Mode mode() const { return m_mode; }
    const QByteArray &keyScheduleContext() const { return m_context; }
    bool hasPskId() const { return m_hasPskId; }

private:
    Aead m_aead = Aead::Aes256Gcm;
    Mode m_mode = Mode::Base;
    bool m_hasPskId = false;
    QByteArray m_context; // mode ‖ psk_id_hash ‖ info_hash (public values)
};

/// An HPKE encryption context (RFC 9180 §5.2): seal and open with a message sequence
/// number, and export. Move-only; wipes its secrets when destroyed.
class Context {
public:
    Context(Context &&other) noexcept;
    Context &operator=(Context &&other) noexcept;
    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;
    ~Context();

    Result<QByteArray> seal(QByteArrayView aad, QByteArrayView plaintext);
    Result<SecureBuffer> open(QByteArrayView aad, QByteArrayView ciphertext);
    /// Open into a caller-provided buffer of ciphertext.size() - 16 bytes; no allocation.
    Result<void> openInto(QByteArrayView aad, QByteArrayView ciphertext, unsigned char *out);
    Result<SecureBuffer> exportSecret(QByteArrayView exporterContext, std::size_t length) const;

    Aead aead() const { return m_aead; }
    std::uint64_t sequence() const { return m_seq; }
    /// Views into the context's key material; valid while the context lives.
    QByteArrayView secret() const { return m_material.view().first(qsizetype(kSecretSize)); }
    QByteArrayView key() const { return m_material.view().sliced(qsizetype(kSecretSize), qsizetype(keySize(m_aead))); }
    QByteArrayView baseNonce() const
    {
        return m_material.view().sliced(qsizetype(kSecretSize + keySize(m_aead)), qsizetype(nonceSize(m_aead)));
    }
    const SecureBuffer &exporterSecret() const;

private:
    friend Result<Context> keySchedule(const ScheduleInput &, QByteArrayView, QByteArrayView);
    Context() = default;
    void computeNonce(unsigned char *nonce) const;
    void release() noexcept;

    const unsigned char *keyData() const { return m_material.data() + kSecretSize; }
    const unsigned char *nonceData() const { return m_material.data() + kSecretSize + keySize(m_aead); }

    Aead m_aead = Aead::Aes256Gcm;
    // secret ‖ key ‖ base_nonce in one allocation: the key schedule runs once per entry
    // opened, and the secure heap's allocator takes a process-wide lock.
    SecureBuffer m_material;
    QByteArray m_ksc;
    mutable SecureBuffer m_exporterSecret; // derived on first use
    std::uint64_t m_seq = 0;
    EVP_CIPHER_CTX *m_encrypt = nullptr;
    EVP_CIPHER_CTX *m_decrypt = nullptr;
};

/// KeySchedule from a shared secret. `psk` must be given exactly for the psk modes.
Result<Context> keySchedule(const ScheduleInput &input, QByteArrayView sharedSecret, QByteArrayView psk = {});
Result<Context> keySchedule(Aead aead, Mode mode, QByteArrayView sharedSecret, QByteArrayView info,
                            QByteArrayView psk = {}, QByteArrayView pskId = {});

// --- Single-shot base mode

struct Sealed {
    X25519PublicKey enc{};
    QByteArray ciphertext;
};
Result<Sealed> sealBase(Aead aead, const X25519PublicKey &pkR, QByteArrayView info, QByteArrayView aad,
                        QByteArrayView plaintext);
Result<SecureBuffer> openBase(Aead aead, const X25519PrivateKey &skR, const X25519PublicKey &enc, QByteArrayView info,
                              QByteArrayView aad, QByteArrayView ciphertext);

/// Single-shot base mode in the one-piece wire form enc (32) ‖ ciphertext, as the code
/// and decapsulation boxes travel. Opening a box shorter than enc + tag is `truncated`.
Result<QByteArray> sealBaseBox(Aead aead, const X25519PublicKey &pkR, QByteArrayView info, QByteArrayView aad,
                               QByteArrayView plaintext);
Result<SecureBuffer> openBaseBox(Aead aead, const X25519PrivateKey &skR, QByteArrayView info, QByteArrayView aad,
                                 QByteArrayView box);

} // namespace credvault::hpke
