#pragma once

// The VaultStore on a SQLCipher database (schema: VaultSchema.cpp).

#include "store/Database.h"
#include "store/Migrations.h"
#include "store/vault/VaultStore.h"

#include "common/Clock.h"

#include <span>

namespace credvault::store {

std::span<const Migration> vaultSchema();

class SqlCipherVaultStore final : public VaultStore {
public:
    /// Opens (creating if missing) and migrates.
    static Result<std::unique_ptr<SqlCipherVaultStore>> open(const QString &path, const SecureBuffer &key,
                                                             const Clock &clock = Clock::system());
    Database &database() { return m_db; }

    Result<Account> createCustomer(const Account &account, const User &user, const QString &actor) override;
    Result<User> createStaff(const User &user, const QString &actor) override;
    Result<std::optional<Account>> account(const QUuid &id) override;
    Result<std::optional<User>> userByName(const QString &username) override;
    Result<std::optional<User>> user(const QUuid &id) override;
    Result<QList<User>> users(std::optional<UserKind> kind = {}) override;
    Result<QList<std::pair<Account, User>>> searchCustomers(const QString &query, int limit) override;
    Result<void> setDisabled(const QUuid &userId, bool disabled, const QString &actor) override;
    Result<void> setPasswordHash(const QUuid &userId, const QString &hash, const QString &actor) override;
    Result<void> setTotpSecret(const QUuid &userId, const SecureBuffer &secret, const QString &actor) override;
    Result<SecureBuffer> totpSecret(const QUuid &userId) override;
    Result<void> recordLoginFailure(const QUuid &userId, const QDateTime &lockUntil,
                                    const std::optional<AuditEvent> &event = {}) override;
    Result<void> recordLoginSuccess(const QUuid &userId, qint64 totpStep = 0,
                                    const std::optional<AuditEvent> &event = {}) override;
    Result<bool> setAccountKeyId(const QUuid &accountId, const QByteArray &keyId, const QString &actor) override;
    Result<void> deleteAccount(const QUuid &id, const QString &actor) override;

    Result<void> addToken(const Token &token) override;
    Result<std::optional<Token>> token(const QByteArray &hash) override;
    Result<void> removeToken(const QByteArray &hash) override;
    Result<int> removeExpiredTokens(const QDateTime &now) override;

    Result<EntryPage> entries(const QUuid &accountId, const std::optional<QUuid> &after, int limit,
                              bool includeDeleted = false) override; // same default as the interface
    Result<std::optional<Entry>> entry(const QUuid &id) override;
    Result<QByteArray> entryEncs(const QUuid &accountId, const QByteArray &keyId, int limit) override;
    Result<Entry> createEntry(const Entry &entry) override;
    Result<Entry> updateEntry(const QUuid &id, qint64 expectedRevision, const QByteArray &keyId,
                              const QByteArray &envelope, const QString &by, const QDateTime &at) override;
    Result<Entry> deleteEntry(const QUuid &id, const QString &by, const QDateTime &at) override;

    Result<qint64> changeCounter() override { return m_db.changeCounter(); }

    Result<AuditHead> audit(const AuditEvent &event) override;
    Result<QList<AuditRecord>> auditRecords(const QString &accountId, qint64 afterSeq, int limit) override;

private:
    SqlCipherVaultStore(Database db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}
    Result<User> insertUser(const User &user);
    /// Update and delete: in one transaction, the live entry is read (404 if none),
    /// its revision checked when given (409), changed, and audited as `action`.
    Result<Entry> changeEntry(const QUuid &id, std::optional<qint64> expectedRevision,
                              const std::function<Result<void>(Entry &)> &change, const QString &action,
                              const QString &by);
    Result<void> updateUser(const QUuid &userId, const char *sql, const std::function<void(Statement &)> &bind,
                            const AuditEvent *event, bool endSignIns = false);

    Database m_db;
    const Clock &m_clock;
};

} // namespace credvault::store
