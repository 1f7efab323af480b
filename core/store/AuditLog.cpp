#include "store/AuditLog.h"

#include "store/Database.h"
#include "store/Queries.h"
#include "store/Statement.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QtEndian>

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace credvault::store {

namespace {

void appendField(QByteArray &out, QByteArrayView field)
{
    const quint32 len = qToBigEndian(quint32(field.size()));
    out.append(reinterpret_cast<const char *>(&len), 4);
    out.append(field);
}

QString rfc3339(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString hex(const crypto::Digest &d)
{
    return QString::fromLatin1(crypto::bytesView(d).toByteArray().toHex());
}

crypto::Digest digestFrom(const QByteArray &bytes)
{
    crypto::Digest d{};
    if (bytes.size() == qsizetype(d.size()))
        std::memcpy(d.data(), bytes.constData(), d.size());
    return d;
}

AuditRecord readRecord(const Statement &s)
{
    AuditRecord r;
    r.seq = s.integer(0);
    r.at = QDateTime::fromString(s.text(1), Qt::ISODateWithMs);
    r.actor = s.text(2);
    r.action = s.text(3);
    r.accountId = s.text(4);
    r.details = s.blob(5);
    r.hash = digestFrom(s.blob(6));
    return r;
}

// The stored text of `at` is what was hashed; re-render it the same way.
QByteArray atBytes(const AuditRecord &r)
{
    return rfc3339(r.at).toUtf8();
}

} // namespace

QString AuditHead::toString() const
{
    return u"%1:%2"_s.arg(count).arg(hex(hash));
}

Result<AuditHead> AuditHead::parse(const QString &text)
{
    const qsizetype colon = text.indexOf(u':');
    bool ok = false;
    const qint64 count = colon > 0 ? text.left(colon).toLongLong(&ok) : 0;
    const QByteArray h = QByteArray::fromHex(text.mid(colon + 1).toLatin1());
    if (!ok || count < 0 || text.size() - colon - 1 != 64 || h.size() != 32)
        return fail(ErrorKind::InvalidInput, u"a head is COUNT:HASH (a row count, a colon, 64 hex digits)"_s,
                    u"bad_head"_s);
    AuditHead head;
    head.count = count;
    head.hash = digestFrom(h);
    return head;
}

const char *AuditLog::schemaSql()
{
    return R"sql(
        CREATE TABLE audit (
            seq        INTEGER PRIMARY KEY,
            at         TEXT NOT NULL,
            actor      TEXT NOT NULL,
            action     TEXT NOT NULL,
            account_id TEXT NOT NULL,
            details    BLOB NOT NULL,
            hash       BLOB NOT NULL
        );
        CREATE INDEX audit_account ON audit (account_id, seq);
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    )sql";
}

QByteArray AuditLog::canonicalBytes(const AuditRecord &r)
{
    QByteArray out;
    appendField(out, QByteArray::number(r.seq));
    appendField(out, atBytes(r));
    appendField(out, r.actor.toUtf8());
    appendField(out, r.action.toUtf8());
    appendField(out, r.accountId.toUtf8());
    appendField(out, r.details);
    return out;
}

crypto::Digest AuditLog::chainHash(const crypto::Digest &previous, const AuditRecord &record)
{
    return crypto::sha256({crypto::bytesView(previous), canonicalBytes(record)});
}

Result<AuditHead> AuditLog::head(Database &db)
{
    Result<Statement> s = db.prepare("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
    if (!s)
        return fail(s.error());
    Result<bool> row = s->step();
    if (!row)
        return fail(row.error());
    AuditHead h;
    if (*row) {
        h.count = s->integer(0);
        h.hash = digestFrom(s->blob(1));
    }
    return h;
}

Result<AuditHead> AuditLog::append(Database &db, const AuditEvent &event, const Clock &clock)
{
    Result<AuditHead> last = head(db);
    if (!last)
        return fail(last.error());
    AuditRecord r;
    r.seq = last->count + 1;
    // Millisecond precision, so the stored text round-trips exactly.
    r.at = QDateTime::fromString(rfc3339(clock.nowUtc()), Qt::ISODateWithMs);
    r.actor = event.actor;
    r.action = event.action;
    r.accountId = event.accountId;
    r.details = QJsonDocument(event.details).toJson(QJsonDocument::Compact);
    r.hash = chainHash(last->hash, r);
    Result<Statement> ins = db.prepare(
        "INSERT INTO audit (seq, at, actor, action, account_id, details, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!ins)
        return fail(ins.error());
    ins->bind(1, r.seq)
        .bind(2, rfc3339(r.at))
        .bind(3, r.actor)
        .bind(4, r.action)
        .bind(5, r.accountId)
        .bind(6, QByteArrayView(r.details))
        .bind(7, crypto::bytesView(r.hash));
    if (Result<void> done = ins->run(); !done)
        return fail(done.error());
    return AuditHead{r.seq, r.hash};
}

Result<QList<AuditRecord>> AuditLog::records(Database &db, const QString &accountId, qint64 afterSeq, int limit)
{
    return queryAll<AuditRecord>(
        db,
        accountId.isEmpty() ? "SELECT seq, at, actor, action, account_id, details, hash FROM audit "
                              "WHERE seq > ?1 ORDER BY seq LIMIT ?2"
                            : "SELECT seq, at, actor, action, account_id, details, hash FROM audit "
                              "WHERE seq > ?1 AND account_id = ?3 ORDER BY seq LIMIT ?2",
        [&](Statement &s) {
            s.bind(1, afterSeq).bind(2, qint64(limit));
            if (!accountId.isEmpty())
                s.bind(3, accountId);
        },
        readRecord);
}

Result<AuditVerification> AuditLog::verify(Database &db, const std::optional<AuditHead> &expected)
{
    Result<Statement> s =
        db.prepare("SELECT seq, at, actor, action, account_id, details, hash FROM audit ORDER BY seq");
    if (!s)
        return fail(s.error());
    AuditVerification v;
    crypto::Digest previous{};
    std::optional<crypto::Digest> hashAtExpected;
    while (true) {
        Result<bool> row = s->step();
        if (!row)
            return fail(row.error());
        if (!*row)
            break;
        const qint64 position = v.rows + 1;
        AuditRecord r = readRecord(*s);
        if (v.firstBadRow == 0) {
            QString problem;
            if (r.seq != position)
                problem = r.seq > position
                              ? u"row %1 is missing (the next row is numbered %2)"_s.arg(position).arg(r.seq)
                              : u"row numbered %1 stands where row %2 should"_s.arg(r.seq).arg(position);
            else if (!r.at.isValid() || rfc3339(r.at) != s->text(1))
                problem = u"row %1 has a malformed time"_s.arg(position);
            else if (chainHash(previous, r) != r.hash)
                problem = u"row %1 does not match its hash: it was changed, or an earlier row was"_s.arg(position);
            if (!problem.isEmpty()) {
                v.firstBadRow = position;
                v.problem = problem;
            }
        }
        previous = r.hash;
        ++v.rows;
        if (expected && v.rows == expected->count)
            hashAtExpected = r.hash;
    }
    v.head.count = v.rows;
    v.head.hash = previous;
    if (v.firstBadRow == 0 && expected) {
        if (v.rows < expected->count) {
            v.firstBadRow = v.rows + 1;
            v.problem =
                u"the log has %1 rows, but %2 were seen before: it was truncated"_s.arg(v.rows).arg(expected->count);
        } else if (expected->count > 0 && hashAtExpected != expected->hash) {
            v.firstBadRow = expected->count;
            v.problem = u"row %1 differs from the head seen before: the history was rewritten"_s.arg(expected->count);
        }
    }
    v.ok = v.firstBadRow == 0;
    return v;
}

} // namespace credvault::store
