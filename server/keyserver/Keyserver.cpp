#include "keyserver/Keyserver.h"

#include "common/Files.h"
#include "crypto/AuditSignature.h"
#include "crypto/CodeBox.h"
#include "crypto/DecapBox.h"
#include "crypto/EntryEnvelope.h"
#include "crypto/Hpke.h"
#include "crypto/KeyFile.h"
#include "crypto/UnlockCode.h"
#include "keyserver/DecapCache.h"
#include "keyserver/MasterKey.h"
#include "keyserver/mail/Mailer.h"
#include "protocol/Base64Url.h"
#include "service/JsonRequest.h"
#include "service/ServiceLog.h"
#include "store/Queries.h"
#include "store/keyserver/SqlCipherKeyserverStore.h"

#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QLockFile>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <span>
#include <thread>

using namespace Qt::Literals::StringLiterals;

namespace credvault::keyserver {

using store::KeyserverAccount;
using store::SessionKind;
using store::UnlockSessionRecord;

QString maskEmail(const QString &email)
{
    const qsizetype at = email.indexOf(u'@');
    if (at <= 0)
        return u"***"_s;
    const QString local = email.left(at);
    const QString masked = local.size() == 1 ? local + u"***"_s : local.left(1) + u"***"_s + local.right(1);
    return masked + email.mid(at);
}

struct Keyserver::State {
    KeyserverSettings settings;
    std::unique_ptr<QLockFile> databaseLock; // held while serving: master-key rotate needs it
    const Clock &clock;
    std::mutex storeMutex;
    std::unique_ptr<store::SqlCipherKeyserverStore> store;
    std::unique_ptr<MasterKey> masterKey;
    SecureBuffer pepper;
    crypto::X25519PrivateKey redeemKey;
    AuditSigner auditSigner;
    std::unique_ptr<Mailer> mailer;
    DecapCache decapCache;

    explicit State(const Clock &c) : clock(c) {}
};

namespace {

using State = Keyserver::State;

Response fromError(const Error &e)
{
    return errorResponse(e, u"keyserver"_s);
}

QJsonObject publicKeyShape(const KeyserverAccount &a, const store::WrappedKey &k)
{
    return QJsonObject{{u"account_id"_s, store::uuidText(a.id)},
                       {u"key_id"_s, QString::fromLatin1(toBase64Url(k.keyId))},
                       {u"public_key"_s, QString::fromLatin1(toBase64Url(k.publicKey))},
                       {u"unlock_email_masked"_s, a.unlockEmail ? maskEmail(*a.unlockEmail) : QString()},
                       {u"unlock_state"_s, a.unlockEmail ? u"email"_s : u"none"_s}};
}

QString actorOf(const Request &req)
{
    switch (req.peer.role) {
    case ClientCertRule::Service: return u"service:"_s + req.peer.name;
    case ClientCertRule::Staff: return u"staff:"_s + req.peer.name;
    case ClientCertRule::None: break;
    }
    return u"public"_s;
}

SecureBuffer text(const QString &s)
{
    return SecureBuffer::copyOf(s.toUtf8());
}

QByteArray sessionHash(const QByteArray &id)
{
    return crypto::bytesView(crypto::sha256({id})).toByteArray();
}

// The session named by "Authorization: Session <id>", if it is open; or the 401.
std::variant<UnlockSessionRecord, Response> openSession(State &s, const Request &req)
{
    const QByteArray auth = req.header("Authorization");
    if (!auth.startsWith("Session "))
        return Response::error(401, u"no_session"_s, u"an unlock session is needed (Authorization: Session …)"_s);
    Result<QByteArray> id = fromBase64Url(auth.mid(8).trimmed());
    if (!id || id->size() != 32)
        return Response::error(401, u"no_session"_s, u"the session id is malformed"_s);
    const Result<std::optional<UnlockSessionRecord>> r = [&] {
        const std::lock_guard lock(s.storeMutex);
        return s.store->session(sessionHash(*id));
    }();
    if (!r)
        return fromError(r.error());
    if (!*r || (*r)->endedAt.isValid())
        return Response::error(401, u"session_ended"_s, u"the unlock session has ended; unlock again"_s);
    if ((*r)->expiresAt <= s.clock.nowUtc())
        return Response::error(401, u"session_expired"_s, u"the unlock session has expired; unlock again"_s);
    return **r;
}

// The request's `encs` (base64url strings of 32 bytes, at most DecapBox::kMaxEncs),
// concatenated; or the 400 or 413. Absent is an empty array where `required` is false.
std::variant<QByteArray, Response> encsField(const QJsonObject &o, bool required)
{
    const QJsonValue encsValue = o.value(u"encs"_s);
    if (encsValue.isUndefined() && !required)
        return QByteArray();
    if (!encsValue.isArray() || (required && encsValue.toArray().isEmpty()))
        return badRequest(u"'encs' must be a non-empty array of base64url strings"_s,
                          QJsonObject{{u"field"_s, u"encs"_s}});
    const QJsonArray encs = encsValue.toArray();
    if (std::size_t(encs.size()) > DecapBox::kMaxEncs)
        return Response::error(413, u"too_many_encs"_s, u"at most %1 encs per request"_s.arg(DecapBox::kMaxEncs),
                               QJsonObject{{u"max"_s, qint64(DecapBox::kMaxEncs)}});
    QByteArray all;
    all.reserve(encs.size() * 32);
    for (qsizetype i = 0; i < encs.size(); ++i) {
        Result<QByteArray> e = fromBase64Url(encs[i].toString().toLatin1());
        if (!encs[i].isString() || !e || e->size() != 32)
            return badRequest(u"encs[%1] is not a 32-byte base64url value"_s.arg(i), QJsonObject{{u"index"_s, i}});
        all += *e;
    }
    return all;
}

// The account's private key, unwrapped; errors are internal (the caller found the key).
Result<crypto::X25519PrivateKey> unwrapKey(State &s, const QUuid &account, const store::WrappedKey &wrapped)
{
    Result<SecureBuffer> raw = s.masterKey->unwrap(wrapped.wrapped, account, wrapped.keyId);
    if (!raw)
        return fail(ErrorKind::Internal,
                    u"cannot unwrap the key of %1: %2"_s.arg(store::uuidText(account), raw.error().message));
    Result<crypto::X25519PrivateKey> key = crypto::X25519PrivateKey::fromRaw(raw->view());
    if (!key)
        return fail(ErrorKind::Internal, key.error().message);
    return std::move(key).value();
}

// A session key the decapsulation answers can be sealed to, or the 400: one of low order
// gives an all-zero X25519 result (RFC 9180 §7.1.4), so every answer of its session would
// fail (found by fuzzing: a 500 for each, after a session was made and audited).
std::optional<Response> refuseLowOrderKey(const QByteArray &raw)
{
    if (crypto::X25519PrivateKey::generate().dh(crypto::x25519PublicKeyFrom(raw).value()))
        return std::nullopt;
    return badRequest(u"'session_public_key' is not a usable X25519 public key (it is of low order)"_s,
                      QJsonObject{{u"field"_s, u"session_public_key"_s}});
}

// Makes a session id, stores its hash and answers {session_id, expires_at}.
Result<QJsonObject> startSession(State &s, const QUuid &account, const QByteArray &sessionKey, SessionKind kind,
                                 const Request &req, const QString &reason, const QString &ticket, qint64 seconds,
                                 QByteArray *idHashOut = nullptr)
{
    unsigned char raw[32];
    crypto::randomBytes(raw, sizeof raw);
    const QByteArray id(reinterpret_cast<const char *>(raw), sizeof raw);
    const QDateTime now = s.clock.nowUtc();
    UnlockSessionRecord r{sessionHash(id), account, sessionKey,           kind, actorOf(req), reason,
                          ticket,          now,     now.addSecs(seconds), {}};
    QJsonObject details{{u"session"_s, QString::fromLatin1(r.idHash.left(8).toHex())},
                        {u"kind"_s, kind == SessionKind::Staff ? u"staff"_s : u"code"_s},
                        {u"expires_at"_s, rfc3339(r.expiresAt)}};
    if (kind == SessionKind::Staff) {
        details.insert(u"engineer"_s, req.peer.name);
        details.insert(u"reason"_s, reason);
        details.insert(u"ticket"_s, ticket);
    }
    if (Result<void> a =
            s.store->addSession(r, {actorOf(req), kind == SessionKind::Staff ? u"staff_unlock"_s : u"unlock"_s,
                                    store::uuidText(account), details});
        !a)
        return fail(a.error());
    if (idHashOut)
        *idHashOut = r.idHash;
    return QJsonObject{{u"session_id"_s, QString::fromLatin1(toBase64Url(id))},
                       {u"expires_at"_s, rfc3339(r.expiresAt)}};
}

// Fire and forget: a mail whose failure is only logged.
void mailAndLog(State &s, const QString &to, const QString &subject, const QString &body)
{
    s.mailer->send(Mail{to, subject, text(body)}, [to, subject](Result<void> r) {
        if (!r)
            serviceLog(u"mail \"%1\" to %2 failed: %3"_s.arg(subject, maskEmail(to), r.error().message));
    });
}

Response auditAnswer(State &s, const QUuid &account)
{
    std::unique_lock lock(s.storeMutex);
    const Result<QList<store::AuditRecord>> rows = s.store->auditRecords(store::uuidText(account), 0, 10000);
    const Result<store::AuditHead> head = s.store->auditHead();
    lock.unlock();
    if (!rows)
        return fromError(rows.error());
    if (!head)
        return fromError(head.error());
    QJsonArray items;
    for (const store::AuditRecord &r : *rows) {
        items.append(QJsonObject{{u"seq"_s, r.seq},
                                 {u"at"_s, rfc3339(r.at)},
                                 {u"actor"_s, r.actor},
                                 {u"action"_s, r.action},
                                 {u"details"_s, QJsonDocument::fromJson(r.details).object()},
                                 {u"hash"_s, QString::fromLatin1(crypto::bytesView(r.hash).toByteArray().toHex())}});
    }
    const QByteArray hash = crypto::bytesView(head->hash).toByteArray();
    Result<QByteArray> sig = s.auditSigner.signHead(head->count, hash);
    if (!sig)
        return fromError(sig.error());
    return Response::json(
        200, QJsonObject{{u"items"_s, items},
                         {u"head"_s, QJsonObject{{u"count"_s, head->count},
                                                 {u"hash"_s, QString::fromLatin1(hash.toHex())},
                                                 {u"signature"_s, QString::fromLatin1(toBase64Url(*sig))}}}});
}

} // namespace

Result<std::unique_ptr<QLockFile>> lockDatabase(const QString &databasePath)
{
    auto lock = std::make_unique<QLockFile>(databasePath + u".lock"_s);
    lock->setStaleLockTime(0); // a lock whose process is gone is stale at once
    if (lock->tryLock(0))
        return lock;
    qint64 pid = 0;
    QString host, app;
    lock->getLockInfo(&pid, &host, &app);
    return fail(ErrorKind::Conflict,
                lock->error() == QLockFile::LockFailedError
                    ? u"%1 is in use by process %2 (%3): stop the keyserver first"_s.arg(databasePath).arg(pid).arg(app)
                    : u"cannot lock %1 (is its folder writable?)"_s.arg(databasePath),
                u"database_in_use"_s);
}

Keyserver::Keyserver(std::unique_ptr<State> state) : d(std::move(state))
{}
Keyserver::~Keyserver() = default;

Result<std::unique_ptr<Keyserver>> Keyserver::create(const ServiceConfig &config, const KeyserverSettings &settings,
                                                     const Clock &clock)
{
    auto s = std::make_unique<State>(clock);
    s->settings = settings;
    Result<SecureBuffer> dbKey = config.loadDatabaseKey();
    if (!dbKey)
        return fail(dbKey.error());
    Result<std::unique_ptr<QLockFile>> locked = lockDatabase(config.databasePath);
    if (!locked)
        return fail(locked.error());
    s->databaseLock = std::move(*locked);
    Result<std::unique_ptr<store::SqlCipherKeyserverStore>> st =
        store::SqlCipherKeyserverStore::open(config.databasePath, *dbKey, clock);
    if (!st)
        return fail(st.error().kind == ErrorKind::WrongKey ? ErrorKind::Config : st.error().kind, st.error().message);
    s->store = std::move(*st);

    const std::unique_ptr<store::KeySource> masterSource =
        settings.masterKeyFile.isEmpty()
            ? std::unique_ptr<store::KeySource>(new store::EnvironmentKeySource(settings.masterKeyEnv))
            : std::unique_ptr<store::KeySource>(new store::KeyFileSource(settings.masterKeyFile));
    Result<std::unique_ptr<SoftwareMasterKey>> mk = SoftwareMasterKey::load(*masterSource);
    if (!mk)
        return fail(ErrorKind::Config, mk.error().message);
    s->masterKey = std::move(*mk);
    if (Result<qint64> other = s->store->keysNotUnder(s->masterKey->id()); !other || *other > 0)
        return fail(ErrorKind::Config,
                    other ? u"%1 account keys in %2 are wrapped under another master key than the configured one (id "
                            u"%3): a wrong master key, or an unfinished rotation (see docs/operations.md)"_s.arg(*other)
                                .arg(config.databasePath, QString::fromLatin1(s->masterKey->id().toHex()))
                          : other.error().message);
    s->pepper = s->masterKey->codePepper();

    Result<crypto::X25519PrivateKey> redeem = KeyFile::loadPrivate(settings.redeemKeyFile);
    if (!redeem)
        return fail(ErrorKind::Config, u"redeem_key: %1"_s.arg(redeem.error().message));
    s->redeemKey = std::move(*redeem);
    Result<SecureBuffer> auditPem = readSecretFile(settings.auditKeyFile);
    Result<AuditSigner> signer =
        auditPem ? AuditSigner::fromPem(auditPem->view()) : Result<AuditSigner>(fail(auditPem.error()));
    if (!signer)
        return fail(ErrorKind::Config, u"audit_key: %1: %2"_s.arg(settings.auditKeyFile, signer.error().message));
    s->auditSigner = std::move(*signer);

    if (!settings.maildir.isEmpty()) {
        s->mailer = std::make_unique<MaildirMailer>(settings.maildir, settings.mailFrom);
    } else {
        SmtpSettings smtp;
        smtp.host = settings.smtpHost;
        smtp.port = settings.smtpPort;
        smtp.from = settings.mailFrom;
        smtp.username = settings.smtpUser;
        smtp.caFile = settings.smtpCa;
        smtp.implicitTls = settings.smtpImplicitTls;
        smtp.timeoutSeconds = int(settings.mailTimeout);
        if (!settings.smtpPasswordFile.isEmpty()) {
            Result<SecureBuffer> pass = readSecretFile(settings.smtpPasswordFile, 4096);
            if (!pass)
                return fail(ErrorKind::Config, u"smtp_password_file: %1"_s.arg(pass.error().message));
            SecureBuffer p = std::move(*pass);
            while (!p.isEmpty() && (p.data()[p.size() - 1] == '\n' || p.data()[p.size() - 1] == '\r'))
                p.truncate(p.size() - 1);
            smtp.password = std::move(p);
        }
        s->mailer = std::make_unique<SmtpMailer>(std::move(smtp));
    }
    serviceLog(u"mail goes to %1"_s.arg(s->mailer->describe()));
    return std::unique_ptr<Keyserver>(new Keyserver(std::move(s)));
}

void Keyserver::registerRoutes(HttpsServer &server)
{
    State *s = d.get();
    const auto account =
        [s](const QUuid &id) -> std::variant<std::pair<KeyserverAccount, store::WrappedKey>, Response> {
        // The caller holds storeMutex.
        (void)s->store->applyDueEmailChanges(s->clock.nowUtc());
        Result<std::optional<KeyserverAccount>> a = s->store->account(id);
        if (!a)
            return fromError(a.error());
        Result<std::optional<store::WrappedKey>> k = s->store->key(id);
        if (!k)
            return fromError(k.error());
        if (!*a || !*k)
            return Response::error(404, u"not_found"_s, u"no such account"_s);
        return std::pair{**a, **k};
    };
    // The path's account, read under the store lock, which `lock` holds on return: the
    // start of every handler that acts on one account and then mails.
    const auto lockedAccount = [account,
                                s](const Request &req,
                                   std::unique_lock<std::mutex> &lock) -> std::variant<KeyserverAccount, Response> {
        lock = std::unique_lock(s->storeMutex);
        auto found = account(pathId(req));
        if (Response *r = std::get_if<Response>(&found))
            return *r;
        return std::get<0>(found).first;
    };

    // --- public

    Router *pub = server.router(u"public"_s);
    pub->add("GET", u"/v1/accounts/{id:uuid}/public-key"_s, [s, account](const Request &req) {
        const std::lock_guard lock(s->storeMutex);
        auto found = account(pathId(req));
        if (Response *r = std::get_if<Response>(&found))
            return *r;
        const auto &[a, k] = std::get<0>(found);
        return Response::json(200, publicKeyShape(a, k));
    });

    pub->add("POST", u"/v1/unlock-sessions"_s, [s](const Request &req) {
        auto body = jsonBody(req);
        if (Response *r = std::get_if<Response>(&body))
            return *r;
        const QJsonObject &o = std::get<QJsonObject>(body);
        auto accountField = uuidField(o, u"account_id"_s);
        if (Response *r = std::get_if<Response>(&accountField))
            return *r;
        const QUuid accountId = std::get<QUuid>(accountField);
        auto box = bytesField(o, u"code_box"_s, 0);
        if (Response *r = std::get_if<Response>(&box))
            return *r;
        auto sessionKey = bytesField(o, u"session_public_key"_s, 32);
        if (Response *r = std::get_if<Response>(&sessionKey))
            return *r;
        const QByteArray &key = std::get<QByteArray>(sessionKey);
        if (std::optional<Response> r = refuseLowOrderKey(key))
            return *r;

        const std::lock_guard lock(s->storeMutex);
        const QDateTime now = s->clock.nowUtc();
        const QString accountText = store::uuidText(accountId);
        Result<std::optional<KeyserverAccount>> a = s->store->account(accountId);
        if (!a)
            return fromError(a.error());
        if (!*a)
            return Response::error(404, u"not_found"_s, u"no such account"_s);
        Result<store::CodeLimits> limits = s->store->limits(accountId);
        if (!limits)
            return fromError(limits.error());
        if (limits->blockedUntil.isValid() && limits->blockedUntil > now)
            return Response::error(429, u"blocked"_s, u"too many wrong codes; wait before trying again"_s,
                                   QJsonObject{{u"retry_after_s"_s, now.secsTo(limits->blockedUntil) + 1}});
        Result<std::optional<store::LiveCode>> live = s->store->code(accountId);
        if (!live)
            return fromError(live.error());
        if (!*live)
            return Response::error(409, u"no_code"_s, u"there is no live code for this vault; ask for a new one"_s);
        if ((*live)->expiresAt <= now) {
            s->decapCache.drop(accountId);
            (void)s->store->removeCode(accountId);
            (void)s->store->audit({u"system"_s, u"code_expired"_s, accountText, {}});
            return Response::error(410, u"code_expired"_s, u"the code has expired; ask for a new one"_s);
        }
        // The code arrives sealed to our redemption key and bound to this session key.
        bool match = false;
        const crypto::X25519PublicKey sessionPublic = crypto::x25519PublicKeyFrom(key).value();
        Result<SecureBuffer> normalized =
            CodeBox::open(s->redeemKey, accountId, sessionPublic, std::get<QByteArray>(box));
        if (normalized) {
            if (Result<UnlockCode> code = UnlockCode::fromNormalized(normalized->view()); code)
                match = UnlockCode::hashesEqual(code->storageHash(s->pepper, accountId), (*live)->hash);
        }
        if (!match) {
            store::CodeLimits l = *limits;
            l.failures += 1;
            QJsonObject details{{u"failures"_s, l.failures}};
            if (l.failures >= s->settings.maxFailures) {
                l.failures = 0;
                l.blockedUntil = now.addSecs(s->settings.block);
                s->decapCache.drop(accountId);
                (void)s->store->removeCode(accountId);
                (void)s->store->setLimits(accountId, l);
                (void)s->store->audit({actorOf(req), u"redeem_blocked"_s, accountText, details});
                return Response::error(429, u"blocked"_s,
                                       u"too many wrong codes: the code is void and unlocking is blocked for a while"_s,
                                       QJsonObject{{u"retry_after_s"_s, s->settings.block}, {u"tries_left"_s, 0}});
            }
            (void)s->store->setLimits(accountId, l);
            (void)s->store->audit({actorOf(req), u"redeem_failed"_s, accountText, details});
            return Response::error(403, u"wrong_code"_s, u"the code is not right"_s,
                                   QJsonObject{{u"tries_left"_s, s->settings.maxFailures - l.failures}});
        }
        (void)s->store->removeCode(accountId); // single use
        (void)s->store->setLimits(accountId, {});
        Result<QJsonObject> started =
            startSession(*s, accountId, key, SessionKind::Code, req, {}, {}, s->settings.codeSession);
        if (!started)
            return fromError(started.error());
        return Response::json(201, *started);
    });

    pub->add(
        "POST", u"/v1/unlock-session/decapsulate"_s,
        [s](const Request &req) {
            auto session = openSession(*s, req);
            if (Response *r = std::get_if<Response>(&session))
                return *r;
            const UnlockSessionRecord &sess = std::get<UnlockSessionRecord>(session);
            auto body = jsonBody(req);
            if (Response *r = std::get_if<Response>(&body))
                return *r;
            auto encs = encsField(std::get<QJsonObject>(body), true);
            if (Response *r = std::get_if<Response>(&encs))
                return *r;
            const QByteArray &all = std::get<QByteArray>(encs);
            const Result<std::optional<store::WrappedKey>> wrapped = [&] {
                const std::lock_guard lock(s->storeMutex);
                return s->store->key(sess.accountId);
            }();
            if (!wrapped)
                return fromError(wrapped.error());
            if (!*wrapped)
                return Response::error(404, u"not_found"_s, u"the vault no longer exists"_s);

            // First what was computed while the code was on its way (DecapCache) ...
            const std::size_t n = std::size_t(all.size()) / 32;
            SecureBuffer secrets(n * 32);
            QList<int> failedAll;
            std::vector<std::uint32_t> todo;
            todo.reserve(n);
            {
                const DecapCache::Taken pre = s->decapCache.take(sess.accountId);
                QHash<QByteArrayView, std::size_t> known;
                known.reserve(qsizetype(pre.done));
                for (std::size_t i = 0; i < pre.done; ++i)
                    known.insert(QByteArrayView(pre.encs).sliced(qsizetype(i) * 32, 32), i);
                for (std::size_t i = 0; i < n; ++i) {
                    const auto hit = known.constFind(QByteArrayView(all).sliced(qsizetype(i) * 32, 32));
                    if (hit == known.cend()) {
                        todo.push_back(std::uint32_t(i));
                        continue;
                    }
                    std::memcpy(secrets.data() + i * 32, pre.secrets.data() + *hit * 32, 32);
                    if (pre.failed[*hit])
                        failedAll.append(int(i));
                }
            } // ... whose leftovers are wiped here; then the rest on every core, one deriver each.
            if (!todo.empty()) {
                Result<crypto::X25519PrivateKey> key = unwrapKey(*s, sess.accountId, **wrapped);
                if (!key)
                    return fromError(key.error());
                const std::size_t threads = std::max<std::size_t>(
                    1, std::min<std::size_t>(std::thread::hardware_concurrency(), (todo.size() + 255) / 256));
                std::vector<QList<int>> failed(threads);
                std::vector<std::thread> pool;
                for (std::size_t t = 0; t < threads; ++t) {
                    const std::span<const std::uint32_t> slice(todo.data() + todo.size() * t / threads,
                                                               todo.data() + todo.size() * (t + 1) / threads);
                    pool.emplace_back([&, t, slice] {
                        crypto::X25519Deriver deriver(*key);
                        DecapBox::decapsulateIndices(deriver, key->publicKey(), all, slice, secrets.data(), failed[t]);
                    });
                }
                for (std::thread &t : pool)
                    t.join();
                for (const QList<int> &f : failed)
                    failedAll += f;
                std::sort(failedAll.begin(), failedAll.end());
            }
            const std::size_t precomputed = n - todo.size();
            QJsonArray failedJson;
            for (int i : failedAll)
                failedJson.append(i);
            Result<QByteArray> sealed =
                DecapBox::seal(crypto::x25519PublicKeyFrom(sess.sessionPublicKey).value(), all, secrets);
            if (!sealed)
                return fromError(Error(ErrorKind::Internal, sealed.error().message));
            {
                const std::lock_guard lock(s->storeMutex);
                (void)s->store->audit({sess.issuedBy, u"decapsulated"_s, store::uuidText(sess.accountId),
                                       QJsonObject{{u"session"_s, QString::fromLatin1(sess.idHash.left(8).toHex())},
                                                   {u"count"_s, qint64(n)},
                                                   {u"failed"_s, failedJson.size()}}});
            }
            return Response::json(200, QJsonObject{{u"sealed"_s, QString::fromLatin1(toBase64Url(*sealed))},
                                                   {u"failed"_s, failedJson},
                                                   {u"precomputed"_s, qint64(precomputed)}});
        },
        Execution::Pool);

    pub->add("DELETE", u"/v1/unlock-session"_s, [s](const Request &req) {
        auto session = openSession(*s, req);
        if (Response *r = std::get_if<Response>(&session))
            return *r;
        const UnlockSessionRecord &sess = std::get<UnlockSessionRecord>(session);
        const std::lock_guard lock(s->storeMutex);
        Result<bool> ended =
            s->store->endSession(sess.idHash, s->clock.nowUtc(),
                                 {sess.issuedBy, u"locked"_s, store::uuidText(sess.accountId),
                                  QJsonObject{{u"session"_s, QString::fromLatin1(sess.idHash.left(8).toHex())}}});
        if (!ended)
            return fromError(ended.error());
        return Response::json(200, QJsonObject{{u"locked"_s, true}});
    });

    // --- services (the vault server)

    Router *svc = server.router(u"services"_s);
    svc->add("PUT", u"/v1/accounts/{id:uuid}"_s, [s, account](const Request &req) {
        auto body = jsonBody(req);
        if (Response *r = std::get_if<Response>(&body))
            return *r;
        const QString email = std::get<QJsonObject>(body).value(u"email"_s).toString().trimmed();
        if (!isPlausibleAddress(email))
            return badRequest(u"'email' must be an e-mail address"_s, QJsonObject{{u"field"_s, u"email"_s}});
        const QUuid id = pathId(req);
        const std::lock_guard lock(s->storeMutex);
        auto existing = account(id);
        if (auto *found = std::get_if<0>(&existing))
            return Response::json(200,
                                  publicKeyShape(found->first, found->second)); // the e-mail counts only at creation
        const crypto::X25519PrivateKey key = crypto::X25519PrivateKey::generate();
        const KeyId keyId = keyIdOf(key.publicKey());
        store::WrappedKey w;
        w.accountId = id;
        w.keyId = crypto::bytesView(keyId).toByteArray();
        w.publicKey = crypto::bytesView(key.publicKey()).toByteArray();
        Result<QByteArray> wrapped = s->masterKey->wrap(key.rawPrivate(), id, w.keyId);
        if (!wrapped)
            return fromError(Error(ErrorKind::Internal, wrapped.error().message));
        w.wrapped = *wrapped;
        w.masterKeyId = s->masterKey->id();
        const KeyserverAccount a{id, email, email, std::nullopt, {}};
        Result<KeyserverAccount> made = s->store->createAccount(a, w, actorOf(req));
        if (!made)
            return fromError(made.error());
        mailAndLog(*s, email, u"Your CredVault vault was created"_s,
                   u"A CredVault vault was created for your account (%1).\n\n"
                   u"Server logins you keep in it are sealed before they leave your computer. To read them, you will "
                   u"ask for an unlock code, which is sent to this address.\n\n"
                   u"If you did not expect this, contact your hosting company's support."_s.arg(store::uuidText(id)));
        return Response::json(201, publicKeyShape(*made, w));
    });

    svc->addAsync(
        "POST", u"/v1/accounts/{id:uuid}/unlock-codes"_s, [s, lockedAccount](const Request &req, Responder respond) {
            // Optional {encs}: the account's entries, whose secrets are computed while the
            // code is on its way (DecapCache). An empty body is a request without them.
            QByteArray encs;
            if (!req.body.isEmpty()) {
                auto body = jsonBody(req);
                if (Response *r = std::get_if<Response>(&body))
                    return respond(*r);
                auto field = encsField(std::get<QJsonObject>(body), false);
                if (Response *r = std::get_if<Response>(&field))
                    return respond(*r);
                encs = std::get<QByteArray>(field);
            }
            std::unique_lock<std::mutex> lock;
            auto found = lockedAccount(req, lock);
            if (Response *r = std::get_if<Response>(&found))
                return respond(*r);
            const KeyserverAccount a = std::get<KeyserverAccount>(found);
            const QUuid id = a.id;
            if (!a.unlockEmail)
                return respond(
                    Response::error(409, u"write_only"_s,
                                    u"this vault has no unlock e-mail address: entries can be added and changed, "
                                    u"but not read"_s));
            const QDateTime now = s->clock.nowUtc();
            Result<store::CodeLimits> limits = s->store->limits(id);
            if (!limits)
                return respond(fromError(limits.error()));
            if (limits->blockedUntil.isValid() && limits->blockedUntil > now)
                return respond(
                    Response::error(429, u"blocked"_s, u"too many wrong codes; wait before asking for a new one"_s,
                                    QJsonObject{{u"retry_after_s"_s, now.secsTo(limits->blockedUntil) + 1}}));
            Result<int> recent = s->store->codesIssuedSince(id, now.addSecs(-s->settings.codeWindow));
            if (!recent)
                return respond(fromError(recent.error()));
            if (*recent >= s->settings.maxCodesPerWindow)
                return respond(Response::error(
                    429, u"too_many_codes"_s,
                    u"%1 codes were sent in the last %2 minutes; wait before asking again"_s.arg(*recent).arg(
                        (s->settings.codeWindow + 59) / 60),
                    QJsonObject{{u"retry_after_s"_s, s->settings.codeWindow}}));
            const UnlockCode code = UnlockCode::generate();
            const crypto::Digest hash = code.storageHash(s->pepper, id);
            const store::LiveCode live{id, crypto::bytesView(hash).toByteArray(), now,
                                       now.addSecs(s->settings.codeLifetime), actorOf(req)};
            if (Result<void> put = s->store->putCode(live, {actorOf(req), u"code_issued"_s, store::uuidText(id),
                                                            QJsonObject{{u"expires_at"_s, rfc3339(live.expiresAt)}}});
                !put)
                return respond(fromError(put.error()));
            const qint64 keep = std::min(s->settings.precompute, s->settings.codeLifetime);
            Result<std::optional<store::WrappedKey>> wrapped = std::optional<store::WrappedKey>();
            if (!encs.isEmpty() && keep > 0)
                wrapped = s->store->key(id);
            lock.unlock();
            s->decapCache.drop(id); // what was computed for the code this one replaces
            std::uint64_t job = 0;
            if (wrapped && *wrapped) {
                if (Result<crypto::X25519PrivateKey> key = unwrapKey(*s, id, **wrapped))
                    job = s->decapCache.start(id, std::move(*key), encs, std::chrono::seconds(keep));
                else
                    serviceLog(u"no precomputation for %1: %2"_s.arg(store::uuidText(id), key.error().message));
            }
            const SecureBuffer shown = code.displayForm();
            const QString body =
                u"Your CredVault unlock code for vault %1:\n\n    "_s.arg(store::uuidText(id)) +
                QString::fromLatin1(shown.view()) // the code lives only in this mail
                + u"\n\nIt works once and expires at %1 (UTC). Type it into the CredVault app that asked "
                  u"for it.\n\nIf you did not ask for a code, someone may be trying to read your vault: do "
                  u"not pass this code on, and tell your hosting company's support."_s.arg(rfc3339(live.expiresAt));
            const QString to = *a.unlockEmail;
            s->mailer->send(Mail{to, u"Your CredVault unlock code"_s, text(body)}, [s, id, live, to, respond, req,
                                                                                    job](Result<void> r) {
                if (r) {
                    respond(Response::json(200, QJsonObject{{u"sent_to_masked"_s, maskEmail(to)},
                                                            {u"expires_at"_s, rfc3339(live.expiresAt)}}));
                    return;
                }
                serviceLog(u"unlock code mail for %1 failed: %2"_s.arg(store::uuidText(id), r.error().message));
                if (job != 0)
                    s->decapCache.drop(id, job);
                {
                    // No live code may stay behind that nobody received.
                    const std::lock_guard l(s->storeMutex);
                    Result<std::optional<store::LiveCode>> current = s->store->code(id);
                    if (current && *current && (*current)->hash == live.hash)
                        (void)s->store->removeCode(id);
                    (void)s->store->audit({actorOf(req), u"code_voided"_s, store::uuidText(id),
                                           QJsonObject{{u"reason"_s, u"mail_failed"_s}}});
                }
                respond(Response::error(502, u"mail_failed"_s,
                                        u"the unlock e-mail could not be sent; no code was issued"_s));
            });
        });

    svc->add("GET", u"/v1/accounts/{id:uuid}/audit"_s,
             [s](const Request &req) { return auditAnswer(*s, pathId(req)); });

    svc->add("DELETE", u"/v1/accounts/{id:uuid}"_s, [s](const Request &req) {
        const std::lock_guard lock(s->storeMutex);
        s->decapCache.drop(pathId(req));
        Result<void> r = s->store->deleteAccount(pathId(req), actorOf(req));
        if (!r)
            return fromError(r.error());
        return Response::json(200, QJsonObject{{u"deleted"_s, true}});
    });

    // --- staff

    Router *staff = server.router(u"staff"_s);
    staff->add("GET", u"/v1/staff/accounts/{id:uuid}"_s, [s, account](const Request &req) {
        const std::lock_guard lock(s->storeMutex);
        auto found = account(pathId(req));
        if (Response *r = std::get_if<Response>(&found))
            return *r;
        const KeyserverAccount &a = std::get<0>(found).first;
        QJsonObject o = publicKeyShape(a, std::get<0>(found).second);
        o.insert(u"unlock_email"_s, a.unlockEmail ? QJsonValue(*a.unlockEmail) : QJsonValue(QJsonValue::Null));
        o.insert(u"notice_email"_s, a.noticeEmail);
        if (a.pending)
            o.insert(u"pending_change"_s,
                     QJsonObject{{u"unlock_email"_s, a.pending->newEmail ? QJsonValue(*a.pending->newEmail)
                                                                         : QJsonValue(QJsonValue::Null)},
                                 {u"effective_at"_s, rfc3339(a.pending->effectiveAt)},
                                 {u"requested_by"_s, a.pending->requestedBy}});
        else
            o.insert(u"pending_change"_s, QJsonValue(QJsonValue::Null));
        return Response::json(200, o);
    });

    staff->addAsync(
        "POST", u"/v1/staff/accounts/{id:uuid}/unlock-sessions"_s,
        [s, lockedAccount](const Request &req, Responder respond) {
            auto body = jsonBody(req);
            if (Response *r = std::get_if<Response>(&body))
                return respond(*r);
            const QJsonObject &o = std::get<QJsonObject>(body);
            auto reason = textField(o, u"reason"_s, 500);
            if (Response *r = std::get_if<Response>(&reason))
                return respond(*r);
            auto ticket = textField(o, u"ticket"_s, 100);
            if (Response *r = std::get_if<Response>(&ticket))
                return respond(*r);
            auto key = bytesField(o, u"session_public_key"_s, 32);
            if (Response *r = std::get_if<Response>(&key))
                return respond(*r);
            if (std::optional<Response> r = refuseLowOrderKey(std::get<QByteArray>(key)))
                return respond(*r);
            std::unique_lock<std::mutex> lock;
            auto found = lockedAccount(req, lock);
            if (Response *r = std::get_if<Response>(&found))
                return respond(*r);
            const KeyserverAccount a = std::get<KeyserverAccount>(found);
            const QUuid id = a.id;
            QByteArray idHash;
            Result<QJsonObject> started =
                startSession(*s, id, std::get<QByteArray>(key), SessionKind::Staff, req, std::get<QString>(reason),
                             std::get<QString>(ticket), s->settings.staffSession, &idHash);
            lock.unlock();
            if (!started)
                return respond(fromError(started.error()));
            const QString notice =
                u"A support engineer unlocked your CredVault vault (%1).\n\n    Engineer: %2\n    Reason:   %3\n    "
                u"Ticket:   %4\n"
                u"    Until:    %5 (UTC)\n\nThey can read your sealed entries until then. No code was sent or needed. "
                u"If you did not ask for help, contact your hosting company's support and quote the ticket."_s.arg(
                    store::uuidText(id), req.peer.name, std::get<QString>(reason), std::get<QString>(ticket),
                    started->value(u"expires_at"_s).toString());
            const QJsonObject answer = *started;
            // The customer must be told: no notice, no session.
            s->mailer->send(
                Mail{a.noticeEmail, u"A support engineer unlocked your CredVault vault"_s, text(notice)},
                [s, a, notice, answer, idHash, respond, req](Result<void> r) {
                    if (!r) {
                        serviceLog(
                            u"staff unlock notice for %1 failed: %2"_s.arg(store::uuidText(a.id), r.error().message));
                        const std::lock_guard l(s->storeMutex);
                        (void)s->store->endSession(idHash, s->clock.nowUtc(),
                                                   {actorOf(req), u"locked"_s, store::uuidText(a.id),
                                                    QJsonObject{{u"reason"_s, u"notice_mail_failed"_s}}});
                        return respond(Response::error(502, u"mail_failed"_s,
                                                       u"the customer could not be told, so the vault stays locked"_s));
                    }
                    if (a.unlockEmail && *a.unlockEmail != a.noticeEmail)
                        mailAndLog(*s, *a.unlockEmail, u"A support engineer unlocked your CredVault vault"_s, notice);
                    respond(Response::json(201, answer));
                });
        });

    // The customer must be told: the change is recorded, then the notice address mailed;
    // if that mail fails the change is undone and nothing has changed (a change of the
    // unlock address nobody was told of is how a vault is taken over).
    staff->addAsync(
        "PUT", u"/v1/staff/accounts/{id:uuid}/unlock-email"_s,
        [s, lockedAccount](const Request &req, Responder respond) {
            if (req.peer.staffRole != u"admin"_s)
                return respond(
                    Response::error(403, u"admin_only"_s, u"only an admin may change the unlock e-mail address"_s));
            auto body = jsonBody(req);
            if (Response *r = std::get_if<Response>(&body))
                return respond(*r);
            const QJsonObject &o = std::get<QJsonObject>(body);
            const QJsonValue emailValue = o.value(u"email"_s);
            if (!(emailValue.isNull() ||
                  (emailValue.isString() && isPlausibleAddress(emailValue.toString().trimmed()))))
                return respond(badRequest(u"'email' must be an e-mail address, or null to make the vault write-only"_s,
                                          QJsonObject{{u"field"_s, u"email"_s}}));
            auto verification = textField(o, u"verification"_s, 500);
            if (Response *r = std::get_if<Response>(&verification))
                return respond(*r);
            std::unique_lock<std::mutex> lock;
            auto found = lockedAccount(req, lock);
            if (Response *r = std::get_if<Response>(&found))
                return respond(*r);
            const KeyserverAccount a = std::get<KeyserverAccount>(found);
            const QUuid id = a.id;
            const std::optional<QString> newEmail =
                emailValue.isNull() ? std::nullopt : std::optional(emailValue.toString().trimmed());
            // On a whole second, so the time in the answer and the mails is exactly when it happens.
            QDateTime effective = s->clock.nowUtc().addSecs(s->settings.emailChangeDelay);
            if (const int ms = effective.time().msec(); ms != 0 && s->settings.emailChangeDelay > 0)
                effective = effective.addMSecs(1000 - ms);
            const store::PendingEmailChange change{newEmail, effective, actorOf(req)};
            const QJsonValue newJson = newEmail ? QJsonValue(*newEmail) : QJsonValue(QJsonValue::Null);
            if (Result<void> r = s->store->setPendingEmailChange(
                    id, change,
                    {actorOf(req), u"unlock_email_change_requested"_s, store::uuidText(id),
                     QJsonObject{{u"unlock_email"_s, newJson},
                                 {u"verification"_s, std::get<QString>(verification)},
                                 {u"effective_at"_s, rfc3339(change.effectiveAt)}}});
                !r)
                return respond(fromError(r.error()));
            lock.unlock();
            const QString what =
                newEmail ? u"will send unlock codes to %1"_s.arg(*newEmail)
                         : u"will have no unlock address: entries can then be added and changed, but not read"_s;
            const QString letter =
                u"Your CredVault vault (%1) %2, from %3 (UTC) on.\n\nRequested by %4 of the support team. "
                u"If you did not ask for this, contact your hosting company's support before then: the change "
                u"can be cancelled until it takes effect."_s.arg(store::uuidText(id), what, rfc3339(change.effectiveAt),
                                                                 req.peer.name);
            const QString subject = u"Your CredVault unlock address is changing"_s;
            const QJsonObject answer{{u"pending_change"_s, QJsonObject{{u"unlock_email"_s, newJson},
                                                                       {u"effective_at"_s, rfc3339(change.effectiveAt)},
                                                                       {u"requested_by"_s, change.requestedBy}}}};
            s->mailer->send(Mail{a.noticeEmail, subject, text(letter)}, [s, a, id, subject, letter, newEmail, answer,
                                                                         respond, req](Result<void> r) {
                if (!r) {
                    serviceLog(u"unlock address change notice for %1 failed: %2"_s.arg(store::uuidText(id),
                                                                                       r.error().message));
                    const std::lock_guard l(s->storeMutex);
                    // Back to what was pending before (usually nothing).
                    (void)s->store->setPendingEmailChange(id, a.pending,
                                                          {actorOf(req), u"unlock_email_change_cancelled"_s,
                                                           store::uuidText(id),
                                                           QJsonObject{{u"reason"_s, u"notice_mail_failed"_s}}});
                    return respond(Response::error(502, u"mail_failed"_s,
                                                   u"the customer could not be told, so the unlock address stays"_s));
                }
                QStringList others;
                if (a.unlockEmail && *a.unlockEmail != a.noticeEmail)
                    others.append(*a.unlockEmail);
                if (newEmail && *newEmail != a.noticeEmail && !others.contains(*newEmail))
                    others.append(*newEmail);
                for (const QString &address : others)
                    mailAndLog(*s, address, subject, letter);
                respond(Response::json(202, answer));
            });
        });

    staff->add("DELETE", u"/v1/staff/accounts/{id:uuid}/unlock-email-change"_s, [s, account](const Request &req) {
        if (req.peer.staffRole != u"admin"_s)
            return Response::error(403, u"admin_only"_s, u"only an admin may cancel an unlock e-mail change"_s);
        const QUuid id = pathId(req);
        const std::lock_guard lock(s->storeMutex);
        auto found = account(id);
        if (Response *r = std::get_if<Response>(&found))
            return *r;
        const KeyserverAccount a = std::get<0>(found).first;
        if (!a.pending)
            return Response::error(404, u"no_pending_change"_s, u"there is no pending change to cancel"_s);
        if (Result<void> r = s->store->setPendingEmailChange(
                id, std::nullopt, {actorOf(req), u"unlock_email_change_cancelled"_s, store::uuidText(id), {}});
            !r)
            return fromError(r.error());
        mailAndLog(*s, a.noticeEmail, u"The change of your CredVault unlock address was cancelled"_s,
                   u"The pending change of the unlock address of your CredVault vault (%1) was cancelled by %2."_s.arg(
                       store::uuidText(id), req.peer.name));
        return Response::json(200, QJsonObject{{u"cancelled"_s, true}});
    });

    staff->add("GET", u"/v1/staff/accounts/{id:uuid}/audit"_s,
               [s](const Request &req) { return auditAnswer(*s, pathId(req)); });
}

} // namespace credvault::keyserver
