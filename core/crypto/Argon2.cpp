#include "crypto/Argon2.h"

#include <argon2.h>

using namespace Qt::Literals::StringLiterals;

namespace credvault::crypto {

Result<SecureBuffer> argon2idRaw(QByteArrayView secret, QByteArrayView salt, const Argon2idCost &cost, std::size_t size)
{
    SecureBuffer out(size);
    const int rc = argon2id_hash_raw(cost.time, cost.memoryKiB, cost.lanes, secret.data(), std::size_t(secret.size()),
                                     salt.data(), std::size_t(salt.size()), out.data(), out.size());
    if (rc != ARGON2_OK)
        return fail(ErrorKind::Crypto, u"Argon2id failed: %1"_s.arg(QString::fromLatin1(argon2_error_message(rc))));
    return out;
}

} // namespace credvault::crypto
