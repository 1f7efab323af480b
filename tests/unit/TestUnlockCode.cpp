#include "crypto/UnlockCode.h"

#include <QtCore/QSet>
#include <QtTest/QtTest>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

class TestUnlockCode : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void generatedCodesAreWellFormed()
    {
        QSet<QByteArray> seen;
        QSet<char> symbols;
        for (int i = 0; i < 2000; ++i) {
            const UnlockCode c = UnlockCode::generate();
            const QByteArray n = c.normalized().view().toByteArray();
            QCOMPARE(n.size(), 12);
            for (char ch : n) {
                QVERIFY(QByteArrayView(UnlockCode::kAlphabet).contains(ch));
                symbols.insert(ch);
            }
            seen.insert(n);
            const QByteArray shown = c.displayForm().view().toByteArray();
            QCOMPARE(shown, n.left(4) + '-' + n.mid(4, 4) + '-' + n.mid(8));
        }
        QCOMPARE(seen.size(), 2000);  // 60 bits: no repeats in 2000
        QCOMPARE(symbols.size(), 32); // every symbol turns up
    }

    void parse_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("normalized"); // empty: refused
        QTest::addColumn<QString>("code");
        QTest::addRow("display form") << u"7K2M-9QXD-4HNP"_s << u"7K2M9QXD4HNP"_s << QString();
        QTest::addRow("lower case") << u"7k2m-9qxd-4hnp"_s << u"7K2M9QXD4HNP"_s << QString();
        QTest::addRow("spaces") << u" 7K2M 9QXD 4HNP "_s << u"7K2M9QXD4HNP"_s << QString();
        QTest::addRow("no separators") << u"7k2m9qxd4hnp"_s << u"7K2M9QXD4HNP"_s << QString();
        QTest::addRow("O for zero") << u"O0OO-oooo-0000"_s << u"000000000000"_s << QString();
        QTest::addRow("I and L for one") << u"IiLl-1111-ILIL"_s << u"111111111111"_s << QString();
        QTest::addRow("U is not a symbol") << u"UUUU-UUUU-UUUU"_s << QString() << u"bad_code_character"_s;
        QTest::addRow("punctuation") << u"7K2M.9QXD.4HNP"_s << QString() << u"bad_code_character"_s;
        QTest::addRow("too short") << u"7K2M-9QXD-4HN"_s << QString() << u"bad_code_length"_s;
        QTest::addRow("too long") << u"7K2M-9QXD-4HNPX"_s << QString() << u"bad_code_length"_s;
        QTest::addRow("empty") << QString() << QString() << u"bad_code_length"_s;
        QTest::addRow("non-ASCII") << u"7K2M-9QXD-4HNÄ"_s << QString() << u"bad_code_character"_s;
    }
    void parse()
    {
        QFETCH(QString, typed);
        QFETCH(QString, normalized);
        QFETCH(QString, code);
        Result<UnlockCode> c = UnlockCode::parse(typed);
        QCOMPARE(c.ok(), !normalized.isEmpty());
        if (c.ok())
            QCOMPARE(c->normalized().view(), QByteArrayView(normalized.toLatin1()));
        else
            QCOMPARE(c.error().code, code);
    }

    void fromNormalizedIsStrict()
    {
        QVERIFY(UnlockCode::fromNormalized("7K2M9QXD4HNP").ok());
        QVERIFY(!UnlockCode::fromNormalized("7k2m9qxd4hnp").ok());
        QVERIFY(!UnlockCode::fromNormalized("7K2M-9QXD-4HNP").ok());
        QVERIFY(!UnlockCode::fromNormalized("OOOOOOOOOOOO").ok());
        QVERIFY(!UnlockCode::fromNormalized("7K2M9QXD4HN").ok());
    }

    void storageHash()
    {
        const SecureBuffer master = SecureBuffer::copyOf(QByteArray(32, 'm'));
        const SecureBuffer pepper = UnlockCode::pepperFromMasterKey(master);
        QCOMPARE(pepper.size(), std::size_t(32));
        const QUuid a = QUuid::createUuid();
        const QUuid b = QUuid::createUuid();
        const UnlockCode c = UnlockCode::parse(u"7K2M-9QXD-4HNP"_s).value();
        const crypto::Digest h = c.storageHash(pepper, a);
        // Same code typed differently: same hash.
        QVERIFY(UnlockCode::hashesEqual(
            h, crypto::bytesView(UnlockCode::parse(u"7k2m 9qxd 4hnp"_s)->storageHash(pepper, a))));
        // Another account, another pepper or another code: a different hash.
        QVERIFY(!UnlockCode::hashesEqual(h, crypto::bytesView(c.storageHash(pepper, b))));
        const SecureBuffer otherPepper = UnlockCode::pepperFromMasterKey(SecureBuffer::copyOf(QByteArray(32, 'n')));
        QVERIFY(!UnlockCode::hashesEqual(h, crypto::bytesView(c.storageHash(otherPepper, a))));
        QVERIFY(!UnlockCode::hashesEqual(
            h, crypto::bytesView(UnlockCode::parse(u"7K2M-9QXD-4HNQ"_s)->storageHash(pepper, a))));
        QVERIFY(!UnlockCode::hashesEqual(h, QByteArrayView()));
        QVERIFY(!UnlockCode::hashesEqual(h, crypto::bytesView(h).first(31)));
    }

    void pepperMatchesOpenSsl()
    {
        // The pepper is plain RFC 5869 HKDF: compare with the openssl CLI.
        QProcess p;
        p.start(u"openssl"_s, {u"kdf"_s, u"-keylen"_s, u"32"_s, u"-kdfopt"_s, u"digest:SHA256"_s, u"-kdfopt"_s,
                               u"hexkey:"_s + QString::fromLatin1(QByteArray(32, 'm').toHex()), u"-kdfopt"_s,
                               u"info:credvault code pepper"_s, u"-binary"_s, u"HKDF"_s});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray expected = p.readAllStandardOutput();
        const SecureBuffer pepper = UnlockCode::pepperFromMasterKey(SecureBuffer::copyOf(QByteArray(32, 'm')));
        QCOMPARE(pepper.view().toByteArray().toHex(), expected.toHex());
    }

    void storageHashMatchesOpenSsl()
    {
        const SecureBuffer pepper = SecureBuffer::copyOf(QByteArray(32, 'p'));
        const QUuid a(u"0f8fad5b-d9cb-469f-a165-70867728950e"_s);
        const UnlockCode c = UnlockCode::parse(u"7K2M-9QXD-4HNP"_s).value();
        QProcess p;
        p.start(u"openssl"_s,
                {u"mac"_s, u"-digest"_s, u"SHA256"_s, u"-macopt"_s,
                 u"hexkey:"_s + QString::fromLatin1(QByteArray(32, 'p').toHex()), u"-binary"_s, u"HMAC"_s});
        QVERIFY(p.waitForStarted());
        p.write(a.toRfc4122() + "7K2M9QXD4HNP");
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(crypto::bytesView(c.storageHash(pepper, a)).toByteArray().toHex(), p.readAllStandardOutput().toHex());
    }
};

QTEST_GUILESS_MAIN(TestUnlockCode)
#include "TestUnlockCode.moc"
