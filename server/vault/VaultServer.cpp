#include "vault/VaultServer.h"

#include "auth/Password.h"
#include "auth/Totp.h"
#include "crypto/DecapBox.h"
#include "crypto/EntryEnvelope.h"
#include "crypto/Primitives.h"
#include "protocol/Base64Url.h"
#include "service/JsonRequest.h"
#include "service/ServiceLog.h"
#include "store/Queries.h"
#include "store/vault/SqlCipherVaultStore.h"
#include "vault/KeyserverClient.h"

#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

#include <mutex>

using namespace Qt::Literals::StringLiterals;

namespace credvault::vault {

using store::Account;
using store::Entry;
using store::User;
using store::UserKind;

// Entry lists as sent, for as long as nothing in the store changes.
struct ListCache {
    static constexpr qsizetype kMaxBytes = 32 * 1024 * 1024;
    qint64 counter = -1;
    QHash<QString, QByteArray> bodies;
    qsizetype bytes = 0;
};

struct VaultServer::State {
    VaultSettings settings;
    const Clock &clock;
    std::mutex storeMutex;
    std::unique_ptr<store::SqlCipherVaultStore> store;
    std::unique_ptr<KeyserverClient> keyserver;
    ListCache listCache; // under storeMutex

    explicit State(const Clock &c) : clock(c) {}
};

namespace {

using State = VaultServer::State;

constexpr int kMaxPage = 1000;
constexpr int kMaxSearch = 50;

Response fromError(const Error &e)
{
    return errorResponse(e, u"vault server"_s);
}

// Who is calling, from their bearer token.
struct Caller {
    User user;
    QByteArray tokenHash;

    bool isStaff() const { return user.kind == UserKind::Staff; }
    QString actor() const { return (isStaff() ? u"staff:"_s : u"customer:"_s) + user.username; }
};

QString roleOf(const User &u)
{
    return u.kind == UserKind::Staff ? u.role : u"customer"_s;
}

QByteArray tokenHash(QByteArrayView token)
{
    return crypto::bytesView(crypto::sha256({token})).toByteArray();
}

std::variant<Caller, Response> authenticate(State &s, const Request &req)
{
    const QByteArray auth = req.header("Authorization");
    if (!auth.startsWith("Bearer "))
        return Response::error(401, u"no_token"_s, u"sign in first (Authorization: Bearer …)"_s);
    Result<QByteArray> token = fromBase64Url(auth.mid(7).trimmed());
    if (!token || token->size() != 32)
        return Response::error(401, u"bad_token"_s, u"the sign-in token is malformed; sign in again"_s);
    const QByteArray hash = tokenHash(*token);
    const std::lock_guard lock(s.storeMutex);
    Result<std::optional<store::Token>> t = s.store->token(hash);
    if (!t)
        return fromError(t.error());
    if (!*t)
        return Response::error(401, u"bad_token"_s, u"the sign-in has ended; sign in again"_s);
    if ((*t)->expiresAt <= s.clock.nowUtc()) {
        (void)s.store->removeToken(hash);
        return Response::error(401, u"token_expired"_s, u"the sign-in has expired; sign in again"_s);
    }
    Result<std::optional<User>> u = s.store->user((*t)->userId);
    if (!u)
        return fromError(u.error());
    if (!*u || (*u)->disabled)
        return Response::error(401, u"bad_token"_s, u"the sign-in has ended; sign in again"_s);
    return Caller{**u, hash};
}

const Response kNoAccount = Response::error(404, u"not_found"_s, u"no such account"_s);

// The account, if the caller may reach it: staff any, a customer only their own (404
// for anyone else's, the same answer as for one that does not exist). Caller holds the
// store mutex.
std::variant<Account, Response> reachableAccount(State &s, const Caller &caller, const QUuid &id)
{
    if (!caller.isStaff() && caller.user.accountId != id)
        return kNoAccount;
    Result<std::optional<Account>> a = s.store->account(id);
    if (!a)
        return fromError(a.error());
    if (!*a)
        return kNoAccount;
    return **a;
}

// The live entry, if the caller may reach it. Caller holds the store mutex.
std::variant<Entry, Response> reachableEntry(State &s, const Caller &caller, const QUuid &id)
{
    const Response noEntry = Response::error(404, u"not_found"_s, u"no such entry"_s);
    Result<std::optional<Entry>> e = s.store->entry(id);
    if (!e)
        return fromError(e.error());
    if (!*e || (*e)->deleted || (!caller.isStaff() && (*e)->accountId != caller.user.accountId))
        return noEntry;
    return **e;
}

// --- entries as JSON, written byte by byte (a list of 1,000 is the hot path)

void appendJsonString(QByteArray &out, const QString &text)
{
    bool plain = true;
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == u'"' || c == u'\\') {
            plain = false;
            break;
        }
    }
    if (plain) {
        out += '"';
        out += text.toLatin1();
        out += '"';
        return;
    }
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    out += QByteArrayView(array).sliced(1, array.size() - 2);
}

void appendEntry(QByteArray &out, const Entry &e)
{
    out += "{\"id\":\"";
    out += canonicalUuid(e.id);
    out += "\",\"account_id\":\"";
    out += canonicalUuid(e.accountId);
    out += "\",\"key_id\":\"";
    out += toBase64Url(e.keyId);
    out += "\",\"revision\":";
    out += QByteArray::number(e.revision);
    if (e.deleted) {
        out += ",\"envelope\":null";
    } else {
        out += ",\"envelope\":\"";
        out += toBase64Url(e.envelope);
        out += '"';
    }
    out += ",\"created_at\":\"";
    out += rfc3339(e.createdAt).toLatin1();
    out += "\",\"updated_at\":\"";
    out += rfc3339(e.updatedAt).toLatin1();
    out += "\",\"updated_by\":";
    appendJsonString(out, e.updatedBy);
    out += ",\"deleted\":";
    out += e.deleted ? "true}" : "false}";
}

Response entryAnswer(int status, const Entry &e)
{
    Response r;
    r.status = status;
    appendEntry(r.body, e);
    return r;
}

// The envelope of a write, checked: base64url, at most 64 KiB, version 1, and sealed to
// the account's current key.
std::variant<QByteArray, Response> checkedEnvelope(const QJsonObject &o, const Account &account)
{
    auto bytes = bytesField(o, u"envelope"_s, 0);
    if (Response *r = std::get_if<Response>(&bytes))
        return *r;
    const QByteArray &envelope = std::get<QByteArray>(bytes);
    if (std::size_t(envelope.size()) > EntryEnvelope::kMaxSize)
        return Response::error(413, u"entry_too_large"_s,
                               u"a sealed entry may be at most %1 KiB"_s.arg(EntryEnvelope::kMaxSize / 1024),
                               QJsonObject{{u"max_bytes"_s, qint64(EntryEnvelope::kMaxSize)}});
    Result<EntryEnvelope::Parts> parts = EntryEnvelope::parse(envelope);
    if (!parts)
        return Response::error(400, u"bad_envelope"_s,
                               u"'envelope' is not a sealed entry: %1"_s.arg(parts.error().message),
                               QJsonObject{{u"field"_s, u"envelope"_s}, {u"reason"_s, parts.error().code}});
    if (account.keyId.isEmpty())
        return Response::error(409, u"no_public_key"_s,
                               u"the account has no keypair yet: fetch its public key first"_s);
    if (crypto::bytesView(parts->keyId) != QByteArrayView(account.keyId))
        return Response::error(409, u"wrong_key_id"_s,
                               u"the entry is sealed to another key than the account's current one"_s,
                               QJsonObject{{u"current_key_id"_s, QString::fromLatin1(toBase64Url(account.keyId))}});
    return envelope;
}

// --- the keyserver relay

Response keyserverUnavailable(const Error &e)
{
    serviceLog(u"keyserver call failed: %1"_s.arg(e.message));
    return Response::error(503, u"keyserver_unavailable"_s,
                           u"the keyserver cannot be reached; nothing was changed, try again later"_s);
}

// The keyserver's answer, passed on where it is meant for the client (success, and the
// refusals a customer must see: no account, write-only, limits, mail failure); anything
// else is the vault server's own trouble.
Response relay(const Result<KeyserverReply> &reply, const QString &what)
{
    if (!reply)
        return keyserverUnavailable(reply.error());
    const int status = reply->status;
    if ((status >= 200 && status < 300) || status == 404 || status == 409 || status == 410 || status == 429 ||
        status == 502) {
        Response r;
        r.status = status;
        r.body = reply->body;
        return r;
    }
    serviceLog(u"keyserver refused %1 with HTTP %2"_s.arg(what).arg(status));
    return Response::error(502, u"keyserver_error"_s, u"the keyserver refused the vault server's request"_s);
}

QString accountPath(const QUuid &id)
{
    return u"/v1/accounts/"_s + store::uuidText(id);
}

// --- sign-in

// Counts a failed proof (password or TOTP) and gives the answer: tries left, or the lock.
Response failedProof(State &s, const User &user, const QString &code, const QString &message, const QString &actor)
{
    const QDateTime now = s.clock.nowUtc();
    const int failures = user.failedLogins + 1;
    const QJsonObject details{{u"user"_s, user.username}, {u"reason"_s, code}};
    const std::lock_guard lock(s.storeMutex);
    if (failures >= s.settings.maxFailures) {
        const QDateTime until = now.addSecs(s.settings.lockout);
        (void)s.store->recordLoginFailure(
            user.id, until, store::AuditEvent{actor, u"login_locked"_s, store::uuidText(user.accountId), details});
        return Response::error(429, u"locked"_s, u"too many failed sign-ins: this sign-in is locked for a while"_s,
                               QJsonObject{{u"retry_after_s"_s, s.settings.lockout}, {u"tries_left"_s, 0}});
    }
    (void)s.store->recordLoginFailure(
        user.id, {}, store::AuditEvent{actor, u"login_failed"_s, store::uuidText(user.accountId), details});
    return Response::error(401, code, message, QJsonObject{{u"tries_left"_s, s.settings.maxFailures - failures}});
}

std::optional<Response> lockedOut(State &s, const User &user)
{
    const QDateTime now = s.clock.nowUtc();
    if (user.lockedUntil.isValid() && user.lockedUntil > now)
        return Response::error(429, u"locked"_s, u"too many failed sign-ins: wait before trying again"_s,
                               QJsonObject{{u"retry_after_s"_s, now.secsTo(user.lockedUntil) + 1}});
    return std::nullopt;
}

// A password field: a string of 1 to 1,024 bytes.
std::variant<QByteArray, Response> passwordField(const QJsonObject &o, const QString &name)
{
    const QJsonValue v = o.value(name);
    const QByteArray bytes = v.toString().toUtf8();
    if (!v.isString() || bytes.isEmpty() || bytes.size() > auth::Password::kMaxLength)
        return badRequest(
            u"'%1' must be a non-empty string of at most %2 bytes"_s.arg(name).arg(auth::Password::kMaxLength),
            QJsonObject{{u"field"_s, name}});
    return bytes;
}

// Checks the caller's own password again (password change, TOTP enrolment); a wrong one
// counts towards the lock like a failed sign-in.
std::optional<Response> confirmPassword(State &s, const Caller &caller, const QJsonObject &o, const QString &field)
{
    auto password = passwordField(o, field);
    if (Response *r = std::get_if<Response>(&password))
        return *r;
    if (auto locked = lockedOut(s, caller.user))
        return locked;
    QByteArray &p = std::get<QByteArray>(password);
    const bool ok = auth::Password::verify(p, caller.user.passwordHash);
    p.fill('\0');
    if (!ok)
        return failedProof(s, caller.user, u"wrong_password"_s, u"the current password is wrong"_s, caller.actor());
    return std::nullopt;
}

// A new token for `user`: only its hash is stored.
Result<QJsonObject> issueToken(State &s, const User &user)
{
    unsigned char raw[32];
    crypto::randomBytes(raw, sizeof raw);
    const QByteArray token(reinterpret_cast<const char *>(raw), sizeof raw);
    const QDateTime now = s.clock.nowUtc();
    const store::Token t{tokenHash(token), user.id, now, now.addSecs(s.settings.tokenLifetime)};
    if (Result<void> r = s.store->addToken(t); !r)
        return fail(r.error());
    return QJsonObject{{u"token"_s, QString::fromLatin1(toBase64Url(token))},
                       {u"expires_at"_s, rfc3339(t.expiresAt)},
                       {u"role"_s, roleOf(user)},
                       {u"account_id"_s, user.kind == UserKind::Customer ? QJsonValue(store::uuidText(user.accountId))
                                                                         : QJsonValue(QJsonValue::Null)},
                       {u"username"_s, user.username},
                       {u"display_name"_s, user.displayName}};
}

// The signed-in caller and the request's JSON object body, or the answer to give.
struct CallerAndBody {
    Caller caller;
    QJsonObject body;
};
std::variant<CallerAndBody, Response> callerAndBody(State &s, const Request &req)
{
    auto caller = authenticate(s, req);
    if (Response *r = std::get_if<Response>(&caller))
        return *r;
    auto body = jsonBody(req);
    if (Response *r = std::get_if<Response>(&body))
        return *r;
    return CallerAndBody{std::move(std::get<Caller>(caller)), std::move(std::get<QJsonObject>(body))};
}

std::variant<Caller, Response> staffOnly(State &s, const Request &req)
{
    auto caller = authenticate(s, req);
    if (auto *c = std::get_if<Caller>(&caller); c && !c->isStaff())
        return Response::error(403, u"staff_only"_s, u"only support staff may do this"_s);
    return caller;
}

// {"encs": [base64url, …]} of concatenated 32-byte encs, or {} for none.
QByteArray encsBody(const QByteArray &encs)
{
    QByteArray out = "{\"encs\":[";
    out.reserve(encs.size() / 32 * 48 + 16);
    for (qsizetype i = 0; i < encs.size(); i += 32) {
        if (i > 0)
            out += ',';
        out += '"' + toBase64Url(encs.sliced(i, 32)) + '"';
    }
    return encs.isEmpty() ? QByteArray("{}") : out + "]}";
}

std::variant<Caller, Response> customerOnly(State &s, const Request &req)
{
    auto caller = authenticate(s, req);
    if (auto *c = std::get_if<Caller>(&caller); c && c->isStaff())
        return Response::error(403, u"customers_only"_s,
                               u"this is the customer's own channel; staff use the keyserver's staff listener"_s);
    return caller;
}

} // namespace

VaultServer::VaultServer(std::unique_ptr<State> state) : d(std::move(state))
{}
VaultServer::~VaultServer() = default;

Result<std::unique_ptr<VaultServer>> VaultServer::create(const ServiceConfig &config, const VaultSettings &settings,
                                                         const Clock &clock)
{
    auto s = std::make_unique<State>(clock);
    s->settings = settings;
    Result<SecureBuffer> dbKey = config.loadDatabaseKey();
    if (!dbKey)
        return fail(dbKey.error());
    Result<std::unique_ptr<store::SqlCipherVaultStore>> st =
        store::SqlCipherVaultStore::open(config.databasePath, *dbKey, clock);
    if (!st)
        return fail(st.error().kind == ErrorKind::WrongKey ? ErrorKind::Config : st.error().kind, st.error().message);
    s->store = std::move(*st);
    s->keyserver = std::make_unique<KeyserverClient>(settings.keyserver);
    serviceLog(u"keyserver at %1"_s.arg(settings.keyserver.url));
    return std::unique_ptr<VaultServer>(new VaultServer(std::move(s)));
}

void VaultServer::registerRoutes(HttpsServer &server)
{
    State *s = d.get();
    Router *api = server.router(u"api"_s);

    // --- sign-in and the signed-in user

    api->add(
        "POST", u"/v1/login"_s,
        [s](const Request &req) {
            auto body = jsonBody(req);
            if (Response *r = std::get_if<Response>(&body))
                return *r;
            const QJsonObject &o = std::get<QJsonObject>(body);
            auto username = textField(o, u"username"_s, 200);
            if (Response *r = std::get_if<Response>(&username))
                return *r;
            auto password = passwordField(o, u"password"_s);
            if (Response *r = std::get_if<Response>(&password))
                return *r;
            QByteArray &pass = std::get<QByteArray>(password);
            const QJsonValue totpValue = o.value(u"totp"_s);
            if (!totpValue.isUndefined() && !totpValue.isNull() && !totpValue.isString())
                return badRequest(u"'totp' must be a string of digits"_s, QJsonObject{{u"field"_s, u"totp"_s}});
            const QByteArray totp = totpValue.toString().toLatin1();
            const QString name = std::get<QString>(username);
            const QString actor = u"public"_s;

            Result<std::optional<User>> found = [&] {
                const std::lock_guard lock(s->storeMutex);
                return s->store->userByName(name);
            }();
            if (!found)
                return fromError(found.error());
            const Response wrong =
                Response::error(401, u"bad_credentials"_s, u"the sign-in name or password is wrong"_s);
            if (!*found) {
                auth::Password::verifyNothing(pass); // the same time as for a real user
                pass.fill('\0');
                const std::lock_guard lock(s->storeMutex);
                (void)s->store->audit(
                    {actor, u"login_failed"_s, {}, QJsonObject{{u"user"_s, name}, {u"reason"_s, u"unknown_user"_s}}});
                return wrong;
            }
            const User user = **found;
            if (auto locked = lockedOut(*s, user)) {
                pass.fill('\0');
                return *locked;
            }
            const bool passwordOk = auth::Password::verify(pass, user.passwordHash);
            pass.fill('\0');
            if (!passwordOk)
                return failedProof(*s, user, u"bad_credentials"_s, u"the sign-in name or password is wrong"_s, actor);
            qint64 step = 0;
            if (user.hasTotp) {
                if (totp.isEmpty())
                    return Response::error(401, u"totp_required"_s,
                                           u"enter the six-digit code from your authenticator app"_s);
                Result<SecureBuffer> secret = [&] {
                    const std::lock_guard lock(s->storeMutex);
                    return s->store->totpSecret(user.id);
                }();
                if (!secret)
                    return fromError(secret.error());
                const bool totpOk = auth::Totp::verify(*secret, totp, s->clock.nowUtc().toSecsSinceEpoch(), &step) &&
                                    step > user.totpLastStep; // each code signs in once
                if (!totpOk)
                    return failedProof(*s, user, u"wrong_totp"_s, u"the authenticator code is wrong or was used"_s,
                                       actor);
            }
            const std::lock_guard lock(s->storeMutex);
            const QString userActor = (user.kind == UserKind::Staff ? u"staff:"_s : u"customer:"_s) + user.username;
            if (user.disabled) {
                (void)s->store->audit({userActor, u"login_refused"_s, store::uuidText(user.accountId),
                                       QJsonObject{{u"reason"_s, u"disabled"_s}}});
                return Response::error(403, u"user_disabled"_s,
                                       u"this sign-in is disabled; ask your hosting company's support"_s);
            }
            (void)s->store->removeExpiredTokens(s->clock.nowUtc());
            Result<QJsonObject> token = issueToken(*s, user);
            if (!token)
                return fromError(token.error());
            if (Result<void> r = s->store->recordLoginSuccess(
                    user.id, step,
                    store::AuditEvent{userActor, u"login"_s, store::uuidText(user.accountId),
                                      QJsonObject{{u"totp"_s, user.hasTotp}}});
                !r)
                return fromError(r.error());
            return Response::json(200, *token);
        },
        Execution::Pool);

    api->add("POST", u"/v1/logout"_s, [s](const Request &req) {
        auto caller = authenticate(*s, req);
        if (Response *r = std::get_if<Response>(&caller))
            return *r;
        const Caller &c = std::get<Caller>(caller);
        const std::lock_guard lock(s->storeMutex);
        if (Result<void> r = s->store->removeToken(c.tokenHash); !r)
            return fromError(r.error());
        (void)s->store->audit({c.actor(), u"logout"_s, store::uuidText(c.user.accountId), {}});
        return Response::json(200, QJsonObject{{u"signed_out"_s, true}});
    });

    api->add("GET", u"/v1/me"_s, [s](const Request &req) {
        auto caller = authenticate(*s, req);
        if (Response *r = std::get_if<Response>(&caller))
            return *r;
        const User &u = std::get<Caller>(caller).user;
        QJsonObject me{{u"user_id"_s, store::uuidText(u.id)}, {u"username"_s, u.username},
                       {u"display_name"_s, u.displayName},    {u"role"_s, roleOf(u)},
                       {u"totp_enrolled"_s, u.hasTotp},       {u"account_id"_s, QJsonValue(QJsonValue::Null)}};
        if (u.kind == UserKind::Customer) {
            const std::lock_guard lock(s->storeMutex);
            Result<std::optional<Account>> a = s->store->account(u.accountId);
            if (!a)
                return fromError(a.error());
            me.insert(u"account_id"_s, store::uuidText(u.accountId));
            if (*a)
                me.insert(u"account"_s, QJsonObject{{u"display_name"_s, (*a)->displayName},
                                                    {u"email"_s, (*a)->email},
                                                    {u"created_at"_s, rfc3339((*a)->createdAt)}});
        }
        return Response::json(200, me);
    });

    api->add(
        "POST", u"/v1/me/password"_s,
        [s](const Request &req) {
            auto call = callerAndBody(*s, req);
            if (Response *r = std::get_if<Response>(&call))
                return *r;
            const Caller &c = std::get<CallerAndBody>(call).caller;
            const QJsonObject &o = std::get<CallerAndBody>(call).body;
            auto next = passwordField(o, u"new_password"_s);
            if (Response *r = std::get_if<Response>(&next))
                return *r;
            if (auto refused = confirmPassword(*s, c, o, u"current_password"_s))
                return *refused;
            QByteArray &p = std::get<QByteArray>(next);
            Result<QString> hash = auth::Password::hash(p);
            p.fill('\0');
            if (!hash)
                return Response::error(
                    400, hash.error().code, hash.error().message,
                    QJsonObject{{u"field"_s, u"new_password"_s}, {u"min_length"_s, auth::Password::kMinLength}});
            const std::lock_guard lock(s->storeMutex);
            // Every sign-in of the user ends with the old password; this one goes on with a
            // new token.
            if (Result<void> r = s->store->setPasswordHash(c.user.id, *hash, c.actor()); !r)
                return fromError(r.error());
            Result<QJsonObject> token = issueToken(*s, c.user);
            if (!token)
                return fromError(token.error());
            return Response::json(200, *token);
        },
        Execution::Pool);

    api->add(
        "POST", u"/v1/me/totp"_s,
        [s](const Request &req) {
            auto call = callerAndBody(*s, req);
            if (Response *r = std::get_if<Response>(&call))
                return *r;
            const Caller &c = std::get<CallerAndBody>(call).caller;
            const QJsonObject &o = std::get<CallerAndBody>(call).body;
            const QJsonValue secretValue = o.value(u"secret"_s);
            const QJsonValue codeValue = o.value(u"code"_s);
            if ((!secretValue.isUndefined() && !secretValue.isString()) ||
                (!codeValue.isUndefined() && !codeValue.isString()) ||
                secretValue.isUndefined() != codeValue.isUndefined())
                return badRequest(u"send 'password' alone to start, then 'password', 'secret' and 'code' to confirm"_s);
            if (auto refused = confirmPassword(*s, c, o, u"password"_s))
                return *refused;
            if (secretValue.isUndefined()) {
                // Step 1: a new secret, shown once; nothing changes until it is confirmed.
                const SecureBuffer secret = auth::Totp::generateSecret();
                const SecureBuffer uri = auth::Totp::uri(secret, u"CredVault"_s, c.user.username);
                const SecureBuffer b32 = auth::Totp::base32(secret.view());
                return Response::json(200, QJsonObject{{u"otpauth_uri"_s, QString::fromLatin1(uri.view())},
                                                       {u"secret"_s, QString::fromLatin1(b32.view())},
                                                       {u"confirmed"_s, false}});
            }
            // Step 2: the secret back with a code from the app proves the app has it.
            Result<SecureBuffer> secret = auth::Totp::fromBase32(secretValue.toString().toLatin1());
            if (!secret || secret->size() != auth::Totp::kSecretSize)
                return badRequest(u"'secret' must be the base32 secret of step 1"_s,
                                  QJsonObject{{u"field"_s, u"secret"_s}});
            qint64 step = 0;
            if (!auth::Totp::verify(*secret, codeValue.toString().toLatin1(), s->clock.nowUtc().toSecsSinceEpoch(),
                                    &step))
                return Response::error(400, u"wrong_totp"_s,
                                       u"the code does not match the secret; check the authenticator app's clock"_s,
                                       QJsonObject{{u"field"_s, u"code"_s}});
            const std::lock_guard lock(s->storeMutex);
            if (Result<void> r = s->store->setTotpSecret(c.user.id, *secret, c.actor()); !r)
                return fromError(r.error());
            (void)s->store->recordLoginSuccess(c.user.id, step); // the confirming code is spent
            return Response::json(200, QJsonObject{{u"confirmed"_s, true}});
        },
        Execution::Pool);

    // --- the account's public key (made at the keyserver on first use)

    api->add(
        "GET", u"/v1/accounts/{id:uuid}/public-key"_s,
        [s](const Request &req) {
            auto caller = authenticate(*s, req);
            if (Response *r = std::get_if<Response>(&caller))
                return *r;
            const Caller &c = std::get<Caller>(caller);
            const QUuid id = pathId(req);
            std::variant<Account, Response> account = [&] {
                const std::lock_guard lock(s->storeMutex);
                return reachableAccount(*s, c, id);
            }();
            if (Response *r = std::get_if<Response>(&account))
                return *r;
            const QByteArray body = QJsonDocument(QJsonObject{{u"email"_s, std::get<Account>(account).email}})
                                        .toJson(QJsonDocument::Compact);
            const Result<KeyserverReply> reply = s->keyserver->call("PUT", accountPath(id), body);
            if (!reply || (reply->status != 200 && reply->status != 201))
                return relay(reply, u"the public key of %1"_s.arg(store::uuidText(id)));
            const QJsonObject shape = reply->json();
            Result<QByteArray> keyId = fromBase64Url(shape.value(u"key_id"_s).toString().toLatin1());
            if (!keyId || keyId->size() != 16 || shape.value(u"account_id"_s).toString() != store::uuidText(id)) {
                serviceLog(u"the keyserver's public key answer for %1 is malformed"_s.arg(store::uuidText(id)));
                return Response::error(502, u"keyserver_error"_s, u"the keyserver's answer was malformed"_s);
            }
            const std::lock_guard lock(s->storeMutex);
            if (Result<bool> r = s->store->setAccountKeyId(id, *keyId, c.actor()); !r)
                return fromError(r.error());
            return Response::json(200, shape);
        },
        Execution::Pool);

    // --- entries

    api->add("GET", u"/v1/entries"_s, [s](const Request &req) {
        auto caller = authenticate(*s, req);
        if (Response *r = std::get_if<Response>(&caller))
            return *r;
        const Caller &c = std::get<Caller>(caller);
        QUuid accountId = c.user.accountId;
        const QString accountText = req.queryValue(u"account_id"_s);
        if (!accountText.isEmpty()) {
            accountId = QUuid::fromString(accountText);
            if (accountId.isNull() || accountText.size() != 36)
                return badRequest(u"'account_id' must be a UUID"_s, QJsonObject{{u"field"_s, u"account_id"_s}});
        } else if (c.isStaff()) {
            return badRequest(u"staff name the account: ?account_id="_s, QJsonObject{{u"field"_s, u"account_id"_s}});
        }
        std::optional<QUuid> after;
        if (const QString a = req.queryValue(u"after"_s); !a.isEmpty()) {
            after = QUuid::fromString(a);
            if (after->isNull() || a.size() != 36)
                return badRequest(u"'after' must be the next_page of the previous page"_s,
                                  QJsonObject{{u"field"_s, u"after"_s}});
        }
        int limit = kMaxPage;
        if (const QString l = req.queryValue(u"limit"_s); !l.isEmpty()) {
            bool ok = false;
            limit = l.toInt(&ok);
            if (!ok || limit < 1 || limit > kMaxPage)
                return badRequest(u"'limit' must be from 1 to %1"_s.arg(kMaxPage),
                                  QJsonObject{{u"field"_s, u"limit"_s}});
        }
        const QString deletedText = req.queryValue(u"include_deleted"_s);
        const bool includeDeleted = deletedText == u"true"_s || deletedText == u"1"_s;

        const std::lock_guard lock(s->storeMutex);
        std::variant<Account, Response> account = reachableAccount(*s, c, accountId);
        if (Response *r = std::get_if<Response>(&account))
            return *r;
        // Lists are served from a cache that any change in the store (here or by another
        // process, such as credvault-cli admin) empties.
        Result<qint64> counter = s->store->changeCounter();
        if (!counter)
            return fromError(counter.error());
        ListCache &cache = s->listCache;
        if (cache.counter != *counter) {
            cache.bodies.clear();
            cache.bytes = 0;
            cache.counter = *counter;
        }
        const QString cacheKey = store::uuidText(accountId) + u'/' + (after ? store::uuidText(*after) : QString()) +
                                 u'/' + QString::number(limit) + (includeDeleted ? u"/d"_s : u"/l"_s);
        Response r;
        if (const auto hit = cache.bodies.constFind(cacheKey); hit != cache.bodies.cend()) {
            r.body = *hit;
            return r;
        }
        Result<store::EntryPage> page = s->store->entries(accountId, after, limit, includeDeleted);
        if (!page)
            return fromError(page.error());
        r.body.reserve(page->items.size() * 720 + 64);
        r.body += "{\"items\":[";
        for (qsizetype i = 0; i < page->items.size(); ++i) {
            if (i > 0)
                r.body += ',';
            appendEntry(r.body, page->items[i]);
        }
        r.body += "],\"next_page\":";
        if (page->next)
            r.body += '"' + canonicalUuid(*page->next) + '"';
        else
            r.body += "null";
        r.body += '}';
        if (cache.bytes + r.body.size() > ListCache::kMaxBytes) {
            cache.bodies.clear();
            cache.bytes = 0;
        }
        cache.bodies.insert(cacheKey, r.body);
        cache.bytes += r.body.size();
        return r;
    });

    api->add("GET", u"/v1/entries/{id:uuid}"_s, [s](const Request &req) {
        auto caller = authenticate(*s, req);
        if (Response *r = std::get_if<Response>(&caller))
            return *r;
        const std::lock_guard lock(s->storeMutex);
        auto entry = reachableEntry(*s, std::get<Caller>(caller), pathId(req));
        if (Response *r = std::get_if<Response>(&entry))
            return *r;
        return entryAnswer(200, std::get<Entry>(entry));
    });

    api->add("POST", u"/v1/entries"_s, [s](const Request &req) {
        auto call = callerAndBody(*s, req);
        if (Response *r = std::get_if<Response>(&call))
            return *r;
        const Caller &c = std::get<CallerAndBody>(call).caller;
        const QJsonObject &o = std::get<CallerAndBody>(call).body;
        auto id = uuidField(o, u"id"_s);
        if (Response *r = std::get_if<Response>(&id))
            return *r;
        auto accountId = uuidField(o, u"account_id"_s);
        if (Response *r = std::get_if<Response>(&accountId))
            return *r;
        const std::lock_guard lock(s->storeMutex);
        auto account = reachableAccount(*s, c, std::get<QUuid>(accountId));
        if (Response *r = std::get_if<Response>(&account))
            return *r;
        auto envelope = checkedEnvelope(o, std::get<Account>(account));
        if (Response *r = std::get_if<Response>(&envelope))
            return *r;
        Entry e;
        e.id = std::get<QUuid>(id);
        e.accountId = std::get<QUuid>(accountId);
        e.keyId = std::get<Account>(account).keyId;
        e.envelope = std::get<QByteArray>(envelope);
        e.createdAt = s->clock.nowUtc();
        e.createdBy = c.actor();
        Result<Entry> made = s->store->createEntry(e);
        if (!made)
            return made.error().kind == ErrorKind::Conflict
                       ? Response::error(409, u"exists"_s, u"an entry with this id exists; make a new id"_s)
                       : fromError(made.error());
        return entryAnswer(201, *made);
    });

    api->add("PUT", u"/v1/entries/{id:uuid}"_s, [s](const Request &req) {
        auto call = callerAndBody(*s, req);
        if (Response *r = std::get_if<Response>(&call))
            return *r;
        const Caller &c = std::get<CallerAndBody>(call).caller;
        const QJsonObject &o = std::get<CallerAndBody>(call).body;
        const QJsonValue revision = o.value(u"revision"_s);
        if (!revision.isDouble() || revision.toDouble() != double(revision.toInteger()) || revision.toInteger() < 1)
            return badRequest(u"'revision' must be the entry's revision the change was made on (a whole number)"_s,
                              QJsonObject{{u"field"_s, u"revision"_s}});
        const QUuid id = pathId(req);
        const std::lock_guard lock(s->storeMutex);
        auto entry = reachableEntry(*s, c, id);
        if (Response *r = std::get_if<Response>(&entry))
            return *r;
        const Entry &current = std::get<Entry>(entry);
        Result<std::optional<Account>> account = s->store->account(current.accountId);
        if (!account)
            return fromError(account.error());
        if (!*account)
            return kNoAccount;
        auto envelope = checkedEnvelope(o, **account);
        if (Response *r = std::get_if<Response>(&envelope))
            return *r;
        Result<Entry> updated = s->store->updateEntry(id, revision.toInteger(), (*account)->keyId,
                                                      std::get<QByteArray>(envelope), c.actor(), s->clock.nowUtc());
        if (!updated && updated.error().code == u"stale_revision"_s)
            return Response::error(
                409, u"stale_revision"_s,
                u"the entry was changed since revision %1; reload it and apply the change again"_s.arg(
                    revision.toInteger()),
                QJsonObject{{u"current_revision"_s, current.revision}});
        if (!updated)
            return fromError(updated.error());
        return entryAnswer(200, *updated);
    });

    api->add("DELETE", u"/v1/entries/{id:uuid}"_s, [s](const Request &req) {
        auto caller = authenticate(*s, req);
        if (Response *r = std::get_if<Response>(&caller))
            return *r;
        const Caller &c = std::get<Caller>(caller);
        const QUuid id = pathId(req);
        const std::lock_guard lock(s->storeMutex);
        auto entry = reachableEntry(*s, c, id);
        if (Response *r = std::get_if<Response>(&entry))
            return *r;
        Result<Entry> gone = s->store->deleteEntry(id, c.actor(), s->clock.nowUtc());
        if (!gone)
            return fromError(gone.error());
        return entryAnswer(200, *gone);
    });

    // --- the customer's relays to the keyserver

    api->add(
        "POST", u"/v1/unlock-code-request"_s,
        [s](const Request &req) {
            auto caller = customerOnly(*s, req);
            if (Response *r = std::get_if<Response>(&caller))
                return *r;
            const Caller &c = std::get<Caller>(caller);
            const QUuid id = c.user.accountId;
            // The encs of the vault's entries go along: the keyserver computes their secrets
            // while the code is on its way, and the unlock is quicker (decision 55).
            Result<QByteArray> encs = QByteArray();
            {
                const std::lock_guard lock(s->storeMutex);
                const Result<std::optional<Account>> account = s->store->account(id);
                if (account && *account && !(*account)->keyId.isEmpty())
                    encs = s->store->entryEncs(id, (*account)->keyId, int(DecapBox::kMaxEncs));
            }
            if (!encs)
                serviceLog(u"the encs of %1 are not sent with its code request: %2"_s.arg(store::uuidText(id),
                                                                                          encs.error().message));
            const Result<KeyserverReply> reply =
                s->keyserver->call("POST", accountPath(id) + u"/unlock-codes"_s, encsBody(encs ? *encs : QByteArray()));
            Response answer = relay(reply, u"an unlock code for %1"_s.arg(store::uuidText(id)));
            if (answer.status == 404)
                answer =
                    Response::error(409, u"no_vault_yet"_s,
                                    u"this account has no vault keypair yet: nothing is sealed, so there is nothing "
                                    u"to unlock"_s);
            const std::lock_guard lock(s->storeMutex);
            (void)s->store->audit({c.actor(), u"unlock_code_requested"_s, store::uuidText(id),
                                   QJsonObject{{u"status"_s, answer.status}}});
            return answer;
        },
        Execution::Pool);

    api->add(
        "GET", u"/v1/access-history"_s,
        [s](const Request &req) {
            auto caller = customerOnly(*s, req);
            if (Response *r = std::get_if<Response>(&caller))
                return *r;
            const QUuid id = std::get<Caller>(caller).user.accountId;
            return relay(s->keyserver->call("GET", accountPath(id) + u"/audit"_s),
                         u"the access history of %1"_s.arg(store::uuidText(id)));
        },
        Execution::Pool);

    // --- staff

    api->add("GET", u"/v1/accounts"_s, [s](const Request &req) {
        auto caller = staffOnly(*s, req);
        if (Response *r = std::get_if<Response>(&caller))
            return *r;
        const QString query = req.queryValue(u"query"_s).trimmed();
        if (query.size() > 200)
            return badRequest(u"'query' is at most 200 characters"_s, QJsonObject{{u"field"_s, u"query"_s}});
        const std::lock_guard lock(s->storeMutex);
        Result<QList<std::pair<Account, User>>> found = s->store->searchCustomers(query, kMaxSearch);
        if (!found)
            return fromError(found.error());
        QJsonArray items;
        for (const auto &[a, u] : *found) {
            items.append(QJsonObject{{u"account_id"_s, store::uuidText(a.id)},
                                     {u"display_name"_s, a.displayName},
                                     {u"username"_s, u.username},
                                     {u"email"_s, a.email},
                                     {u"disabled"_s, u.disabled},
                                     {u"has_vault"_s, !a.keyId.isEmpty()},
                                     {u"created_at"_s, rfc3339(a.createdAt)}});
        }
        return Response::json(200, QJsonObject{{u"items"_s, items}});
    });

    api->add("GET", u"/v1/accounts/{id:uuid}/audit"_s, [s](const Request &req) {
        auto caller = staffOnly(*s, req);
        if (Response *r = std::get_if<Response>(&caller))
            return *r;
        const QUuid id = pathId(req);
        const std::lock_guard lock(s->storeMutex);
        auto account = reachableAccount(*s, std::get<Caller>(caller), id);
        if (Response *r = std::get_if<Response>(&account))
            return *r;
        Result<QList<store::AuditRecord>> rows = s->store->auditRecords(store::uuidText(id), 0, 10000);
        if (!rows)
            return fromError(rows.error());
        QJsonArray items;
        for (const store::AuditRecord &r : *rows)
            items.append(
                QJsonObject{{u"seq"_s, r.seq},
                            {u"at"_s, rfc3339(r.at)},
                            {u"actor"_s, r.actor},
                            {u"action"_s, r.action},
                            {u"details"_s, QJsonDocument::fromJson(r.details).object()},
                            {u"hash"_s, QString::fromLatin1(crypto::bytesView(r.hash).toByteArray().toHex())}});
        return Response::json(200, QJsonObject{{u"items"_s, items}});
    });
}

} // namespace credvault::vault
