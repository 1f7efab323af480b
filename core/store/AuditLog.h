#pragma once

// AuditLog: the append-only, hash-chained log both servers keep (DESIGN.md §3). Each row
// holds hash = SHA-256(previous row's hash ‖ the row's canonical bytes); the first row's
// previous hash is 32 zero bytes. The canonical bytes are the fields in this fixed
// order, each prefixed by its length as a u32 big-endian:
//
//     seq (decimal ASCII) ‖ at (RFC 3339 UTC, milliseconds) ‖ actor ‖ action ‖
//     account_id (canonical UUID text or empty) ‖ details (compact JSON object)
//
// Triggers refuse UPDATE and DELETE; someone who edits the file anyway (the sqlcipher
// shell with the key) is caught by verify(): an edited, deleted, inserted or reordered
// row breaks the chain at that row, and a truncated log is caught against a head seen
// before (`expectedHead`). The head — row count and last hash — is what the keyserver
// signs and the apps remember.

#include "common/Clock.h"
#include "common/Result.h"
#include "crypto/Primitives.h"

#include <QtCore/QByteArray>
#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QString>

#include <optional>

namespace credvault::store {

class Database;

struct AuditHead {
    qint64 count = 0;
    crypto::Digest hash{}; // all zero for an empty log

    /// "COUNT:HEX"
    QString toString() const;
    static Result<AuditHead> parse(const QString &text);
    bool operator==(const AuditHead &) const = default;
};

struct AuditEvent {
    QString actor;     // "customer:UUID", "staff:NAME", "service:NAME", "system"
    QString action;    // snake_case: "code_issued", "entry_updated", …
    QString accountId; // the account it concerns, or empty
    QJsonObject details;
};

struct AuditRecord {
    qint64 seq = 0;
    QDateTime at;
    QString actor;
    QString action;
    QString accountId;
    QByteArray details; // compact JSON, as hashed
    crypto::Digest hash{};
};

struct AuditVerification {
    bool ok = false;
    qint64 rows = 0;
    AuditHead head;         // of the rows as they are
    qint64 firstBadRow = 0; // 1-based position of the first row that breaks the chain
    QString problem;        // what is wrong there (empty when ok)
};

class AuditLog {
public:
    /// The table and its append-only triggers, for the servers' schemas.
    static const char *schemaSql();

    static QByteArray canonicalBytes(const AuditRecord &record);
    static crypto::Digest chainHash(const crypto::Digest &previous, const AuditRecord &record);

    /// Appends one event; call inside the transaction that makes the change it records.
    static Result<AuditHead> append(Database &db, const AuditEvent &event, const Clock &clock = Clock::system());
    static Result<AuditHead> head(Database &db);
    /// Records in order, optionally only one account's (an account's view still verifies
    /// against the whole chain's head, see the keyserver).
    static Result<QList<AuditRecord>> records(Database &db, const QString &accountId = {}, qint64 afterSeq = 0,
                                              int limit = 1000);
    /// Walks the whole chain. With `expected`, also reports a log shorter than a head seen
    /// before, or one whose row at that count has another hash (history rewritten).
    static Result<AuditVerification> verify(Database &db, const std::optional<AuditHead> &expected = {});
};

} // namespace credvault::store
