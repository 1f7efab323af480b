#pragma once

// DecapBox: the keyserver's answer to a batch decapsulation (DESIGN.md §3, Remote
// decapsulation). For each enc of the request, in order, the keyserver computes the HPKE
// KEM shared secret with the account's private key; an enc that fails (all-zero DH) gets
// 32 zero bytes and its index listed in `failed`. The concatenated secrets travel in one
// HPKE base-mode box to the session public key (AES-256-GCM, info
// "credvault/v1/decap", aad = SHA-256 of the concatenated encs of the request), so the
// answer is bound to exactly that request. Wire form: enc (32) ‖ ciphertext.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"
#include "crypto/X25519.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>

#include <cstdint>
#include <span>

namespace credvault {

class DecapBox {
public:
    static constexpr std::size_t kMaxEncs = 10000;

    struct Batch {
        SecureBuffer secrets; // 32 bytes per enc, in request order
        QList<int> failed;    // indices whose enc gave an all-zero DH
    };

    /// SHA-256 of the concatenated encs: the box's aad.
    static QByteArray aad(QByteArrayView concatenatedEncs);

    /// The keyserver's part: decapsulates encs[from, to) into `out` (32 bytes each,
    /// indexed from `from`), appending failed indices. One deriver per thread.
    static void decapsulateRange(crypto::X25519Deriver &deriver, const crypto::X25519PublicKey &accountPublic,
                                 QByteArrayView concatenatedEncs, std::size_t from, std::size_t to, unsigned char *out,
                                 QList<int> &failed);
    /// The same for the encs at `indices` only, each secret written at out + 32 × index.
    static void decapsulateIndices(crypto::X25519Deriver &deriver, const crypto::X25519PublicKey &accountPublic,
                                   QByteArrayView concatenatedEncs, std::span<const std::uint32_t> indices,
                                   unsigned char *out, QList<int> &failed);
    /// The whole batch on the calling thread. Errors: bad_length (not a multiple of 32),
    /// too_many (more than 10,000), empty.
    static Result<Batch> decapsulate(const crypto::X25519PrivateKey &account, QByteArrayView concatenatedEncs);

    static Result<QByteArray> seal(const crypto::X25519PublicKey &sessionKey, QByteArrayView concatenatedEncs,
                                   const SecureBuffer &secrets);
    /// The app's part: the secrets for exactly these encs. Errors: truncated, bad_length,
    /// authentication_failed (another request, another session key, altered).
    static Result<SecureBuffer> open(const crypto::X25519PrivateKey &sessionKey, QByteArrayView concatenatedEncs,
                                     QByteArrayView box);

    /// Checks a request's encs: a non-empty multiple of 32 bytes, at most kMaxEncs.
    static Result<std::size_t> countEncs(QByteArrayView concatenatedEncs);
};

} // namespace credvault
