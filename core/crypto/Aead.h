#pragma once

// AES-256-GCM with a random 96-bit nonce, as one box: nonce (12) ‖ ciphertext ‖ tag (16).
// For keys the project wraps itself (the keyserver's master key, passphrase backups);
// entries use HPKE instead.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QtCore/QByteArray>

namespace credvault::crypto {

inline constexpr std::size_t kGcmNonceSize = 12;
inline constexpr std::size_t kGcmTagSize = 16;
inline constexpr std::size_t kGcmOverhead = kGcmNonceSize + kGcmTagSize;

/// Seals `plaintext` under the 32-byte `key` with `aad`.
Result<QByteArray> aes256GcmSeal(QByteArrayView key, QByteArrayView aad, QByteArrayView plaintext);

/// Opens a box from aes256GcmSeal. Error code `aead_failed` for a wrong key or aad, or
/// altered or truncated bytes (nothing else is said: an oracle would help an attacker).
Result<SecureBuffer> aes256GcmOpen(QByteArrayView key, QByteArrayView aad, QByteArrayView box);

} // namespace credvault::crypto
