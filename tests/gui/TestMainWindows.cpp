#include "common/DesktopMain.h"
#include "customer/CustomerMainWindow.h"
#include "support/SupportMainWindow.h"
#include "widgets/LockStatusWidget.h"

#include <QtCore/QFile>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTranslator>
#include <QtGui/QAction>
#include <QtTest/QtTest>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTreeWidget>

using namespace credvault::ui;
using namespace Qt::Literals::StringLiterals;

class TestMainWindows : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void translationsAreBuiltIn()
    {
        // The English source is built into the apps by qt_add_translations; a translator
        // for it loads from the resources, as the other languages will.
        QVERIFY(QFile::exists(u":/i18n/credvault_en.qm"_s));
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::English), u"credvault"_s, u"_"_s, u":/i18n"_s));
        QCOMPARE(translator.language(), u"en"_s);
        QCOMPARE(availableLanguages(), (QStringList{u"de"_s, u"en"_s, u"fr"_s}));
    }

    void theLanguageFollowsTheSystemOrTheSettings()
    {
        // Settings of their own, and no translator left behind.
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, home.path());
        const auto menuTitle = [] {
            CustomerMainWindow w(u"/tmp/client.conf"_s);
            return w.menuBar()->actions().first()->text();
        };
        const auto withLanguage = [&](const QLocale &system, const QString &chosen) {
            QLocale::setDefault(system);
            QSettings().setValue(u"ui/language"_s, chosen);
            const QLocale locale = applyChosenLanguage(*QCoreApplication::instance());
            const QString title = menuTitle();
            // Dates follow the language too.
            const QString month = QLocale().toString(QDate(2027, 2, 22), u"MMMM"_s);
            if (locale.language() == QLocale::German && month != u"Februar"_s)
                return std::pair{QLocale::AnyLanguage, u"date in "_s + month};
            for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>()) {
                QCoreApplication::removeTranslator(t);
                delete t;
            }
            return std::pair{locale.language(), title};
        };
        // The system's language when none is chosen…
        QCOMPARE(withLanguage(QLocale(QLocale::French, QLocale::France), QString()),
                 (std::pair{QLocale::French, u"&Fichier"_s}));
        QCOMPARE(withLanguage(QLocale(QLocale::German, QLocale::Germany), QString()),
                 (std::pair{QLocale::German, u"&Datei"_s}));
        // … the one chosen in the settings otherwise.
        QCOMPARE(withLanguage(QLocale(QLocale::French, QLocale::France), u"de"_s),
                 (std::pair{QLocale::German, u"&Datei"_s}));
        // A language without a translation: the English source.
        QCOMPARE(withLanguage(QLocale(QLocale::Japanese, QLocale::Japan), QString()).second, u"&File"_s);
        QLocale::setDefault(QLocale(QLocale::English));
        QSettings().remove(u"ui/language"_s);
    }

    void customerWindow()
    {
        CustomerMainWindow w(u"/tmp/client.conf"_s);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.windowTitle(), u"CredVault"_s);
        QVERIFY(w.findChild<QTableView *>(u"entryList"_s));
        // A configuration that cannot be read is said in the banner; nothing is offered.
        QVERIFY(w.findChild<QLabel *>(u"banner"_s)->text().contains(u"/tmp/client.conf"_s));
        QVERIFY(!w.findChild<QPushButton *>(u"sendCode"_s)->isVisible());
        QVERIFY(w.lockStatus()->text().startsWith(u"Locked"_s));
        // Nothing to lock while locked.
        QVERIFY(!w.lockAction()->isEnabled());
        QStringList menus;
        for (QAction *a : w.menuBar()->actions())
            menus << a->text();
        QCOMPARE(menus, QStringList({u"&File"_s, u"&Entry"_s, u"&Account"_s, u"&Vault"_s, u"&Help"_s}));
        // Not signed in: nothing to add, change or sign out of.
        for (QAction *a : {w.addEntryAction(), w.editEntryAction(), w.deleteEntryAction(), w.signOutAction()})
            QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
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
