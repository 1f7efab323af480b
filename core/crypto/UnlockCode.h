#pragma once

// UnlockCode: the code the keyserver e-mails to unlock a vault (DESIGN.md §3). Twelve
// Crockford base32 characters (60 bits from the CSPRNG), shown XXXX-XXXX-XXXX. Parsing
// forgives what people do when they type one: any case, O for 0, I or L for 1, hyphens
// and spaces. The keyserver keeps only HMAC-SHA256(pepper, account id as 16 bytes ‖ the
// 12 normalized characters), pepper = HKDF-SHA256(master key, info "credvault code
// pepper"), and compares in constant time.

#include "common/Result.h"
#include "crypto/Primitives.h"
#include "crypto/SecureBuffer.h"

#include <QtCore/QStringView>
#include <QtCore/QUuid>

namespace credvault {

class UnlockCode {
public:
    static constexpr std::size_t kLength = 12;
    static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    static UnlockCode generate();
    /// Tolerant parsing of what a person typed. Error codes: bad_code_length, bad_code_character.
    static Result<UnlockCode> parse(QStringView text);
    /// Strict: exactly 12 characters of the alphabet (what a code box carries).
    static Result<UnlockCode> fromNormalized(QByteArrayView normalized);

    /// The 12 characters, upper case, no separators.
    const SecureBuffer &normalized() const { return m_normalized; }
    /// XXXX-XXXX-XXXX, for the e-mail.
    SecureBuffer displayForm() const;

    /// HMAC-SHA256(pepper, account id (16 bytes) ‖ normalized code): the stored form.
    crypto::Digest storageHash(const SecureBuffer &pepper, const QUuid &account) const;
    /// pepper = HKDF-SHA256(ikm = master key, salt = none, info = "credvault code pepper").
    static SecureBuffer pepperFromMasterKey(const SecureBuffer &masterKey);
    /// Constant-time comparison of a computed hash with a stored one.
    static bool hashesEqual(const crypto::Digest &computed, QByteArrayView stored);

private:
    UnlockCode() = default;
    SecureBuffer m_normalized;
};

} // namespace credvault
