#pragma once

// Sign-in passwords (DESIGN.md §3): Argon2id through libargon2, m = 64 MiB, t = 3, p = 1,
// a 16-byte salt, the encoded form ("$argon2id$v=19$m=65536,t=3,p=1$salt$hash") stored.
// Verification takes the parameters from the stored form and compares in constant time.

#include "common/Result.h"

#include <QtCore/QByteArrayView>
#include <QtCore/QString>

namespace credvault::auth {

class Password {
public:
    static constexpr int kMinLength = 10;
    static constexpr int kMaxLength = 1024;

    /// The encoded Argon2id form. Error `weak_password` for fewer than kMinLength characters,
    /// `too_long` above kMaxLength bytes.
    static Result<QString> hash(QByteArrayView password);
    /// True when `password` matches `encoded`; false for a mismatch or a malformed form.
    static bool verify(QByteArrayView password, const QString &encoded);
    /// Spends the time of one verification: for unknown users, so timing does not tell
    /// which sign-in names exist.
    static void verifyNothing(QByteArrayView password);
    /// Whether `encoded` uses weaker parameters than ours (to rehash on the next sign-in).
    static bool needsRehash(const QString &encoded);
};

} // namespace credvault::auth
