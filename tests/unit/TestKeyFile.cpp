// X25519 key files interoperate with the openssl CLI in both directions.
#include "crypto/KeyFile.h"
#include "crypto/Primitives.h"

#include "support/Executables.h"
#include "support/TempDir.h"

#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace credvault;
using namespace credvault::crypto;
using namespace Qt::Literals::StringLiterals;

class TestKeyFile : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString openssl(const QStringList &args)
    {
        const test::RunResult r = test::run(u"openssl"_s, args);
        if (r.exitCode != 0)
            qWarning("openssl %s: %s", qPrintable(args.join(u' ')), r.err.constData());
        return r.exitCode == 0 ? QString::fromUtf8(r.out) : QString();
    }

private Q_SLOTS:
    void readsKeysTheOpensslCliMade()
    {
        const QString sk = m_dir.filePath(u"sk.pem"_s);
        const QString pk = m_dir.filePath(u"pk.pem"_s);
        openssl({u"genpkey"_s, u"-algorithm"_s, u"X25519"_s, u"-out"_s, sk});
        openssl({u"pkey"_s, u"-in"_s, sk, u"-pubout"_s, u"-out"_s, pk});
        Result<X25519PrivateKey> priv = KeyFile::loadPrivate(sk);
        Result<X25519PublicKey> pub = KeyFile::loadPublic(pk);
        QVERIFY2(priv.ok(), priv.ok() ? "" : qPrintable(priv.error().message));
        QVERIFY2(pub.ok(), pub.ok() ? "" : qPrintable(pub.error().message));
        QCOMPARE(priv->publicKey(), *pub);
        // The raw public key matches what openssl prints.
        const QString text = openssl({u"pkey"_s, u"-in"_s, pk, u"-pubin"_s, u"-noout"_s, u"-text"_s});
        const QString hexKey = text.section(u"pub:"_s, 1).remove(u':').simplified().remove(u' ');
        QCOMPARE(hexKey.toLatin1(), bytesView(*pub).toByteArray().toHex());
    }

    void writesKeysTheOpensslCliReads()
    {
        const X25519PrivateKey key = X25519PrivateKey::generate();
        const QString sk = m_dir.filePath(u"ours.pem"_s);
        const QString pk = m_dir.filePath(u"ours.pub.pem"_s);
        QVERIFY(KeyFile::savePrivate(sk, key).ok());
        QVERIFY(KeyFile::savePublic(pk, key.publicKey()).ok());
        const QFileDevice::Permissions groupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                      QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                      QFileDevice::WriteOther | QFileDevice::ExeOther;
        QCOMPARE(QFileInfo(sk).permissions() & groupOrOther, QFileDevice::Permissions());
        QVERIFY(QFileInfo(sk).permissions().testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY(QFileInfo(pk).permissions().testFlag(QFileDevice::ReadOther));
        QVERIFY(KeyFile::privatePem(key).view().startsWith("-----BEGIN PRIVATE KEY-----"));
        QVERIFY(KeyFile::publicPem(key.publicKey()).startsWith("-----BEGIN PUBLIC KEY-----"));
        // openssl derives the same public key from our private key file.
        const QString derived = openssl({u"pkey"_s, u"-in"_s, sk, u"-pubout"_s});
        QCOMPARE(derived.toLatin1(), KeyFile::publicPem(key.publicKey()));
        QCOMPARE(test::run(u"openssl"_s, {u"pkey"_s, u"-in"_s, pk, u"-pubin"_s, u"-noout"_s}).exitCode, 0);
        // Existing files are not overwritten.
        Result<void> again = KeyFile::savePrivate(sk, X25519PrivateKey::generate());
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, ErrorKind::Conflict);
        QCOMPARE(KeyFile::loadPrivate(sk)->publicKey(), key.publicKey());
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");
        QTest::addRow("ed25519 private") << u"ed25519"_s << u"wrong_key_type"_s;
        QTest::addRow("encrypted") << u"encrypted"_s << u"encrypted_key"_s;
        QTest::addRow("garbage") << u"garbage"_s << u"bad_pem"_s;
        QTest::addRow("public where private") << u"publicfile"_s << u"bad_pem"_s;
    }
    void refuses()
    {
        QFETCH(QString, kind);
        QFETCH(QString, code);
        const QString path = m_dir.filePath(kind + u".pem"_s);
        if (kind == u"ed25519"_s) {
            openssl({u"genpkey"_s, u"-algorithm"_s, u"ED25519"_s, u"-out"_s, path});
        } else if (kind == u"encrypted"_s) {
            openssl({u"genpkey"_s, u"-algorithm"_s, u"X25519"_s, u"-aes-256-cbc"_s, u"-pass"_s, u"pass:secret"_s,
                     u"-out"_s, path});
        } else if (kind == u"garbage"_s) {
            test::writeFile(m_dir.path(), kind + u".pem"_s,
                            "-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----\n");
        } else {
            test::writeFile(m_dir.path(), kind + u".pem"_s,
                            KeyFile::publicPem(X25519PrivateKey::generate().publicKey()));
        }
        Result<X25519PrivateKey> k = KeyFile::loadPrivate(path);
        QVERIFY(!k.ok());
        QCOMPARE(k.error().code, code);
        QVERIFY2(k.error().message.startsWith(path), qPrintable(k.error().message));
        // A public-key reader refuses a private key file too.
        if (kind == u"ed25519"_s)
            QCOMPARE(KeyFile::loadPublic(path).error().code, u"bad_pem"_s);
    }

    void missingFile()
    {
        Result<X25519PrivateKey> k = KeyFile::loadPrivate(m_dir.filePath(u"nope.pem"_s));
        QVERIFY(!k.ok());
        QCOMPARE(k.error().kind, ErrorKind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestKeyFile)
#include "TestKeyFile.moc"
