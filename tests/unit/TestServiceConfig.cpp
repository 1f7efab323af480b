#include "service/ServiceConfig.h"

#include "support/TempDir.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

namespace {

ServiceSpec twoListenerSpec()
{
    ServiceSpec spec;
    spec.executable = u"test-server"_s;
    spec.listeners = {{u"public"_s, ClientCertRule::None}, {u"staff"_s, ClientCertRule::Staff}};
    spec.extraSections = {{u"mail"_s, {u"host"_s, u"port"_s}}};
    return spec;
}

const QByteArray kGood = "[server]\n"
                         "threads = 2\n"
                         "[database]\n"
                         "path = data/test.db\n"
                         "key_file = db.key\n"
                         "[listener.public]\n"
                         "address = 127.0.0.1\n"
                         "port = 8443\n"
                         "certificate = server.pem\n"
                         "private_key = server.key\n"
                         "[listener.staff]\n"
                         "address = ::1\n"
                         "port = 0\n"
                         "certificate = server.pem\n"
                         "private_key = server.key\n"
                         "client_ca = staff-ca.pem\n"
                         "crl = staff.crl\n"
                         "[mail]\n"
                         "host = localhost\n";

} // namespace

class TestServiceConfig : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString writeConfig(const QByteArray &text) { return test::writeFile(m_dir.path(), u"test.conf"_s, text); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkdir(u"data"_s));
        for (const QString &f : {u"server.pem"_s, u"server.key"_s, u"staff-ca.pem"_s, u"staff.crl"_s, u"db.key"_s})
            test::writeFile(m_dir.path(), f, "x");
    }

    void loadsAGoodConfig()
    {
        const Result<ServiceConfig> cfg = ServiceConfig::load(writeConfig(kGood), twoListenerSpec());
        QVERIFY2(cfg.ok(), cfg.ok() ? "" : qPrintable(cfg.error().message));
        QCOMPARE(cfg->threads, 2);
        QCOMPARE(cfg->databasePath, m_dir.filePath(u"data/test.db"_s));
        QCOMPARE(cfg->databaseKeyFile, m_dir.filePath(u"db.key"_s));
        QVERIFY(cfg->databaseKeyEnv.isEmpty());
        QCOMPARE(cfg->listeners.size(), 2);
        const ListenerConfig &pub = cfg->listeners.at(0);
        QCOMPARE(pub.name, u"public"_s);
        QCOMPARE(pub.address, QHostAddress(u"127.0.0.1"_s));
        QCOMPARE(pub.port, quint16(8443));
        QCOMPARE(pub.rule, ClientCertRule::None);
        QVERIFY(pub.clientCa.isEmpty());
        const ListenerConfig &staff = cfg->listeners.at(1);
        QCOMPARE(staff.address, QHostAddress(QHostAddress::LocalHostIPv6));
        QCOMPARE(staff.port, quint16(0));
        QCOMPARE(staff.rule, ClientCertRule::Staff);
        QCOMPARE(staff.clientCa, m_dir.filePath(u"staff-ca.pem"_s));
        QCOMPARE(staff.crl, m_dir.filePath(u"staff.crl"_s));
        QCOMPARE(cfg->ini.find(u"mail"_s, u"host"_s)->value, u"localhost"_s);
    }

    void keyFromEnvironment()
    {
        QByteArray text = kGood;
        text.replace("key_file = db.key", "key_env = CREDVAULT_DB_KEY");
        const Result<ServiceConfig> cfg = ServiceConfig::load(writeConfig(text), twoListenerSpec());
        QVERIFY2(cfg.ok(), cfg.ok() ? "" : qPrintable(cfg.error().message));
        QCOMPARE(cfg->databaseKeyEnv, u"CREDVAULT_DB_KEY"_s);
        QVERIFY(cfg->databaseKeyFile.isEmpty());
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("expected");
        QTest::addRow("unknown section") << QByteArray("[mail]") << QByteArray("[mial]") << u"unknown section [mial]"_s;
        QTest::addRow("unknown key")
            << QByteArray("threads = 2") << QByteArray("thread = 2")
            << u"line 2: [server] thread: unknown key (allowed here: threads, idle_timeout, max_connections)"_s;
        QTest::addRow("threads not number")
            << QByteArray("threads = 2") << QByteArray("threads = two")
            << u"line 2: [server] threads: must be a whole number from 0 to 256, not 'two'"_s;
        QTest::addRow("missing listener")
            << QByteArray("[listener.staff]") << QByteArray("[mail2]") << u"unknown section [mail2]"_s;
        QTest::addRow("bad port")
            << QByteArray("port = 8443") << QByteArray("port = 70000")
            << u"line 8: [listener.public] port: must be a whole number from 0 to 65535, not '70000'"_s;
        QTest::addRow("negative port") << QByteArray("port = 8443") << QByteArray("port = -1")
                                       << u"[listener.public] port: must be a whole number"_s;
        QTest::addRow("no port") << QByteArray("port = 8443\n") << QByteArray("")
                                 << u"[listener.public] port: missing (required)"_s;
        QTest::addRow("bad address") << QByteArray("address = 127.0.0.1") << QByteArray("address = localhost")
                                     << u"[listener.public] address: 'localhost' is not an IP address"_s;
        QTest::addRow("missing certificate")
            << QByteArray("certificate = server.pem\nprivate_key = server.key\n[listener.staff]")
            << QByteArray("certificate = nope.pem\nprivate_key = server.key\n[listener.staff]")
            << u"[listener.public] certificate: "_s;
        QTest::addRow("client_ca where none")
            << QByteArray("port = 8443\n") << QByteArray("port = 8443\nclient_ca = staff-ca.pem\n")
            << u"[listener.public] client_ca: unknown key"_s;
        QTest::addRow("missing crl") << QByteArray("crl = staff.crl\n") << QByteArray("")
                                     << u"[listener.staff] crl: missing (required)"_s;
        QTest::addRow("both keys") << QByteArray("key_file = db.key\n")
                                   << QByteArray("key_file = db.key\nkey_env = X\n")
                                   << u"give exactly one of key_file and key_env"_s;
        QTest::addRow("no key") << QByteArray("key_file = db.key\n") << QByteArray("")
                                << u"give exactly one of key_file and key_env"_s;
        QTest::addRow("db folder missing") << QByteArray("path = data/test.db") << QByteArray("path = nowhere/test.db")
                                           << u"[database] path: the folder of"_s;
        QTest::addRow("extra key") << QByteArray("host = localhost") << QByteArray("hots = localhost")
                                   << u"[mail] hots: unknown key (allowed here: host, port)"_s;
        QTest::addRow("syntax") << QByteArray("[mail]") << QByteArray("mail")
                                << u"line 18: expected 'key = value' or '[section]'"_s;
    }
    void refuses()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, expected);
        QByteArray text = kGood;
        QVERIFY(text.contains(from));
        text.replace(from, to);
        const QString path = writeConfig(text);
        const Result<ServiceConfig> cfg = ServiceConfig::load(path, twoListenerSpec());
        QVERIFY(!cfg.ok());
        QCOMPARE(cfg.error().kind, ErrorKind::Config);
        QVERIFY2(cfg.error().message.contains(expected), qPrintable(cfg.error().message));
        QVERIFY2(cfg.error().message.startsWith(path), qPrintable(cfg.error().message));
    }

    void refusesAMissingListenerSection()
    {
        ServiceSpec spec = twoListenerSpec();
        spec.listeners.append({u"services"_s, ClientCertRule::Service});
        const Result<ServiceConfig> cfg = ServiceConfig::load(writeConfig(kGood), spec);
        QVERIFY(!cfg.ok());
        QVERIFY2(
            cfg.error().message.contains(
                u"section [listener.services] is missing (test-server needs the listeners public, staff, services)"_s),
            qPrintable(cfg.error().message));
    }

    void refusesTheSamePortTwice()
    {
        QByteArray text = kGood;
        text.replace("address = ::1\nport = 0", "address = 127.0.0.1\nport = 8443");
        const Result<ServiceConfig> cfg = ServiceConfig::load(writeConfig(text), twoListenerSpec());
        QVERIFY(!cfg.ok());
        QVERIFY2(cfg.error().message.contains(u"127.0.0.1:8443 is already used by [listener.public]"_s),
                 qPrintable(cfg.error().message));
    }
};

QTEST_GUILESS_MAIN(TestServiceConfig)
#include "TestServiceConfig.moc"
