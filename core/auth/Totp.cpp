#include "auth/Totp.h"

#include "crypto/Primitives.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <QtCore/QUrl>

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace credvault::auth {

SecureBuffer Totp::generateSecret()
{
    SecureBuffer s(kSecretSize);
    crypto::randomBytes(s.data(), s.size());
    return s;
}

QByteArray Totp::code(const SecureBuffer &secret, qint64 unixSeconds, int digits)
{
    const quint64 counter = quint64(unixSeconds < 0 ? 0 : unixSeconds) / quint64(kStep);
    unsigned char msg[8];
    for (int i = 7; i >= 0; --i)
        msg[i] = static_cast<unsigned char>(counter >> (8 * (7 - i)));
    unsigned char mac[EVP_MAX_MD_SIZE];
    std::size_t macLen = 0;
    if (!EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA1", nullptr, secret.data(), secret.size(), msg, sizeof msg, mac,
                   sizeof mac, &macLen) ||
        macLen != 20)
        return {};
    const int offset = mac[19] & 0x0f;
    const quint32 binary = (quint32(mac[offset] & 0x7f) << 24) | (quint32(mac[offset + 1]) << 16) |
                           (quint32(mac[offset + 2]) << 8) | quint32(mac[offset + 3]);
    OPENSSL_cleanse(mac, sizeof mac);
    quint32 modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    return QByteArray::number(binary % modulus).rightJustified(digits, '0');
}

bool Totp::verify(const SecureBuffer &secret, QByteArrayView typed, qint64 unixSeconds, qint64 *step)
{
    QByteArray digits;
    for (char c : typed) {
        if (c != ' ')
            digits.append(c);
    }
    bool found = false;
    for (qint64 delta : {-1, 0, 1}) {
        const qint64 t = unixSeconds + delta * kStep;
        const QByteArray expected = code(secret, t);
        // Every candidate is compared, whatever matched before: no early exit to time.
        const bool same = digits.size() == expected.size() &&
                          CRYPTO_memcmp(digits.constData(), expected.constData(), std::size_t(expected.size())) == 0;
        if (same && !found && step)
            *step = (t < 0 ? 0 : t) / kStep;
        found = found || same;
    }
    return found;
}

SecureBuffer Totp::base32(QByteArrayView bytes)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    SecureBuffer out(std::size_t((bytes.size() * 8 + 4) / 5));
    std::size_t n = 0;
    quint32 buffer = 0;
    int bits = 0;
    for (char c : bytes) {
        buffer = (buffer << 8) | static_cast<unsigned char>(c);
        bits += 8;
        while (bits >= 5) {
            out.data()[n++] = static_cast<unsigned char>(alphabet[(buffer >> (bits - 5)) & 0x1f]);
            bits -= 5;
        }
    }
    if (bits > 0)
        out.data()[n++] = static_cast<unsigned char>(alphabet[(buffer << (5 - bits)) & 0x1f]);
    buffer = 0;
    return out;
}

Result<SecureBuffer> Totp::fromBase32(QByteArrayView text)
{
    SecureBuffer out(std::size_t(text.size() * 5 / 8));
    std::size_t n = 0;
    quint32 buffer = 0;
    int bits = 0;
    for (char c : text) {
        int v = -1;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= 'a' && c <= 'z')
            v = c - 'a';
        else if (c >= '2' && c <= '7')
            v = c - '2' + 26;
        else if (c == ' ' || c == '=')
            continue;
        if (v < 0)
            return fail(ErrorKind::InvalidInput, u"not base32 (A-Z, 2-7)"_s, u"bad_base32"_s);
        buffer = (buffer << 5) | quint32(v);
        bits += 5;
        if (bits >= 8) {
            out.data()[n++] = static_cast<unsigned char>(buffer >> (bits - 8));
            bits -= 8;
        }
    }
    buffer = 0;
    out.truncate(n);
    return out;
}

SecureBuffer Totp::uri(const SecureBuffer &secret, const QString &issuer, const QString &account)
{
    const QByteArray i = QUrl::toPercentEncoding(issuer);
    const QByteArray a = QUrl::toPercentEncoding(account);
    const SecureBuffer b32 = base32(secret.view());
    const QByteArray head = "otpauth://totp/" + i + ':' + a + "?secret=";
    const QByteArray tail = "&issuer=" + i + "&algorithm=SHA1&digits=6&period=30";
    SecureBuffer out(std::size_t(head.size()) + b32.size() + std::size_t(tail.size()));
    std::memcpy(out.data(), head.constData(), std::size_t(head.size()));
    std::memcpy(out.data() + head.size(), b32.data(), b32.size());
    std::memcpy(out.data() + head.size() + qsizetype(b32.size()), tail.constData(), std::size_t(tail.size()));
    return out;
}

} // namespace credvault::auth
