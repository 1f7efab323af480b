#pragma once

// The KeyserverStore on a SQLCipher database (schema in the .cpp).

#include "common/Clock.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/keyserver/KeyserverStore.h"

#include <memory>
#include <span>

namespace credvault::store {

std::span<const Migration> keyserverSchema();

class SqlCipherKeyserverStore final : public KeyserverStore {
public:
    static Result<std::unique_ptr<SqlCipherKeyserverStore>> open(const QString &path, const SecureBuffer &key,
                                                                 const Clock &clock = Clock::system());
    Database &database() { return m_db; }

    Result<KeyserverAccount> createAccount(const KeyserverAccount &account, const WrappedKey &key,
                                           const QString &actor) override;
    Result<std::optional<KeyserverAccount>> account(const QUuid &id) override;
    Result<std::optional<WrappedKey>> key(const QUuid &accountId) override;
    Result<QList<WrappedKey>> allKeys() override;
    Result<void> rewrapAll(const QList<WrappedKey> &keys, const QByteArray &masterKeyId, const QString &actor) override;
    Result<qint64> keysNotUnder(const QByteArray &masterKeyId) override;
    Result<void> deleteAccount(const QUuid &id, const QString &actor) override;
    Result<void> setPendingEmailChange(const QUuid &id, const std::optional<PendingEmailChange> &change,
                                       const AuditEvent &event) override;
    Result<QList<KeyserverAccount>> applyDueEmailChanges(const QDateTime &now) override;
    Result<void> putCode(const LiveCode &code, const AuditEvent &event) override;
    Result<std::optional<LiveCode>> code(const QUuid &accountId) override;
    Result<void> removeCode(const QUuid &accountId) override;
    Result<int> codesIssuedSince(const QUuid &accountId, const QDateTime &since) override;
    Result<CodeLimits> limits(const QUuid &accountId) override;
    Result<void> setLimits(const QUuid &accountId, const CodeLimits &limits) override;
    Result<void> addSession(const UnlockSessionRecord &session, const AuditEvent &event) override;
    Result<std::optional<UnlockSessionRecord>> session(const QByteArray &idHash) override;
    Result<bool> endSession(const QByteArray &idHash, const QDateTime &at, const AuditEvent &event) override;
    Result<int> removeSessionsEndedBefore(const QDateTime &cutoff) override;
    Result<AuditHead> audit(const AuditEvent &event) override;
    Result<QList<AuditRecord>> auditRecords(const QString &accountId, qint64 afterSeq, int limit) override;
    Result<AuditHead> auditHead() override;

private:
    SqlCipherKeyserverStore(Database db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}
    Database m_db;
    const Clock &m_clock;
};

} // namespace credvault::store
