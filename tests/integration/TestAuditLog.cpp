// The hash-chained audit log: appended rows verify; editing, deleting, reordering or
// truncating rows with the stock sqlcipher shell (as someone with the key would) is found
// by `credvault-cli audit verify`, at the right row.
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/KeySource.h"
#include "store/Migrations.h"
#include "store/Transaction.h"

#include "support/SqlcipherShell.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace credvault;
using namespace credvault::store;
using namespace Qt::Literals::StringLiterals;

namespace {
const Migration kSchema[] = {{1, "audit", AuditLog::schemaSql()}};
} // namespace

class TestAuditLog : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    SecureBuffer m_key = generateKey();
    QString m_keyFile;
    AuditHead m_headAfter10;
    int m_n = 0;

    // A fresh log with 10 rows; returns its path.
    QString makeLog()
    {
        const QString p = m_dir.filePath(u"audit-%1.db"_s.arg(++m_n));
        Result<Database> db = Database::open(p, m_key, OpenMode::ReadWriteCreate);
        if (!db || !migrate(*db, kSchema))
            qFatal("cannot make the log");
        ManualClock clock;
        for (int i = 1; i <= 10; ++i) {
            Result<Transaction> tx = Transaction::begin(*db);
            AuditEvent e{u"customer:alice"_s, i % 2 ? u"code_issued"_s : u"unlock"_s,
                         u"0f8fad5b-d9cb-469f-a165-70867728950e"_s,
                         QJsonObject{{u"n"_s, i}, {u"note"_s, u"row %1"_s.arg(i)}}};
            Result<AuditHead> h = AuditLog::append(*db, e, clock);
            if (!h || !tx->commit())
                qFatal("append failed");
            m_headAfter10 = *h;
            clock.advanceSecs(61);
        }
        return p;
    }

    test::RunResult verify(const QString &db, const QString &expectHead = {})
    {
        QStringList args{u"audit"_s, u"verify"_s, u"--db"_s, db, u"--key-file"_s, m_keyFile};
        if (!expectHead.isEmpty())
            args << u"--expect-head"_s << expectHead;
        return test::run(test::binary(u"credvault-cli"_s), args);
    }

    void shell(const QString &db, const QByteArray &sql)
    {
        const test::RunResult r = test::sqlcipherShell(db, m_key, sql);
        QVERIFY2(r.exitCode == 0 && r.err.isEmpty(), r.err.constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_keyFile = m_dir.filePath(u"db.key"_s);
        QVERIFY(writeKeyFile(m_keyFile, m_key).ok());
    }

    void canonicalEncoding()
    {
        AuditRecord r;
        r.seq = 7;
        r.at = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
        r.actor = u"staff:sam"_s;
        r.action = u"staff_unlock"_s;
        r.accountId = u"0f8fad5b-d9cb-469f-a165-70867728950e"_s;
        r.details = R"({"ticket":"T-1"})";
        const QByteArray expected = QByteArray::fromHex("00000001") + "7" + QByteArray::fromHex("00000018") +
                                    "2026-01-02T03:04:05.006Z" + QByteArray::fromHex("00000009") + "staff:sam" +
                                    QByteArray::fromHex("0000000c") + "staff_unlock" + QByteArray::fromHex("00000024") +
                                    "0f8fad5b-d9cb-469f-a165-70867728950e" + QByteArray::fromHex("00000010") +
                                    R"({"ticket":"T-1"})";
        QCOMPARE(AuditLog::canonicalBytes(r), expected);
        const crypto::Digest zero{};
        QCOMPARE(AuditLog::chainHash(zero, r), crypto::sha256({crypto::bytesView(zero), expected}));
    }

    void anIntactLogVerifies()
    {
        const QString db = makeLog();
        const test::RunResult r = verify(db);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), (u"ok: 10 rows, head "_s + m_headAfter10.toString()).toUtf8());
        QCOMPARE(verify(db, m_headAfter10.toString()).exitCode, 0);
        // A head from when the log was shorter is fine too: it only grew.
        Result<Database> d = Database::open(db, m_key, OpenMode::ReadOnly);
        const QList<AuditRecord> rows = AuditLog::records(*d).value();
        QCOMPARE(rows.size(), 10);
        AuditHead at5{5, rows[4].hash};
        QCOMPARE(verify(db, at5.toString()).exitCode, 0);
        // One account's records.
        QCOMPARE(AuditLog::records(*d, u"0f8fad5b-d9cb-469f-a165-70867728950e"_s, 3, 4).value().size(), 4);
        QCOMPARE(AuditLog::records(*d, u"another"_s).value().size(), 0);
    }

    void triggersRefuseEditsThroughSql()
    {
        const QString db = makeLog();
        Result<Database> d = Database::open(db, m_key, OpenMode::ReadWrite);
        QVERIFY(!d->exec("UPDATE audit SET actor = 'x' WHERE seq = 3").ok());
        QVERIFY(!d->exec("DELETE FROM audit WHERE seq = 10").ok());
        QCOMPARE(verify(db).exitCode, 0);
    }

    void tamperingIsFoundAtTheRightRow_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<bool>("useExpectedHead");
        QTest::addColumn<QString>("expected");
        const QByteArray dropTriggers = "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; ";
        QTest::addRow("edited actor") << dropTriggers + "UPDATE audit SET actor = 'customer:mallory' WHERE seq = 4;"
                                      << false << u"broken at row 4: row 4 does not match its hash"_s;
        QTest::addRow("edited details") << dropTriggers + "UPDATE audit SET details = '{\"n\":6}' WHERE seq = 6;"
                                        << false << u"broken at row 6:"_s;
        QTest::addRow("edited time") << dropTriggers + "UPDATE audit SET at = '2027-01-01T00:00:00.000Z' WHERE seq = 2;"
                                     << false << u"broken at row 2:"_s;
        QTest::addRow("deleted row") << dropTriggers + "DELETE FROM audit WHERE seq = 5;" << false
                                     << u"broken at row 5: row 5 is missing"_s;
        QTest::addRow("reordered rows")
            << dropTriggers + "UPDATE audit SET seq = 100 WHERE seq = 3; UPDATE audit SET seq = 3 WHERE seq = 7; "
                              "UPDATE audit SET seq = 7 WHERE seq = 100;"
            << false << u"broken at row 3:"_s;
        QTest::addRow("rehashed forgery")
            << dropTriggers + "UPDATE audit SET actor = 'x', hash = zeroblob(32) WHERE seq = 8;" << false
            << u"broken at row 8:"_s;
        QTest::addRow("truncated (seen with the head)")
            << dropTriggers + "DELETE FROM audit WHERE seq >= 9;" << true
            << u"broken at row 9: the log has 8 rows, but 10 were seen before"_s;
        QTest::addRow("history rewritten and regrown")
            << dropTriggers + "DELETE FROM audit WHERE seq = 10;" << true << u"PLACEHOLDER"_s;
    }
    void tamperingIsFoundAtTheRightRow()
    {
        QFETCH(QByteArray, sql);
        QFETCH(bool, useExpectedHead);
        QFETCH(QString, expected);
        const QString db = makeLog();
        const AuditHead seen = m_headAfter10;
        shell(db, sql);
        if (expected == u"PLACEHOLDER"_s) {
            // Replace the last row with a different, validly chained one: only a head seen
            // before can tell.
            Result<Database> d = Database::open(db, m_key, OpenMode::ReadWrite);
            QVERIFY(AuditLog::append(*d, AuditEvent{u"system"_s, u"rewritten"_s, {}, {}}).ok());
            QCOMPARE(verify(db).exitCode, 0);
            expected = u"broken at row 10: row 10 differs from the head seen before"_s;
        }
        const test::RunResult r = verify(db, useExpectedHead ? seen.toString() : QString());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.startsWith(expected.toUtf8()), r.out.constData());
    }

    void truncationNeedsAHead()
    {
        const QString db = makeLog();
        shell(db, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 10;");
        QCOMPARE(verify(db).exitCode, 0);                           // a shorter chain is still a chain…
        QCOMPARE(verify(db, m_headAfter10.toString()).exitCode, 1); // …but not the one seen
    }

    void badArguments()
    {
        const QString db = makeLog();
        test::RunResult r = verify(db, u"10:nothex"_s);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("COUNT:HASH"));
        r = test::run(test::binary(u"credvault-cli"_s),
                      {u"audit"_s, u"verify"_s, u"--db"_s, db, u"--key-file"_s, m_dir.filePath(u"wrong.key"_s)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("does not exist"));
        const QString wrongKey = m_dir.filePath(u"other.key"_s);
        QVERIFY(writeKeyFile(wrongKey, generateKey()).ok());
        r = test::run(test::binary(u"credvault-cli"_s),
                      {u"audit"_s, u"verify"_s, u"--db"_s, db, u"--key-file"_s, wrongKey});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("wrong database key"), r.err.constData());
        QCOMPARE(r.err.trimmed().split('\n').size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "TestAuditLog.moc"
