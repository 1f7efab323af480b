#pragma once

// Time-based one-time passwords (RFC 6238; DESIGN.md §3): HMAC-SHA1, 30-second steps,
// 6 digits, accepted one step either side of now. A 20-byte secret from the OS CSPRNG,
// shown to authenticator apps as an otpauth:// URI with the secret in base32.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QtCore/QString>

namespace credvault::auth {

class Totp {
public:
    static constexpr int kDigits = 6;
    static constexpr qint64 kStep = 30;
    static constexpr std::size_t kSecretSize = 20;

    static SecureBuffer generateSecret();
    /// The code for the step containing `unixSeconds` (RFC 6238 §4, `digits` 6 or 8).
    static QByteArray code(const SecureBuffer &secret, qint64 unixSeconds, int digits = kDigits);
    /// Whether `typed` (spaces ignored) is the code of the step of `unixSeconds` or one
    /// either side; compared in constant time. Returns the matching step in `step` so a
    /// caller can refuse a code used before (replay).
    static bool verify(const SecureBuffer &secret, QByteArrayView typed, qint64 unixSeconds, qint64 *step = nullptr);
    /// otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&issuer=ISSUER&algorithm=SHA1&digits=6&period=30
    static SecureBuffer uri(const SecureBuffer &secret, const QString &issuer, const QString &account);
    /// RFC 4648 base32 without padding (for the URI and for typing the secret by hand).
    static SecureBuffer base32(QByteArrayView bytes);
    /// The reverse (case-insensitive; spaces and '=' ignored). Error `bad_base32`.
    static Result<SecureBuffer> fromBase32(QByteArrayView text);
};

} // namespace credvault::auth
