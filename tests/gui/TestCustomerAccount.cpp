// The customer app's account features against the real keyserver, vault server and
// SMTP outbox of an init-demo folder, on the offscreen platform: the access history (a
// staff unlock made through the keyserver's staff listener shows with engineer, reason
// and ticket, told once in a notice; a history that shrank or forked is warned about).

#include "client/AccessHistory.h"
#include "client/EntryModel.h"
#include "client/UnlockSession.h"
#include "common/DesktopMain.h"
#include "crypto/Primitives.h"
#include "crypto/X25519.h"
#include "customer/AccessHistoryWatch.h"
#include "customer/CustomerMainWindow.h"
#include "protocol/Base64Url.h"
#include "widgets/AccessHistoryDialog.h"

#include "support/CustomerWindowDriver.h"
#include "support/DemoDeployment.h"
#include "support/KeyserverFixture.h"

#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtTest/QtTest>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QTableView>

using namespace credvault;
using namespace credvault::ui;
using namespace Qt::Literals::StringLiterals;

class TestCustomerAccount : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::DemoDeployment m_demo;
    std::unique_ptr<CustomerMainWindow> m_w;
    QUuid m_account;

    QString password() const { return m_demo.user(u"alice"_s).password; }
    AccessHistoryWatch &watch() const { return *m_w->accessHistory(); }

    // Runs a history check and returns its outcome ("ok", "shrank", "forked", an error code).
    QString checkHistory()
    {
        QSignalSpy checked(&watch(), &AccessHistoryWatch::checked);
        watch().check();
        if (!QTest::qWaitFor([&] { return checked.size() > 0; }, 15000))
            return u"no answer"_s;
        return checked.first().first().toString();
    }

    QString historyPinsFile() const
    {
        return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/access-history.ini"_s;
    }

    // Opens Account › Access history and waits for the dialog to show the answer.
    AccessHistoryDialog *openHistory()
    {
        QSignalSpy checked(&watch(), &AccessHistoryWatch::checked);
        m_w->findChild<QAction *>(u"accessHistory"_s)->trigger();
        if (!QTest::qWaitFor([&] { return checked.size() > 0; }, 15000))
            return nullptr;
        return watch().dialog() && watch().dialog()->isVisible() ? watch().dialog() : nullptr;
    }

    // The text of column `column` of the dialog's unlock table, row `row`.
    static QString cell(const QTableView *table, int row, int column)
    {
        return table->model()->index(row, column).data().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English));
        const QString started = m_demo.makeAndStart(m_dir.filePath(u"demo"_s));
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_account = QUuid::fromString(m_demo.user(u"alice"_s).accountId);
        // Five sealed entries, as the demo has them.
        const test::RunResult added =
            test::run(test::binary(u"credvault-cli"_s), {u"demo-entries"_s, u"--dir"_s, m_demo.path(QString())});
        QVERIFY2(added.exitCode == 0, added.err.constData());
        m_w = std::make_unique<CustomerMainWindow>(m_demo.path(u"client.conf"_s));
        m_w->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_w.get()));
        QSignalSpy checked(&watch(), &AccessHistoryWatch::checked);
        QCOMPARE(test::signIn(*m_w, u"alice"_s, password()), QString());
        // The first look at the history comes with the sign-in, and is remembered.
        QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 15000);
        QCOMPARE(checked.first().first().toString(), u"ok"_s);
        QVERIFY(watch().pins().lastSeen(m_account).has_value());
    }

    void accessHistoryShowsAStaffUnlockAndTellsItOnce()
    {
        // Alice unlocks with a code and locks again.
        test::Outbox outbox(m_demo.path(u"outbox"_s));
        QCOMPARE(test::unlockWithMailedCode(*m_w, outbox), QString());
        m_w->lockAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!m_w->session()->isUnlocked(), 5000);
        QCOMPARE(checkHistory(), u"ok"_s);
        QVERIFY(!m_w->findChild<QMessageBox *>(u"staffUnlockNotice"_s)); // nothing to tell yet

        // Sam, a support engineer, unlocks through the keyserver's staff listener.
        const crypto::X25519PrivateKey sessionKey = crypto::X25519PrivateKey::generate();
        const test::HttpReply staff = m_demo.keyserverCall(
            u"staff"_s, "POST",
            "/v1/staff/accounts/" + m_account.toString(QUuid::WithoutBraces).toLatin1() + "/unlock-sessions",
            test::json({{u"reason"_s, u"migrating the shop database"_s},
                        {u"ticket"_s, u"T-4711"_s},
                        {u"session_public_key"_s,
                         QString::fromLatin1(toBase64Url(crypto::bytesView(sessionKey.publicKey())))}}));
        QCOMPARE(staff.status, 201);

        // Told once: a notice naming the engineer, the reason and the ticket.
        QCOMPARE(checkHistory(), u"ok"_s);
        auto *notice = test::waitForChild<QMessageBox>(m_w.get(), u"staffUnlockNotice"_s);
        QVERIFY(notice);
        QVERIFY2(notice->text().contains(u"sam"_s) && notice->text().contains(u"migrating the shop database"_s) &&
                     notice->text().contains(u"T-4711"_s),
                 qPrintable(notice->text()));
        QCOMPARE(test::answerMessageBox(m_w.get(), u"staffUnlockNotice"_s, u"ok"_s), QString());
        QTRY_VERIFY(!m_w->findChild<QMessageBox *>(u"staffUnlockNotice"_s));
        QCOMPARE(checkHistory(), u"ok"_s);
        QTest::qWait(200);
        QVERIFY(!m_w->findChild<QMessageBox *>(u"staffUnlockNotice"_s)); // not again

        // Account › Access history: both unlocks, the staff one on top and marked.
        QAction *action = m_w->findChild<QAction *>(u"accessHistory"_s);
        QVERIFY(action && action->isEnabled());
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_H));
        AccessHistoryDialog *dialog = openHistory();
        QVERIFY(dialog);
        QCOMPARE(dialog->warningText(), QString());
        QTableView *unlocks = dialog->unlockTable();
        QCOMPARE(unlocks->model()->rowCount(), 2);
        QCOMPARE(cell(unlocks, 0, 1), u"Support: sam"_s);
        QCOMPARE(cell(unlocks, 0, 2), u"migrating the shop database"_s);
        QCOMPARE(cell(unlocks, 0, 3), u"T-4711"_s);
        QVERIFY2(cell(unlocks, 0, 4).startsWith(u"open until"_s), qPrintable(cell(unlocks, 0, 4)));
        QVERIFY(unlocks->model()->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(cell(unlocks, 1, 1), u"You, with a code"_s);
        QVERIFY2(cell(unlocks, 1, 4).startsWith(u"locked"_s), qPrintable(cell(unlocks, 1, 4)));
        QCOMPARE(cell(unlocks, 1, 5), u"5"_s); // the demo's five entries were decrypted
        QVERIFY(!unlocks->model()->index(1, 0).data(Qt::FontRole).value<QFont>().bold());
        // Every event, newest first, in words.
        const QAbstractItemModel *events = dialog->eventTable()->model();
        QVERIFY(events->rowCount() >= 5);
        QVERIFY2(events->index(0, 2).data().toString().startsWith(u"A support engineer unlocked: sam"_s),
                 qPrintable(events->index(0, 2).data().toString()));
        dialog->close();
    }

    void aHistoryThatShrankOrForkedIsWarnedAbout()
    {
        const client::SeenHead seen = watch().pins().lastSeen(m_account).value();
        // This computer "saw" a longer history than the keyserver shows now.
        client::SeenHead longer = seen;
        longer.count += 5;
        QVERIFY(watch().pins().remember(m_account, longer));
        QCOMPARE(checkHistory(), u"shrank"_s);
        auto *box = test::waitForChild<QMessageBox>(m_w.get(), u"historyWarning"_s);
        QVERIFY(box);
        QVERIFY2(box->text().contains(u"shorter"_s), qPrintable(box->text()));
        QCOMPARE(test::answerMessageBox(m_w.get(), u"historyWarning"_s, u"ok"_s), QString());
        // The warning stays: the remembered head is kept.
        QCOMPARE(watch().pins().lastSeen(m_account), std::optional<client::SeenHead>(longer));

        // A row seen before has another hash now: rewritten.
        client::SeenHead rewritten = seen;
        rewritten.ownHash = QByteArray(32, '\x01');
        QVERIFY(watch().pins().remember(m_account, rewritten));
        QCOMPARE(checkHistory(), u"forked"_s);
        QVERIFY(test::waitForChild<QMessageBox>(m_w.get(), u"historyWarning"_s));
        QCOMPARE(test::answerMessageBox(m_w.get(), u"historyWarning"_s, u"ok"_s), QString());
        QVERIFY(openHistory());
        QCOMPARE(test::answerMessageBox(m_w.get(), u"historyWarning"_s, u"ok"_s), QString());
        QVERIFY2(watch().dialog()->warningText().contains(u"rewritten"_s), qPrintable(watch().dialog()->warningText()));
        watch().dialog()->close();

        // Back to the true head: no warning, and the new head is remembered.
        QVERIFY(watch().pins().remember(m_account, seen));
        QCOMPARE(checkHistory(), u"ok"_s);
        QVERIFY(watch().pins().lastSeen(m_account)->count >= seen.count);
    }

    void cleanupTestCase() { m_w.reset(); }
};

QTEST_MAIN(TestCustomerAccount)
#include "TestCustomerAccount.moc"
