// The customer window when things go wrong, against real servers on the offscreen
// platform: an unlock session that expires locks the view by itself (the keyserver's
// code sessions last a few seconds here); a stopped keyserver gives a clear message and
// the window goes on answering meanwhile; a stopped vault server too; an expired code is
// said plainly; wrong codes count down and then block, with the wait said (English
// plural forms from the built-in translation).

#include "client/EntryModel.h"
#include "client/UnlockSession.h"
#include "common/DesktopMain.h"
#include "customer/CustomerMainWindow.h"
#include "widgets/EntryDetails.h"
#include "widgets/LockStatusWidget.h"
#include "widgets/UnlockDialog.h"

#include "support/CustomerWindowDriver.h"
#include "support/DemoDeployment.h"
#include "support/KeyserverFixture.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtGui/QAction>
#include <QtTest/QtTest>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTableView>

using namespace credvault;
using namespace credvault::ui;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kSessionSeconds = 5;
constexpr int kCodeSeconds = 8;

// Counts the turns of the event loop (a 10 ms timer) while a request is on its way: a
// window that blocked on the network would count none.
class LoopCounter : public QObject {
public:
    LoopCounter()
    {
        connect(&m_timer, &QTimer::timeout, this, [this] { ++m_ticks; });
        m_timer.start(10);
    }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    int m_ticks = 0;
};

} // namespace

class TestCustomerWindowFaults : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::DemoDeployment m_demo;
    std::unique_ptr<CustomerMainWindow> m_w;

    // Opens the unlock dialog on a code just mailed; answers the code.
    QString freshCodeInDialog(UnlockDialog *&dialog)
    {
        test::Outbox outbox(m_demo.path(u"outbox"_s));
        outbox.take();
        QTest::mouseClick(m_w->findChild<QPushButton *>(u"sendCode"_s), Qt::LeftButton);
        const QString code = test::unlockCodeIn(test::waitForMail(outbox));
        QTest::mouseClick(m_w->findChild<QPushButton *>(u"enterCode"_s), Qt::LeftButton);
        dialog = test::waitForChild<UnlockDialog>(m_w.get());
        return code;
    }

    static void type(UnlockDialog *dialog, const QString &code)
    {
        auto *field = dialog->findChild<QLineEdit *>(u"code"_s);
        field->clear();
        QTest::keyClicks(field, code);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_demo.make(m_dir.filePath(u"demo"_s)).isEmpty());
        m_demo.append(u"keyserver.conf"_s, "[sessions]\ncode = " + QByteArray::number(kSessionSeconds) +
                                               "s\n[codes]\nlifetime = " + QByteArray::number(kCodeSeconds) +
                                               "s\nblock = 60s\nmax_per_window = 50\n");
        installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English));
        QVERIFY(m_demo.startKeyserver().isEmpty());
        QVERIFY(m_demo.startVault().isEmpty());
        m_w = std::make_unique<CustomerMainWindow>(m_demo.path(u"client.conf"_s));
        m_w->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_w.get()));
        QCOMPARE(test::signIn(*m_w, u"alice"_s, m_demo.user(u"alice"_s).password), QString());
        // One entry, added through the editor.
        m_w->addEntryAction()->trigger();
        auto *editor = test::waitForChild<EntryEditor>(m_w.get());
        QVERIFY(editor);
        test::setField(editor, u"title"_s, u"web1"_s);
        test::setField(editor, u"secret"_s, u"expiring-secret"_s);
        QPointer<EntryEditor> guard(editor);
        test::save(editor);
        QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(m_w->entryModel()->rowCount(), 1, 10000);
    }

    void anExpiredSessionLocksTheViewByItself()
    {
        test::Outbox outbox(m_demo.path(u"outbox"_s));
        QCOMPARE(test::unlockWithMailedCode(*m_w, outbox), QString());
        QTRY_COMPARE_WITH_TIMEOUT(m_w->entryModel()->openCount(), 1, 10000);
        m_w->entryList()->selectRow(0);
        QVERIFY(m_w->details()->visibleText().contains(u"web1"_s));
        QVERIFY(m_w->lockStatus()->text().startsWith(u"Unlocked"_s));
        // Nobody touches anything: the session ends and the view seals itself.
        QTRY_VERIFY_WITH_TIMEOUT(!m_w->session()->isUnlocked(), (kSessionSeconds + 5) * 1000);
        QCOMPARE(m_w->entryModel()->openCount(), 0);
        QVERIFY(m_w->entryModel()->secret(0).isEmpty());
        QVERIFY(!m_w->details()->visibleText().contains(u"web1"_s));
        QVERIFY(m_w->lockStatus()->text().startsWith(u"Locked"_s));
        QVERIFY(m_w->bannerText().startsWith(u"Entries are sealed"_s));
        QVERIFY(!m_w->lockAction()->isEnabled());
    }

    void aStoppedKeyserverGivesAClearMessageWhileTheWindowAnswers()
    {
        m_demo.keyserver().stop();
        // Asking for a code: the vault server relays to the keyserver, which is gone.
        LoopCounter loop;
        QElapsedTimer clock;
        clock.start();
        const QString before = m_w->bannerText();
        QTest::mouseClick(m_w->findChild<QPushButton *>(u"sendCode"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_w->bannerText() != before, 20000);
        QCOMPARE(m_w->bannerText(), u"The keyserver cannot be reached just now; nothing was sent. Try again later."_s);
        QVERIFY(!m_w->session()->isUnlocked());
        QVERIFY(m_w->isSignedIn()); // nothing else changed
        QVERIFY(m_w->findChild<QPushButton *>(u"sendCode"_s)->isEnabled());
        QVERIFY2(loop.ticks() > 0, "the window did not answer while the request was on its way");

        // Typing a code: the app talks to the keyserver itself.
        QTest::mouseClick(m_w->findChild<QPushButton *>(u"enterCode"_s), Qt::LeftButton);
        auto *dialog = test::waitForChild<UnlockDialog>(m_w.get());
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"code"_s), u"ABCD-EFGH-JKMN"_s);
        const int ticksBefore = loop.ticks();
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->message().contains(u"keyserver cannot be reached"_s), 20000);
        QVERIFY(loop.ticks() > ticksBefore);
        dialog->reject();

        // Back: a code works again.
        QVERIFY(m_demo.startKeyserver().isEmpty());
        test::Outbox outbox(m_demo.path(u"outbox"_s));
        QCOMPARE(test::unlockWithMailedCode(*m_w, outbox), QString());
        QTRY_COMPARE_WITH_TIMEOUT(m_w->entryModel()->openCount(), 1, 10000);
        m_w->lockAction()->trigger();
    }

    void aStoppedVaultServerGivesAClearMessage()
    {
        m_demo.vault().stop();
        m_w->entryModel()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(m_w->statusBar()->currentMessage().contains(u"vault server cannot be reached"_s),
                                 20000);
        QVERIFY(m_w->isSignedIn());
        QCOMPARE(m_w->entryModel()->rowCount(), 1); // what was listed stays listed
        QVERIFY(m_demo.startVault().isEmpty());
        m_w->entryModel()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!m_w->entryModel()->busy(), 10000);
        QCOMPARE(m_w->entryModel()->rowCount(), 1);
    }

    void anExpiredCodeIsSaidPlainly()
    {
        UnlockDialog *dialog = nullptr;
        const QString code = freshCodeInDialog(dialog);
        QVERIFY(!code.isEmpty());
        QVERIFY(dialog);
        QTest::qWait((kCodeSeconds + 1) * 1000);
        type(dialog, code);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->message(), u"The code has expired. Ask for a new one."_s, 10000);
        QVERIFY(!m_w->session()->isUnlocked());
        // Not a code at all: said before anything is sent.
        type(dialog, u"hello"_s);
        QVERIFY2(dialog->message().startsWith(u"That is not an unlock code"_s), qPrintable(dialog->message()));
        dialog->reject();
    }

    void wrongCodesCountDownThenBlock()
    {
        UnlockDialog *dialog = nullptr;
        const QString code = freshCodeInDialog(dialog);
        QVERIFY(dialog);
        const QString wrong = code.startsWith(u'0') ? u"1111-1111-1111"_s : u"0000-0000-0000"_s;
        for (int left = 4; left >= 1; --left) {
            type(dialog, wrong);
            const QString expected = left == 1 ? u"The code is not right (1 try left)."_s
                                               : u"The code is not right (%1 tries left)."_s.arg(left);
            QTRY_COMPARE_WITH_TIMEOUT(dialog->message(), expected, 10000);
        }
        type(dialog, wrong);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->message(),
                                  u"Too many wrong codes: the code is void. Ask for a new one in 1 minute."_s, 10000);
        QVERIFY(!m_w->session()->isUnlocked());
        dialog->reject();
    }
};

QTEST_MAIN(TestCustomerWindowFaults)
#include "TestCustomerWindowFaults.moc"
