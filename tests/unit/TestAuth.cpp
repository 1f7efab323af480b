// Sign-in primitives: Argon2id passwords and RFC 6238 TOTP, against the RFC's test values.
#include "auth/Password.h"
#include "auth/Totp.h"

#include <QtTest/QtTest>

using namespace credvault;
using namespace credvault::auth;
using namespace Qt::Literals::StringLiterals;

class TestAuth : public QObject {
    Q_OBJECT
private:
    static SecureBuffer rfcSecret() { return SecureBuffer::copyOf("12345678901234567890"); }

private Q_SLOTS:
    void totpMatchesRfc6238_data()
    {
        // RFC 6238 Appendix B, SHA-1 (8 digits); our 6 digits are the last six.
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QByteArray>("eight");
        QTest::newRow("59") << qint64(59) << QByteArray("94287082");
        QTest::newRow("1111111109") << qint64(1111111109) << QByteArray("07081804");
        QTest::newRow("1111111111") << qint64(1111111111) << QByteArray("14050471");
        QTest::newRow("1234567890") << qint64(1234567890) << QByteArray("89005924");
        QTest::newRow("2000000000") << qint64(2000000000) << QByteArray("69279037");
        QTest::newRow("20000000000") << qint64(20000000000) << QByteArray("65353130");
    }

    void totpMatchesRfc6238()
    {
        QFETCH(qint64, time);
        QFETCH(QByteArray, eight);
        QCOMPARE(Totp::code(rfcSecret(), time, 8), eight);
        QCOMPARE(Totp::code(rfcSecret(), time), eight.right(6));
    }

    void totpAcceptsOneStepEitherSide()
    {
        const SecureBuffer s = rfcSecret();
        const qint64 now = 1111111111;
        qint64 step = 0;
        QVERIFY(Totp::verify(s, Totp::code(s, now), now, &step));
        QCOMPARE(step, now / 30);
        QVERIFY(Totp::verify(s, Totp::code(s, now - 30), now, &step));
        QCOMPARE(step, now / 30 - 1);
        QVERIFY(Totp::verify(s, Totp::code(s, now + 30), now));
        QVERIFY(!Totp::verify(s, Totp::code(s, now - 60), now));
        QVERIFY(!Totp::verify(s, Totp::code(s, now + 60), now));
        const QByteArray c = Totp::code(s, now);
        QVERIFY(Totp::verify(s, c.left(3) + ' ' + c.mid(3), now)); // "123 456"
        QVERIFY(!Totp::verify(s, "", now));
        QVERIFY(!Totp::verify(s, c.left(5), now));
        QVERIFY(!Totp::verify(Totp::generateSecret(), c, now));
    }

    void base32MatchesRfc4648()
    {
        QCOMPARE(Totp::base32("").view(), QByteArrayView(""));
        QCOMPARE(Totp::base32("f").view(), QByteArrayView("MY"));
        QCOMPARE(Totp::base32("fo").view(), QByteArrayView("MZXQ"));
        QCOMPARE(Totp::base32("foo").view(), QByteArrayView("MZXW6"));
        QCOMPARE(Totp::base32("foob").view(), QByteArrayView("MZXW6YQ"));
        QCOMPARE(Totp::base32("fooba").view(), QByteArrayView("MZXW6YTB"));
        QCOMPARE(Totp::base32("foobar").view(), QByteArrayView("MZXW6YTBOI"));
        // and back, case and padding aside
        QCOMPARE(Totp::fromBase32("MZXW6YTBOI").value().view(), QByteArrayView("foobar"));
        QCOMPARE(Totp::fromBase32("mzxw 6ytb").value().view(), QByteArrayView("fooba"));
        QCOMPARE(Totp::fromBase32("MZXW6YQ=").value().view(), QByteArrayView("foob"));
        QCOMPARE(Totp::fromBase32(Totp::base32(rfcSecret().view()).view()).value().view(), rfcSecret().view());
        QCOMPARE(Totp::fromBase32("MZ1W").error().code, u"bad_base32"_s);
    }

    void otpauthUri()
    {
        const SecureBuffer uri = Totp::uri(rfcSecret(), u"CredVault"_s, u"alice smith"_s);
        QCOMPARE(uri.view(), QByteArrayView("otpauth://totp/CredVault:alice%20smith?secret="
                                            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=CredVault&algorithm=SHA1&"
                                            "digits=6&period=30"));
        QCOMPARE(Totp::generateSecret().size(), Totp::kSecretSize);
        QVERIFY(!Totp::generateSecret().equals(Totp::generateSecret()));
    }

    void passwords()
    {
        const QString h = Password::hash("correct horse battery").value();
        QVERIFY(h.startsWith(u"$argon2id$v=19$m=65536,t=3,p=1$"_s));
        QVERIFY(Password::verify("correct horse battery", h));
        QVERIFY(!Password::verify("correct horse batterY", h));
        QVERIFY(!Password::verify("", h));
        QVERIFY(Password::hash("correct horse battery").value() != h); // salted
        QVERIFY(!Password::needsRehash(h));
        QString weaker = h;
        weaker.replace(u"m=65536"_s, u"m=4096"_s);
        QVERIFY(Password::needsRehash(weaker));
        QVERIFY(!Password::verify("correct horse battery", weaker)); // parameters are bound
        QVERIFY(!Password::verify("correct horse battery", u"$argon2i$v=19$garbage"_s));
        QVERIFY(!Password::verify("correct horse battery", u"plain text"_s));
        QCOMPARE(Password::hash("short").error().code, u"weak_password"_s);
        QCOMPARE(Password::hash(QByteArray(2000, 'x')).error().code, u"too_long"_s);
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "TestAuth.moc"
