// Process hardening: hardenProcess() turns core dumps off (soft and hard limit) and makes
// the process non-dumpable; the real customer app does it at start (its /proc limits).

#include "common/Hardening.h"

#include "support/Executables.h"

#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

class TestHardening : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void thisProcess()
    {
        QVERIFY(processIsDumpable()); // as every process starts
        QVERIFY(hardenProcess().ok());
        QVERIFY(!processIsDumpable());
        QCOMPARE(coreLimits(), (std::pair<quint64, quint64>{0, 0}));
    }

    void theCustomerAppHardensItselfAtStart()
    {
        QTemporaryDir dir;
        const QString config = dir.filePath(u"client.conf"_s);
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly)); // unusable: the window says so and stays open
        f.close();
        QProcess app;
        app.start(test::binary(u"credvault"_s), {u"--config"_s, config});
        QVERIFY(app.waitForStarted());
        QByteArray limits;
        QVERIFY(QTest::qWaitFor(
            [&] {
                QFile l(u"/proc/%1/limits"_s.arg(app.processId()));
                if (!l.open(QIODevice::ReadOnly))
                    return false;
                limits = l.readAll();
                return limits.contains("Max core file size        0                    0");
            },
            10000));
        app.terminate();
        QVERIFY(app.waitForFinished());
    }
};

QTEST_GUILESS_MAIN(TestHardening)
#include "TestHardening.moc"
