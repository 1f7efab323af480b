#include "client/UnlockSession.h"

#include "crypto/CodeBox.h"
#include "crypto/DecapBox.h"
#include "crypto/UnlockCode.h"
#include "protocol/Base64Url.h"

#include <QtCore/QJsonArray>
#include <QtCore/QPointer>

using namespace Qt::Literals::StringLiterals;

namespace credvault::client {

namespace {

Unexpected<ApiError> localError(const QString &code, const QString &message)
{
    return Unexpected<ApiError>(ApiError{0, code, message, {}});
}

bool sessionIsOver(const ApiError &e)
{
    return e.httpStatus == 401 || (e.httpStatus == 404 && e.code == u"not_found"_s);
}

} // namespace

UnlockSession::UnlockSession(Endpoint keyserver, const crypto::X25519PublicKey &redeemKey,
                             QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_http(std::move(keyserver), network, this), m_redeemKey(redeemKey)
{
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, [this] { endLocally(LockReason::Expired); });
}

UnlockSession::~UnlockSession()
{
    if (isUnlocked())
        lock();
}

void UnlockSession::redeem(const QUuid &account, const QString &typedCode,
                           std::function<void(Result<void, ApiError>)> done, QObject *context)
{
    Result<UnlockCode> code = UnlockCode::parse(typedCode);
    if (!code)
        return done(
            localError(u"bad_code_format"_s, u"an unlock code has 12 letters and digits, like ABCD-EFGH-JKMN"_s));
    if (isUnlocked())
        lock();
    auto key = std::make_shared<crypto::X25519PrivateKey>(crypto::X25519PrivateKey::generate());
    Result<QByteArray> box = CodeBox::seal(m_redeemKey, account, key->publicKey(), code->normalized());
    if (!box)
        return done(localError(u"internal"_s, box.error().message));
    start(m_http, u"/v1/unlock-sessions"_s,
          {{u"account_id"_s, account.toString(QUuid::WithoutBraces)},
           {u"code_box"_s, QString::fromLatin1(toBase64Url(*box))}},
          account, key, std::move(done), context);
}

void UnlockSession::openForStaff(ApiClient &staff, const QUuid &account, const QString &reason, const QString &ticket,
                                 std::function<void(Result<void, ApiError>)> done, QObject *context)
{
    if (reason.trimmed().isEmpty() || ticket.trimmed().isEmpty())
        return done(localError(u"bad_request"_s, u"a reason and a ticket are needed to unlock for support"_s));
    if (isUnlocked())
        lock();
    auto key = std::make_shared<crypto::X25519PrivateKey>(crypto::X25519PrivateKey::generate());
    start(staff, u"/v1/staff/accounts/%1/unlock-sessions"_s.arg(account.toString(QUuid::WithoutBraces)),
          {{u"reason"_s, reason.trimmed()}, {u"ticket"_s, ticket.trimmed()}}, account, key, std::move(done), context);
}

void UnlockSession::start(ApiClient &via, const QString &path, QJsonObject body, const QUuid &account,
                          std::shared_ptr<crypto::X25519PrivateKey> key,
                          std::function<void(Result<void, ApiError>)> done, QObject *context)
{
    body.insert(u"session_public_key"_s, QString::fromLatin1(toBase64Url(crypto::bytesView(key->publicKey()))));
    m_http.setAuthorization({});
    // Through another object's client (the staff one): the answer is dropped when this
    // session is gone (the call's context), or the caller's context is.
    const QPointer<QObject> caller(context);
    via.call(
        "POST", path, body,
        [this, account, key, caller, hasCaller = context != nullptr, done = std::move(done)](ApiResult r) mutable {
            if (hasCaller && !caller)
                return;
            if (!r)
                return done(Unexpected<ApiError>(r.error()));
            const QByteArray id = r->value(u"session_id"_s).toString().toLatin1();
            const QDateTime expires = QDateTime::fromString(r->value(u"expires_at"_s).toString(), Qt::ISODate);
            if (id.isEmpty() || !expires.isValid())
                return done(localError(u"bad_answer"_s, u"the keyserver's answer has no session"_s));
            m_account = account;
            m_key = std::make_unique<crypto::X25519PrivateKey>(std::move(*key));
            m_sessionId = SecureBuffer::copyOf(id);
            ++m_generation;
            m_http.setAuthorization("Session " + id);
            m_expiresAt = expires;
            m_expiry.start(
                std::chrono::milliseconds(qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(expires))));
            Q_EMIT unlocked(expires);
            done(Result<void, ApiError>());
        },
        this);
}

void UnlockSession::decapsulate(const QList<QByteArray> &encs, SecretsCallback done, QObject *context)
{
    if (!isUnlocked())
        return done(localError(u"locked"_s, u"the vault is locked"_s));
    if (encs.isEmpty() || std::size_t(encs.size()) > DecapBox::kMaxEncs)
        return done(localError(u"bad_request"_s, u"from 1 to %1 entries at a time"_s.arg(DecapBox::kMaxEncs)));
    QByteArray all;
    all.reserve(encs.size() * 32);
    QJsonArray list;
    for (const QByteArray &enc : encs) {
        if (enc.size() != 32)
            return done(localError(u"bad_request"_s, u"an enc is 32 bytes"_s));
        all += enc;
        list.append(QString::fromLatin1(toBase64Url(enc)));
    }
    m_http.call(
        "POST", u"/v1/unlock-session/decapsulate"_s, {{u"encs"_s, list}},
        [this, all, generation = m_generation, done = std::move(done)](ApiResult r) {
            // Locked while the answer was on its way, perhaps unlocked again since: this
            // answer is of a session that is over, and says nothing about the new one.
            if (!isUnlocked() || generation != m_generation)
                return done(localError(u"locked"_s, u"the vault is locked"_s));
            if (!r) {
                if (sessionIsOver(r.error()))
                    endLocally(LockReason::EndedByServer);
                return done(Unexpected<ApiError>(r.error()));
            }
            Result<QByteArray> box = fromBase64Url(r->value(u"sealed"_s).toString().toLatin1());
            Result<SecureBuffer> secrets =
                box ? DecapBox::open(*m_key, all, *box) : Result<SecureBuffer>(fail(box.error()));
            if (!secrets)
                return done(localError(u"bad_answer"_s,
                                       u"the keyserver's answer does not open: %1"_s.arg(secrets.error().message)));
            Secrets out{std::move(*secrets), {}};
            for (const QJsonValue &v : r->value(u"failed"_s).toArray())
                out.failed.append(v.toInt());
            done(std::move(out));
        },
        context);
}

void UnlockSession::lock(std::function<void()> told)
{
    if (!isUnlocked()) {
        if (told)
            told();
        return;
    }
    // Tell the keyserver (best effort: the key is gone here either way).
    m_http.call(
        "DELETE", u"/v1/unlock-session"_s, {},
        [told = std::move(told)](ApiResult) {
            if (told)
                told();
        },
        this);
    endLocally(LockReason::Requested);
}

void UnlockSession::endLocally(LockReason reason)
{
    if (!isUnlocked())
        return;
    m_expiry.stop();
    m_key.reset();
    m_sessionId = SecureBuffer();
    m_http.setAuthorization({});
    m_expiresAt = {};
    Q_EMIT locked(reason);
}

} // namespace credvault::client
