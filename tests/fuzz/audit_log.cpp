// Fuzz target: the servers' audit-chain verifier (store::AuditLog::verify, what
// `credvault-cli audit verify` runs). The input is text: the first line a head seen
// before ("COUNT:HASH", or anything else for none), then one row a line, its fields
// separated by tabs: seq, at, actor, action, account_id, details, hash (hex). The rows go
// into a fresh audit table as they are, as someone editing the database file could put
// them, and the chain is verified. Then the same rows are chained properly (numbered
// and hashed in order): if their times are in the stored form, that chain must verify.

#include "FuzzSupport.h"

#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/KeySource.h"
#include "store/Statement.h"

#include <QtCore/QList>

using namespace credvault;
using namespace credvault::store;
using namespace Qt::Literals::StringLiterals;

namespace {

Database &database()
{
    static Database db = [] {
        Result<Database> d = Database::open(fuzz::tempDir() + u"/audit.db"_s, generateKey(), OpenMode::ReadWriteCreate);
        fuzz::check(d.ok(), "the audit database opens");
        return std::move(*d);
    }();
    return db;
}

struct Row {
    qint64 seq = 0;
    QString at, actor, action, account;
    QByteArray details, hash;
};

// A fresh audit table holding `rows` (rows with a seq already taken are left out), in
// one transaction.
qint64 storeRows(Database &db, const QList<Row> &rows)
{
    fuzz::check(db.exec("BEGIN").ok(), "begin");
    fuzz::check(db.exec("DROP TABLE IF EXISTS audit").ok(), "drop");
    fuzz::check(db.exec(AuditLog::schemaSql()).ok(), "schema");
    qint64 stored = 0;
    {
        Result<Statement> ins = db.prepare("INSERT INTO audit (seq, at, actor, action, account_id, details, hash) "
                                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        fuzz::check(ins.ok(), "prepare");
        for (const Row &r : rows) {
            (void)ins->reset();
            ins->bind(1, r.seq)
                .bind(2, r.at)
                .bind(3, r.actor)
                .bind(4, r.action)
                .bind(5, r.account)
                .bind(6, QByteArrayView(r.details))
                .bind(7, QByteArrayView(r.hash));
            if (ins->run().ok())
                ++stored;
        }
    }
    fuzz::check(db.exec("COMMIT").ok(), "commit");
    return stored;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::setUp();
    fuzz::Input in(data, size);
    const QString headText = QString::fromUtf8(in.line());
    std::optional<AuditHead> expected;
    if (const Result<AuditHead> h = AuditHead::parse(headText); h) {
        const Result<AuditHead> again = AuditHead::parse(h->toString());
        fuzz::check(again && *again == *h, "a head round-trips through its text");
        expected = *h;
    }
    QList<Row> rows;
    while (!in.atEnd() && rows.size() < 64) {
        const QList<QByteArray> f = in.line().toByteArray().split('\t');
        Row r;
        r.seq = f.value(0).toLongLong();
        r.at = QString::fromUtf8(f.value(1));
        r.actor = QString::fromUtf8(f.value(2));
        r.action = QString::fromUtf8(f.value(3));
        r.account = QString::fromUtf8(f.value(4));
        r.details = f.value(5);
        r.hash = QByteArray::fromHex(f.value(6));
        rows.append(r);
    }

    Database &db = database();
    const qint64 stored = storeRows(db, rows);
    const Result<AuditVerification> v = AuditLog::verify(db, expected);
    fuzz::check(v.ok(), "verify reads the table");
    fuzz::check(v->rows == stored, "verify walks every row");
    fuzz::check(v->ok == (v->firstBadRow == 0) && v->ok == v->problem.isEmpty(), "ok means no bad row");
    const Result<AuditHead> head = AuditLog::head(db);
    fuzz::check(head.ok(), "head");
    (void)AuditLog::records(db, rows.isEmpty() ? QString() : rows.first().account);

    // The same rows, chained as append() would have: they verify if their times are
    // in the stored form (UTC, milliseconds), and the verifier's head is the last hash.
    QList<Row> chained;
    crypto::Digest previous{};
    bool timesCanonical = true;
    for (const Row &r : rows) {
        AuditRecord rec;
        rec.seq = chained.size() + 1;
        rec.at = QDateTime::fromString(r.at, Qt::ISODateWithMs);
        rec.actor = r.actor;
        rec.action = r.action;
        rec.accountId = r.account;
        rec.details = r.details;
        timesCanonical = timesCanonical && rec.at.isValid() && rec.at.toUTC().toString(Qt::ISODateWithMs) == r.at;
        previous = AuditLog::chainHash(previous, rec);
        Row c = r;
        c.seq = rec.seq;
        c.hash = crypto::bytesView(previous).toByteArray();
        chained.append(c);
    }
    fuzz::check(storeRows(db, chained) == chained.size(), "a chained log stores whole");
    const Result<AuditVerification> good = AuditLog::verify(db);
    fuzz::check(good.ok() && good->rows == chained.size(), "verify reads the chained log");
    if (timesCanonical) {
        fuzz::check(good->ok, "a properly chained log verifies");
        fuzz::check(good->head.count == chained.size() && good->head.hash == previous, "its head is the last hash");
        if (!chained.isEmpty()) {
            const AuditHead seen{chained.size(), previous};
            fuzz::check(AuditLog::verify(db, seen)->ok, "it verifies against its own head");
            const AuditHead longer{chained.size() + 1, previous};
            fuzz::check(!AuditLog::verify(db, longer)->ok, "a longer head seen before means truncation");
        }
    }
    return 0;
}
