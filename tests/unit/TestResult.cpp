#include "common/Result.h"

#include <QtTest/QtTest>

#include <memory>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

namespace {
Result<int> parsePositive(const QString &s)
{
    bool ok = false;
    const int v = s.toInt(&ok);
    if (!ok)
        return fail(ErrorKind::InvalidInput, u"'%1' is not a number"_s.arg(s));
    if (v <= 0)
        return fail(ErrorKind::InvalidInput, u"%1 is not positive"_s.arg(v));
    return v;
}

Result<void> check(bool good)
{
    if (!good)
        return fail(ErrorKind::Conflict, u"stale"_s);
    return {};
}
} // namespace

class TestResult : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void valueOrError_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("value");
        QTest::addColumn<QString>("message");
        QTest::addRow("number") << u"42"_s << true << 42 << QString();
        QTest::addRow("not a number") << u"x"_s << false << 0 << u"'x' is not a number"_s;
        QTest::addRow("negative") << u"-3"_s << false << 0 << u"-3 is not positive"_s;
    }
    void valueOrError()
    {
        QFETCH(QString, input);
        QFETCH(bool, ok);
        QFETCH(int, value);
        QFETCH(QString, message);
        const Result<int> r = parsePositive(input);
        QCOMPARE(r.ok(), ok);
        QCOMPARE(bool(r), ok);
        if (ok) {
            QCOMPARE(*r, value);
        } else {
            QCOMPARE(r.error().kind, ErrorKind::InvalidInput);
            QCOMPARE(r.error().message, message);
            QCOMPARE(r.valueOr(-1), -1);
            QCOMPARE(r.error().toString(), u"invalid_input: "_s + message);
        }
    }

    void voidResult()
    {
        QVERIFY(check(true).ok());
        const Result<void> bad = check(false);
        QVERIFY(!bad);
        QCOMPARE(bad.error().kind, ErrorKind::Conflict);
    }

    void moveOnlyValue()
    {
        Result<std::unique_ptr<int>> r(std::make_unique<int>(7));
        QVERIFY(r.ok());
        std::unique_ptr<int> p = std::move(r).value();
        QCOMPARE(*p, 7);
    }

    void kindNamesAreDistinct()
    {
        QSet<QString> names;
        for (int k = int(ErrorKind::InvalidInput); k <= int(ErrorKind::Internal); ++k)
            names.insert(errorKindName(ErrorKind(k)));
        QCOMPARE(names.size(), int(ErrorKind::Internal) + 1);
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "TestResult.moc"
