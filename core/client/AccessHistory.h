#pragma once

// AccessHistory: the customer's view of the keyserver audit of their own account, as the
// vault server relays it (GET /v1/access-history, DESIGN.md §3, §5). QtCore only.
//
// parseAccessHistory checks the head's Ed25519 signature with the audit key pinned in
// client.conf, reads the rows, and folds the unlock sessions out of them: who opened each
// (the customer with a code, or the named support engineer with reason and ticket), when,
// until when (locked, or expired), and how many entries were decrypted in it.
//
// HeadPins keeps, per account, the last head the app saw and the newest row of the
// account it saw with that row's chain hash. compareHeads tells whether the history the
// server shows now continues that one: it shrank (fewer rows, or the remembered row is
// gone) or forked (same length with another hash, or the remembered row's hash changed —
// every row's hash covers all rows before it) are warnings the app must show. HeadPins
// also remembers the newest staff unlock the person has been told about, so the notice of
// a staff unlock comes once.

#include "client/ApiClient.h"
#include "crypto/AuditSignature.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QUuid>

#include <optional>

namespace credvault::client {

struct AccessEvent {
    qint64 seq = 0;
    QDateTime at;
    QString actor;  // "customer:UUID", "staff:NAME", "service:NAME", "system"
    QString action; // "unlock", "staff_unlock", "decapsulated", "locked", "code_issued", …
    QJsonObject details;
    QByteArray hash; // the row's chain hash, 32 bytes
};

struct UnlockRecord {
    QString session; // the session's short id (from the audit)
    qint64 seq = 0;  // the row that opened it
    bool byStaff = false;
    QString engineer; // staff only: the certificate's name
    QString reason;   // staff only
    QString ticket;   // staff only
    QDateTime startedAt;
    QDateTime expiresAt;
    QDateTime lockedAt; // invalid unless locked before expiry
    qint64 entriesOpened = 0;

    /// When it ended or ends: locked, else the expiry.
    QDateTime endsAt() const { return lockedAt.isValid() ? lockedAt : expiresAt; }
    bool isOpenAt(const QDateTime &now) const { return !lockedAt.isValid() && expiresAt > now; }
};

struct SeenHead {
    qint64 count = 0;
    QByteArray hash;    // 32 bytes
    qint64 ownSeq = 0;  // the newest row of the account seen; 0 when none
    QByteArray ownHash; // its chain hash
    bool operator==(const SeenHead &) const = default;
};

struct AccessHistory {
    QList<AccessEvent> events;   // oldest first
    QList<UnlockRecord> unlocks; // newest first
    SeenHead head;
};

/// Reads and checks an access-history answer. Errors (httpStatus 0): "bad_history" (not
/// the documented shape), "bad_signature" (the head is not signed by the pinned key).
Result<AccessHistory, ApiError> parseAccessHistory(const QJsonObject &answer, const AuditKeyPublic &auditKey);

enum class HeadCheck {
    FirstLook, // nothing remembered for this account
    Continues, // the same history or a longer one that keeps every row seen
    Shrank,    // fewer rows than before, or the newest row seen is gone
    Forked,    // rows seen before now have other contents
};

HeadCheck compareHeads(const std::optional<SeenHead> &last, const AccessHistory &now);

class HeadPins {
public:
    explicit HeadPins(QString file) : m_file(std::move(file)) {}
    std::optional<SeenHead> lastSeen(const QUuid &account) const;
    Result<void> remember(const QUuid &account, const SeenHead &head);
    /// The newest staff unlock (its row) the person was told about; 0 when none.
    qint64 staffNoticeSeq(const QUuid &account) const;
    Result<void> setStaffNoticeSeq(const QUuid &account, qint64 seq);

private:
    QString m_file;
};

} // namespace credvault::client
