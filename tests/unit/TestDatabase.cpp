// The SQLCipher store layer against real files, the stock sqlcipher shell and real
// failures: wrong keys, files that are not databases, truncation, read-only folders and a
// full disk (a file size limit on this very process).
#include "store/Database.h"
#include "store/KeySource.h"
#include "store/Migrations.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include "support/SqlcipherShell.h"
#include "support/TempDir.h"

#include <QtCore/QDir>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <csignal>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace credvault;
using namespace credvault::store;
using namespace Qt::Literals::StringLiterals;

namespace {

const Migration kSchema[] = {
    {1, "items", "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, payload BLOB NOT NULL)"},
    {2, "item tags", "ALTER TABLE items ADD COLUMN tag TEXT NOT NULL DEFAULT ''"},
};

Result<void> insert(Database &db, const QString &name, const QByteArray &payload)
{
    Result<Transaction> tx = Transaction::begin(db);
    if (!tx)
        return fail(tx.error());
    Result<Statement> s = db.prepare("INSERT INTO items (name, payload) VALUES (?1, ?2)");
    if (!s)
        return fail(s.error());
    s->bind(1, name).bind(2, QByteArrayView(payload));
    if (Result<void> r = s->run(); !r)
        return r;
    return tx->commit();
}

qint64 count(Database &db)
{
    Result<Statement> s = db.prepare("SELECT count(*) FROM items");
    return s && s->step().valueOr(false) ? s->integer(0) : -1;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Captures what this process writes to stderr while `fn` runs.
template<typename Fn> QByteArray capturedStderr(Fn fn)
{
    fflush(stderr);
    char name[] = "/tmp/credvault-stderr.XXXXXX";
    const int tmp = mkstemp(name);
    const int saved = dup(STDERR_FILENO);
    dup2(tmp, STDERR_FILENO);
    fn();
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    close(tmp);
    const QByteArray out = fileBytes(QString::fromLocal8Bit(name));
    unlink(name);
    return out;
}

} // namespace

class TestDatabase : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    SecureBuffer m_key = generateKey();

    QString path(const QString &name) const { return m_dir.filePath(name); }

    Database create(const QString &name)
    {
        Result<Database> db = Database::open(path(name), m_key, OpenMode::ReadWriteCreate);
        if (!db)
            qFatal("%s", qPrintable(db.error().message));
        if (!migrate(*db, kSchema))
            qFatal("migration failed");
        return std::move(*db);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A write past RLIMIT_FSIZE must fail with EFBIG, not kill the process.
        std::signal(SIGXFSZ, SIG_IGN);
    }

    void roundTripAndSettings()
    {
        {
            Database db = create(u"basic.db"_s);
            QVERIFY(insert(db, u"web1"_s, "s3cret-payload-AAAA").ok());
            Result<Statement> s = db.prepare("PRAGMA journal_mode");
            QVERIFY(s && s->step().value());
            QCOMPARE(s->text(0), u"wal"_s);
            s = db.prepare("PRAGMA foreign_keys");
            QVERIFY(s && s->step().value());
            QCOMPARE(s->integer(0), 1);
            s = db.prepare("PRAGMA cipher_version");
            QVERIFY(s && s->step().value());
            QVERIFY2(s->text(0).startsWith(u"4."_s), qPrintable(s->text(0)));
            QCOMPARE(db.userVersion().value(), 2);
            // The database and its WAL are the owner's alone.
            for (const QString &f : {path(u"basic.db"_s), path(u"basic.db-wal"_s)}) {
                QVERIFY2(QFile::exists(f), qPrintable(f));
                QCOMPARE(QFile::permissions(f) & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                                  QFileDevice::WriteGroup | QFileDevice::WriteOther),
                         QFileDevice::Permissions());
            }
        }
        Result<Database> again = Database::open(path(u"basic.db"_s), m_key, OpenMode::ReadWrite);
        QVERIFY(again.ok());
        QCOMPARE(count(*again), 1);
    }

    void stockShellNeedsTheKey()
    {
        {
            Database db = create(u"shell.db"_s);
            QVERIFY(insert(db, u"db-host-prod"_s, "hunter2-secret-value").ok());
        }
        const QString file = path(u"shell.db"_s);
        test::RunResult withKey = test::sqlcipherShell(file, m_key, ".tables\nSELECT name FROM items;");
        QCOMPARE(withKey.exitCode, 0);
        QVERIFY2(withKey.out.contains("items"), withKey.out.constData());
        QVERIFY(withKey.out.contains("db-host-prod"));

        test::RunResult noKey = test::sqlcipherShell(file, {}, "SELECT name FROM items;");
        QVERIFY(noKey.exitCode != 0);
        QVERIFY(noKey.err.contains("file is not a database"));
        QVERIFY(!noKey.out.contains("db-host-prod"));

        test::RunResult wrongKey = test::sqlcipherShell(file, generateKey(), "SELECT name FROM items;");
        QVERIFY(wrongKey.exitCode != 0);
        QVERIFY(!wrongKey.out.contains("db-host-prod"));

        // Nothing written is visible in the files on disk.
        for (const QString &f : QDir(m_dir.path()).entryList({u"shell.db*"_s})) {
            const QByteArray bytes = fileBytes(path(f));
            QVERIFY(!bytes.contains("hunter2"));
            QVERIFY(!bytes.contains("db-host-prod"));
            QVERIFY(!bytes.contains("CREATE TABLE"));
        }
    }

    void wrongKeyIsOneClearErrorAndChangesNothing()
    {
        {
            create(u"keyed.db"_s);
        }
        const QByteArray before = fileBytes(path(u"keyed.db"_s));
        Result<Database> db = Database::open(path(u"keyed.db"_s), generateKey(), OpenMode::ReadWrite);
        QByteArray err;
        err = capturedStderr([&] { db = Database::open(path(u"keyed.db"_s), generateKey(), OpenMode::ReadWrite); });
        QVERIFY(!db.ok());
        QCOMPARE(db.error().kind, ErrorKind::WrongKey);
        QCOMPARE(db.error().code, u"wrong_key"_s);
        QVERIFY2(db.error().message.contains(u"wrong database key, or not a CredVault database"_s),
                 qPrintable(db.error().message));
        QVERIFY2(db.error().message.startsWith(path(u"keyed.db"_s)), qPrintable(db.error().message));
        QVERIFY2(err.isEmpty(), err.constData()); // SQLCipher's own logging is off
        QCOMPARE(fileBytes(path(u"keyed.db"_s)), before);
        // A key of the wrong size is refused before anything is read.
        Result<Database> shortKey = Database::open(path(u"keyed.db"_s), SecureBuffer(16), OpenMode::ReadWrite);
        QCOMPARE(shortKey.error().code, u"bad_key"_s);
        // The right key still works.
        QVERIFY(Database::open(path(u"keyed.db"_s), m_key, OpenMode::ReadWrite).ok());
    }

    void notADatabase_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addRow("text") << QByteArray("just some text, not a database\n").repeated(200);
        QTest::addRow("random") << generateKey().view().toByteArray().repeated(512);
        QTest::addRow("tiny") << QByteArray("x");
    }
    void notADatabase()
    {
        QFETCH(QByteArray, content);
        const QString p = test::writeFile(m_dir.path(), u"notadb"_s, content);
        Result<Database> db = Database::open(p, m_key, OpenMode::ReadWrite);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, u"wrong_key"_s);
        QCOMPARE(fileBytes(p), content);
    }

    void truncatedFile()
    {
        {
            Database db = create(u"big.db"_s);
            for (int i = 0; i < 200; ++i)
                QVERIFY(insert(db, u"item %1"_s.arg(i), QByteArray(2000, char('a' + i % 26))).ok());
            QVERIFY(db.exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
        }
        const QByteArray whole = fileBytes(path(u"big.db"_s));
        QVERIFY(whole.size() > 100 * 1024);
        const QString cut = test::writeFile(m_dir.path(), u"cut.db"_s, whole.left(whole.size() / 2));
        Result<Database> db = Database::open(cut, m_key, OpenMode::ReadWrite);
        if (db) {
            // Page 1 reads; the rest is gone: reading all of it, or checking it, says so.
            Result<QString> check = db->integrityCheck();
            const bool reported = !check.ok() || *check != u"ok"_s;
            QVERIFY2(reported, "a truncated database passed the integrity check");
            Result<Statement> s = db->prepare("SELECT sum(length(payload)) FROM items");
            QVERIFY(s.ok());
            Result<bool> row = s->step();
            QVERIFY(!row.ok());
            QVERIFY2(row.error().code == u"corrupt"_s || row.error().code == u"io"_s, qPrintable(row.error().code));
        } else {
            QVERIFY(!db.error().message.isEmpty());
        }
        // The original is untouched and whole.
        Result<Database> original = Database::open(path(u"big.db"_s), m_key, OpenMode::ReadOnly);
        QVERIFY(original.ok());
        QCOMPARE(original->integrityCheck().value(), u"ok"_s);
        QCOMPARE(count(*original), 200);
    }

    void readOnlyFolder()
    {
        const QString dir = path(u"ro"_s);
        QVERIFY(QDir().mkpath(dir));
        if (geteuid() == 0) {
            // Root writes anywhere; make the folder a read-only mount in a private mount
            // namespace of this process.
            if (unshare(CLONE_NEWNS) != 0 || mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
                mount("tmpfs", QFile::encodeName(dir).constData(), "tmpfs", 0, "size=1m") != 0)
                QSKIP("running as root without the right to mount a read-only folder");
        }
        {
            Result<Database> made = Database::open(dir + u"/ro.db"_s, m_key, OpenMode::ReadWriteCreate);
            QVERIFY(made.ok());
            QVERIFY(migrate(*made, kSchema).ok());
            QVERIFY(insert(*made, u"x"_s, "y").ok());
        }
        if (geteuid() == 0)
            QCOMPARE(mount(nullptr, QFile::encodeName(dir).constData(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr), 0);
        else
            QVERIFY(QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        // A new database cannot be made there…
        Result<Database> fresh = Database::open(dir + u"/new.db"_s, m_key, OpenMode::ReadWriteCreate);
        QVERIFY(!fresh.ok());
        QCOMPARE(fresh.error().code, u"readonly"_s);
        QVERIFY(!QFile::exists(dir + u"/new.db"_s));
        // …and writing the existing one fails clearly, leaving it as it was.
        Result<Database> db = Database::open(dir + u"/ro.db"_s, m_key, OpenMode::ReadWrite);
        if (db) {
            Result<void> w = insert(*db, u"more"_s, "data");
            QVERIFY(!w.ok());
            QVERIFY2(w.error().code == u"readonly"_s || w.error().code == u"io"_s, qPrintable(w.error().message));
        } else {
            QVERIFY2(db.error().code == u"readonly"_s || db.error().code == u"io"_s, qPrintable(db.error().message));
        }
        if (geteuid() == 0)
            umount2(QFile::encodeName(dir).constData(), MNT_DETACH);
        else
            QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    void fullDiskIsAClearErrorAndRecovers()
    {
        Database db = create(u"full.db"_s);
        QVERIFY(insert(db, u"before"_s, QByteArray(1000, 'b')).ok());
        QVERIFY(db.exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
        // Allow this process's files to grow by only ~64 KiB more.
        rlimit old{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        const QFileInfo fi(path(u"full.db"_s));
        rlimit tight = old;
        tight.rlim_cur = rlim_t(fi.size() + 64 * 1024);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &tight), 0);
        int written = 0;
        Result<void> r;
        for (int i = 0; i < 1000 && (r = insert(db, u"row %1"_s.arg(i), QByteArray(4000, 'f'))).ok(); ++i)
            ++written;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &old), 0);
        QVERIFY2(!r.ok(), "the size limit was never reached");
        QCOMPARE(r.error().code, u"full"_s);
        QVERIFY2(r.error().message.contains(u"full"_s), qPrintable(r.error().message));
        // Nothing lost, nothing damaged: every committed row is there.
        QCOMPARE(count(db), qint64(1 + written));
        QCOMPARE(db.integrityCheck().value(), u"ok"_s);
        // With space back, writing works again.
        QVERIFY(insert(db, u"after"_s, QByteArray(4000, 'a')).ok());
        QCOMPARE(count(db), qint64(2 + written));
        Result<Database> reopened = Database::open(path(u"full.db"_s), m_key, OpenMode::ReadWrite);
        QVERIFY(reopened.ok());
        QCOMPARE(reopened->integrityCheck().value(), u"ok"_s);
    }

    void transactionsRollBack()
    {
        Database db = create(u"tx.db"_s);
        {
            Result<Transaction> tx = Transaction::begin(db);
            QVERIFY(tx.ok());
            Result<Statement> s = db.prepare("INSERT INTO items (name, payload) VALUES ('gone', x'00')");
            QVERIFY(s->run().ok());
        } // no commit
        QCOMPARE(count(db), 0);
        QVERIFY(insert(db, u"dup"_s, "1").ok());
        Result<void> dup = insert(db, u"dup"_s, "2");
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().code, u"constraint"_s);
        QCOMPARE(dup.error().kind, ErrorKind::Conflict);
        QCOMPARE(count(db), 1);
    }

    void migrations()
    {
        // From every earlier version (0 and 1), with data written at that version.
        for (int from : {0, 1}) {
            const QString name = u"migrate-from-%1.db"_s.arg(from);
            Result<Database> db = Database::open(path(name), m_key, OpenMode::ReadWriteCreate);
            QVERIFY(db.ok());
            QCOMPARE(migrate(*db, kSchema, from).value(), from);
            QCOMPARE(db->userVersion().value(), from);
            if (from == 1)
                QVERIFY(insert(*db, u"old row"_s, "kept").ok());
            QCOMPARE(migrate(*db, kSchema).value(), 2);
            QCOMPARE(db->userVersion().value(), 2);
            Result<Statement> s = db->prepare("SELECT count(*), coalesce(max(tag), '') FROM items");
            QVERIFY(s->step().value());
            QCOMPARE(s->integer(0), from == 1 ? 1 : 0);
            // Running again does nothing.
            QCOMPARE(migrate(*db, kSchema).value(), 2);
        }
        // A database from a newer CredVault is refused and left alone.
        Database db = create(u"newer.db"_s);
        QVERIFY(db.setUserVersion(7).ok());
        Result<int> r = migrate(db, kSchema);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"newer_schema"_s);
        QCOMPARE(db.userVersion().value(), 7);
        // A failing step leaves the database at the last whole version.
        const Migration broken[] = {
            kSchema[0], kSchema[1], {3, "broken", "CREATE TABLE x (a); SELECT no_such_function()"}};
        Database db2 = create(u"broken.db"_s);
        QVERIFY(!migrate(db2, broken).ok());
        QCOMPARE(db2.userVersion().value(), 2);
        Result<Statement> s = db2.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'x'");
        QVERIFY(s->step().value());
        QCOMPARE(s->integer(0), 0);
    }

    void rekeyIsAtomic()
    {
        {
            Database db = create(u"rekey.db"_s);
            QVERIFY(insert(db, u"kept"_s, "value").ok());
            const SecureBuffer newKey = SecureBuffer::copyOf(QByteArray(32, 'n'));
            QVERIFY(db.rekey(newKey).ok());
            QVERIFY(insert(db, u"after rekey"_s, "value").ok());
        }
        QCOMPARE(Database::open(path(u"rekey.db"_s), m_key, OpenMode::ReadWrite).error().code, u"wrong_key"_s);
        Result<Database> db =
            Database::open(path(u"rekey.db"_s), SecureBuffer::copyOf(QByteArray(32, 'n')), OpenMode::ReadWrite);
        QVERIFY(db.ok());
        QCOMPARE(count(*db), 2);
        QCOMPARE(db->integrityCheck().value(), u"ok"_s);
    }

    void backupUnderANewKey()
    {
        Database db = create(u"source.db"_s);
        for (int i = 0; i < 50; ++i)
            QVERIFY(insert(db, u"row %1"_s.arg(i), QByteArray(300, 'r')).ok());
        const SecureBuffer backupKey = generateKey();
        QVERIFY(db.backupTo(path(u"backup.db"_s), backupKey).ok());
        // The source still works; the backup opens only with its own key.
        QVERIFY(insert(db, u"after backup"_s, "x").ok());
        QCOMPARE(Database::open(path(u"backup.db"_s), m_key, OpenMode::ReadOnly).error().code, u"wrong_key"_s);
        Result<Database> b = Database::open(path(u"backup.db"_s), backupKey, OpenMode::ReadWrite);
        QVERIFY(b.ok());
        QCOMPARE(count(*b), 50);
        QCOMPARE(b->userVersion().value(), 2);
        QCOMPARE(b->integrityCheck().value(), u"ok"_s);
        QVERIFY(
            test::sqlcipherShell(path(u"backup.db"_s), backupKey, "SELECT count(*) FROM items;").out.contains("50"));
        // Never over an existing file.
        Result<void> again = db.backupTo(path(u"backup.db"_s), backupKey);
        QCOMPARE(again.error().code, u"exists"_s);
    }

    void missingDatabase()
    {
        Result<Database> db = Database::open(path(u"absent.db"_s), m_key, OpenMode::ReadWrite);
        QCOMPARE(db.error().code, u"not_found"_s);
        QVERIFY(!QFile::exists(path(u"absent.db"_s)));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
