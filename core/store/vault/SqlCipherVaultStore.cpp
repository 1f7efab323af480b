#include "store/vault/SqlCipherVaultStore.h"

#include "crypto/EntryEnvelope.h"
#include "store/Queries.h"
#include "store/Statement.h"
#include "store/TimeColumns.h"
#include "store/Transaction.h"

#include <QtCore/QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace credvault::store {

VaultStore::~VaultStore() = default;

namespace {

const Migration kVaultSchema[] = {
    {1, "accounts, users, tokens", R"sql(
        CREATE TABLE accounts (
            id           TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            email        TEXT NOT NULL,
            created_at   INTEGER NOT NULL
        );
        CREATE TABLE users (
            id            TEXT PRIMARY KEY,
            kind          TEXT NOT NULL CHECK (kind IN ('customer', 'staff')),
            username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
            display_name  TEXT NOT NULL,
            role          TEXT NOT NULL DEFAULT '' CHECK (role IN ('', 'support', 'admin')),
            account_id    TEXT REFERENCES accounts (id) ON DELETE CASCADE,
            password_hash TEXT NOT NULL,
            totp_secret   BLOB,
            disabled      INTEGER NOT NULL DEFAULT 0,
            failed_logins INTEGER NOT NULL DEFAULT 0,
            locked_until  INTEGER NOT NULL DEFAULT 0,
            created_at    INTEGER NOT NULL,
            CHECK ((kind = 'customer') = (account_id IS NOT NULL)),
            CHECK ((kind = 'staff') = (role <> ''))
        );
        CREATE INDEX users_account ON users (account_id);
        CREATE TABLE tokens (
            token_hash BLOB PRIMARY KEY,
            user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX tokens_user ON tokens (user_id);
        CREATE INDEX tokens_expiry ON tokens (expires_at);
    )sql"},
    // Entries clustered by account: the primary key (account, id) orders the b-tree, so
    // one account's entries share pages and a listing reads few of them.
    {2, "entries", R"sql(
        CREATE TABLE entries (
            account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
            id         TEXT NOT NULL,
            key_id     BLOB NOT NULL,
            revision   INTEGER NOT NULL,
            envelope   BLOB,
            created_at INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            updated_by TEXT NOT NULL,
            deleted    INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (account_id, id)
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX entries_id ON entries (id);
    )sql"},
    {3, "audit", nullptr}, // filled from AuditLog::schemaSql() below
    // The key id the keyserver gave the account's keypair (entry writes are checked
    // against it), and the last TOTP step used per user (a code works once).
    {4, "account key id, TOTP replay", R"sql(
        ALTER TABLE accounts ADD COLUMN key_id BLOB;
        ALTER TABLE users ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;
    )sql"},
};

std::array<Migration, 4> buildSchema()
{
    std::array<Migration, 4> m{kVaultSchema[0], kVaultSchema[1], kVaultSchema[2], kVaultSchema[3]};
    m[2].sql = AuditLog::schemaSql();
    return m;
}

QString kindName(UserKind k)
{
    return k == UserKind::Staff ? u"staff"_s : u"customer"_s;
}

constexpr char kUserColumns[] =
    "id, kind, username, display_name, role, account_id, password_hash, "
    "totp_secret IS NOT NULL, disabled, failed_logins, locked_until, created_at, totp_last_step";

User readUser(const Statement &s)
{
    User u;
    u.id = QUuid::fromString(s.text(0));
    u.kind = s.text(1) == u"staff"_s ? UserKind::Staff : UserKind::Customer;
    u.username = s.text(2);
    u.displayName = s.text(3);
    u.role = s.text(4);
    u.accountId = s.isNull(5) ? QUuid() : QUuid::fromString(s.text(5));
    u.passwordHash = s.text(6);
    u.hasTotp = s.integer(7) != 0;
    u.disabled = s.integer(8) != 0;
    u.failedLogins = int(s.integer(9));
    u.lockedUntil = fromMs(s.integer(10));
    u.createdAt = fromMs(s.integer(11));
    u.totpLastStep = s.integer(12);
    return u;
}

constexpr char kEntryColumns[] =
    "id, account_id, key_id, revision, envelope, created_at, created_by, updated_at, updated_by, deleted";

Entry readEntry(const Statement &s)
{
    Entry e;
    e.id = QUuid::fromString(s.text(0));
    e.accountId = QUuid::fromString(s.text(1));
    e.keyId = s.blob(2);
    e.revision = s.integer(3);
    e.envelope = s.blob(4);
    e.createdAt = fromMs(s.integer(5));
    e.createdBy = s.text(6);
    e.updatedAt = fromMs(s.integer(7));
    e.updatedBy = s.text(8);
    e.deleted = s.integer(9) != 0;
    return e;
}

} // namespace

std::span<const Migration> vaultSchema()
{
    static const std::array<Migration, 4> schema = buildSchema();
    return schema;
}

Result<std::unique_ptr<SqlCipherVaultStore>> SqlCipherVaultStore::open(const QString &path, const SecureBuffer &key,
                                                                       const Clock &clock)
{
    Result<Database> db = Database::open(path, key, OpenMode::ReadWriteCreate);
    if (!db)
        return fail(db.error());
    if (Result<int> v = migrate(*db, vaultSchema()); !v)
        return fail(v.error());
    return std::unique_ptr<SqlCipherVaultStore>(new SqlCipherVaultStore(std::move(*db), clock));
}

Result<User> SqlCipherVaultStore::insertUser(const User &u)
{
    Result<Statement> s = m_db.prepare("INSERT INTO users (id, kind, username, display_name, role, account_id, "
                                       "password_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!s)
        return fail(s.error());
    User out = u;
    out.createdAt = fromMs(toMs(m_clock.nowUtc()));
    s->bind(1, uuidText(u.id)).bind(2, kindName(u.kind)).bind(3, u.username).bind(4, u.displayName).bind(5, u.role);
    if (u.accountId.isNull())
        s->bindNull(6);
    else
        s->bind(6, uuidText(u.accountId));
    s->bind(7, u.passwordHash).bind(8, toMs(out.createdAt));
    if (Result<void> r = s->run(); !r) {
        if (r.error().code == u"constraint"_s)
            return fail(ErrorKind::Conflict, u"the sign-in name '%1' is taken"_s.arg(u.username), u"exists"_s);
        return fail(r.error());
    }
    return out;
}

Result<Account> SqlCipherVaultStore::createCustomer(const Account &account, const User &user, const QString &actor)
{
    Account out = account;
    out.createdAt = fromMs(toMs(m_clock.nowUtc()));
    User u = user;
    u.kind = UserKind::Customer;
    u.accountId = account.id;
    u.role.clear();
    const AuditEvent event{actor, u"account_created"_s, uuidText(account.id),
                           QJsonObject{{u"username"_s, user.username}}};
    Result<void> r = withAudit(m_db, m_clock, event, [&]() -> Result<void> {
        Result<int> n = run(m_db, "INSERT INTO accounts (id, display_name, email, created_at) VALUES (?1, ?2, ?3, ?4)",
                            [&](Statement &s) {
                                s.bind(1, uuidText(account.id)).bind(2, account.displayName).bind(3, account.email);
                                s.bind(4, toMs(out.createdAt));
                            });
        if (!n)
            return fail(n.error().code == u"constraint"_s
                            ? Error(ErrorKind::Conflict, u"the account exists"_s, u"exists"_s)
                            : n.error());
        if (Result<User> made = insertUser(u); !made)
            return fail(made.error());
        return {};
    });
    if (!r)
        return fail(r.error());
    return out;
}

Result<User> SqlCipherVaultStore::createStaff(const User &user, const QString &actor)
{
    User u = user;
    u.kind = UserKind::Staff;
    u.accountId = QUuid();
    if (u.role != u"support"_s && u.role != u"admin"_s)
        return fail(ErrorKind::InvalidInput, u"a staff role is support or admin"_s, u"bad_role"_s);
    std::optional<User> made;
    const AuditEvent event{
        actor, u"staff_created"_s, {}, QJsonObject{{u"username"_s, u.username}, {u"role"_s, u.role}}};
    Result<void> r = withAudit(m_db, m_clock, event, [&]() -> Result<void> {
        Result<User> inserted = insertUser(u);
        if (!inserted)
            return fail(inserted.error());
        made = *inserted;
        return {};
    });
    if (!r)
        return fail(r.error());
    return *made;
}

Result<std::optional<Account>> SqlCipherVaultStore::account(const QUuid &id)
{
    return queryOne<Account>(
        m_db, "SELECT id, display_name, email, created_at, key_id FROM accounts WHERE id = ?1",
        [&](Statement &s) { s.bind(1, uuidText(id)); },
        [](const Statement &s) {
            return Account{QUuid::fromString(s.text(0)), s.text(1), s.text(2), fromMs(s.integer(3)), s.blob(4)};
        });
}

Result<std::optional<User>> SqlCipherVaultStore::userByName(const QString &username)
{
    return queryOne<User>(
        m_db, QByteArray("SELECT ") + kUserColumns + " FROM users WHERE username = ?1",
        [&](Statement &s) { s.bind(1, username); }, readUser);
}

Result<std::optional<User>> SqlCipherVaultStore::user(const QUuid &id)
{
    return queryOne<User>(
        m_db, QByteArray("SELECT ") + kUserColumns + " FROM users WHERE id = ?1",
        [&](Statement &s) { s.bind(1, uuidText(id)); }, readUser);
}

Result<QList<User>> SqlCipherVaultStore::users(std::optional<UserKind> kind)
{
    return queryAll<User>(
        m_db, QByteArray("SELECT ") + kUserColumns + " FROM users WHERE ?1 = '' OR kind = ?1 ORDER BY username",
        [&](Statement &s) { s.bind(1, kind ? kindName(*kind) : QString()); }, readUser);
}

Result<QList<std::pair<Account, User>>> SqlCipherVaultStore::searchCustomers(const QString &query, int limit)
{
    // The user's columns first (as readUser wants them), then the account's.
    return queryAll<std::pair<Account, User>>(
        m_db,
        "SELECT u.id, u.kind, u.username, u.display_name, u.role, u.account_id, u.password_hash, "
        "u.totp_secret IS NOT NULL, u.disabled, u.failed_logins, u.locked_until, u.created_at, u.totp_last_step, "
        "a.id, a.display_name, a.email, a.created_at, a.key_id FROM accounts a JOIN users u ON u.account_id = a.id "
        "WHERE a.id = lower(?1) OR instr(lower(a.display_name), lower(?1)) OR instr(lower(u.username), lower(?1)) "
        "OR instr(lower(a.email), lower(?1)) ORDER BY a.display_name LIMIT ?2",
        [&](Statement &s) { s.bind(1, query.trimmed()).bind(2, qint64(limit)); },
        [](const Statement &s) {
            return std::pair{
                Account{QUuid::fromString(s.text(13)), s.text(14), s.text(15), fromMs(s.integer(16)), s.blob(17)},
                readUser(s)};
        });
}

Result<void> SqlCipherVaultStore::updateUser(const QUuid &userId, const char *sql,
                                             const std::function<void(Statement &)> &bind, const AuditEvent *event,
                                             bool endSignIns)
{
    const auto work = [&]() -> Result<void> {
        Result<int> n = run(m_db, sql, [&](Statement &s) {
            s.bind(1, uuidText(userId));
            bind(s);
        });
        if (!n)
            return fail(n.error());
        if (*n == 0)
            return fail(ErrorKind::NotFound, u"no such user"_s, u"not_found"_s);
        if (endSignIns) {
            Result<int> t =
                run(m_db, "DELETE FROM tokens WHERE user_id = ?1", [&](Statement &s) { s.bind(1, uuidText(userId)); });
            if (!t)
                return fail(t.error());
        }
        return {};
    };
    if (event)
        return withAudit(m_db, m_clock, *event, work);
    return work();
}

Result<void> SqlCipherVaultStore::setDisabled(const QUuid &userId, bool disabled, const QString &actor)
{
    const AuditEvent e{
        actor, disabled ? u"user_disabled"_s : u"user_enabled"_s, {}, QJsonObject{{u"user"_s, uuidText(userId)}}};
    return updateUser(
        userId, "UPDATE users SET disabled = ?2 WHERE id = ?1", [&](Statement &s) { s.bind(2, qint64(disabled)); }, &e,
        disabled);
}

Result<void> SqlCipherVaultStore::setPasswordHash(const QUuid &userId, const QString &hash, const QString &actor)
{
    const AuditEvent e{actor, u"password_changed"_s, {}, QJsonObject{{u"user"_s, uuidText(userId)}}};
    return updateUser(
        userId, "UPDATE users SET password_hash = ?2, failed_logins = 0, locked_until = 0 WHERE id = ?1",
        [&](Statement &s) { s.bind(2, hash); }, &e, true);
}

Result<void> SqlCipherVaultStore::setTotpSecret(const QUuid &userId, const SecureBuffer &secret, const QString &actor)
{
    const AuditEvent e{actor,
                       secret.isEmpty() ? u"totp_removed"_s : u"totp_enrolled"_s,
                       {},
                       QJsonObject{{u"user"_s, uuidText(userId)}}};
    return updateUser(
        userId, "UPDATE users SET totp_secret = ?2 WHERE id = ?1",
        [&](Statement &s) {
            if (secret.isEmpty())
                s.bindNull(2);
            else
                s.bindSecret(2, secret);
        },
        &e);
}

Result<SecureBuffer> SqlCipherVaultStore::totpSecret(const QUuid &userId)
{
    Result<Statement> s = m_db.prepare("SELECT totp_secret FROM users WHERE id = ?1");
    if (!s)
        return fail(s.error());
    s->bind(1, uuidText(userId));
    Result<bool> row = s->step();
    if (!row)
        return fail(row.error());
    if (!*row)
        return fail(ErrorKind::NotFound, u"no such user"_s, u"not_found"_s);
    return s->secretBlob(0);
}

Result<void> SqlCipherVaultStore::recordLoginFailure(const QUuid &userId, const QDateTime &lockUntil,
                                                     const std::optional<AuditEvent> &event)
{
    // A lock ends the count: after it, the user has the full number of tries again.
    return updateUser(
        userId,
        "UPDATE users SET failed_logins = CASE WHEN ?2 > 0 THEN 0 ELSE failed_logins + 1 END, "
        "locked_until = max(locked_until, ?2) WHERE id = ?1",
        [&](Statement &s) { s.bind(2, lockUntil.isValid() ? toMs(lockUntil) : 0); }, event ? &*event : nullptr);
}

Result<void> SqlCipherVaultStore::recordLoginSuccess(const QUuid &userId, qint64 totpStep,
                                                     const std::optional<AuditEvent> &event)
{
    return updateUser(
        userId,
        "UPDATE users SET failed_logins = 0, locked_until = 0, totp_last_step = max(totp_last_step, ?2) WHERE id = ?1",
        [&](Statement &s) { s.bind(2, totpStep); }, event ? &*event : nullptr);
}

Result<bool> SqlCipherVaultStore::setAccountKeyId(const QUuid &accountId, const QByteArray &keyId, const QString &actor)
{
    bool changed = false;
    const AuditEvent e{actor, u"public_key_recorded"_s, uuidText(accountId),
                       QJsonObject{{u"key_id"_s, QString::fromLatin1(keyId.toHex())}}};
    Result<Transaction> tx = Transaction::begin(m_db);
    if (!tx)
        return fail(tx.error());
    Result<int> n = run(m_db, "UPDATE accounts SET key_id = ?2 WHERE id = ?1 AND (key_id IS NULL OR key_id <> ?2)",
                        [&](Statement &s) { s.bind(1, uuidText(accountId)).bind(2, QByteArrayView(keyId)); });
    if (!n)
        return fail(n.error());
    changed = *n > 0;
    if (changed) {
        if (Result<AuditHead> a = AuditLog::append(m_db, e, m_clock); !a)
            return fail(a.error());
    }
    if (Result<void> c = tx->commit(); !c)
        return fail(c.error());
    return changed;
}

Result<void> SqlCipherVaultStore::deleteAccount(const QUuid &id, const QString &actor)
{
    return withAudit(m_db, m_clock, AuditEvent{actor, u"account_deleted"_s, uuidText(id), {}}, [&]() -> Result<void> {
        Result<int> n = run(m_db, "DELETE FROM accounts WHERE id = ?1", [&](Statement &s) { s.bind(1, uuidText(id)); });
        if (!n)
            return fail(n.error());
        if (*n == 0)
            return fail(ErrorKind::NotFound, u"no such account"_s, u"not_found"_s);
        return {};
    });
}

Result<void> SqlCipherVaultStore::addToken(const Token &token)
{
    Result<Statement> s =
        m_db.prepare("INSERT INTO tokens (token_hash, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)");
    if (!s)
        return fail(s.error());
    s->bind(1, QByteArrayView(token.hash))
        .bind(2, uuidText(token.userId))
        .bind(3, toMs(token.createdAt))
        .bind(4, toMs(token.expiresAt));
    return s->run();
}

Result<std::optional<Token>> SqlCipherVaultStore::token(const QByteArray &hash)
{
    return queryOne<Token>(
        m_db, "SELECT token_hash, user_id, created_at, expires_at FROM tokens WHERE token_hash = ?1",
        [&](Statement &s) { s.bind(1, QByteArrayView(hash)); },
        [](const Statement &s) {
            return Token{s.blob(0), QUuid::fromString(s.text(1)), fromMs(s.integer(2)), fromMs(s.integer(3))};
        });
}

Result<void> SqlCipherVaultStore::removeToken(const QByteArray &hash)
{
    Result<Statement> s = m_db.prepare("DELETE FROM tokens WHERE token_hash = ?1");
    if (!s)
        return fail(s.error());
    s->bind(1, QByteArrayView(hash));
    return s->run();
}

Result<int> SqlCipherVaultStore::removeExpiredTokens(const QDateTime &now)
{
    Result<Statement> s = m_db.prepare("DELETE FROM tokens WHERE expires_at <= ?1");
    if (!s)
        return fail(s.error());
    s->bind(1, toMs(now));
    if (Result<void> r = s->run(); !r)
        return fail(r.error());
    return s->changes();
}

Result<EntryPage> SqlCipherVaultStore::entries(const QUuid &accountId, const std::optional<QUuid> &after, int limit,
                                               bool includeDeleted)
{
    // Keyset paging on the clustered key: (account_id, id) > (account, after).
    Result<Statement> s = m_db.prepare((QByteArray("SELECT ") + kEntryColumns +
                                        " FROM entries WHERE account_id = ?1 AND id > ?2 AND (?3 OR deleted = 0) "
                                        "ORDER BY id LIMIT ?4")
                                           .constData());
    if (!s)
        return fail(s.error());
    s->bind(1, uuidText(accountId))
        .bind(2, after ? uuidText(*after) : QString())
        .bind(3, qint64(includeDeleted))
        .bind(4, qint64(limit) + 1);
    EntryPage page;
    while (true) {
        Result<bool> row = s->step();
        if (!row)
            return fail(row.error());
        if (!*row)
            break;
        if (page.items.size() == limit) {
            page.next = page.items.last().id;
            break;
        }
        page.items.append(readEntry(*s));
    }
    return page;
}

Result<std::optional<Entry>> SqlCipherVaultStore::entry(const QUuid &id)
{
    return queryOne<Entry>(
        m_db, QByteArray("SELECT ") + kEntryColumns + " FROM entries WHERE id = ?1",
        [&](Statement &s) { s.bind(1, uuidText(id)); }, readEntry);
}

Result<QByteArray> SqlCipherVaultStore::entryEncs(const QUuid &accountId, const QByteArray &keyId, int limit)
{
    // The enc follows the version byte and the key id (EntryEnvelope); SQL counts from 1.
    static_assert(EntryEnvelope::kHeaderSize == 1 + EntryEnvelope::kKeyIdSize + 32);
    static const QByteArray sql = "SELECT substr(envelope, " + QByteArray::number(2 + EntryEnvelope::kKeyIdSize) +
                                  ", 32) FROM entries WHERE account_id = ?1 AND deleted = 0 AND key_id = ?2 AND "
                                  "length(envelope) >= " +
                                  QByteArray::number(EntryEnvelope::kHeaderSize) + " ORDER BY id LIMIT ?3";
    Result<Statement> s = m_db.prepare(sql.constData());
    if (!s)
        return fail(s.error());
    s->bind(1, uuidText(accountId)).bind(2, QByteArrayView(keyId)).bind(3, qint64(limit));
    QByteArray encs;
    while (true) {
        Result<bool> row = s->step();
        if (!row)
            return fail(row.error());
        if (!*row)
            return encs;
        encs += s->blob(0);
    }
}

Result<Entry> SqlCipherVaultStore::createEntry(const Entry &e)
{
    Entry out = e;
    out.revision = 1;
    out.createdAt = out.updatedAt = fromMs(toMs(e.createdAt.isValid() ? e.createdAt : m_clock.nowUtc()));
    out.updatedBy = e.createdBy;
    out.deleted = false;
    const AuditEvent event{e.createdBy, u"entry_created"_s, uuidText(e.accountId),
                           QJsonObject{{u"entry"_s, uuidText(e.id)}, {u"size"_s, e.envelope.size()}}};
    Result<void> r = withAudit(m_db, m_clock, event, [&]() -> Result<void> {
        Result<int> n =
            run(m_db,
                "INSERT INTO entries (account_id, id, key_id, revision, envelope, created_at, created_by, "
                "updated_at, updated_by) VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6, ?5, ?6)",
                [&](Statement &s) {
                    s.bind(1, uuidText(e.accountId)).bind(2, uuidText(e.id)).bind(3, QByteArrayView(e.keyId));
                    s.bind(4, QByteArrayView(e.envelope)).bind(5, toMs(out.createdAt)).bind(6, e.createdBy);
                });
        if (!n && n.error().code == u"constraint"_s)
            return fail(ErrorKind::Conflict, u"an entry with this id exists, or the account does not"_s, u"exists"_s);
        if (!n)
            return fail(n.error());
        return {};
    });
    if (!r)
        return fail(r.error());
    return out;
}

Result<Entry> SqlCipherVaultStore::changeEntry(const QUuid &id, std::optional<qint64> expectedRevision,
                                               const std::function<Result<void>(Entry &)> &change,
                                               const QString &action, const QString &by)
{
    Entry out;
    // One transaction: read the current entry, check it, change it, audit it.
    Result<Transaction> tx = Transaction::begin(m_db);
    if (!tx)
        return fail(tx.error());
    Result<std::optional<Entry>> current = entry(id);
    if (!current)
        return fail(current.error());
    if (!*current || (*current)->deleted)
        return fail(ErrorKind::NotFound, u"no such entry"_s, u"not_found"_s);
    if (expectedRevision && (*current)->revision != *expectedRevision)
        return fail(
            ErrorKind::Conflict,
            u"the entry was changed since revision %1 (it is at %2)"_s.arg(*expectedRevision).arg((*current)->revision),
            u"stale_revision"_s);
    out = **current;
    if (Result<void> c = change(out); !c)
        return fail(c.error());
    if (Result<AuditHead> a = AuditLog::append(m_db,
                                               {by, action, uuidText(out.accountId),
                                                QJsonObject{{u"entry"_s, uuidText(id)}, {u"revision"_s, out.revision}}},
                                               m_clock);
        !a)
        return fail(a.error());
    if (Result<void> c = tx->commit(); !c)
        return fail(c.error());
    return out;
}

Result<Entry> SqlCipherVaultStore::updateEntry(const QUuid &id, qint64 expectedRevision, const QByteArray &keyId,
                                               const QByteArray &envelope, const QString &by, const QDateTime &at)
{
    const QDateTime when = fromMs(toMs(at.isValid() ? at : m_clock.nowUtc()));
    return changeEntry(
        id, expectedRevision,
        [&](Entry &e) -> Result<void> {
            Result<int> n =
                run(m_db,
                    "UPDATE entries SET key_id = ?2, envelope = ?3, revision = revision + 1, "
                    "updated_at = ?4, updated_by = ?5 WHERE id = ?1",
                    [&](Statement &s) {
                        s.bind(1, uuidText(id)).bind(2, QByteArrayView(keyId)).bind(3, QByteArrayView(envelope));
                        s.bind(4, toMs(when)).bind(5, by);
                    });
            if (!n)
                return fail(n.error());
            e.keyId = keyId;
            e.envelope = envelope;
            e.revision += 1;
            e.updatedAt = when;
            e.updatedBy = by;
            return {};
        },
        u"entry_updated"_s, by);
}

Result<Entry> SqlCipherVaultStore::deleteEntry(const QUuid &id, const QString &by, const QDateTime &at)
{
    const QDateTime when = fromMs(toMs(at.isValid() ? at : m_clock.nowUtc()));
    // The envelope goes (secure_delete overwrites its bytes); the tombstone stays.
    return changeEntry(
        id, std::nullopt,
        [&](Entry &e) -> Result<void> {
            Result<int> n = run(m_db,
                                "UPDATE entries SET envelope = NULL, deleted = 1, revision = revision + 1, "
                                "updated_at = ?2, updated_by = ?3 WHERE id = ?1",
                                [&](Statement &s) { s.bind(1, uuidText(id)).bind(2, toMs(when)).bind(3, by); });
            if (!n)
                return fail(n.error());
            e.envelope.clear();
            e.deleted = true;
            e.revision += 1;
            e.updatedAt = when;
            e.updatedBy = by;
            return {};
        },
        u"entry_deleted"_s, by);
}

Result<AuditHead> SqlCipherVaultStore::audit(const AuditEvent &event)
{
    if (Result<void> r = withAudit(m_db, m_clock, event, [] { return Result<void>(); }); !r)
        return fail(r.error());
    return AuditLog::head(m_db);
}

Result<QList<AuditRecord>> SqlCipherVaultStore::auditRecords(const QString &accountId, qint64 afterSeq, int limit)
{
    return AuditLog::records(m_db, accountId, afterSeq, limit);
}

} // namespace credvault::store
