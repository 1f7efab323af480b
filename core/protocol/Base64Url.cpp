#include "protocol/Base64Url.h"

using namespace Qt::Literals::StringLiterals;

namespace credvault {

QByteArray toBase64Url(QByteArrayView bytes)
{
    return bytes.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Result<QByteArray> fromBase64Url(QByteArrayView text)
{
    for (char c : text) {
        const bool ok =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return fail(ErrorKind::InvalidInput, u"not base64url text (unpadded, A–Z a–z 0–9 - _)"_s,
                        u"bad_base64url"_s);
    }
    if (text.size() % 4 == 1)
        return fail(ErrorKind::InvalidInput, u"base64url text of an impossible length"_s, u"bad_base64url"_s);
    auto decoded = QByteArray::fromBase64Encoding(text.toByteArray(), QByteArray::Base64UrlEncoding |
                                                                          QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return fail(ErrorKind::InvalidInput, u"not base64url text"_s, u"bad_base64url"_s);
    // Reject non-canonical trailing bits: re-encoding must give the same text.
    if (toBase64Url(decoded.decoded) != text)
        return fail(ErrorKind::InvalidInput, u"base64url text with non-canonical trailing bits"_s, u"bad_base64url"_s);
    return std::move(decoded.decoded);
}

} // namespace credvault
