#include "common/Error.h"

using namespace Qt::Literals::StringLiterals;

namespace credvault {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::InvalidInput: return u"invalid_input"_s;
    case ErrorKind::NotFound: return u"not_found"_s;
    case ErrorKind::Io: return u"io"_s;
    case ErrorKind::Permission: return u"permission"_s;
    case ErrorKind::Config: return u"config"_s;
    case ErrorKind::Crypto: return u"crypto"_s;
    case ErrorKind::Database: return u"database"_s;
    case ErrorKind::WrongKey: return u"wrong_key"_s;
    case ErrorKind::Network: return u"network"_s;
    case ErrorKind::Conflict: return u"conflict"_s;
    case ErrorKind::RateLimited: return u"rate_limited"_s;
    case ErrorKind::Expired: return u"expired"_s;
    case ErrorKind::Internal: return u"internal"_s;
    }
    return u"internal"_s;
}

QString Error::toString() const
{
    return errorKindName(kind) + u": "_s + message;
}

} // namespace credvault
