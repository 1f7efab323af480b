#include "protocol/ApiError.h"

#include <QtCore/QJsonDocument>
#include <QtTest/QtTest>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

class TestApiError : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        ApiError e;
        e.httpStatus = 409;
        e.code = u"stale_revision"_s;
        e.message = u"The entry was changed elsewhere."_s;
        e.details = QJsonObject{{u"current_revision"_s, 7}};
        const QByteArray json = e.toJson();
        QCOMPARE(json, QByteArray("{\"error\":{\"code\":\"stale_revision\",\"details\":{\"current_revision\":7},"
                                  "\"message\":\"The entry was changed elsewhere.\"}}"));
        const Result<ApiError> back = ApiError::fromJson(409, json);
        QVERIFY(back.ok());
        QCOMPARE(*back, e);
    }

    void detailsAreOptional()
    {
        const Result<ApiError> r =
            ApiError::fromJson(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"No such entry.\"}}");
        QVERIFY(r.ok());
        QCOMPARE(r->code, u"not_found"_s);
        QVERIFY(r->details.isEmpty());
    }

    void refusesOtherShapes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addRow("empty") << QByteArray();
        QTest::addRow("html") << QByteArray("<html>Bad Gateway</html>");
        QTest::addRow("array") << QByteArray("[1,2]");
        QTest::addRow("no error") << QByteArray("{\"message\":\"x\"}");
        QTest::addRow("error string") << QByteArray("{\"error\":\"x\"}");
        QTest::addRow("no code") << QByteArray("{\"error\":{\"message\":\"x\"}}");
        QTest::addRow("code not snake") << QByteArray("{\"error\":{\"code\":\"Not Found\",\"message\":\"x\"}}");
        QTest::addRow("code number") << QByteArray("{\"error\":{\"code\":5,\"message\":\"x\"}}");
        QTest::addRow("no message") << QByteArray("{\"error\":{\"code\":\"x\"}}");
        QTest::addRow("details array") << QByteArray("{\"error\":{\"code\":\"x\",\"message\":\"m\",\"details\":[]}}");
        QTest::addRow("truncated") << QByteArray("{\"error\":{\"code\":\"x\",\"mess");
    }
    void refusesOtherShapes()
    {
        QFETCH(QByteArray, body);
        const Result<ApiError> r = ApiError::fromJson(502, body);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(r.error().message.contains(u"502"_s), qPrintable(r.error().message));
    }

    void codeRules_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("valid");
        QTest::addRow("simple") << u"write_only"_s << true;
        QTest::addRow("digits") << u"tls13_required"_s << true;
        QTest::addRow("empty") << QString() << false;
        QTest::addRow("upper") << u"Write_only"_s << false;
        QTest::addRow("dash") << u"write-only"_s << false;
        QTest::addRow("leading digit") << u"4xx"_s << false;
        QTest::addRow("too long") << QString(65, u'a') << false;
    }
    void codeRules()
    {
        QFETCH(QString, code);
        QFETCH(bool, valid);
        QCOMPARE(isValidErrorCode(code), valid);
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "TestApiError.moc"
