#pragma once

// Reading and writing the small files CredVault keeps (keys, PEM, configuration): reads
// are size-capped and say which file failed; writes go to a temporary file in the same
// folder, get their mode before any byte is written, and replace the target atomically.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QtCore/QFileDevice>
#include <QtCore/QString>

namespace credvault {

enum class Overwrite { Refuse, Replace };

/// Reads a whole file of at most maxBytes into secure memory.
Result<SecureBuffer> readSecretFile(const QString &path, qint64 maxBytes = 64 * 1024);
/// Reads a whole file of at most maxBytes.
Result<QByteArray> readSmallFile(const QString &path, qint64 maxBytes = 1024 * 1024);

/// Writes atomically with the given mode (0600 for anything secret).
Result<void> writeFileAtomically(const QString &path, QByteArrayView bytes, QFileDevice::Permissions mode,
                                 Overwrite overwrite = Overwrite::Refuse);

inline constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
inline constexpr QFileDevice::Permissions kWorldReadable =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;

} // namespace credvault
