// The support app (credvault-support's window) on the offscreen platform against the real
// servers of an init-demo folder: sam signs in and presents the staff certificate from
// init-demo (a wrong passphrase first, refused plainly), finds alice as he types, opens
// her account in a tab, unlocks it for support with reason and ticket, sees and copies
// her entries, and locks; alice's mailbox holds the notice naming him, the reason and the
// ticket, and no code. Then: tabs unlocked side by side, the idle time and the screen
// locking lock them all, a passphrase kept in the keychain only when ticked, the address
// change of an admin, the audit, and a revoked certificate refused.

#include "client/AccessHistory.h"
#include "client/EntryModel.h"
#include "client/StaffApi.h"
#include "client/UnlockSession.h"
#include "common/DesktopMain.h"
#include "customer/CustomerMainWindow.h"
#include "desktop/Keychain.h"
#include "desktop/SecureClipboard.h"
#include "support/AccountAuditView.h"
#include "support/AccountTab.h"
#include "support/StaffCertificateDialog.h"
#include "support/SupportMainWindow.h"
#include "support/SupportUnlockDialog.h"
#include "support/UnlockEmailDialog.h"
#include "widgets/AppSettingsPage.h"
#include "widgets/EntryBrowser.h"
#include "widgets/EntryDetails.h"
#include "widgets/EntryEditor.h"
#include "widgets/LockStatusWidget.h"

#include "support/CustomerWindowDriver.h"
#include "support/DemoDeployment.h"
#include "support/KeyserverFixture.h"

#include <QtCore/QFile>
#include <QtCore/QPointer>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusMessage>

#include <QtGui/QClipboard>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QRadioButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QToolButton>
#include <algorithm>
#include <csignal>

using namespace credvault;
using namespace credvault::ui;
using namespace Qt::Literals::StringLiterals;

class TestSupportApp : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::DemoDeployment m_demo;
    std::unique_ptr<SupportMainWindow> m_w;
    std::unique_ptr<test::Outbox> m_outbox;

    QByteArray passphrase() const
    {
        QFile f(m_demo.pki(u"sam.p12.pass"_s));
        return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
    }

    // Types `passphrase` into the open certificate dialog and sends it.
    StaffCertificateDialog *submitPassphrase(const QByteArray &pass)
    {
        auto *dialog = test::waitForChild<StaffCertificateDialog>(m_w.get());
        if (!dialog)
            return nullptr;
        auto *field = dialog->findChild<QLineEdit *>(u"passphrase"_s);
        field->clear();
        QTest::keyClicks(field, QString::fromUtf8(pass));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        return dialog;
    }

    // Opens the tab's "Unlock for support" dialog, types reason and ticket, sends it.
    QString unlockForSupport(AccountTab *tab, const QString &reason, const QString &ticket)
    {
        tab->unlockForSupport();
        auto *dialog = test::waitForChild<SupportUnlockDialog>(m_w.get());
        if (!dialog)
            return u"no support unlock dialog"_s;
        QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(u"reason"_s), reason);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"ticket"_s), ticket);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        return {};
    }

    // Finds `username` through the search field and opens (or shows) the tab of the account.
    AccountTab *openAccountOf(const QString &username)
    {
        auto *search = m_w->findChild<QLineEdit *>(u"customerSearch"_s);
        search->clear();
        QTest::keyClicks(search, username);
        if (!QTest::qWaitFor(
                [&] { return m_w->results()->rowCount() == 1 && m_w->results()->item(0, 1)->text() == username; },
                10000))
            return nullptr;
        m_w->results()->setCurrentCell(0, 0);
        QTest::keyClick(m_w->results(), Qt::Key_Return);
        const QString account = m_demo.user(username).accountId;
        const auto shown = [&] {
            return m_w->currentTab() && m_w->currentTab()->account().toString(QUuid::WithoutBraces) == account;
        };
        return QTest::qWaitFor(shown, 5000) ? m_w->currentTab() : nullptr;
    }

    // How many "locked" rows the keyserver's audit of alice's account holds.
    qsizetype alicesLockedRows()
    {
        return m_demo
            .keyserverCall(u"staff"_s, "GET",
                           "/v1/staff/accounts/" + m_demo.user(u"alice"_s).accountId.toLatin1() + "/audit")
            .body.count("\"locked\"");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English)); // English plurals
        QString started = m_demo.make(m_dir.filePath(u"demo"_s));
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_demo.append(u"keyserver.conf"_s, "[email]\nchange_delay = 6s\n"); // not a day
        started = m_demo.startKeyserver();
        if (started.isEmpty())
            started = m_demo.startVault();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const test::RunResult added =
            test::run(test::binary(u"credvault-cli"_s), {u"demo-entries"_s, u"--dir"_s, m_demo.path(QString())});
        QVERIFY2(added.exitCode == 0, added.err.constData());
        m_outbox = std::make_unique<test::Outbox>(m_demo.path(u"outbox"_s));
        m_outbox->take();
        m_w = std::make_unique<SupportMainWindow>(m_demo.path(u"support.conf"_s));
        m_w->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_w.get()));
    }

    void samSignsInWithHisStaffCertificate()
    {
        QSignalSpy ready(m_w.get(), &SupportMainWindow::ready);
        m_w->beginSignIn(u"sam"_s);
        QCOMPARE(test::submitSignIn(*m_w, u"sam"_s, m_demo.user(u"sam"_s).password), QString());

        // A wrong passphrase: said so, and the dialog stays.
        StaffCertificateDialog *dialog = submitPassphrase("not-the-passphrase");
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->message().contains(u"passphrase is not right"_s), 10000);
        QVERIFY(dialog->isVisible());
        QVERIFY(!m_w->isReady());
        QVERIFY(!m_w->findChild<QLineEdit *>(u"customerSearch"_s)->isEnabled());

        QCOMPARE(submitPassphrase(passphrase()), dialog);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 15000);
        QVERIFY(m_w->isReady());
        QVERIFY2(m_w->bannerText().contains(u"Signed in as sam (admin)"_s), qPrintable(m_w->bannerText()));
        QVERIFY(m_w->findChild<QLineEdit *>(u"customerSearch"_s)->isEnabled());
    }

    void samFindsAliceAsHeTypesAndOpensHerAccount()
    {
        auto *search = m_w->findChild<QLineEdit *>(u"customerSearch"_s);
        QTest::keyClicks(search, u"alice@exa"_s);
        QTableWidget *results = m_w->results();
        QTRY_COMPARE_WITH_TIMEOUT(results->rowCount(), 1, 10000);
        QCOMPARE(results->item(0, 1)->text(), u"alice"_s);
        QCOMPARE(results->item(0, 2)->text(), u"alice@example.com"_s);
        QCOMPARE(results->item(0, 4)->text(), m_demo.user(u"alice"_s).accountId);

        results->setCurrentCell(0, 0);
        QTest::keyClick(results, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_w->tabs()->count(), 1, 5000);
        AccountTab *tab = m_w->currentTab();
        QVERIFY(tab);
        QCOMPARE(m_w->tabs()->tabText(0), u"Alice Example"_s);
        QTRY_COMPARE_WITH_TIMEOUT(tab->model()->rowCount(), 5, 10000);
        QCOMPARE(tab->model()->openCount(), 0); // sealed rows
        auto *keyState = tab->findChild<QLabel *>(u"keyState"_s);
        QTRY_VERIFY_WITH_TIMEOUT(keyState->text().contains(u"Unlock codes go to alice@example.com"_s), 10000);
        QVERIFY(keyState->text().contains(u"Notices go to alice@example.com"_s));
        QVERIFY(tab->findChild<QPushButton *>(u"unlockForSupport"_s)->isEnabled());
        QVERIFY(!tab->findChild<QPushButton *>(u"lockNow"_s)->isEnabled());

        // Opening her again shows the same tab.
        QTest::keyClick(results, Qt::Key_Return);
        QCOMPARE(m_w->tabs()->count(), 1);
    }

    void samUnlocksWithReasonAndTicketAndAliceIsTold()
    {
        AccountTab *tab = m_w->currentTab();
        QTest::mouseClick(tab->findChild<QPushButton *>(u"unlockForSupport"_s), Qt::LeftButton);
        QPointer<SupportUnlockDialog> dialog = test::waitForChild<SupportUnlockDialog>(m_w.get());
        QVERIFY(dialog);
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // reason and ticket are required
        QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(u"reason"_s), u"Customer asked to fix the backups"_s);
        QVERIFY(!ok->isEnabled());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"ticket"_s), u"T-1234"_s);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(tab->session()->isUnlocked(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(tab->model()->openCount(), 5, 15000);
        QVERIFY(!dialog || !dialog->isVisible()); // closed (and deleted)
        QVERIFY(tab->findChild<QPushButton *>(u"lockNow"_s)->isEnabled());
        QVERIFY(!tab->findChild<QPushButton *>(u"unlockForSupport"_s)->isEnabled());
        QVERIFY(tab->findChild<LockStatusWidget *>(u"countdown"_s)->isUnlocked());
        QVERIFY(m_w->lockStatus()->isUnlocked());

        const QByteArray mail = test::waitForMail(*m_outbox);
        QVERIFY(mail.contains("alice@example.com"));
        QVERIFY(mail.contains("Engineer: sam"));
        QVERIFY(mail.contains("Customer asked to fix the backups"));
        QVERIFY(mail.contains("T-1234"));
        QVERIFY(test::unlockCodeIn(mail).isEmpty());

        // Plaintext in the details, copied by its button.
        tab->browser()->selectEntry(0);
        const SecureBuffer secret = tab->model()->secret(0);
        QVERIFY(!secret.isEmpty());
        auto *copy = tab->browser()->details()->findChild<QToolButton *>(u"copySecret"_s);
        QVERIFY(copy && copy->isEnabled());
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromUtf8(secret.view()));
    }

    void lockNowWipesTheEntriesAndTheClipboard()
    {
        AccountTab *tab = m_w->currentTab();
        // An editor open on an entry holds its plaintext: it closes with the lock.
        tab->browser()->selectEntry(0);
        QTest::mouseClick(tab->findChild<QPushButton *>(u"editEntry"_s), Qt::LeftButton);
        QPointer<EntryEditor> editor = test::waitForChild<EntryEditor>(m_w.get());
        QVERIFY(editor);
        QCOMPARE(editor->mode(), EntryEditor::Mode::Edit);
        QTest::mouseClick(tab->findChild<QPushButton *>(u"lockNow"_s), Qt::LeftButton);
        QTRY_VERIFY(editor.isNull() || !editor->isVisible());
        QVERIFY(m_w->statusBar()->currentMessage().contains(u"the open editor was closed"_s));
        QVERIFY(!tab->session()->isUnlocked());
        QCOMPARE(tab->model()->openCount(), 0);
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
        QVERIFY(!tab->findChild<LockStatusWidget *>(u"countdown"_s)->isUnlocked());
        QVERIFY(!m_w->lockStatus()->isUnlocked());
        QVERIFY(tab->findChild<QPushButton *>(u"unlockForSupport"_s)->isEnabled());
    }

    void samAddsAnEntryWhileLockedAndUpdatesItUnlocked()
    {
        AccountTab *tab = m_w->currentTab();
        QVERIFY(!tab->session()->isUnlocked());
        QTest::mouseClick(tab->findChild<QPushButton *>(u"addEntry"_s), Qt::LeftButton);
        auto *editor = test::waitForChild<EntryEditor>(m_w.get());
        QVERIFY(editor);
        QCOMPARE(editor->mode(), EntryEditor::Mode::Add);
        test::setField(editor, u"title"_s, u"backup server"_s);
        test::setField(editor, u"host"_s, u"backup1.example.net"_s);
        test::setField(editor, u"username"_s, u"restic"_s);
        test::setField(editor, u"secret"_s, u"support-set s3cret"_s);
        test::save(editor);
        QTRY_COMPARE_WITH_TIMEOUT(tab->model()->rowCount(), 6, 15000);
        int added = -1;
        for (int row = 0; row < 6; ++row)
            if (tab->model()->data(tab->model()->index(row, 0), client::EntryModel::UpdatedByRole).toString() ==
                u"staff:sam"_s)
                added = row;
        QVERIFY(added >= 0); // written by sam, sealed like the rest
        QVERIFY(!tab->model()->fields(added).has_value());
        const QUuid id = tab->model()->data(tab->model()->index(added, 0), client::EntryModel::IdRole).toUuid();

        // Unlocked: it opens with what sam typed; he corrects its title.
        QCOMPARE(unlockForSupport(tab, u"Check the new backup login"_s, u"T-1234"_s), QString());
        QTRY_COMPARE_WITH_TIMEOUT(tab->model()->openCount(), 6, 15000);
        (void)test::waitForMail(*m_outbox);
        const int row = tab->model()->rowOf(id);
        QCOMPARE(tab->model()->fields(row)->host, u"backup1.example.net"_s);
        QCOMPARE(tab->model()->secret(row).view(), QByteArrayView("support-set s3cret"));
        tab->browser()->selectEntry(row);
        QTest::mouseClick(tab->findChild<QPushButton *>(u"editEntry"_s), Qt::LeftButton);
        editor = test::waitForChild<EntryEditor>(m_w.get());
        QVERIFY(editor);
        QCOMPARE(editor->mode(), EntryEditor::Mode::Edit);
        test::setField(editor, u"title"_s, u"backup server (restic)"_s);
        test::save(editor);
        QTRY_COMPARE_WITH_TIMEOUT(test::rowTitled(*tab->model(), u"backup server (restic)"_s), tab->model()->rowOf(id),
                                  15000);
        QCOMPARE(tab->model()
                     ->data(tab->model()->index(tab->model()->rowOf(id), 0), client::EntryModel::RevisionRole)
                     .toLongLong(),
                 2);
        tab->lock();
        QCOMPARE(tab->model()->openCount(), 0);
    }

    void eachTabUnlocksOnItsOwnAndClosingOneLocksIt()
    {
        // Bob's account in a second tab: no vault yet, so nothing to unlock.
        AccountTab *bob = openAccountOf(u"bob"_s);
        QVERIFY(bob);
        QCOMPARE(m_w->tabs()->count(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(bob->findChild<QLabel *>(u"keyState"_s)->text().contains(u"no vault yet"_s), 10000);
        QVERIFY(!bob->findChild<QPushButton *>(u"unlockForSupport"_s)->isEnabled());

        // Sam adds bob's first entry, which makes his vault; then unlocks it.
        QTest::mouseClick(bob->findChild<QPushButton *>(u"addEntry"_s), Qt::LeftButton);
        auto *editor = test::waitForChild<EntryEditor>(m_w.get());
        QVERIFY(editor);
        test::setField(editor, u"title"_s, u"bob's mail"_s);
        test::setField(editor, u"secret"_s, u"bob-mail-pw"_s);
        test::save(editor);
        QTRY_COMPARE_WITH_TIMEOUT(bob->model()->rowCount(), 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(
            bob->findChild<QLabel *>(u"keyState"_s)->text().contains(u"Unlock codes go to bob@example.com"_s), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(bob->findChild<QPushButton *>(u"unlockForSupport"_s)->isEnabled(), 5000);
        m_outbox->take(); // "your vault was created"
        QCOMPARE(unlockForSupport(bob, u"Check the new mail login"_s, u"T-2000"_s), QString());
        QTRY_COMPARE_WITH_TIMEOUT(bob->model()->openCount(), 1, 15000);
        QVERIFY(test::waitForMail(*m_outbox).contains("bob@example.com"));

        // Alice's tab unlocked too, then closed: its unlock ends (the keyserver says
        // "locked"); bob's goes on.
        auto *alice = qobject_cast<AccountTab *>(m_w->tabs()->widget(0));
        QSignalSpy unlocked(alice->session(), &client::UnlockSession::unlocked);
        QCOMPARE(unlockForSupport(alice, u"Second look at the backups"_s, u"T-1235"_s), QString());
        QTRY_COMPARE_WITH_TIMEOUT(unlocked.size(), 1, 15000);
        QVERIFY(bob->session()->isUnlocked());
        (void)test::waitForMail(*m_outbox);
        const qsizetype lockedBefore = alicesLockedRows();
        Q_EMIT m_w->tabs()->tabCloseRequested(0);
        QCOMPARE(m_w->tabs()->count(), 1);
        QCOMPARE(m_w->currentTab(), bob);
        const test::HttpReply audit = m_demo.keyserverCall(
            u"staff"_s, "GET", "/v1/staff/accounts/" + m_demo.user(u"alice"_s).accountId.toLatin1() + "/audit");
        QCOMPARE(audit.status, 200);
        QVERIFY(audit.body.contains("T-1235"));
        QTRY_COMPARE_WITH_TIMEOUT(alicesLockedRows(), lockedBefore + 1, 10000); // closing the tab locked it
        QVERIFY(bob->session()->isUnlocked());
        QCOMPARE(bob->model()->openCount(), 1);
        QCOMPARE(bob->model()->secret(0).view(), QByteArrayView("bob-mail-pw"));
        bob->lock();
        QCOMPARE(bob->model()->openCount(), 0);
    }

    void idleTimeAndTheScreenLockingLockEveryTab()
    {
        // The idle and clipboard times, from File › Settings.
        m_w->findChild<QAction *>(u"settings"_s)->trigger();
        QPointer<AppSettingsDialog> settings = test::waitForChild<AppSettingsDialog>(m_w.get());
        QVERIFY(settings);
        settings->findChild<QSpinBox *>(u"idleMinutes"_s)->setValue(3);
        settings->findChild<QSpinBox *>(u"clipboardSeconds"_s)->setValue(20);
        QTest::mouseClick(settings->findChild<QPushButton *>(u"save"_s), Qt::LeftButton);
        QTRY_VERIFY(settings.isNull());
        QCOMPARE(m_w->autoLock().idleTimeout(), 3 * 60 * 1000);
        QCOMPARE(m_w->clipboard().clearAfter(), 20 * 1000);
        QCOMPARE(AppSettingsPage::idleMinutes(), 3);
        QVERIFY(!m_w->autoLock().isArmed()); // nothing is unlocked

        // Alice's tab again beside bob's, both unlocked.
        AccountTab *bob = m_w->currentTab();
        AccountTab *alice = openAccountOf(u"alice"_s);
        QVERIFY(alice);
        QCOMPARE(m_w->tabs()->count(), 2);
        auto *search = m_w->findChild<QLineEdit *>(u"customerSearch"_s);
        QTRY_VERIFY_WITH_TIMEOUT(alice->findChild<QPushButton *>(u"unlockForSupport"_s)->isEnabled(), 10000);
        const auto unlockBoth = [&] {
            for (AccountTab *tab : {alice, bob}) {
                QSignalSpy unlocked(tab->session(), &client::UnlockSession::unlocked);
                QCOMPARE(unlockForSupport(tab, u"Idle lock check"_s, u"T-3000"_s), QString());
                QTRY_COMPARE_WITH_TIMEOUT(unlocked.size(), 1, 15000);
                (void)test::waitForMail(*m_outbox);
            }
            QVERIFY(m_w->autoLock().isArmed());
        };
        unlockBoth();
        if (QTest::currentTestFailed())
            return;

        // Input keeps them open past the idle time; without input both lock by themselves.
        m_w->autoLock().setIdleTimeout(1500);
        for (int i = 0; i < 6; ++i) {
            QTest::keyClick(search, Qt::Key_End);
            QTest::qWait(400);
        }
        QVERIFY(alice->session()->isUnlocked());
        QVERIFY(bob->session()->isUnlocked());
        QTRY_VERIFY_WITH_TIMEOUT(!alice->session()->isUnlocked() && !bob->session()->isUnlocked(), 6000);
        QCOMPARE(alice->model()->openCount(), 0);
        QCOMPARE(bob->model()->openCount(), 0);
        QCOMPARE(m_w->statusBar()->currentMessage(), u"Locked after 1 minute without use."_s);
        QVERIFY(!m_w->autoLock().isArmed());

        // The desktop's screen locking (the freedesktop screensaver signal on the session bus).
        m_w->autoLock().setIdleTimeout(0);
        unlockBoth();
        if (QTest::currentTestFailed())
            return;
        QDBusMessage locked = QDBusMessage::createSignal(u"/org/freedesktop/ScreenSaver"_s,
                                                         u"org.freedesktop.ScreenSaver"_s, u"ActiveChanged"_s);
        locked << true;
        QVERIFY(QDBusConnection::sessionBus().send(locked));
        QTRY_VERIFY_WITH_TIMEOUT(!alice->session()->isUnlocked() && !bob->session()->isUnlocked(), 6000);
        QCOMPARE(m_w->statusBar()->currentMessage(), u"Locked because the screen locked."_s);
        m_w->autoLock().setIdleTimeout(AppSettingsPage::idleMinutes() * 60 * 1000);
    }

    void aRememberedPassphraseIsUsedWithoutAsking()
    {
        const QString service = u"credvault-support"_s;
        const QString key = StaffCertificateDialog::keychainKey(u"sam"_s, m_demo.pki(u"sam.p12"_s));
        // Not ticked at the first sign-in: the keychain holds nothing.
        QCOMPARE(keychainRead(service, key).error().code, u"missing"_s);

        const auto signInAgain = [&] {
            m_w->findChild<QAction *>(u"signOut"_s)->trigger();
            QVERIFY(!m_w->isReady());
            m_w->beginSignIn(u"sam"_s);
            QCOMPARE(test::submitSignIn(*m_w, u"sam"_s, m_demo.user(u"sam"_s).password), QString());
        };
        // Ticked: kept, and the next sign-in presents the certificate without asking.
        signInAgain();
        auto *dialog = test::waitForChild<StaffCertificateDialog>(m_w.get());
        QVERIFY(dialog);
        dialog->findChild<QCheckBox *>(u"rememberPassphrase"_s)->setChecked(true);
        QSignalSpy ready(m_w.get(), &SupportMainWindow::ready);
        submitPassphrase(passphrase());
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 15000);
        Result<SecureBuffer> kept = keychainRead(service, key);
        QVERIFY(kept);
        QCOMPARE(kept->view(), QByteArrayView(passphrase()));

        signInAgain();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 15000);
        for (StaffCertificateDialog *d : m_w->findChildren<StaffCertificateDialog *>())
            QVERIFY(!d->isVisible());

        // A remembered passphrase that no longer fits: the dialog asks, and says why; not
        // ticked this time, the keychain entry goes.
        QVERIFY(keychainWrite(service, key, "no-longer-right"));
        signInAgain();
        dialog = test::waitForChild<StaffCertificateDialog>(m_w.get());
        QVERIFY(dialog);
        QVERIFY2(dialog->message().contains(u"passphrase is not right"_s), qPrintable(dialog->message()));
        QVERIFY(!dialog->findChild<QCheckBox *>(u"rememberPassphrase"_s)->isChecked());
        submitPassphrase(passphrase());
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 3, 15000);
        QCOMPARE(keychainRead(service, key).error().code, u"missing"_s);
    }

    void anAdminChangesTheUnlockAddressCancelsAndMakesTheVaultWriteOnly()
    {
        AccountTab *tab = openAccountOf(u"alice"_s);
        QVERIFY(tab);
        auto *keyState = tab->findChild<QLabel *>(u"keyState"_s);
        auto *change = tab->findChild<QPushButton *>(u"changeUnlockEmail"_s);
        auto *cancel = tab->findChild<QPushButton *>(u"cancelUnlockEmailChange"_s);
        QTRY_VERIFY_WITH_TIMEOUT(change->isEnabled(), 10000); // sam's certificate is an admin's
        QVERIFY(!cancel->isEnabled());                        // nothing pending

        // A new address: pending, everyone told; then cancelled.
        m_outbox->take();
        QTest::mouseClick(change, Qt::LeftButton);
        auto *dialog = test::waitForChild<UnlockEmailDialog>(m_w.get());
        QVERIFY(dialog);
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        auto *email = dialog->findChild<QLineEdit *>(u"email"_s);
        QCOMPARE(email->text(), u"alice@example.com"_s);
        email->clear();
        QTest::keyClicks(email, u"alice.new@example.com"_s);
        QVERIFY(!ok->isEnabled()); // how she was verified is required
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"verification"_s), u"called back on the number on file"_s);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(keyState->text().contains(u"Pending: unlock codes go to alice.new@example.com"_s),
                                 10000);
        QVERIFY(keyState->text().contains(u"asked by staff:sam"_s));
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(test::answerMessageBox(m_w.get(), u"cancelChangeConfirm"_s, u"confirmCancel"_s), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!keyState->text().contains(u"Pending"_s), 10000);
        QVERIFY(keyState->text().contains(u"Unlock codes go to alice@example.com"_s));
        QVERIFY(!cancel->isEnabled());

        // No address: after the delay (not before) alice can no longer ask for a code.
        const QString token = m_demo.login(u"alice"_s);
        QVERIFY(!token.isEmpty());
        QTest::mouseClick(change, Qt::LeftButton);
        dialog = test::waitForChild<UnlockEmailDialog>(m_w.get());
        QVERIFY(dialog);
        QTest::mouseClick(dialog->findChild<QRadioButton *>(u"writeOnly"_s), Qt::LeftButton);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"verification"_s), u"asked in writing, ticket T-1236"_s);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(keyState->text().contains(u"becomes write-only"_s), 10000);
        test::HttpReply asked = m_demo.api("POST", "/v1/unlock-code-request", "{}", token);
        QVERIFY2(asked.status >= 200 && asked.status < 300, asked.body.constData()); // still mailed
        QVERIFY(test::waitForMail(*m_outbox).contains("alice@example.com"));
        QTRY_VERIFY_WITH_TIMEOUT((asked = m_demo.api("POST", "/v1/unlock-code-request", "{}", token)).status == 409,
                                 20000);
        QVERIFY2(asked.body.contains("write_only"), asked.body.constData());
        {
            // Alice's own app says so in words (the key is already pinned on this computer
            // by sam's tab: the same settings folder in this test).
            CustomerMainWindow customer(m_demo.path(u"client.conf"_s));
            customer.show();
            QCOMPARE(test::signIn(customer, u"alice"_s, m_demo.user(u"alice"_s).password, false), QString());
            QTest::mouseClick(customer.findChild<QPushButton *>(u"sendCode"_s), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(customer.bannerText().contains(u"no unlock address"_s), 10000);
            QVERIFY(!customer.session()->isUnlocked());
        }
        // The tab shows it by itself once the change has taken effect.
        QTRY_VERIFY_WITH_TIMEOUT(keyState->text().contains(u"Write-only"_s), 15000);
        QVERIFY(!keyState->text().contains(u"Pending"_s));
        QVERIFY(!cancel->isEnabled());
        // Support can still unlock a write-only vault.
        QVERIFY(tab->findChild<QPushButton *>(u"unlockForSupport"_s)->isEnabled());
    }

    void theAuditMergesBothServersFiltersAndExportsCsv()
    {
        AccountTab *tab = m_w->currentTab();
        QVERIFY(tab && tab->customerName() == u"Alice Example"_s);
        QSignalSpy loaded(tab->audit(), &AccountAuditView::loaded);
        tab->showAudit();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 15000);
        QCOMPARE(tab->audit()->problem(), QString()); // the keyserver's head verified
        const QList<client::AuditLine> all = tab->audit()->shownLines();
        const auto count = [](const QList<client::AuditLine> &lines, auto pred) {
            return std::count_if(lines.begin(), lines.end(), pred);
        };
        static const auto isKeyserver = [](const client::AuditLine &l) {
            return l.source == client::AuditLine::Source::Keyserver;
        };
        // Both servers, oldest first: the staff unlocks with their tickets, the address
        // changes, and alice's sign-ins at the vault server.
        QVERIFY(count(all, [](const client::AuditLine &l) {
                    return l.action == u"staff_unlock"_s && l.actor == u"staff:sam"_s &&
                           l.details.value(u"ticket"_s).toString() == u"T-1234"_s;
                }) >= 2);
        QVERIFY(count(all, [](const client::AuditLine &l) { return l.action == u"unlock_email_change_cancelled"_s; }) ==
                1);
        QVERIFY(count(all, [](const client::AuditLine &l) {
                    return l.source == client::AuditLine::Source::VaultServer && l.action == u"login"_s;
                }) >= 1);
        // Each step of this session: the locks, both address changes asked for, the
        // write-only one taking effect, and sam's entry writes at the vault server.
        QVERIFY(count(all, [](const client::AuditLine &l) { return isKeyserver(l) && l.action == u"locked"_s; }) >= 2);
        QCOMPARE(count(all, [](const client::AuditLine &l) { return l.action == u"unlock_email_change_requested"_s; }),
                 2);
        QVERIFY(count(all, [](const client::AuditLine &l) { return l.action == u"unlock_email_changed"_s; }) >= 1);
        QVERIFY(count(all, [](const client::AuditLine &l) {
                    return l.source == client::AuditLine::Source::VaultServer && l.actor == u"staff:sam"_s &&
                           (l.action == u"entry_created"_s || l.action == u"entry_updated"_s);
                }) >= 2);
        for (qsizetype i = 1; i < all.size(); ++i)
            QVERIFY(all[i - 1].at <= all[i].at);

        // Filters: one source, who acted, text.
        auto *source = tab->audit()->findChild<QComboBox *>(u"auditSource"_s);
        source->setCurrentIndex(source->findData(u"keyserver"_s));
        const QList<client::AuditLine> ks = tab->audit()->shownLines();
        QVERIFY(!ks.isEmpty() && ks.size() < all.size());
        QCOMPARE(count(ks, isKeyserver), ks.size());
        source->setCurrentIndex(0);
        auto *actor = tab->audit()->findChild<QComboBox *>(u"auditActor"_s);
        actor->setCurrentIndex(actor->findData(u"staff"_s));
        for (const client::AuditLine &l : tab->audit()->shownLines())
            QVERIFY2(l.actor.startsWith(u"staff:"_s), qPrintable(l.actor));
        actor->setCurrentIndex(0);
        QTest::keyClicks(tab->audit()->findChild<QLineEdit *>(u"auditText"_s), u"T-1235"_s);
        const QList<client::AuditLine> ticket = tab->audit()->shownLines();
        QCOMPARE(ticket.size(), 1);
        QCOMPARE(ticket.first().action, u"staff_unlock"_s);

        // Export what is shown, through the file dialog.
        const QString file = m_dir.filePath(u"audit.csv"_s);
        QTest::mouseClick(tab->audit()->findChild<QPushButton *>(u"auditExport"_s), Qt::LeftButton);
        auto *d = test::waitForChild<QFileDialog>(m_w.get(), u"auditExportFile"_s);
        QVERIFY(d);
        d->selectFile(file);
        static_cast<QDialog *>(d)->accept();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(file), 5000);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.size(), 3); // header, the one event, the empty rest after the last CRLF
        QCOMPARE(lines[0], QByteArray("time,source,actor,action,details\r"));
        QVERIFY(lines[1].contains(",keyserver,staff:sam,staff_unlock,"));
        QVERIFY(lines[1].contains("ticket: T-1235"));

        // A keyserver audit shorter than the one this computer saw: said, and the head
        // this computer keeps is not moved back.
        client::HeadPins heads(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
                               u"/audit-heads.ini"_s);
        const std::optional<client::SeenHead> seen = heads.lastSeen(tab->account());
        QVERIFY(seen && seen->count > 0);
        client::SeenHead longer = *seen;
        longer.count += 1000;
        QVERIFY(heads.remember(tab->account(), longer));
        QSignalSpy again(tab->audit(), &AccountAuditView::loaded);
        tab->audit()->reload();
        QTRY_COMPARE_WITH_TIMEOUT(again.size(), 1, 15000);
        QVERIFY2(tab->audit()->problem().contains(u"shorter than the one this computer saw before"_s),
                 qPrintable(tab->audit()->problem()));
        QCOMPARE(heads.lastSeen(tab->account())->count, longer.count);
        QVERIFY(heads.remember(tab->account(), *seen));
    }

    void closingTheWindowLocksAndTellsTheServersFirst()
    {
        QApplication::setQuitOnLastWindowClosed(false); // this window is shown again below
        AccountTab *alice = openAccountOf(u"alice"_s);
        QVERIFY(alice);
        QTRY_VERIFY_WITH_TIMEOUT(alice->findChild<QPushButton *>(u"unlockForSupport"_s)->isEnabled(), 10000);
        QSignalSpy unlocked(alice->session(), &client::UnlockSession::unlocked);
        QCOMPARE(unlockForSupport(alice, u"Last look before closing"_s, u"T-4000"_s), QString());
        QTRY_COMPARE_WITH_TIMEOUT(unlocked.size(), 1, 15000);
        (void)test::waitForMail(*m_outbox);
        const QByteArray token = m_w->vault()->token();
        const qsizetype before = alicesLockedRows();
        QCOMPARE(m_demo.api("GET", "/v1/accounts?query=alice", {}, QString::fromLatin1(token)).status, 200);

        m_w->close();
        // Told before close() returned: the keyserver's audit has the lock, and the
        // vault server no longer accepts the sign-in.
        QVERIFY(!alice->session()->isUnlocked());
        QCOMPARE(alicesLockedRows(), before + 1);
        QCOMPARE(m_demo.api("GET", "/v1/accounts?query=alice", {}, QString::fromLatin1(token)).status, 401);
        m_w->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_w.get()));
    }

    void someoneElsesOrARevokedCertificateIsRefusedClearly()
    {
        // Rita's certificate (support), not yet revoked.
        const QString pki = m_demo.pki(QString());
        const auto cli = [](const QStringList &args, const QByteArray &input = {}) {
            const test::RunResult r = test::run(test::binary(u"credvault-cli"_s), args, input);
            return r.exitCode == 0 ? QString() : QString::fromUtf8(r.err);
        };
        QCOMPARE(cli({u"pki"_s, u"issue"_s, u"--dir"_s, pki, u"--role"_s, u"staff"_s, u"--name"_s, u"rita"_s,
                      u"--staff-role"_s, u"support"_s}),
                 QString());
        QFile ritaPass(m_demo.pki(u"rita.p12.pass"_s));
        QVERIFY(ritaPass.open(QIODevice::ReadOnly));
        const QByteArray ritas = ritaPass.readAll().trimmed();
        const auto presentRitas = [&](StaffCertificateDialog *dialog) {
            auto *file = dialog->findChild<QLineEdit *>(u"certificateFile"_s);
            file->clear();
            QTest::keyClicks(file, m_demo.pki(u"rita.p12"_s));
            QVERIFY(submitPassphrase(ritas) == dialog);
        };

        // Sam presents it: refused by the app, as someone else's.
        m_w->findChild<QAction *>(u"signOut"_s)->trigger();
        QCOMPARE(m_w->tabs()->count(), 0);
        QVERIFY(!m_w->isReady());
        QVERIFY(keychainDelete(u"credvault-support"_s,
                               StaffCertificateDialog::keychainKey(u"sam"_s, m_demo.pki(u"sam.p12"_s))));
        m_w->beginSignIn(u"sam"_s);
        QCOMPARE(test::submitSignIn(*m_w, u"sam"_s, m_demo.user(u"sam"_s).password), QString());
        auto *dialog = test::waitForChild<StaffCertificateDialog>(m_w.get());
        QVERIFY(dialog);
        presentRitas(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->message().contains(u"is rita's, but you signed in as sam"_s), 5000);
        QVERIFY(dialog->isVisible());
        QVERIFY(!m_w->isReady());
        QCOMPARE(m_w->staff()->identity(), nullptr);
        dialog->findChild<QLineEdit *>(u"certificateFile"_s)->setText(m_demo.pki(u"sam.p12"_s));
        QSignalSpy ready(m_w.get(), &SupportMainWindow::ready);
        submitPassphrase(passphrase());
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 15000);

        // Rita, a support engineer, signs in with hers once it is revoked (the keyserver
        // reloads its CRLs on SIGHUP): refused by the keyserver, and said so.
        QCOMPARE(
            cli({u"admin"_s, u"add-staff"_s, u"--config"_s, m_demo.path(u"server.conf"_s), u"--username"_s, u"rita"_s,
                 u"--name"_s, u"Rita Support"_s, u"--role"_s, u"support"_s, u"--password-file"_s, u"-"_s},
                "rita-password-1\n"),
            QString());
        QCOMPARE(cli({u"pki"_s, u"revoke"_s, u"--dir"_s, pki, u"--cert"_s, m_demo.pki(u"rita.pem"_s)}), QString());
        QVERIFY(m_demo.keyserver().sendSignal(SIGHUP));
        QTRY_VERIFY_WITH_TIMEOUT(
            (m_demo.keyserver().collectLog(), m_demo.keyserver().log().contains("reloaded certificates")), 10000);
        m_w->findChild<QAction *>(u"signOut"_s)->trigger();
        m_w->beginSignIn(u"rita"_s);
        QCOMPARE(test::submitSignIn(*m_w, u"rita"_s, u"rita-password-1"_s), QString());
        dialog = test::waitForChild<StaffCertificateDialog>(m_w.get());
        QVERIFY(dialog);
        presentRitas(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->message().contains(u"has been revoked"_s), 15000);
        QVERIFY(dialog->isVisible());
        QVERIFY(!m_w->isReady());
        QCOMPARE(m_w->staff()->identity(), nullptr);
        // Sam's admin certificate is not hers either.
        dialog->findChild<QLineEdit *>(u"certificateFile"_s)->setText(m_demo.pki(u"sam.p12"_s));
        submitPassphrase(passphrase());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->message().contains(u"is sam's, but you signed in as rita"_s), 5000);
        QVERIFY(!m_w->isReady());
    }
};

QTEST_MAIN(TestSupportApp)
#include "TestSupportApp.moc"
