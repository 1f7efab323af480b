// Starts every executable for real: --version and --help answer (the GUI apps without a
// display), the servers refuse bad configurations with one clear line and exit 3, and
// accept a complete one with --check-config.
#include "credvault/Version.h"

#include "support/Executables.h"
#include "support/TempDir.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kKeyserverConfig = "[keys]\n"
                                    "master_key_file = db.key\n"
                                    "redeem_key = server.key\n"
                                    "audit_key = server.key\n"
                                    "[mail]\n"
                                    "from = keys@example.net\n"
                                    "maildir = outbox\n"
                                    "[database]\n"
                                    "path = keyserver.db\n"
                                    "key_file = db.key\n"
                                    "[listener.public]\n"
                                    "address = 127.0.0.1\n"
                                    "port = 0\n"
                                    "certificate = server.pem\n"
                                    "private_key = server.key\n"
                                    "[listener.services]\n"
                                    "address = 127.0.0.1\n"
                                    "port = 0\n"
                                    "certificate = server.pem\n"
                                    "private_key = server.key\n"
                                    "client_ca = services-ca.pem\n"
                                    "crl = services.crl\n"
                                    "[listener.staff]\n"
                                    "address = 127.0.0.1\n"
                                    "port = 0\n"
                                    "certificate = server.pem\n"
                                    "private_key = server.key\n"
                                    "client_ca = staff-ca.pem\n"
                                    "crl = staff.crl\n";

const QByteArray kVaultConfig = "[server]\n"
                                "threads = 2\n"
                                "[database]\n"
                                "path = vault.db\n"
                                "key_env = CREDVAULT_TEST_DB_KEY\n"
                                "[listener.api]\n"
                                "address = 127.0.0.1\n"
                                "port = 18443\n"
                                "certificate = server.pem\n"
                                "private_key = server.key\n"
                                "[keyserver]\n"
                                "url = https://127.0.0.1:18444\n"
                                "ca = services-ca.pem\n"
                                "certificate = server.pem\n"
                                "private_key = server.key\n"
                                "[sign_in]\n"
                                "lockout = 10m\n";

} // namespace

class TestExecutables : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const QString &f : {u"server.pem"_s, u"server.key"_s, u"services-ca.pem"_s, u"services.crl"_s,
                                 u"staff-ca.pem"_s, u"staff.crl"_s, u"db.key"_s})
            test::writeFile(m_dir.path(), f, "x");
    }

    void version_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *n :
             {"credvault", "credvault-support", "credvault-server", "credvault-keyserver", "credvault-cli"})
            QTest::newRow(n) << QString::fromLatin1(n);
    }
    void version()
    {
        QFETCH(QString, name);
        const test::RunResult r = test::run(test::binary(name), {u"--version"_s});
        QVERIFY2(!r.crashed, r.err.constData());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), (name + u' ' + QString::fromLatin1(kVersion)).toUtf8());
    }

    void help_data() { version_data(); }
    void help()
    {
        QFETCH(QString, name);
        const test::RunResult r = test::run(test::binary(name), {u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Usage:"), r.out.constData());
        QVERIFY2(r.out.contains("--version"), r.out.constData());
        if (name != u"credvault-cli"_s)
            QVERIFY2(r.out.contains("--config"), r.out.constData());
    }

    void unknownOptionIsAnError_data() { version_data(); }
    void unknownOptionIsAnError()
    {
        QFETCH(QString, name);
        const test::RunResult r = test::run(test::binary(name), {u"--no-such-option"_s});
        QVERIFY(!r.crashed);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("no-such-option"), r.err.constData());
    }

    void cliRefusesUnknownCommands()
    {
        test::RunResult r = test::run(test::binary(u"credvault-cli"_s), {u"frobnicate"_s});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.trimmed(), QByteArray("credvault-cli: unknown command 'frobnicate' (see --help)"));
        r = test::run(test::binary(u"credvault-cli"_s), {});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("no command given"));
    }

    void desktopAppRefusesAMissingConfig_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("customer") << u"credvault"_s;
        QTest::newRow("support") << u"credvault-support"_s;
    }
    void desktopAppRefusesAMissingConfig()
    {
        QFETCH(QString, name);
        const test::RunResult r = test::run(test::binary(name), {u"--config"_s, m_dir.filePath(u"absent.conf"_s)});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("cannot read the configuration"), r.err.constData());
    }

    void serverAcceptsAGoodConfig_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QStringList>("listeners");
        QTest::newRow("keyserver") << u"credvault-keyserver"_s << kKeyserverConfig
                                   << QStringList{u"public"_s, u"services"_s, u"staff"_s};
        QTest::newRow("vault") << u"credvault-server"_s << kVaultConfig << QStringList{u"api"_s};
    }
    void serverAcceptsAGoodConfig()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, config);
        QFETCH(QStringList, listeners);
        const QString path = test::writeFile(m_dir.path(), name + u".conf"_s, config);
        const test::RunResult r = test::run(test::binary(name), {u"--config"_s, path, u"--check-config"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("is valid"));
        for (const QString &l : listeners)
            QVERIFY2(r.out.contains((u"listener "_s + l + u": 127.0.0.1:"_s).toUtf8()), r.out.constData());
    }

    void serverRefusesBadConfigs_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("expected");
        const QString ks = u"credvault-keyserver"_s;
        const QString vs = u"credvault-server"_s;
        QByteArray noStaff = kKeyserverConfig.left(kKeyserverConfig.indexOf("[listener.staff]"));
        QTest::newRow("keyserver without staff listener") << ks << noStaff << u"section [listener.staff] is missing"_s;
        QTest::newRow("keyserver given the vault config") << ks << kVaultConfig << u"unknown section [listener.api]"_s;
        QTest::newRow("vault given the keyserver config") << vs << kKeyserverConfig << u"unknown section [keys]"_s;
        QByteArray badPort = kVaultConfig;
        badPort.replace("port = 18443", "port = https");
        QTest::newRow("vault bad port")
            << vs << badPort << u"line 8: [listener.api] port: must be a whole number from 0 to 65535, not 'https'"_s;
        QByteArray noCert = kVaultConfig;
        noCert.replace("certificate = server.pem", "certificate = missing.pem");
        QTest::newRow("vault missing certificate") << vs << noCert << u"missing.pem does not exist"_s;
        QByteArray badUrl = kVaultConfig;
        badUrl.replace("url = https://127.0.0.1:18444", "url = http://127.0.0.1:18444");
        QTest::newRow("vault keyserver url not https")
            << vs << badUrl << u"line 12: [keyserver] url: an https://HOST:PORT address"_s;
        QByteArray noKeyserver = kVaultConfig.left(kVaultConfig.indexOf("[keyserver]"));
        QTest::newRow("vault without keyserver") << vs << noKeyserver << u"[keyserver] url: missing (required)"_s;
        QByteArray badLockout = kVaultConfig;
        badLockout.replace("lockout = 10m", "lockout = soon");
        QTest::newRow("vault bad lockout")
            << vs << badLockout << u"line 17: [sign_in] lockout: a duration such as 90s"_s;
        QTest::newRow("not ini") << vs << QByteArray("<xml/>\n") << u"line 1: expected 'key = value' or '[section]'"_s;
        QTest::newRow("empty") << ks << QByteArray() << u"[database] path: missing (required)"_s;
    }
    void serverRefusesBadConfigs()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, config);
        QFETCH(QString, expected);
        const QString path = test::writeFile(m_dir.path(), u"bad.conf"_s, config);
        for (const QStringList &args :
             {QStringList{u"--config"_s, path}, QStringList{u"--config"_s, path, u"--check-config"_s}}) {
            const test::RunResult r = test::run(test::binary(name), args);
            QVERIFY(!r.crashed);
            QCOMPARE(r.exitCode, 3);
            const QList<QByteArray> lines = r.err.trimmed().split('\n');
            QCOMPARE(lines.size(), 1); // one clear line
            QVERIFY2(lines.first().startsWith((name + u": "_s + path).toUtf8()), r.err.constData());
            QVERIFY2(lines.first().contains(expected.toUtf8()), r.err.constData());
            QVERIFY(r.out.isEmpty());
        }
    }

    void serverRefusesAMissingFileAndNoConfig()
    {
        test::RunResult r =
            test::run(test::binary(u"credvault-server"_s), {u"--config"_s, m_dir.filePath(u"nope.conf"_s)});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.trimmed().endsWith("nope.conf: no such file"), r.err.constData());
        r = test::run(test::binary(u"credvault-keyserver"_s), {});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--config <file> is required"));
    }
};

QTEST_GUILESS_MAIN(TestExecutables)
#include "TestExecutables.moc"
