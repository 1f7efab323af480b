#pragma once

// VaultStore: what the vault server keeps (DESIGN.md §4) — customer accounts, the users
// who sign in (customers and staff), hashed sign-in tokens, sealed entries clustered by
// account, and its audit log. This interface is the seam for a second backend
// (PostgreSQL, later): the server talks only to it. Every method that changes something
// runs in one transaction together with its audit row. Times are UTC, millisecond
// precision.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"
#include "store/AuditLog.h"

#include <QtCore/QByteArray>
#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QUuid>

#include <optional>

namespace credvault::store {

struct Account {
    QUuid id;
    QString displayName;
    QString email;
    QDateTime createdAt;
    QByteArray keyId; // of the keypair the keyserver made; empty until the first public-key request
};

enum class UserKind { Customer, Staff };

struct User {
    QUuid id;
    UserKind kind = UserKind::Customer;
    QString username; // unique among all users, case-insensitively
    QString displayName;
    QString role;         // staff: "support" or "admin"; customers: empty
    QUuid accountId;      // customers: their account; staff: null
    QString passwordHash; // Argon2id encoded form
    bool hasTotp = false;
    bool disabled = false;
    int failedLogins = 0;
    QDateTime lockedUntil; // invalid when not locked
    QDateTime createdAt;
    qint64 totpLastStep = 0; // the last TOTP step that signed in: codes of it and before are spent
};

struct Token {
    QByteArray hash; // SHA-256 of the token; the token itself is never stored
    QUuid userId;
    QDateTime createdAt;
    QDateTime expiresAt;
};

struct Entry {
    QUuid id;
    QUuid accountId;
    QByteArray keyId; // 16 bytes
    qint64 revision = 0;
    QByteArray envelope; // empty once deleted
    QDateTime createdAt;
    QString createdBy;
    QDateTime updatedAt;
    QString updatedBy;
    bool deleted = false;
};

struct EntryPage {
    QList<Entry> items;
    std::optional<QUuid> next; // pass as `after` for the next page
};

class VaultStore {
public:
    virtual ~VaultStore();

    // Accounts and users
    virtual Result<Account> createCustomer(const Account &account, const User &user, const QString &actor) = 0;
    virtual Result<User> createStaff(const User &user, const QString &actor) = 0;
    virtual Result<std::optional<Account>> account(const QUuid &id) = 0;
    virtual Result<std::optional<User>> userByName(const QString &username) = 0;
    virtual Result<std::optional<User>> user(const QUuid &id) = 0;
    virtual Result<QList<User>> users(std::optional<UserKind> kind = {}) = 0;
    /// Customers whose display name, sign-in name or e-mail contains `query`, or whose
    /// account id is `query`.
    virtual Result<QList<std::pair<Account, User>>> searchCustomers(const QString &query, int limit) = 0;
    /// Disabling (and setPasswordHash) also ends the user's sign-ins: their tokens go.
    virtual Result<void> setDisabled(const QUuid &userId, bool disabled, const QString &actor) = 0;
    virtual Result<void> setPasswordHash(const QUuid &userId, const QString &hash, const QString &actor) = 0;
    virtual Result<void> setTotpSecret(const QUuid &userId, const SecureBuffer &secret, const QString &actor) = 0;
    virtual Result<SecureBuffer> totpSecret(const QUuid &userId) = 0;
    /// Counts a failed sign-in; `lockUntil` valid locks the user until then (and restarts
    /// the count). The event, if any, is audited in the same transaction.
    virtual Result<void> recordLoginFailure(const QUuid &userId, const QDateTime &lockUntil,
                                            const std::optional<AuditEvent> &event = {}) = 0;
    /// Clears the failure count and remembers the TOTP step used (0: none).
    virtual Result<void> recordLoginSuccess(const QUuid &userId, qint64 totpStep = 0,
                                            const std::optional<AuditEvent> &event = {}) = 0;
    /// Records the account's key id (audited when it changes); true when it changed.
    virtual Result<bool> setAccountKeyId(const QUuid &accountId, const QByteArray &keyId, const QString &actor) = 0;
    /// Removes the account, its users, tokens and entries (the keyserver shreds the key).
    virtual Result<void> deleteAccount(const QUuid &id, const QString &actor) = 0;

    // Tokens
    virtual Result<void> addToken(const Token &token) = 0;
    virtual Result<std::optional<Token>> token(const QByteArray &hash) = 0;
    virtual Result<void> removeToken(const QByteArray &hash) = 0;
    virtual Result<int> removeExpiredTokens(const QDateTime &now) = 0;

    // Entries
    virtual Result<EntryPage> entries(const QUuid &accountId, const std::optional<QUuid> &after, int limit,
                                      bool includeDeleted = false) = 0;
    virtual Result<std::optional<Entry>> entry(const QUuid &id) = 0;
    /// The encs (32 bytes each, concatenated) of up to `limit` live entries of the account
    /// sealed under `keyId`: what an unlock will ask the keyserver to decapsulate.
    virtual Result<QByteArray> entryEncs(const QUuid &accountId, const QByteArray &keyId, int limit) = 0;
    /// Errors: code `exists` when the id is taken.
    virtual Result<Entry> createEntry(const Entry &entry) = 0;
    /// Compare-and-swap on the revision. Errors: `stale_revision` (Conflict), `not_found`.
    virtual Result<Entry> updateEntry(const QUuid &id, qint64 expectedRevision, const QByteArray &keyId,
                                      const QByteArray &envelope, const QString &by, const QDateTime &at) = 0;
    /// Leaves a tombstone (revision + 1, no envelope).
    virtual Result<Entry> deleteEntry(const QUuid &id, const QString &by, const QDateTime &at) = 0;

    /// Changes whenever anything in the store changed, here or in another process (the
    /// key of the server's list cache).
    virtual Result<qint64> changeCounter() = 0;

    // Audit
    virtual Result<AuditHead> audit(const AuditEvent &event) = 0;
    virtual Result<QList<AuditRecord>> auditRecords(const QString &accountId, qint64 afterSeq, int limit) = 0;
};

} // namespace credvault::store
