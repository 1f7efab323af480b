#include "keyserver/MasterKey.h"

#include "crypto/Aead.h"
#include "crypto/EntryEnvelope.h"
#include "crypto/Primitives.h"
#include "crypto/UnlockCode.h"

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace credvault::keyserver {

namespace {

constexpr unsigned char kVersion = 0x01;

QByteArray wrapAad(const QUuid &account, const QByteArray &keyId)
{
    return canonicalUuid(account) + keyId;
}

} // namespace

MasterKey::~MasterKey() = default;

Result<std::unique_ptr<SoftwareMasterKey>> SoftwareMasterKey::load(const store::KeySource &source)
{
    Result<SecureBuffer> key = source.load();
    if (!key)
        return fail(key.error().kind, u"master key: %1"_s.arg(key.error().message), key.error().code);
    return std::make_unique<SoftwareMasterKey>(std::move(*key));
}

SoftwareMasterKey::SoftwareMasterKey(SecureBuffer key) : m_key(std::move(key))
{
    unsigned char mac[crypto::kSha256Size];
    crypto::hmacSha256(m_key.view(), {QByteArrayView("credvault master key id")}, mac);
    m_id = QByteArray(reinterpret_cast<const char *>(mac), 16);
}

Result<QByteArray> SoftwareMasterKey::wrap(const SecureBuffer &secret, const QUuid &account,
                                           const QByteArray &keyId) const
{
    Result<QByteArray> box = crypto::aes256GcmSeal(m_key.view(), wrapAad(account, keyId), secret.view());
    if (!box)
        return fail(ErrorKind::Crypto, u"cannot wrap a key: %1"_s.arg(box.error().message));
    return char(kVersion) + *box;
}

Result<SecureBuffer> SoftwareMasterKey::unwrap(QByteArrayView wrapped, const QUuid &account,
                                               const QByteArray &keyId) const
{
    if (wrapped.isEmpty() || static_cast<unsigned char>(wrapped.at(0)) != kVersion)
        return fail(ErrorKind::Crypto, u"not a wrapped key of a known version"_s, u"unwrap_failed"_s);
    Result<SecureBuffer> secret = crypto::aes256GcmOpen(m_key.view(), wrapAad(account, keyId), wrapped.sliced(1));
    if (!secret)
        return fail(ErrorKind::Crypto,
                    u"the wrapped key does not unwrap: another master key, account or key id, or altered"_s,
                    u"unwrap_failed"_s);
    return secret;
}

SecureBuffer SoftwareMasterKey::codePepper() const
{
    return UnlockCode::pepperFromMasterKey(m_key);
}

Result<qsizetype> rotateMasterKey(store::KeyserverStore &store, const MasterKey &from, const MasterKey &to,
                                  const QString &actor)
{
    Result<QList<store::WrappedKey>> keys = store.allKeys();
    if (!keys)
        return fail(keys.error());
    qsizetype moved = 0;
    for (store::WrappedKey &k : *keys) {
        if (k.masterKeyId == to.id())
            continue;
        if (k.masterKeyId != from.id())
            return fail(ErrorKind::Conflict,
                        u"the key of account %1 is under master key %2, neither the current nor the new one"_s.arg(
                            k.accountId.toString(QUuid::WithoutBraces), QString::fromLatin1(k.masterKeyId.toHex())),
                        u"unknown_master_key"_s);
        Result<SecureBuffer> secret = from.unwrap(k.wrapped, k.accountId, k.keyId);
        if (!secret)
            return fail(secret.error());
        Result<QByteArray> wrapped = to.wrap(*secret, k.accountId, k.keyId);
        if (!wrapped)
            return fail(wrapped.error());
        k.wrapped = *wrapped;
        k.masterKeyId = to.id();
        ++moved;
    }
    if (Result<void> r = store.rewrapAll(*keys, to.id(), actor); !r)
        return fail(r.error());
    return moved;
}

} // namespace credvault::keyserver
