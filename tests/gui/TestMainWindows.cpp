#include "customer/CustomerMainWindow.h"
#include "support/SupportMainWindow.h"
#include "widgets/LockStatusWidget.h"

#include <QtGui/QAction>
#include <QtTest/QtTest>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTreeWidget>

using namespace credvault::ui;
using namespace Qt::Literals::StringLiterals;

class TestMainWindows : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void customerWindow()
    {
        CustomerMainWindow w(u"/tmp/client.conf"_s);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.windowTitle(), u"CredVault"_s);
        auto *list = w.findChild<QTreeWidget *>(u"entryList"_s);
        QVERIFY(list);
        QCOMPARE(list->headerItem()->text(0), u"Title"_s);
        QVERIFY(w.findChild<QLabel *>(u"banner"_s)->text().contains(u"/tmp/client.conf"_s));
        QVERIFY(w.lockStatus()->text().startsWith(u"Locked"_s));
        // Nothing to lock while locked.
        QVERIFY(!w.lockAction()->isEnabled());
        QStringList menus;
        for (QAction *a : w.menuBar()->actions())
            menus << a->text();
        QCOMPARE(menus, QStringList({u"&File"_s, u"&Vault"_s, u"&Help"_s}));
    }

    void lockActionSignals()
    {
        CustomerMainWindow w(u"c.conf"_s);
        QSignalSpy spy(&w, &VaultMainWindow::lockRequested);
        w.lockAction()->setEnabled(true);
        w.lockAction()->trigger();
        QCOMPARE(spy.count(), 1);
    }

    void supportWindow()
    {
        SupportMainWindow w(u"/tmp/support.conf"_s);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.windowTitle(), u"CredVault Support"_s);
        QVERIFY(w.findChild<QTabWidget *>(u"accountTabs"_s));
        QVERIFY(w.findChild<QLineEdit *>(u"customerSearch"_s));
        QVERIFY(w.lockStatus()->text().startsWith(u"Locked"_s));
    }
};

QTEST_MAIN(TestMainWindows)
#include "TestMainWindows.moc"
