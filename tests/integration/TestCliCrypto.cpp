// credvault-cli keygen / seal / open, run for real, round-tripping with keys from the
// openssl CLI; every bad input is one clear line on stderr and a non-zero exit.
#include "support/Executables.h"
#include "support/TempDir.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

namespace {
const QString kAccount = u"0f8fad5b-d9cb-469f-a165-70867728950e"_s;
const QString kEntry = u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s;
const QByteArray kJson = R"json({"kind":"ssh","title":"web1","username":"root","secret":"Tr0ub4dor&3"})json";

test::RunResult cli(const QStringList &args, const QByteArray &input = {})
{
    return test::run(test::binary(u"credvault-cli"_s), args, input);
}
} // namespace

class TestCliCrypto : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_sk, m_pk, m_otherSk;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sk = path(u"sk.pem"_s);
        m_pk = path(u"pk.pem"_s);
        m_otherSk = path(u"other.pem"_s);
        QCOMPARE(test::run(u"openssl"_s, {u"genpkey"_s, u"-algorithm"_s, u"X25519"_s, u"-out"_s, m_sk}).exitCode, 0);
        QCOMPARE(test::run(u"openssl"_s, {u"pkey"_s, u"-in"_s, m_sk, u"-pubout"_s, u"-out"_s, m_pk}).exitCode, 0);
        QCOMPARE(test::run(u"openssl"_s, {u"genpkey"_s, u"-algorithm"_s, u"X25519"_s, u"-out"_s, m_otherSk}).exitCode,
                 0);
    }

    void roundTripWithOpensslKeys()
    {
        const test::RunResult sealed =
            cli({u"seal"_s, u"--public-key"_s, m_pk, u"--account"_s, kAccount, u"--entry"_s, kEntry}, kJson);
        QVERIFY2(sealed.exitCode == 0, sealed.err.constData());
        QVERIFY(sealed.err.isEmpty());
        const QByteArray envelope = sealed.out.trimmed();
        QVERIFY(!envelope.contains("Tr0ub4dor"));
        const QByteArray raw = QByteArray::fromBase64(envelope, QByteArray::Base64UrlEncoding);
        QCOMPARE(quint8(raw.at(0)), quint8(1));
        QCOMPARE(raw.size(), 1 + 16 + 32 + 256 + 16);

        const test::RunResult opened =
            cli({u"open"_s, u"--private-key"_s, m_sk, u"--account"_s, kAccount, u"--entry"_s, kEntry}, sealed.out);
        QVERIFY2(opened.exitCode == 0, opened.err.constData());
        QCOMPARE(opened.out, kJson);
    }

    void keygenWritesFilesOpensslReads()
    {
        const QString sk = path(u"gen.pem"_s);
        const QString pk = path(u"gen.pub.pem"_s);
        test::RunResult r = cli({u"keygen"_s, u"--out"_s, sk, u"--public-out"_s, pk});
        QCOMPARE(r.exitCode, 0);
        const test::RunResult derived = test::run(u"openssl"_s, {u"pkey"_s, u"-in"_s, sk, u"-pubout"_s});
        QCOMPARE(derived.exitCode, 0);
        QCOMPARE(derived.out, test::run(u"cat"_s, {pk}).out);
        QCOMPARE(QFile::permissions(sk) & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
        // Sealed with our public key, opened with our private key.
        const test::RunResult sealed =
            cli({u"seal"_s, u"--public-key"_s, pk, u"--account"_s, kAccount, u"--entry"_s, kEntry}, kJson);
        QCOMPARE(
            cli({u"open"_s, u"--private-key"_s, sk, u"--account"_s, kAccount, u"--entry"_s, kEntry}, sealed.out).out,
            kJson);
        // A second keygen does not overwrite.
        r = cli({u"keygen"_s, u"--out"_s, sk, u"--public-out"_s, path(u"gen2.pub.pem"_s)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("already exists"), r.err.constData());
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::addRow("wrong private key") << u"wrongkey"_s << 1 << u"not to this key"_s;
        QTest::addRow("wrong entry id") << u"wrongentry"_s << 1 << u"belongs to another entry or account"_s;
        QTest::addRow("wrong account id") << u"wrongaccount"_s << 1 << u"belongs to another entry or account"_s;
        QTest::addRow("bad uuid") << u"baduuid"_s << 2 << u"--entry needs a UUID"_s;
        QTest::addRow("missing ids") << u"noids"_s << 2 << u"--account and --entry are required"_s;
        QTest::addRow("garbage envelope") << u"garbage"_s << 1 << u"not an envelope"_s;
        QTest::addRow("truncated envelope") << u"truncated"_s << 1 << u"truncated"_s;
        QTest::addRow("empty stdin to open") << u"emptyopen"_s << 1 << u"the envelope is empty"_s;
        QTest::addRow("seal: not JSON") << u"notjson"_s << 1 << u"not a JSON object"_s;
        QTest::addRow("seal: JSON array") << u"array"_s << 1 << u"not a JSON object"_s;
        QTest::addRow("seal: too large") << u"toolarge"_s << 1 << u"too large to seal"_s;
        QTest::addRow("seal: private key as public") << u"privaspub"_s << 1 << u"not a PEM public key"_s;
        QTest::addRow("open: missing key file") << u"nokey"_s << 1 << u"no such file"_s;
        QTest::addRow("unknown option") << u"badoption"_s << 2 << u"Unknown option 'frob'"_s;
    }
    void refusals()
    {
        QFETCH(QString, how);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QByteArray envelope =
            cli({u"seal"_s, u"--public-key"_s, m_pk, u"--account"_s, kAccount, u"--entry"_s, kEntry}, kJson).out;
        QStringList open{u"open"_s, u"--private-key"_s, m_sk, u"--account"_s, kAccount, u"--entry"_s, kEntry};
        QStringList seal{u"seal"_s, u"--public-key"_s, m_pk, u"--account"_s, kAccount, u"--entry"_s, kEntry};
        QStringList args = open;
        QByteArray input = envelope;
        if (how == u"wrongkey"_s)
            args[2] = m_otherSk;
        else if (how == u"wrongentry"_s)
            args[6] = u"7c9e6679-7425-40de-944b-e07fc1f90ae8"_s;
        else if (how == u"wrongaccount"_s)
            args[4] = u"0f8fad5b-d9cb-469f-a165-70867728950f"_s;
        else if (how == u"baduuid"_s)
            args[6] = u"not-a-uuid"_s;
        else if (how == u"noids"_s)
            args = args.mid(0, 3);
        else if (how == u"garbage"_s)
            input = "this is not base64url!";
        else if (how == u"truncated"_s)
            input = envelope.left(60);
        else if (how == u"emptyopen"_s)
            input.clear();
        else if (how == u"notjson"_s)
            args = seal, input = "title=web1";
        else if (how == u"array"_s)
            args = seal, input = "[1,2]";
        else if (how == u"toolarge"_s)
            args = seal, input = "{\"notes\":\"" + QByteArray(70000, 'a') + "\"}";
        else if (how == u"privaspub"_s)
            args = seal, args[2] = m_sk;
        else if (how == u"nokey"_s)
            args[2] = path(u"absent.pem"_s);
        else if (how == u"badoption"_s)
            args.append(u"--frob"_s);
        const test::RunResult r = cli(args, input);
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(r.out.isEmpty());
        const QList<QByteArray> lines = r.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith("credvault-cli " + args.first().toUtf8() + ": "), r.err.constData());
        QVERIFY2(lines.first().contains(message.toUtf8()), r.err.constData());
        QVERIFY2(!r.err.contains("Tr0ub4dor"), "a secret reached stderr");
    }
};

QTEST_GUILESS_MAIN(TestCliCrypto)
#include "TestCliCrypto.moc"
