#include "store/keyserver/SqlCipherKeyserverStore.h"

#include "store/Queries.h"
#include "store/Statement.h"
#include "store/TimeColumns.h"
#include "store/Transaction.h"

#include <QtCore/QJsonObject>

#include <array>
#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace credvault::store {

KeyserverStore::~KeyserverStore() = default;

namespace {

std::array<Migration, 3> buildSchema()
{
    return {{
        {1, "accounts, keys", R"sql(
            CREATE TABLE accounts (
                id                   TEXT PRIMARY KEY,
                unlock_email         TEXT,
                notice_email         TEXT NOT NULL,
                pending              INTEGER NOT NULL DEFAULT 0,
                pending_email        TEXT,
                pending_effective_at INTEGER NOT NULL DEFAULT 0,
                pending_requested_by TEXT NOT NULL DEFAULT '',
                created_at           INTEGER NOT NULL
            );
            CREATE INDEX accounts_pending ON accounts (pending_effective_at) WHERE pending = 1;
            CREATE TABLE keys (
                account_id    TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
                key_id        BLOB NOT NULL,
                public_key    BLOB NOT NULL,
                wrapped       BLOB NOT NULL,
                master_key_id BLOB NOT NULL,
                created_at    INTEGER NOT NULL
            ) WITHOUT ROWID;
        )sql"},
        {2, "codes, limits, sessions", R"sql(
            CREATE TABLE codes (
                account_id TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
                hash       BLOB NOT NULL,
                issued_at  INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                issued_by  TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE code_issues (
                account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
                issued_at  INTEGER NOT NULL
            );
            CREATE INDEX code_issues_account ON code_issues (account_id, issued_at);
            CREATE TABLE code_limits (
                account_id    TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
                failures      INTEGER NOT NULL DEFAULT 0,
                blocked_until INTEGER NOT NULL DEFAULT 0
            ) WITHOUT ROWID;
            CREATE TABLE sessions (
                id_hash    BLOB PRIMARY KEY,
                account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
                public_key BLOB NOT NULL,
                kind       TEXT NOT NULL CHECK (kind IN ('code', 'staff')),
                issued_by  TEXT NOT NULL,
                reason     TEXT NOT NULL DEFAULT '',
                ticket     TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                ended_at   INTEGER NOT NULL DEFAULT 0
            ) WITHOUT ROWID;
            CREATE INDEX sessions_account ON sessions (account_id);
        )sql"},
        {3, "audit", AuditLog::schemaSql()},
    }};
}

void bindOptional(Statement &s, int index, const std::optional<QString> &v)
{
    if (v)
        s.bind(index, *v);
    else
        s.bindNull(index);
}

std::optional<QString> optionalText(const Statement &s, int column)
{
    return s.isNull(column) ? std::nullopt : std::optional<QString>(s.text(column));
}

constexpr char kAccountColumns[] = "id, unlock_email, notice_email, pending, pending_email, pending_effective_at, "
                                   "pending_requested_by, created_at";

KeyserverAccount readAccount(const Statement &s)
{
    KeyserverAccount a;
    a.id = QUuid::fromString(s.text(0));
    a.unlockEmail = optionalText(s, 1);
    a.noticeEmail = s.text(2);
    if (s.integer(3) != 0)
        a.pending = PendingEmailChange{optionalText(s, 4), fromMs(s.integer(5)), s.text(6)};
    a.createdAt = fromMs(s.integer(7));
    return a;
}

WrappedKey readKey(const Statement &s)
{
    return WrappedKey{QUuid::fromString(s.text(0)), s.blob(1), s.blob(2), s.blob(3), s.blob(4), fromMs(s.integer(5))};
}

constexpr char kSessionColumns[] =
    "id_hash, account_id, public_key, kind, issued_by, reason, ticket, created_at, expires_at, ended_at";

UnlockSessionRecord readSession(const Statement &s)
{
    UnlockSessionRecord r;
    r.idHash = s.blob(0);
    r.accountId = QUuid::fromString(s.text(1));
    r.sessionPublicKey = s.blob(2);
    r.kind = s.text(3) == u"staff"_s ? SessionKind::Staff : SessionKind::Code;
    r.issuedBy = s.text(4);
    r.reason = s.text(5);
    r.ticket = s.text(6);
    r.createdAt = fromMs(s.integer(7));
    r.expiresAt = fromMs(s.integer(8));
    r.endedAt = fromMs(s.integer(9));
    return r;
}

Unexpected<Error> noSuchAccount()
{
    return fail(ErrorKind::NotFound, u"no such account"_s, u"not_found"_s);
}

} // namespace

std::span<const Migration> keyserverSchema()
{
    static const std::array<Migration, 3> schema = buildSchema();
    return schema;
}

Result<std::unique_ptr<SqlCipherKeyserverStore>>
SqlCipherKeyserverStore::open(const QString &path, const SecureBuffer &key, const Clock &clock)
{
    Result<Database> db = Database::open(path, key, OpenMode::ReadWriteCreate);
    if (!db)
        return fail(db.error());
    if (Result<int> v = migrate(*db, keyserverSchema()); !v)
        return fail(v.error());
    return std::unique_ptr<SqlCipherKeyserverStore>(new SqlCipherKeyserverStore(std::move(*db), clock));
}

Result<KeyserverAccount> SqlCipherKeyserverStore::createAccount(const KeyserverAccount &account, const WrappedKey &key,
                                                                const QString &actor)
{
    KeyserverAccount out = account;
    out.createdAt = fromMs(toMs(m_clock.nowUtc()));
    out.pending.reset();
    const AuditEvent event{actor, u"account_created"_s, uuidText(account.id),
                           QJsonObject{{u"key_id"_s, QString::fromLatin1(key.keyId.toHex())}}};
    Result<void> r = withAudit(m_db, m_clock, event, [&]() -> Result<void> {
        Result<int> a =
            run(m_db, "INSERT INTO accounts (id, unlock_email, notice_email, created_at) VALUES (?1, ?2, ?3, ?4)",
                [&](Statement &s) {
                    s.bind(1, uuidText(account.id));
                    bindOptional(s, 2, account.unlockEmail);
                    s.bind(3, account.noticeEmail).bind(4, toMs(out.createdAt));
                });
        if (!a)
            return fail(a.error().code == u"constraint"_s
                            ? Error(ErrorKind::Conflict, u"the account exists"_s, u"exists"_s)
                            : a.error());
        Result<int> k = run(m_db,
                            "INSERT INTO keys (account_id, key_id, public_key, wrapped, master_key_id, created_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            [&](Statement &s) {
                                s.bind(1, uuidText(account.id))
                                    .bind(2, QByteArrayView(key.keyId))
                                    .bind(3, QByteArrayView(key.publicKey))
                                    .bind(4, QByteArrayView(key.wrapped))
                                    .bind(5, QByteArrayView(key.masterKeyId))
                                    .bind(6, toMs(out.createdAt));
                            });
        if (!k)
            return fail(k.error());
        return {};
    });
    if (!r)
        return fail(r.error());
    return out;
}

Result<std::optional<KeyserverAccount>> SqlCipherKeyserverStore::account(const QUuid &id)
{
    return queryOne<KeyserverAccount>(
        m_db, (QByteArray("SELECT ") + kAccountColumns + " FROM accounts WHERE id = ?1").constData(),
        [&](Statement &s) { s.bind(1, uuidText(id)); }, readAccount);
}

Result<std::optional<WrappedKey>> SqlCipherKeyserverStore::key(const QUuid &accountId)
{
    return queryOne<WrappedKey>(
        m_db,
        "SELECT account_id, key_id, public_key, wrapped, master_key_id, created_at FROM keys WHERE account_id = ?1",
        [&](Statement &s) { s.bind(1, uuidText(accountId)); }, readKey);
}

Result<QList<WrappedKey>> SqlCipherKeyserverStore::allKeys()
{
    return queryAll<WrappedKey>(
        m_db, "SELECT account_id, key_id, public_key, wrapped, master_key_id, created_at FROM keys ORDER BY account_id",
        [](Statement &) {}, readKey);
}

Result<void> SqlCipherKeyserverStore::rewrapAll(const QList<WrappedKey> &keys, const QByteArray &masterKeyId,
                                                const QString &actor)
{
    const AuditEvent event{
        actor,
        u"master_key_rotated"_s,
        {},
        QJsonObject{{u"keys"_s, keys.size()}, {u"master_key_id"_s, QString::fromLatin1(masterKeyId.toHex())}}};
    return withAudit(m_db, m_clock, event, [&]() -> Result<void> {
        for (const WrappedKey &k : keys) {
            if (k.masterKeyId != masterKeyId)
                return fail(ErrorKind::Internal, u"a key to store is not under the new master key"_s);
            Result<int> n =
                run(m_db, "UPDATE keys SET wrapped = ?2, master_key_id = ?3 WHERE account_id = ?1", [&](Statement &s) {
                    s.bind(1, uuidText(k.accountId))
                        .bind(2, QByteArrayView(k.wrapped))
                        .bind(3, QByteArrayView(k.masterKeyId));
                });
            if (!n)
                return fail(n.error());
            if (*n != 1)
                return fail(ErrorKind::Conflict, u"account %1 has no key to rewrap"_s.arg(uuidText(k.accountId)),
                            u"not_found"_s);
        }
        Result<qint64> left = keysNotUnder(masterKeyId);
        if (!left)
            return fail(left.error());
        if (*left != 0)
            return fail(ErrorKind::Conflict, u"%1 keys would stay under the old master key"_s.arg(*left),
                        u"incomplete"_s);
        Result<int> codes = run(m_db, "DELETE FROM codes", [](Statement &) {});
        if (!codes)
            return fail(codes.error());
        return {};
    });
}

Result<qint64> SqlCipherKeyserverStore::keysNotUnder(const QByteArray &masterKeyId)
{
    return queryInteger(m_db, "SELECT count(*) FROM keys WHERE master_key_id != ?1",
                        [&](Statement &s) { s.bind(1, QByteArrayView(masterKeyId)); });
}

Result<void> SqlCipherKeyserverStore::deleteAccount(const QUuid &id, const QString &actor)
{
    Result<void> r =
        withAudit(m_db, m_clock, AuditEvent{actor, u"account_deleted"_s, uuidText(id), {}}, [&]() -> Result<void> {
            Result<int> n =
                run(m_db, "DELETE FROM accounts WHERE id = ?1", [&](Statement &s) { s.bind(1, uuidText(id)); });
            if (!n)
                return fail(n.error());
            if (*n == 0)
                return noSuchAccount();
            return {};
        });
    if (!r)
        return r;
    // Push the deleted pages out of the WAL into the (secure-deleted) database file.
    return m_db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

Result<void> SqlCipherKeyserverStore::setPendingEmailChange(const QUuid &id,
                                                            const std::optional<PendingEmailChange> &change,
                                                            const AuditEvent &event)
{
    return withAudit(m_db, m_clock, event, [&]() -> Result<void> {
        Result<int> n =
            run(m_db,
                "UPDATE accounts SET pending = ?2, pending_email = ?3, pending_effective_at = ?4, "
                "pending_requested_by = ?5 WHERE id = ?1",
                [&](Statement &s) {
                    s.bind(1, uuidText(id)).bind(2, qint64(change.has_value()));
                    bindOptional(s, 3, change ? change->newEmail : std::nullopt);
                    s.bind(4, change ? toMs(change->effectiveAt) : 0).bind(5, change ? change->requestedBy : QString());
                });
        if (!n)
            return fail(n.error());
        if (*n == 0)
            return noSuchAccount();
        return {};
    });
}

Result<QList<KeyserverAccount>> SqlCipherKeyserverStore::applyDueEmailChanges(const QDateTime &now)
{
    Result<Transaction> tx = Transaction::begin(m_db);
    if (!tx)
        return fail(tx.error());
    Result<QList<KeyserverAccount>> due = queryAll<KeyserverAccount>(
        m_db,
        (QByteArray("SELECT ") + kAccountColumns + " FROM accounts WHERE pending = 1 AND pending_effective_at <= ?1")
            .constData(),
        [&](Statement &s) { s.bind(1, toMs(now)); }, readAccount);
    if (!due)
        return due;
    QList<KeyserverAccount> changed;
    for (KeyserverAccount a : *due) {
        Result<int> n = run(m_db,
                            "UPDATE accounts SET unlock_email = pending_email, pending = 0, pending_email = NULL, "
                            "pending_effective_at = 0, pending_requested_by = '' WHERE id = ?1",
                            [&](Statement &s) { s.bind(1, uuidText(a.id)); });
        if (!n)
            return fail(n.error());
        const QJsonValue newEmail =
            a.pending->newEmail ? QJsonValue(*a.pending->newEmail) : QJsonValue(QJsonValue::Null);
        if (Result<AuditHead> h = AuditLog::append(
                m_db,
                {u"system"_s, u"unlock_email_changed"_s, uuidText(a.id),
                 QJsonObject{{u"unlock_email"_s, newEmail}, {u"requested_by"_s, a.pending->requestedBy}}},
                m_clock);
            !h)
            return fail(h.error());
        a.unlockEmail = a.pending->newEmail;
        a.pending.reset();
        changed.append(a);
    }
    if (Result<void> c = tx->commit(); !c)
        return fail(c.error());
    return changed;
}

Result<void> SqlCipherKeyserverStore::putCode(const LiveCode &code, const AuditEvent &event)
{
    return withAudit(m_db, m_clock, event, [&]() -> Result<void> {
        Result<int> n =
            run(m_db,
                "INSERT INTO codes (account_id, hash, issued_at, expires_at, issued_by) VALUES (?1, ?2, ?3, ?4, ?5) "
                "ON CONFLICT (account_id) DO UPDATE SET hash = excluded.hash, issued_at = excluded.issued_at, "
                "expires_at = excluded.expires_at, issued_by = excluded.issued_by",
                [&](Statement &s) {
                    s.bind(1, uuidText(code.accountId))
                        .bind(2, QByteArrayView(code.hash))
                        .bind(3, toMs(code.issuedAt))
                        .bind(4, toMs(code.expiresAt))
                        .bind(5, code.issuedBy);
                });
        if (!n)
            return fail(n.error().code == u"constraint"_s
                            ? Error(ErrorKind::NotFound, u"no such account"_s, u"not_found"_s)
                            : n.error());
        Result<int> i = run(m_db, "INSERT INTO code_issues (account_id, issued_at) VALUES (?1, ?2)",
                            [&](Statement &s) { s.bind(1, uuidText(code.accountId)).bind(2, toMs(code.issuedAt)); });
        if (!i)
            return fail(i.error());
        // Issue times older than a day serve no limit.
        Result<int> old =
            run(m_db, "DELETE FROM code_issues WHERE account_id = ?1 AND issued_at < ?2",
                [&](Statement &s) { s.bind(1, uuidText(code.accountId)).bind(2, toMs(code.issuedAt.addDays(-1))); });
        if (!old)
            return fail(old.error());
        return {};
    });
}

Result<std::optional<LiveCode>> SqlCipherKeyserverStore::code(const QUuid &accountId)
{
    return queryOne<LiveCode>(
        m_db, "SELECT account_id, hash, issued_at, expires_at, issued_by FROM codes WHERE account_id = ?1",
        [&](Statement &s) { s.bind(1, uuidText(accountId)); },
        +[](const Statement &s) {
            return LiveCode{QUuid::fromString(s.text(0)), s.blob(1), fromMs(s.integer(2)), fromMs(s.integer(3)),
                            s.text(4)};
        });
}

Result<void> SqlCipherKeyserverStore::removeCode(const QUuid &accountId)
{
    Result<int> n =
        run(m_db, "DELETE FROM codes WHERE account_id = ?1", [&](Statement &s) { s.bind(1, uuidText(accountId)); });
    if (!n)
        return fail(n.error());
    return {};
}

Result<int> SqlCipherKeyserverStore::codesIssuedSince(const QUuid &accountId, const QDateTime &since)
{
    Result<qint64> n = queryInteger(m_db, "SELECT count(*) FROM code_issues WHERE account_id = ?1 AND issued_at >= ?2",
                                    [&](Statement &s) { s.bind(1, uuidText(accountId)).bind(2, toMs(since)); });
    if (!n)
        return fail(n.error());
    return int(*n);
}

Result<CodeLimits> SqlCipherKeyserverStore::limits(const QUuid &accountId)
{
    Result<std::optional<CodeLimits>> l = queryOne<CodeLimits>(
        m_db, "SELECT failures, blocked_until FROM code_limits WHERE account_id = ?1",
        [&](Statement &s) { s.bind(1, uuidText(accountId)); },
        +[](const Statement &s) {
            return CodeLimits{int(s.integer(0)), fromMs(s.integer(1))};
        });
    if (!l)
        return fail(l.error());
    return l->value_or(CodeLimits{});
}

Result<void> SqlCipherKeyserverStore::setLimits(const QUuid &accountId, const CodeLimits &limits)
{
    Result<int> n =
        run(m_db,
            "INSERT INTO code_limits (account_id, failures, blocked_until) VALUES (?1, ?2, ?3) "
            "ON CONFLICT (account_id) DO UPDATE SET failures = excluded.failures, "
            "blocked_until = excluded.blocked_until",
            [&](Statement &s) {
                s.bind(1, uuidText(accountId)).bind(2, qint64(limits.failures)).bind(3, toMs(limits.blockedUntil));
            });
    if (!n)
        return fail(n.error().code == u"constraint"_s ? Error(ErrorKind::NotFound, u"no such account"_s, u"not_found"_s)
                                                      : n.error());
    return {};
}

Result<void> SqlCipherKeyserverStore::addSession(const UnlockSessionRecord &r, const AuditEvent &event)
{
    return withAudit(m_db, m_clock, event, [&]() -> Result<void> {
        Result<int> n = run(m_db,
                            "INSERT INTO sessions (id_hash, account_id, public_key, kind, issued_by, reason, ticket, "
                            "created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                            [&](Statement &s) {
                                s.bind(1, QByteArrayView(r.idHash))
                                    .bind(2, uuidText(r.accountId))
                                    .bind(3, QByteArrayView(r.sessionPublicKey))
                                    .bind(4, r.kind == SessionKind::Staff ? u"staff"_s : u"code"_s)
                                    .bind(5, r.issuedBy)
                                    .bind(6, r.reason)
                                    .bind(7, r.ticket)
                                    .bind(8, toMs(r.createdAt))
                                    .bind(9, toMs(r.expiresAt));
                            });
        if (!n)
            return fail(n.error().code == u"constraint"_s
                            ? Error(ErrorKind::NotFound, u"no such account"_s, u"not_found"_s)
                            : n.error());
        return {};
    });
}

Result<std::optional<UnlockSessionRecord>> SqlCipherKeyserverStore::session(const QByteArray &idHash)
{
    return queryOne<UnlockSessionRecord>(
        m_db, (QByteArray("SELECT ") + kSessionColumns + " FROM sessions WHERE id_hash = ?1").constData(),
        [&](Statement &s) { s.bind(1, QByteArrayView(idHash)); }, readSession);
}

Result<bool> SqlCipherKeyserverStore::endSession(const QByteArray &idHash, const QDateTime &at, const AuditEvent &event)
{
    bool ended = false;
    Result<void> r = withAudit(m_db, m_clock, event, [&]() -> Result<void> {
        Result<int> n = run(m_db, "UPDATE sessions SET ended_at = ?2 WHERE id_hash = ?1 AND ended_at = 0",
                            [&](Statement &s) { s.bind(1, QByteArrayView(idHash)).bind(2, toMs(at)); });
        if (!n)
            return fail(n.error());
        ended = *n == 1;
        if (!ended)
            return fail(ErrorKind::NotFound, u"no open session"_s, u"not_found"_s);
        return {};
    });
    if (!r && r.error().code == u"not_found"_s)
        return false; // rolled back: nothing to audit
    if (!r)
        return fail(r.error());
    return ended;
}

Result<int> SqlCipherKeyserverStore::removeSessionsEndedBefore(const QDateTime &cutoff)
{
    return run(m_db, "DELETE FROM sessions WHERE (ended_at > 0 AND ended_at < ?1) OR expires_at < ?1",
               [&](Statement &s) { s.bind(1, toMs(cutoff)); });
}

Result<AuditHead> SqlCipherKeyserverStore::audit(const AuditEvent &event)
{
    Result<void> r = withAudit(m_db, m_clock, event, [] { return Result<void>(); });
    if (!r)
        return fail(r.error());
    return AuditLog::head(m_db);
}

Result<QList<AuditRecord>> SqlCipherKeyserverStore::auditRecords(const QString &accountId, qint64 afterSeq, int limit)
{
    return AuditLog::records(m_db, accountId, afterSeq, limit);
}

Result<AuditHead> SqlCipherKeyserverStore::auditHead()
{
    return AuditLog::head(m_db);
}

} // namespace credvault::store
