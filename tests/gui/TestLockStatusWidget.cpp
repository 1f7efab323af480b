#include "widgets/LockStatusWidget.h"

#include <QtTest/QtTest>

using namespace credvault;
using namespace credvault::ui;
using namespace Qt::Literals::StringLiterals;

class TestLockStatusWidget : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void formatsTimeLeft_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::addRow("zero") << qint64(0) << u"0:00"_s;
        QTest::addRow("negative") << qint64(-5) << u"0:00"_s;
        QTest::addRow("seconds") << qint64(9) << u"0:09"_s;
        QTest::addRow("minutes") << qint64(29 * 60 + 59) << u"29:59"_s;
        QTest::addRow("hours") << qint64(3600 + 5 * 60 + 3) << u"1:05:03"_s;
    }
    void formatsTimeLeft()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(formatTimeLeft(seconds), text);
    }

    void showsLockedByDefault()
    {
        ManualClock clock;
        LockStatusWidget w(nullptr, clock);
        QVERIFY(!w.isUnlocked());
        QVERIFY(w.text().startsWith(u"Locked"_s));
    }

    void countsDownAndLocksAtExpiry()
    {
        ManualClock clock;
        LockStatusWidget w(nullptr, clock);
        w.setUnlockedUntil(clock.nowUtc().addSecs(30 * 60));
        QVERIFY(w.isUnlocked());
        QVERIFY2(w.text().startsWith(u"Unlocked until "_s), qPrintable(w.text()));
        QVERIFY2(w.text().endsWith(u"(30:00 left)"_s), qPrintable(w.text()));

        clock.advanceSecs(61);
        w.refresh();
        QVERIFY2(w.text().endsWith(u"(28:59 left)"_s), qPrintable(w.text()));

        clock.advanceSecs(28 * 60 + 59);
        w.refresh();
        QVERIFY(!w.isUnlocked());
        QVERIFY2(w.text().startsWith(u"Locked"_s), qPrintable(w.text()));
    }

    void refreshesByItselfWhileUnlocked()
    {
        // With the real clock: the one-second timer must move the countdown on its own.
        LockStatusWidget w;
        w.setUnlockedUntil(QDateTime::currentDateTimeUtc().addSecs(120));
        const QString first = w.text();
        QTRY_VERIFY_WITH_TIMEOUT(w.text() != first, 3000);
        w.setLocked();
        QVERIFY(w.text().startsWith(u"Locked"_s));
    }

    void anExpiryInThePastIsLocked()
    {
        ManualClock clock;
        LockStatusWidget w(nullptr, clock);
        w.setUnlockedUntil(clock.nowUtc().addSecs(-1));
        QVERIFY(!w.isUnlocked());
        QVERIFY(w.text().startsWith(u"Locked"_s));
    }
};

QTEST_MAIN(TestLockStatusWidget)
#include "TestLockStatusWidget.moc"
