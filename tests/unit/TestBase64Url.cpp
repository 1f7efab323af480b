#include "protocol/Base64Url.h"

#include <QtTest/QtTest>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

class TestBase64Url : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("text");
        QTest::addRow("empty") << QByteArray() << QByteArray();
        QTest::addRow("f") << QByteArray("f") << QByteArray("Zg");
        QTest::addRow("fo") << QByteArray("fo") << QByteArray("Zm8");
        QTest::addRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
        QTest::addRow("url alphabet") << QByteArray("\xfb\xff\xbf", 3) << QByteArray("-_-_");
    }
    void roundTrip()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, text);
        QCOMPARE(toBase64Url(bytes), text);
        Result<QByteArray> back = fromBase64Url(text);
        QVERIFY(back.ok());
        QCOMPARE(*back, bytes);
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addRow("padding") << QByteArray("Zg==");
        QTest::addRow("standard alphabet") << QByteArray("+/+/");
        QTest::addRow("whitespace") << QByteArray("Zm9v\n");
        QTest::addRow("impossible length") << QByteArray("Zm9vY");
        QTest::addRow("non-canonical bits") << QByteArray("Zh");
        QTest::addRow("non-ascii") << QByteArray("Zm\xc3\xa9");
    }
    void refuses()
    {
        QFETCH(QByteArray, text);
        Result<QByteArray> r = fromBase64Url(text);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"bad_base64url"_s);
    }
};

QTEST_GUILESS_MAIN(TestBase64Url)
#include "TestBase64Url.moc"
