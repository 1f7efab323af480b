#pragma once

// base64url without padding (RFC 4648 §5), the wire form of envelopes, keys, boxes and
// session ids. Decoding is strict: the standard alphabet, padding, whitespace and stray
// characters are errors, so one value has one spelling.

#include "common/Result.h"

#include <QtCore/QByteArray>

namespace credvault {

QByteArray toBase64Url(QByteArrayView bytes);
Result<QByteArray> fromBase64Url(QByteArrayView text);

} // namespace credvault
