#pragma once

// Argon2id (libargon2) with the one cost DESIGN.md §3 fixes for every passphrase the
// project stretches: sign-in passwords and passphrase-sealed backups.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <cstdint>

namespace credvault::crypto {

struct Argon2idCost {
    std::uint32_t memoryKiB = 64 * 1024; // m = 64 MiB
    std::uint32_t time = 3;              // t = 3
    std::uint32_t lanes = 1;             // p = 1
};

inline constexpr Argon2idCost kArgon2idCost{};
inline constexpr std::size_t kArgon2idSaltSize = 16;

/// Argon2id(secret, salt) with `cost`: `size` raw bytes.
Result<SecureBuffer> argon2idRaw(QByteArrayView secret, QByteArrayView salt, const Argon2idCost &cost,
                                 std::size_t size = 32);

} // namespace credvault::crypto
