// A child process writes 10,000 entries, each in its own transaction, and is killed with
// SIGKILL at 20 random moments. After each kill, every write it reported committed is
// there, nothing is there twice, and PRAGMA integrity_check says ok.
#include "store/KeySource.h"
#include "store/Statement.h"
#include "store/vault/SqlCipherVaultStore.h"

#include "support/Executables.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <csignal>

using namespace credvault;
using namespace credvault::store;
using namespace Qt::Literals::StringLiterals;

namespace {
const QUuid kAccount(u"0f8fad5b-d9cb-469f-a165-70867728950e"_s);
constexpr long kTotal = 10000;
constexpr int kKills = 20;
} // namespace

class TestCrashSafety : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void killedWritersLoseNothingAcknowledged()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"crash.db"_s);
        const QString keyFile = dir.filePath(u"db.key"_s);
        const SecureBuffer key = generateKey();
        QVERIFY(writeKeyFile(keyFile, key).ok());
        QRandomGenerator rng(QRandomGenerator::global()->generate());

        long next = 0;      // the first entry not known to be there
        long reported = -1; // the highest entry the writer said was committed
        int kills = 0;
        QElapsedTimer total;
        total.start();
        while (next < kTotal) {
            QProcess writer;
            writer.start(test::binary(u"credvault-test-store-writer"_s),
                         {db, keyFile, QString::number(next), QString::number(kTotal - next)});
            QVERIFY(writer.waitForStarted());
            if (kills < kKills) {
                // Let it run a random while, reading what it reports, then kill it hard.
                const int runMs = rng.bounded(40, 400);
                QElapsedTimer t;
                t.start();
                while (t.elapsed() < runMs && writer.state() == QProcess::Running)
                    writer.waitForReadyRead(10);
                ::kill(pid_t(writer.processId()), SIGKILL);
                ++kills;
            }
            QVERIFY(writer.waitForFinished(600000));
            const QList<QByteArray> lines = writer.readAllStandardOutput().split('\n');
            for (const QByteArray &l : lines) {
                if (l.startsWith("committed "))
                    reported = std::max(reported, l.mid(10).toLong());
            }
            if (kills <= kKills && writer.exitStatus() == QProcess::NormalExit)
                QVERIFY2(writer.exitCode() == 0, writer.readAllStandardError().constData());

            // Check the database as it was left.
            Result<std::unique_ptr<SqlCipherVaultStore>> s = SqlCipherVaultStore::open(db, key);
            QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
            QCOMPARE((*s)->database().integrityCheck().value(), u"ok"_s);
            Result<Statement> q = (*s)->database().prepare("SELECT count(*), count(DISTINCT id) FROM entries");
            QVERIFY(q->step().value());
            const long present = long(q->integer(0));
            QCOMPARE(long(q->integer(1)), present); // nothing twice
            // Every acknowledged write is there (and entries 0 … present-1 are exactly them,
            // at most one more having committed unreported before the kill).
            QVERIFY2(present >= reported + 1,
                     qPrintable(u"reported %1 committed, %2 present"_s.arg(reported + 1).arg(present)));
            QVERIFY(present <= reported + 2);
            for (long n : {reported, present - 1}) {
                if (n >= 0)
                    QVERIFY((*s)->entry(QUuid::createUuidV5(kAccount, QString::number(n))).value().has_value());
            }
            next = present;
        }
        QCOMPARE(kills, kKills);
        QCOMPARE(next, kTotal);
        qInfo("%d kills, %ld entries, %lld ms", kills, next, total.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "TestCrashSafety.moc"
