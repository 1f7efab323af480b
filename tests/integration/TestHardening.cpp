// Process hardening: hardenProcess() turns core dumps off (soft and hard limit) and makes
// the process non-dumpable; the real customer app and both servers do it at start (their
// /proc limits).

#include "common/Hardening.h"

#include "support/DemoDeployment.h"
#include "support/Executables.h"

#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

namespace {

bool coreDumpsOff(qint64 pid)
{
    return QTest::qWaitFor(
        [&] {
            QFile l(u"/proc/%1/limits"_s.arg(pid));
            return l.open(QIODevice::ReadOnly) &&
                   l.readAll().contains("Max core file size        0                    0");
        },
        10000);
}

} // namespace

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
        QVERIFY(coreDumpsOff(app.processId()));
        app.terminate();
        QVERIFY(app.waitForFinished());
    }

    void theServersHardenThemselvesAtStart()
    {
        QTemporaryDir dir;
        test::DemoDeployment demo;
        const QString started = demo.makeAndStart(dir.filePath(u"demo"_s));
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QVERIFY(coreDumpsOff(demo.keyserver().pid()));
        QVERIFY(coreDumpsOff(demo.vault().pid()));
    }
};

QTEST_GUILESS_MAIN(TestHardening)
#include "TestHardening.moc"
