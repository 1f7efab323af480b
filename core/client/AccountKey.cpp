#include "client/AccountKey.h"

#include "client/VaultApi.h"
#include "crypto/Primitives.h"
#include "protocol/Base64Url.h"

#include <QtCore/QSettings>

using namespace Qt::Literals::StringLiterals;

namespace credvault::client {

namespace {

Unexpected<ApiError> refusal(const QString &code, const QString &message, const QJsonObject &details = {})
{
    return Unexpected<ApiError>(ApiError{0, code, message, details});
}

QString hex(const KeyId &id)
{
    return QString::fromLatin1(crypto::bytesView(id).toByteArray().toHex());
}

QString accountKey(const QUuid &account)
{
    return u"pins/"_s + account.toString(QUuid::WithoutBraces);
}

} // namespace

std::optional<KeyId> KeyPins::pinned(const QUuid &account) const
{
    const QSettings s(m_file, QSettings::IniFormat);
    const QByteArray raw = QByteArray::fromHex(s.value(accountKey(account)).toString().toLatin1());
    if (raw.size() != 16)
        return std::nullopt;
    KeyId id{};
    std::copy(raw.cbegin(), raw.cend(), id.begin());
    return id;
}

Result<void> KeyPins::pin(const QUuid &account, const KeyId &keyId)
{
    QSettings s(m_file, QSettings::IniFormat);
    s.setValue(accountKey(account), hex(keyId));
    s.sync();
    if (s.status() != QSettings::NoError)
        return fail(ErrorKind::Io, u"cannot write the key pins to %1"_s.arg(m_file));
    return {};
}

Result<CheckedKey, ApiError> compareKeys(const QUuid &account, const QJsonObject &fromVault,
                                         const QJsonObject &fromKeyserver, const std::optional<KeyId> &pinned)
{
    for (const QString &field : {u"account_id"_s, u"public_key"_s, u"key_id"_s, u"unlock_state"_s}) {
        if (fromVault.value(field) != fromKeyserver.value(field))
            return refusal(u"key_mismatch"_s,
                           u"the vault server and the keyserver disagree about this account's key: nothing will be "
                           u"sealed; tell your hosting company's support"_s,
                           QJsonObject{{u"field"_s, field}});
    }
    Result<QByteArray> raw = fromBase64Url(fromKeyserver.value(u"public_key"_s).toString().toLatin1());
    Result<QByteArray> id = fromBase64Url(fromKeyserver.value(u"key_id"_s).toString().toLatin1());
    Result<crypto::X25519PublicKey> key =
        raw ? crypto::x25519PublicKeyFrom(*raw) : Result<crypto::X25519PublicKey>(fail(raw.error()));
    if (fromKeyserver.value(u"account_id"_s).toString() != account.toString(QUuid::WithoutBraces) || !key || !id ||
        id->size() != 16)
        return refusal(u"bad_key"_s, u"the account's key is malformed"_s);
    CheckedKey out;
    out.account = account;
    out.publicKey = *key;
    out.keyId = keyIdOf(*key);
    if (crypto::bytesView(out.keyId) != QByteArrayView(*id))
        return refusal(u"bad_key"_s, u"the account's key id is not its key's"_s);
    out.writeOnly = fromKeyserver.value(u"unlock_state"_s).toString() != u"email"_s;
    out.unlockEmailMasked = fromKeyserver.value(u"unlock_email_masked"_s).toString();
    out.firstUse = !pinned.has_value();
    if (pinned && *pinned != out.keyId)
        return refusal(u"key_changed"_s,
                       u"this account's key is not the one this app sealed to before: nothing will be sealed until you "
                       u"confirm the new key with your hosting company"_s,
                       QJsonObject{{u"pinned_key_id"_s, hex(*pinned)}, {u"key_id"_s, hex(out.keyId)}});
    return out;
}

void checkAccountKey(VaultApi &vault, ApiClient &keyserver, const std::optional<KeyId> &pinned, const QUuid &account,
                     std::function<void(Result<CheckedKey, ApiError>)> done, QObject *context)
{
    ApiClient *ks = &keyserver;
    vault.publicKey(
        account,
        [ks, account, pinned, context, done = std::move(done)](ApiResult fromVault) mutable {
            if (!fromVault)
                return done(Unexpected<ApiError>(fromVault.error()));
            ks->call(
                "GET", u"/v1/accounts/%1/public-key"_s.arg(account.toString(QUuid::WithoutBraces)), {},
                [account, pinned, vaultShape = *fromVault, done = std::move(done)](ApiResult fromKeyserver) {
                    if (!fromKeyserver)
                        return done(Unexpected<ApiError>(fromKeyserver.error()));
                    done(compareKeys(account, vaultShape, *fromKeyserver, pinned));
                },
                context);
        },
        context);
}

} // namespace credvault::client
