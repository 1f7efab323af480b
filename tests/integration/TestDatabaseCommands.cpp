// credvault-cli db rekey / db backup on a real server database, checked with the stock
// sqlcipher shell and credvault-cli audit verify.
#include "store/KeySource.h"
#include "store/vault/SqlCipherVaultStore.h"

#include "support/SqlcipherShell.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace credvault;
using namespace credvault::store;
using namespace Qt::Literals::StringLiterals;

class TestDatabaseCommands : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    SecureBuffer m_key = generateKey();

    QString makeVault(const QString &name)
    {
        const QString p = m_dir.filePath(name);
        auto s = SqlCipherVaultStore::open(p, m_key);
        User u;
        u.id = QUuid::createUuid();
        u.username = u"alice-"_s + name;
        u.displayName = u"Alice"_s;
        u.passwordHash = u"x"_s;
        if (!s || !(*s)->createCustomer({QUuid::createUuid(), u"Alice"_s, u"a@example.com"_s, {}, {}}, u, u"system"_s))
            qFatal("cannot make a vault");
        return p;
    }

    test::RunResult cli(const QStringList &args) { return test::run(test::binary(u"credvault-cli"_s), args); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(writeKeyFile(m_dir.filePath(u"db.key"_s), m_key).ok()); }

    void rekey()
    {
        const QString db = makeVault(u"rekey.db"_s);
        const QString newKey = m_dir.filePath(u"rekey-new.key"_s);
        const test::RunResult r = cli({u"db"_s, u"rekey"_s, u"--db"_s, db, u"--key-file"_s, m_dir.filePath(u"db.key"_s),
                                       u"--new-key-file"_s, newKey});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(QFile::exists(newKey));
        const SecureBuffer k2 = KeyFileSource(newKey).load().value();
        QVERIFY(test::sqlcipherShell(db, m_key, "SELECT count(*) FROM users;").exitCode != 0);
        QVERIFY(test::sqlcipherShell(db, k2, "SELECT count(*) FROM users;").out.contains("1"));
        QCOMPARE(cli({u"audit"_s, u"verify"_s, u"--db"_s, db, u"--key-file"_s, newKey}).exitCode, 0);
        // With the old key the command refuses and changes nothing.
        const test::RunResult again =
            cli({u"db"_s, u"rekey"_s, u"--db"_s, db, u"--key-file"_s, m_dir.filePath(u"db.key"_s), u"--new-key-file"_s,
                 m_dir.filePath(u"third.key"_s)});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("wrong database key"), again.err.constData());
        QVERIFY(test::sqlcipherShell(db, k2, "SELECT count(*) FROM users;").out.contains("1"));
    }

    void backup()
    {
        const QString db = makeVault(u"backup.db"_s);
        const QString out = m_dir.filePath(u"backup-copy.db"_s);
        const QString newKey = m_dir.filePath(u"backup.key"_s);
        const QStringList args{
            u"db"_s, u"backup"_s, u"--db"_s, db, u"--key-file"_s, m_dir.filePath(u"db.key"_s), u"--new-key-file"_s,
            newKey,  u"--out"_s,  out};
        test::RunResult r = cli(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const SecureBuffer k2 = KeyFileSource(newKey).load().value();
        QVERIFY(test::sqlcipherShell(out, k2, "SELECT username FROM users;").out.contains("alice-backup.db"));
        QVERIFY(test::sqlcipherShell(out, m_key, "SELECT count(*) FROM users;").exitCode != 0);
        QCOMPARE(cli({u"audit"_s, u"verify"_s, u"--db"_s, out, u"--key-file"_s, newKey}).exitCode, 0);
        // The original still opens with its key; the backup is never overwritten.
        QVERIFY(test::sqlcipherShell(db, m_key, "SELECT count(*) FROM users;").out.contains("1"));
        r = cli(args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("already exists"), r.err.constData());
    }

    void refusals()
    {
        const QString db = makeVault(u"refuse.db"_s);
        test::RunResult r = cli({u"db"_s, u"rekey"_s, u"--db"_s, db});
        QCOMPARE(r.exitCode, 2);
        r = cli({u"db"_s, u"rekey"_s, u"--db"_s, db, u"--key-file"_s, m_dir.filePath(u"db.key"_s), u"--new-key-file"_s,
                 m_dir.filePath(u"db.key"_s)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("the new key is the current key"));
        r = cli({u"db"_s, u"backup"_s, u"--db"_s, db, u"--key-file"_s, m_dir.filePath(u"db.key"_s), u"--new-key-file"_s,
                 m_dir.filePath(u"b2.key"_s)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--out is required"));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseCommands)
#include "TestDatabaseCommands.moc"
