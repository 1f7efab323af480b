#include "auth/Password.h"

#include "crypto/Argon2.h"
#include "crypto/Primitives.h"

#include <argon2.h>

#include <QtCore/QByteArray>

#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace credvault::auth {

namespace {

using crypto::kArgon2idCost;
constexpr std::uint32_t kMemoryKiB = kArgon2idCost.memoryKiB;
constexpr std::uint32_t kTime = kArgon2idCost.time;
constexpr std::uint32_t kLanes = kArgon2idCost.lanes;
constexpr std::size_t kSalt = crypto::kArgon2idSaltSize;
constexpr std::size_t kHash = 32;

const QByteArray &ourParameters()
{
    static const QByteArray p = "$m=" + QByteArray::number(kMemoryKiB) + ",t=" + QByteArray::number(kTime) +
                                ",p=" + QByteArray::number(kLanes) + "$";
    return p;
}

} // namespace

Result<QString> Password::hash(QByteArrayView password)
{
    if (QString::fromUtf8(password).size() < kMinLength)
        return fail(ErrorKind::InvalidInput, u"a password needs at least %1 characters"_s.arg(kMinLength),
                    u"weak_password"_s);
    if (password.size() > kMaxLength)
        return fail(ErrorKind::InvalidInput, u"a password may have at most %1 bytes"_s.arg(kMaxLength), u"too_long"_s);
    unsigned char salt[kSalt];
    crypto::randomBytes(salt, kSalt);
    std::vector<char> encoded(argon2_encodedlen(kTime, kMemoryKiB, kLanes, kSalt, kHash, Argon2_id));
    const int rc = argon2id_hash_encoded(kTime, kMemoryKiB, kLanes, password.data(), std::size_t(password.size()), salt,
                                         kSalt, kHash, encoded.data(), encoded.size());
    if (rc != ARGON2_OK)
        return fail(ErrorKind::Internal, u"Argon2id failed: %1"_s.arg(QString::fromLatin1(argon2_error_message(rc))));
    return QString::fromLatin1(encoded.data());
}

bool Password::verify(QByteArrayView password, const QString &encoded)
{
    if (!encoded.startsWith(u"$argon2id$"_s) || password.size() > kMaxLength)
        return false;
    const QByteArray e = encoded.toLatin1();
    // libargon2 compares the hashes in constant time.
    return argon2id_verify(e.constData(), password.data(), std::size_t(password.size())) == ARGON2_OK;
}

void Password::verifyNothing(QByteArrayView password)
{
    // A fixed hash of a random password nobody knows: the work of a real verification.
    static const QString dummy = [] {
        unsigned char random[32];
        crypto::randomBytes(random, sizeof random);
        return hash(QByteArray(reinterpret_cast<const char *>(random), sizeof random).toHex()).value();
    }();
    (void)verify(password, dummy);
}

bool Password::needsRehash(const QString &encoded)
{
    return !encoded.startsWith(u"$argon2id$v=19"_s) || !encoded.toLatin1().contains(ourParameters());
}

} // namespace credvault::auth
