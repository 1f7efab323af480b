#pragma once

// KeyserverStore: what the keyserver keeps (DESIGN.md §4) — accounts with their unlock
// and notice addresses and any pending change of the unlock address, each account's
// keypair (the private key wrapped under the master key; the store never sees it
// unwrapped), the one live code per account (as an HMAC), the rate-limit state (failed
// redemptions, block, codes issued), unlock sessions (hashed ids) and the audit log.
// Rate limits live here so a restart does not reset them. Deleting an account deletes
// its keypair: its entries become unreadable for good (crypto-shredding); the audit keeps
// that it happened. The interface is the seam for a second backend.

#include "common/Result.h"
#include "store/AuditLog.h"

#include <QtCore/QByteArray>
#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QUuid>

#include <optional>

namespace credvault::store {

struct PendingEmailChange {
    std::optional<QString> newEmail; // nullopt: the unlock address is to be removed (write-only)
    QDateTime effectiveAt;
    QString requestedBy;
};

struct KeyserverAccount {
    QUuid id;
    std::optional<QString> unlockEmail; // nullopt: write-only (no codes can be sent)
    QString noticeEmail;
    std::optional<PendingEmailChange> pending;
    QDateTime createdAt;
};

struct WrappedKey {
    QUuid accountId;
    QByteArray keyId;       // 16 bytes
    QByteArray publicKey;   // raw 32 bytes
    QByteArray wrapped;     // the private key under the master key (format: the keyserver's)
    QByteArray masterKeyId; // which master key wrapped it
    QDateTime createdAt;
};

struct LiveCode {
    QUuid accountId;
    QByteArray hash; // HMAC-SHA256(pepper, account ‖ code)
    QDateTime issuedAt;
    QDateTime expiresAt;
    QString issuedBy;
};

struct CodeLimits {
    int failures = 0;       // failed redemptions since the last success or block
    QDateTime blockedUntil; // invalid when not blocked
};

enum class SessionKind { Code, Staff };

struct UnlockSessionRecord {
    QByteArray idHash; // SHA-256 of the session id; the id itself is never stored
    QUuid accountId;
    QByteArray sessionPublicKey; // raw 32 bytes
    SessionKind kind = SessionKind::Code;
    QString issuedBy;
    QString reason; // staff sessions
    QString ticket; // staff sessions
    QDateTime createdAt;
    QDateTime expiresAt;
    QDateTime endedAt; // invalid while open
};

class KeyserverStore {
public:
    virtual ~KeyserverStore();

    /// Account and keypair together, in one transaction. Error `exists` if present.
    virtual Result<KeyserverAccount> createAccount(const KeyserverAccount &account, const WrappedKey &key,
                                                   const QString &actor) = 0;
    virtual Result<std::optional<KeyserverAccount>> account(const QUuid &id) = 0;
    virtual Result<std::optional<WrappedKey>> key(const QUuid &accountId) = 0;
    virtual Result<QList<WrappedKey>> allKeys() = 0;
    /// Master key rotation: replaces every wrapped key in one transaction — all or nothing,
    /// refused unless afterwards every key is under `masterKeyId` — and voids the live
    /// codes, whose HMAC key derives from the master key.
    virtual Result<void> rewrapAll(const QList<WrappedKey> &keys, const QByteArray &masterKeyId,
                                   const QString &actor) = 0;
    /// How many keys are wrapped under a master key other than `masterKeyId`.
    virtual Result<qint64> keysNotUnder(const QByteArray &masterKeyId) = 0;
    /// Crypto-shredding: the account, its key, code and sessions go; the audit row stays.
    virtual Result<void> deleteAccount(const QUuid &id, const QString &actor) = 0;

    virtual Result<void> setPendingEmailChange(const QUuid &id, const std::optional<PendingEmailChange> &change,
                                               const AuditEvent &event) = 0;
    /// Applies pending changes whose time has come; returns the accounts changed.
    virtual Result<QList<KeyserverAccount>> applyDueEmailChanges(const QDateTime &now) = 0;

    /// Replaces any live code and records the issue (for the codes-per-window limit).
    virtual Result<void> putCode(const LiveCode &code, const AuditEvent &event) = 0;
    virtual Result<std::optional<LiveCode>> code(const QUuid &accountId) = 0;
    virtual Result<void> removeCode(const QUuid &accountId) = 0;
    /// How many codes were issued for the account at or after `since`.
    virtual Result<int> codesIssuedSince(const QUuid &accountId, const QDateTime &since) = 0;
    virtual Result<CodeLimits> limits(const QUuid &accountId) = 0;
    virtual Result<void> setLimits(const QUuid &accountId, const CodeLimits &limits) = 0;

    virtual Result<void> addSession(const UnlockSessionRecord &session, const AuditEvent &event) = 0;
    virtual Result<std::optional<UnlockSessionRecord>> session(const QByteArray &idHash) = 0;
    /// Ends an open session (lock); false if it was not open.
    virtual Result<bool> endSession(const QByteArray &idHash, const QDateTime &at, const AuditEvent &event) = 0;
    virtual Result<int> removeSessionsEndedBefore(const QDateTime &cutoff) = 0;

    virtual Result<AuditHead> audit(const AuditEvent &event) = 0;
    virtual Result<QList<AuditRecord>> auditRecords(const QString &accountId, qint64 afterSeq, int limit) = 0;
    virtual Result<AuditHead> auditHead() = 0;
};

} // namespace credvault::store
