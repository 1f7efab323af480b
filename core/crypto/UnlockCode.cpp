#include "crypto/UnlockCode.h"

#include <openssl/crypto.h>

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace credvault {

namespace {

// Maps a typed character to its Crockford symbol, or 0 when it has none.
char normalizeChar(char16_t c)
{
    if (c >= u'a' && c <= u'z')
        c = char16_t(c - u'a' + u'A');
    switch (c) {
    case u'O': return '0';
    case u'I':
    case u'L': return '1';
    default: break;
    }
    if ((c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z' && c != u'U'))
        return char(c);
    return 0;
}

bool inAlphabet(char c)
{
    return c != 0 && std::strchr(UnlockCode::kAlphabet, c) != nullptr;
}

} // namespace

UnlockCode UnlockCode::generate()
{
    // 60 bits: 8 random bytes, 12 groups of 5 bits.
    unsigned char r[8];
    crypto::randomBytes(r, sizeof r);
    quint64 bits = 0;
    for (unsigned char b : r)
        bits = (bits << 8) | b;
    UnlockCode code;
    code.m_normalized = SecureBuffer(kLength);
    for (std::size_t i = 0; i < kLength; ++i)
        code.m_normalized.data()[i] = static_cast<unsigned char>(kAlphabet[(bits >> (5 * (kLength - 1 - i))) & 0x1f]);
    OPENSSL_cleanse(r, sizeof r);
    OPENSSL_cleanse(&bits, sizeof bits);
    return code;
}

Result<UnlockCode> UnlockCode::parse(QStringView text)
{
    UnlockCode code;
    code.m_normalized = SecureBuffer(kLength);
    std::size_t n = 0;
    for (QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c == u'-' || c == u' ' || c == u'\t')
            continue;
        const char s = normalizeChar(c);
        if (!s)
            return fail(ErrorKind::InvalidInput,
                        u"a code has only the letters and digits shown in the e-mail (no U, no symbols)"_s,
                        u"bad_code_character"_s);
        if (n == kLength)
            return fail(ErrorKind::InvalidInput, u"a code has 12 letters and digits; this has more"_s,
                        u"bad_code_length"_s);
        code.m_normalized.data()[n++] = static_cast<unsigned char>(s);
    }
    if (n != kLength)
        return fail(ErrorKind::InvalidInput, u"a code has 12 letters and digits; this has %1"_s.arg(n),
                    u"bad_code_length"_s);
    return code;
}

Result<UnlockCode> UnlockCode::fromNormalized(QByteArrayView normalized)
{
    if (std::size_t(normalized.size()) != kLength)
        return fail(ErrorKind::InvalidInput, u"a normalized code has 12 characters"_s, u"bad_code_length"_s);
    for (char c : normalized) {
        if (!inAlphabet(c))
            return fail(ErrorKind::InvalidInput, u"a normalized code uses only the Crockford alphabet"_s,
                        u"bad_code_character"_s);
    }
    UnlockCode code;
    code.m_normalized = SecureBuffer::copyOf(normalized);
    return code;
}

SecureBuffer UnlockCode::displayForm() const
{
    SecureBuffer out(kLength + 2);
    std::size_t o = 0;
    for (std::size_t i = 0; i < kLength; ++i) {
        if (i == 4 || i == 8)
            out.data()[o++] = '-';
        out.data()[o++] = m_normalized.data()[i];
    }
    return out;
}

crypto::Digest UnlockCode::storageHash(const SecureBuffer &pepper, const QUuid &account) const
{
    const QByteArray id = account.toRfc4122();
    crypto::Digest out{};
    crypto::hmacSha256(pepper.view(), {id, m_normalized.view()}, out.data());
    return out;
}

SecureBuffer UnlockCode::pepperFromMasterKey(const SecureBuffer &masterKey)
{
    // HKDF (RFC 5869) with no salt: PRK = HMAC(zeros, ikm); OKM = HMAC(PRK, info ‖ 0x01).
    unsigned char prk[crypto::kSha256Size];
    crypto::hmacSha256({}, {masterKey.view()}, prk);
    SecureBuffer pepper(crypto::kSha256Size);
    const char one = 0x01;
    crypto::hmacSha256(crypto::bytesView(prk, sizeof prk),
                       {QByteArrayView("credvault code pepper"), QByteArrayView(&one, 1)}, pepper.data());
    OPENSSL_cleanse(prk, sizeof prk);
    return pepper;
}

bool UnlockCode::hashesEqual(const crypto::Digest &computed, QByteArrayView stored)
{
    if (std::size_t(stored.size()) != computed.size())
        return false;
    return CRYPTO_memcmp(computed.data(), stored.data(), computed.size()) == 0;
}

} // namespace credvault
