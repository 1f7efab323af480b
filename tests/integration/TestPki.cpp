// credvault-cli pki, run for real; every output checked with the openssl CLI.
#include "support/Executables.h"

#include <QtCore/QDateTime>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

class TestPki : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_dir;

    test::RunResult cli(QStringList args)
    {
        args.insert(2, u"--dir"_s);
        args.insert(3, m_dir);
        return test::run(test::binary(u"credvault-cli"_s), args);
    }
    test::RunResult openssl(const QStringList &args) { return test::run(u"openssl"_s, args); }
    QString f(const QString &name) const { return m_dir + u'/' + name; }
    bool verifies(const QString &cert, const QString &ca, bool crl)
    {
        QStringList args{u"verify"_s, u"-CAfile"_s, f(u"root.pem"_s), u"-untrusted"_s, f(ca + u".pem"_s)};
        if (crl)
            args << u"-crl_check"_s << u"-CRLfile"_s << f(ca + u".crl"_s);
        args << cert;
        return openssl(args).exitCode == 0;
    }
    int daysLeft(const QString &cert)
    {
        const QByteArray out = openssl({u"x509"_s, u"-in"_s, cert, u"-noout"_s, u"-enddate"_s}).out.trimmed();
        const QString date = QString::fromLatin1(out.mid(out.indexOf('=') + 1)).simplified();
        const QDateTime end = QDateTime::fromString(date.left(date.size() - 4), u"MMM d HH:mm:ss yyyy"_s);
        return int(QDateTime::currentDateTimeUtc().daysTo(end));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_dir = m_tmp.filePath(u"pki"_s);
        const test::RunResult r = cli({u"pki"_s, u"init"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void caFilesAndLifetimes()
    {
        for (const QString &name : {u"root"_s, u"services-ca"_s, u"staff-ca"_s}) {
            QVERIFY(QFile::exists(f(name + u".pem"_s)));
            QCOMPARE(QFile::permissions(f(name + u".key"_s)) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                     QFileDevice::Permissions());
        }
        QVERIFY(qAbs(daysLeft(f(u"root.pem"_s)) - 3650) <= 1);
        QVERIFY(qAbs(daysLeft(f(u"services-ca.pem"_s)) - 1825) <= 1);
        QVERIFY(openssl({u"verify"_s, u"-CAfile"_s, f(u"root.pem"_s), f(u"staff-ca.pem"_s)}).exitCode == 0);
        // The CRLs exist and verify against their CAs.
        QCOMPARE(openssl({u"crl"_s, u"-in"_s, f(u"staff-ca.crl"_s), u"-noout"_s, u"-CAfile"_s, f(u"staff-ca.pem"_s)})
                     .exitCode,
                 0);
        // A second init refuses to replace the root.
        const test::RunResult again = cli({u"pki"_s, u"init"_s});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains("already holds a deployment PKI"));
    }

    void issuesAndRevokes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("ca");
        QTest::addColumn<QString>("eku");
        QTest::addColumn<int>("days");
        QTest::newRow("server") << QStringList{u"--role"_s, u"server"_s, u"--san"_s, u"DNS:localhost,IP:127.0.0.1"_s}
                                << u"ks"_s << u"services-ca"_s << u"TLS Web Server Authentication"_s << 365;
        QTest::newRow("service") << QStringList{u"--role"_s, u"service"_s} << u"vault-svc"_s << u"services-ca"_s
                                 << u"TLS Web Client Authentication"_s << 365;
        QTest::newRow("staff") << QStringList{u"--role"_s, u"staff"_s, u"--staff-role"_s, u"support"_s} << u"sam"_s
                               << u"staff-ca"_s << u"TLS Web Client Authentication"_s << 90;
    }
    void issuesAndRevokes()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, name);
        QFETCH(QString, ca);
        QFETCH(QString, eku);
        QFETCH(int, days);
        test::RunResult r = cli(QStringList{u"pki"_s, u"issue"_s, u"--name"_s, name} + args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString cert = f(name + u".pem"_s);
        QVERIFY(verifies(cert, ca, false));
        QVERIFY(verifies(cert, ca, true));
        QVERIFY(!verifies(cert, ca == u"staff-ca"_s ? u"services-ca"_s : u"staff-ca"_s,
                          false)); // the other CA does not vouch
        QVERIFY(qAbs(daysLeft(cert) - days) <= 1);
        const QByteArray text = openssl({u"x509"_s, u"-in"_s, cert, u"-noout"_s, u"-text"_s}).out;
        QVERIFY2(text.contains(eku.toUtf8()), text.constData());
        QVERIFY(text.contains("CA:FALSE"));
        QCOMPARE(QFile::permissions(f(name + u".key"_s)) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        // The chain file is leaf + intermediate and verifies against the root alone.
        QCOMPARE(
            openssl({u"verify"_s, u"-CAfile"_s, f(u"root.pem"_s), u"-untrusted"_s, f(name + u"-chain.pem"_s), cert})
                .exitCode,
            0);
        if (name == u"ks"_s) {
            QVERIFY(text.contains("DNS:localhost"));
            QVERIFY(text.contains("IP Address:127.0.0.1"));
        }
        if (name == u"sam"_s) {
            QVERIFY(text.contains("OU = support"));
            QCOMPARE(QFile::permissions(f(u"sam.p12.pass"_s)) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                     QFileDevice::Permissions());
            const test::RunResult p12 = openssl({u"pkcs12"_s, u"-in"_s, f(u"sam.p12"_s), u"-passin"_s,
                                                 u"file:"_s + f(u"sam.p12.pass"_s), u"-info"_s, u"-nokeys"_s});
            QCOMPARE(p12.exitCode, 0);
            QVERIFY2(p12.err.contains("AES-256-CBC") && p12.err.contains("PBKDF2"), p12.err.constData());
            QVERIFY(openssl({u"pkcs12"_s, u"-in"_s, f(u"sam.p12"_s), u"-passin"_s, u"pass:wrong"_s, u"-nokeys"_s})
                        .exitCode != 0);
        }
        // Renewal: a new certificate (new serial and key) with the same names, still valid.
        const QByteArray oldSerial = openssl({u"x509"_s, u"-in"_s, cert, u"-noout"_s, u"-serial"_s}).out;
        QVERIFY(cli({u"pki"_s, u"renew"_s, u"--name"_s, name}).exitCode == 0);
        const QByteArray renewedText = openssl({u"x509"_s, u"-in"_s, cert, u"-noout"_s, u"-text"_s}).out;
        QVERIFY(openssl({u"x509"_s, u"-in"_s, cert, u"-noout"_s, u"-serial"_s}).out != oldSerial);
        QVERIFY(renewedText.contains(eku.toUtf8()));
        QCOMPARE(renewedText.contains("DNS:localhost"), name == u"ks"_s);
        QCOMPARE(renewedText.contains("OU = support"), name == u"sam"_s);
        QVERIFY(verifies(cert, ca, true));
        // Revocation: the chain still verifies, but not with the CRL check.
        r = cli({u"pki"_s, u"revoke"_s, u"--cert"_s, cert});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(verifies(cert, ca, false));
        QVERIFY(!verifies(cert, ca, true));
        QCOMPARE(cli({u"pki"_s, u"revoke"_s, u"--cert"_s, cert}).exitCode, 1); // already revoked
        // The CRL survives a rewrite.
        QVERIFY(cli({u"pki"_s, u"crl"_s, u"--days"_s, u"7"_s}).exitCode == 0);
        QVERIFY(!verifies(cert, ca, true));
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("server without san") << QStringList{u"issue"_s, u"--role"_s, u"server"_s, u"--name"_s, u"x"_s}
                                            << 2 << u"needs at least one --san"_s;
        QTest::newRow("bad san") << QStringList{u"issue"_s, u"--role"_s, u"server"_s,      u"--name"_s,
                                                u"x"_s,     u"--san"_s,  u"IP:999.1.1.1"_s}
                                 << 2 << u"is not DNS:NAME or IP:ADDRESS"_s;
        QTest::newRow("staff without role") << QStringList{u"issue"_s, u"--role"_s, u"staff"_s, u"--name"_s, u"x"_s}
                                            << 2 << u"--staff-role support or admin"_s;
        QTest::newRow("staff bad role") << QStringList{u"issue"_s, u"--role"_s,       u"staff"_s, u"--name"_s,
                                                       u"x"_s,     u"--staff-role"_s, u"root"_s}
                                        << 2 << u"--staff-role support or admin"_s;
        QTest::newRow("unknown role") << QStringList{u"issue"_s, u"--role"_s, u"king"_s, u"--name"_s, u"x"_s} << 2
                                      << u"a role is server, service or staff"_s;
        QTest::newRow("bad name") << QStringList{u"issue"_s, u"--role"_s, u"service"_s, u"--name"_s, u"../evil"_s} << 2
                                  << u"is not a usable name"_s;
        QTest::newRow("name of a CA") << QStringList{u"issue"_s, u"--role"_s, u"service"_s, u"--name"_s, u"root"_s} << 2
                                      << u"is not a usable name"_s;
        QTest::newRow("foreign certificate")
            << QStringList{u"revoke"_s, u"--cert"_s, u"ROOT"_s} << 1 << u"was not issued by this deployment"_s;
        QTest::newRow("bad crl days") << QStringList{u"crl"_s, u"--days"_s, u"0"_s} << 2
                                      << u"a CRL lasts 1 to 3650 days"_s;
    }
    void refusals()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        args.replaceInStrings(u"ROOT"_s, f(u"root.pem"_s));
        const test::RunResult r = cli(QStringList{u"pki"_s} + args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        QCOMPARE(r.err.trimmed().split('\n').size(), 1);
    }

    void noPkiYet()
    {
        const test::RunResult r =
            test::run(test::binary(u"credvault-cli"_s), {u"pki"_s, u"issue"_s, u"--dir"_s, m_tmp.filePath(u"empty"_s),
                                                         u"--role"_s, u"service"_s, u"--name"_s, u"x"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("run pki init first"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestPki)
#include "TestPki.moc"
