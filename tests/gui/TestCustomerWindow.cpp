// The customer app's window against the real keyserver and vault server of an init-demo
// folder (unlock codes delivered to its Maildir outbox), on the offscreen platform, as
// alice would use it: sign in and trust the vault's key on first use; add an entry while
// locked; ask for a code, read it from the mail, type a wrong one and then the right one;
// see the entries and a secret in the details; edit one that someone else changed
// meanwhile (reported, nothing lost); delete one; lock — nothing open is left; replace a
// sealed entry; idle time and the screen locking lock; a changed key refused with a
// warning; remember me in the keychain; a sign-in the server ended signs the window out.

#include "client/AccountKey.h"
#include "client/EntryModel.h"
#include "client/UnlockSession.h"
#include "client/VaultApi.h"
#include "common/DesktopMain.h"
#include "crypto/EntryEnvelope.h"
#include "customer/CustomerMainWindow.h"
#include "desktop/AutoLock.h"
#include "desktop/SecureClipboard.h"
#include "protocol/Base64Url.h"
#include "widgets/EntryDetails.h"
#include "widgets/EntryEditor.h"
#include "widgets/LockStatusWidget.h"
#include "widgets/SignInDialog.h"
#include "widgets/UnlockDialog.h"

#include "support/CustomerWindowDriver.h"
#include "support/DemoDeployment.h"
#include "support/KeyserverFixture.h"

#include <QtCore/QDirIterator>
#include <QtCore/QMimeData>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusMessage>
#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtTest/QtTest>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTableView>
#include <QtWidgets/QToolButton>

using namespace credvault;
using namespace credvault::ui;
using namespace Qt::Literals::StringLiterals;

class TestCustomerWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::DemoDeployment m_demo;
    std::unique_ptr<CustomerMainWindow> m_w;
    QString m_token; // alice's, for the changes "made elsewhere"
    QUuid m_account;
    crypto::X25519PublicKey m_pub{};

    QString password() const { return m_demo.user(u"alice"_s).password; }
    client::EntryModel &model() const { return *m_w->entryModel(); }

    // Seals `json` to alice's key as entry `id`: the envelope as the vault server takes it.
    QString sealed(const QUuid &id, const QByteArray &json) const
    {
        return QString::fromLatin1(toBase64Url(EntryEnvelope::seal(m_pub, m_account, id, json).value()));
    }

    // Changes entry `id` from revision `revision` "on another computer".
    int changeElsewhere(const QUuid &id, qint64 revision, const QByteArray &json)
    {
        return m_demo
            .api("PUT", "/v1/entries/" + id.toString(QUuid::WithoutBraces).toLatin1(),
                 test::json({{u"revision"_s, revision}, {u"envelope"_s, sealed(id, json)}}), m_token)
            .status;
    }

    void select(int row)
    {
        m_w->selectEntry(row);
        QCOMPARE(m_w->selectedRow(), row);
    }

    // The titles the list shows, top to bottom.
    QStringList shownTitles() const
    {
        QStringList out;
        const QAbstractItemModel *view = m_w->entryList()->model();
        for (int row = 0; row < view->rowCount(); ++row)
            out << view->index(row, client::EntryModel::TitleColumn).data().toString();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English)); // English plurals
        QString started = m_demo.make(m_dir.filePath(u"demo"_s));
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_demo.append(u"keyserver.conf"_s, "[codes]\nmax_per_window = 10\n"); // this test unlocks often
        started = m_demo.startKeyserver();
        if (started.isEmpty())
            started = m_demo.startVault();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        // Two entries sealed beforehand, as another computer of alice's would.
        m_token = m_demo.login(u"alice"_s);
        m_account = QUuid::fromString(m_demo.user(u"alice"_s).accountId);
        const test::HttpReply key = m_demo.api(
            "GET", "/v1/accounts/" + m_account.toString(QUuid::WithoutBraces).toLatin1() + "/public-key", {}, m_token);
        QCOMPARE(key.status, 200);
        m_pub = crypto::x25519PublicKeyFrom(
                    fromBase64Url(test::object(key).value(u"public_key"_s).toString().toLatin1()).value())
                    .value();
        for (const char *title : {"web1.example.net", "db.example.net"}) {
            const QUuid id = QUuid::createUuid();
            QCOMPARE(m_demo
                         .api("POST", "/v1/entries",
                              test::json(
                                  {{u"id"_s, id.toString(QUuid::WithoutBraces)},
                                   {u"account_id"_s, m_account.toString(QUuid::WithoutBraces)},
                                   {u"envelope"_s, sealed(id, "{\"kind\":\"server\",\"title\":\"" + QByteArray(title) +
                                                                  "\",\"username\":\"root\",\"secret\":\"s\"}")}}),
                              m_token)
                         .status,
                     201);
        }
        m_w = std::make_unique<CustomerMainWindow>(m_demo.path(u"client.conf"_s));
        m_w->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_w.get()));
    }

    void signInAndTrustTheKeyOnFirstUse()
    {
        QVERIFY(!m_w->addEntryAction()->isEnabled());
        QSignalSpy checked(m_w.get(), &CustomerMainWindow::accountKeyChecked);
        m_w->beginSignIn();
        QCOMPARE(test::submitSignIn(*m_w, u"alice"_s, password()), QString());
        // First use: the address codes go to and the key's fingerprint, asked before trusting.
        auto *box = test::waitForChild<QMessageBox>(m_w.get(), u"firstUseDialog"_s);
        QVERIFY(box);
        QVERIFY2(box->informativeText().contains(u"a***e@example.com"_s), qPrintable(box->informativeText()));
        QVERIFY(!m_w->canSeal());
        QCOMPARE(test::answerMessageBox(m_w.get(), u"firstUseDialog"_s, u"trustKey"_s), QString());
        QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 15000);
        QVERIFY(m_w->canSeal());
        QVERIFY(m_w->addEntryAction()->isEnabled());
        // Pinned for the next time.
        const QSettings pins(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/key-pins.ini"_s,
                             QSettings::IniFormat);
        QCOMPARE(pins.value(u"pins/"_s + m_account.toString(QUuid::WithoutBraces)).toString().size(), 32);

        // Locked: sealed rows under the banner with the masked address and the two buttons.
        QTRY_COMPARE_WITH_TIMEOUT(model().rowCount(), 2, 10000);
        QCOMPARE(model().data(model().index(0, client::EntryModel::TitleColumn)).toString(), u"Sealed entry"_s);
        QVERIFY2(m_w->bannerText().contains(u"a***e@example.com"_s), qPrintable(m_w->bannerText()));
        QVERIFY(m_w->lockStatus()->text().startsWith(u"Locked"_s));
        QVERIFY(m_w->findChild<QPushButton *>(u"sendCode"_s)->isVisible());
        select(0);
        QVERIFY(m_w->details()->visibleText().contains(u"Unlock the vault to see"_s));
    }

    void addAnEntryWhileLocked()
    {
        m_w->addEntryAction()->trigger();
        auto *editor = test::waitForChild<EntryEditor>(m_w.get());
        QVERIFY(editor);
        auto *kind = editor->findChild<QComboBox *>(u"kind"_s);
        kind->setCurrentIndex(kind->findData(u"database"_s));
        QCOMPARE(editor->findChild<QSpinBox *>(u"port"_s)->value(), 3306); // the kind's usual port
        // Nothing saved without a title.
        test::save(editor);
        QVERIFY(editor->message().contains(u"title"_s));
        test::setField(editor, u"title"_s, u"shop-db"_s);
        test::setField(editor, u"host"_s, u"db1.shop.example"_s);
        test::setField(editor, u"username"_s, u"shop"_s);
        test::setField(editor, u"secret"_s, u"Tr0ub4dor&3 \"quoted\""_s);
        test::setField(editor, u"tags"_s, u"shop, production, shop"_s);
        // Hidden until asked, then shown.
        auto *secret = editor->findChild<QLineEdit *>(u"secret"_s);
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        QTest::mouseClick(editor->findChild<QToolButton *>(u"showSecret"_s), Qt::LeftButton);
        QVERIFY(editor->secretShown());
        QCOMPARE(editor->fields().tags, (QStringList{u"shop"_s, u"production"_s}));
        QPointer<EntryEditor> guard(editor);
        test::save(editor);
        QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), 15000); // saved and closed
        QTRY_COMPARE_WITH_TIMEOUT(model().rowCount(), 3, 10000);
        QCOMPARE(model().openCount(), 0); // still locked
    }

    void unlockWithTheMailedCode()
    {
        test::Outbox outbox(m_demo.path(u"outbox"_s));
        outbox.take();
        auto *send = m_w->findChild<QPushButton *>(u"sendCode"_s);
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_w->bannerText().startsWith(u"An unlock code was sent to a***e@example.com"_s),
                                 10000);
        const QList<QByteArray> mails = outbox.waitFor(1);
        QVERIFY(!mails.isEmpty());
        const QString code = test::unlockCodeIn(mails.last());
        QVERIFY(!code.isEmpty());

        QTest::mouseClick(m_w->findChild<QPushButton *>(u"enterCode"_s), Qt::LeftButton);
        auto *unlock = test::waitForChild<UnlockDialog>(m_w.get());
        QVERIFY(unlock);
        auto *field = unlock->findChild<QLineEdit *>(u"code"_s);
        auto *ok = unlock->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QTest::keyClicks(field, code.startsWith(u'0') ? u"1111-1111-1111"_s : u"0000-0000-0000"_s);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(unlock->message().contains(u"4 tries left"_s), 10000);
        field->clear();
        QTest::keyClicks(field, code.toLower());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_w->session()->isUnlocked(), 10000);

        // Unlocked: the entries open by themselves; the status bar counts down.
        QTRY_COMPARE_WITH_TIMEOUT(model().openCount(), 3, 10000);
        QVERIFY(test::rowTitled(model(), u"web1.example.net"_s) >= 0);
        QVERIFY(test::rowTitled(model(), u"db.example.net"_s) >= 0);
        QVERIFY2(m_w->lockStatus()->text().startsWith(u"Unlocked"_s), qPrintable(m_w->lockStatus()->text()));
        QVERIFY(m_w->lockAction()->isEnabled());

        // The details of the entry added while locked; the secret only when asked.
        const int row = test::rowTitled(model(), u"shop-db"_s);
        QVERIFY(row >= 0);
        select(row);
        const QString shown = m_w->details()->visibleText();
        QVERIFY2(shown.contains(u"db1.shop.example:3306"_s), qPrintable(shown));
        QVERIFY(shown.contains(u"shop, production"_s));
        QVERIFY(shown.contains(u"Database"_s));
        QVERIFY(!shown.contains(u"Tr0ub4dor"_s));
        QTest::mouseClick(m_w->details()->findChild<QToolButton *>(u"showSecret"_s), Qt::LeftButton);
        QVERIFY(m_w->details()->visibleText().contains(u"Tr0ub4dor&3 \"quoted\""_s));
        select(test::rowTitled(model(), u"web1.example.net"_s)); // another entry: hidden again
        QVERIFY(!m_w->details()->secretShown());
    }

    void copiedFieldsAreMarkedSensitiveAndCleared()
    {
        QClipboard *clipboard = QGuiApplication::clipboard();
        select(test::rowTitled(model(), u"shop-db"_s));
        QTest::mouseClick(m_w->details()->findChild<QToolButton *>(u"copySecret"_s), Qt::LeftButton);
        QCOMPARE(clipboard->text(), u"Tr0ub4dor&3 \"quoted\""_s);
        QCOMPARE(clipboard->mimeData()->data(u"x-kde-passwordManagerHint"_s), QByteArray("secret"));
        QVERIFY(!m_w->details()->secretShown()); // copied without being shown

        // Cleared after the time (short here), if it is still ours.
        m_w->clipboard().setClearAfter(500);
        QTest::mouseClick(m_w->details()->findChild<QToolButton *>(u"copyUsername"_s), Qt::LeftButton);
        QCOMPARE(clipboard->text(), u"shop"_s);
        QTRY_COMPARE_WITH_TIMEOUT(clipboard->text(), QString(), 5000);
        // Something the person copied since is left alone.
        QTest::mouseClick(m_w->details()->findChild<QToolButton *>(u"copyHost"_s), Qt::LeftButton);
        QCOMPARE(clipboard->text(), u"db1.shop.example"_s);
        clipboard->setText(u"my own text"_s);
        QTest::qWait(1000);
        QCOMPARE(clipboard->text(), u"my own text"_s);
        m_w->clipboard().setClearAfter(SecureClipboard::kDefaultClearMs);
    }

    void searchFiltersAndSorting()
    {
        QCOMPARE(shownTitles(), (QStringList{u"db.example.net"_s, u"shop-db"_s, u"web1.example.net"_s}));
        auto *search = m_w->findChild<QLineEdit *>(u"search"_s);
        QTest::keyClicks(search, u"SHOP prod"_s); // every word, any case, any field (title, tags …)
        QCOMPARE(shownTitles(), QStringList{u"shop-db"_s});
        search->clear();
        QTest::keyClicks(search, u"root"_s); // the user name of the two servers
        QCOMPARE(shownTitles(), (QStringList{u"db.example.net"_s, u"web1.example.net"_s}));
        search->clear();
        QTest::keyClicks(search, u"Tr0ub4dor"_s); // never the secret
        QCOMPARE(shownTitles(), QStringList());
        search->clear();
        QCOMPARE(shownTitles().size(), 3);

        auto *kind = m_w->findChild<QComboBox *>(u"kindFilter"_s);
        kind->setCurrentIndex(kind->findData(u"database"_s));
        QCOMPARE(shownTitles(), QStringList{u"shop-db"_s});
        kind->setCurrentIndex(0);
        auto *tag = m_w->findChild<QComboBox *>(u"tagFilter"_s);
        QCOMPARE(tag->count(), 3); // All tags, production, shop
        tag->setCurrentIndex(tag->findData(u"production"_s));
        QCOMPARE(shownTitles(), QStringList{u"shop-db"_s});
        // The selection and details follow the model, not the view's row.
        m_w->entryList()->selectRow(0);
        QCOMPARE(m_w->selectedRow(), test::rowTitled(model(), u"shop-db"_s));
        tag->setCurrentIndex(0);

        // Sorting by a column, both ways.
        m_w->entryList()->sortByColumn(client::EntryModel::TitleColumn, Qt::DescendingOrder);
        QCOMPARE(shownTitles(), (QStringList{u"web1.example.net"_s, u"shop-db"_s, u"db.example.net"_s}));
        m_w->entryList()->sortByColumn(client::EntryModel::TitleColumn, Qt::AscendingOrder);
        QCOMPARE(shownTitles().first(), u"db.example.net"_s);
    }

    void aStaleEditIsReportedAndNothingIsLost()
    {
        const int row = test::rowTitled(model(), u"web1.example.net"_s);
        select(row);
        const QUuid id = model().data(model().index(row, 0), client::EntryModel::IdRole).toUuid();
        m_w->editEntryAction()->trigger();
        auto *editor = test::waitForChild<EntryEditor>(m_w.get());
        QVERIFY(editor);
        QCOMPARE(editor->fields().title, u"web1.example.net"_s);
        QCOMPARE(editor->findChild<QLineEdit *>(u"secret"_s)->text(), u"s"_s);
        test::setField(editor, u"title"_s, u"web1 (mine)"_s);

        // Meanwhile, on another computer.
        const QByteArray theirs = "{\"kind\":\"server\",\"title\":\"web1 (theirs)\",\"secret\":\"t\"}";
        QCOMPARE(changeElsewhere(id, 1, theirs), 200);
        test::save(editor);
        QTRY_VERIFY_WITH_TIMEOUT(editor->message().contains(u"Someone else changed this entry"_s), 15000);
        QCOMPARE(editor->fields().title, u"web1 (mine)"_s); // what was typed is still there
        QCOMPARE(editor->fields().port, 0);                 // and nothing was "helpfully" filled in
        QTRY_COMPARE_WITH_TIMEOUT(model().fields(model().rowOf(id)).value_or(client::EntryFields{}).title,
                                  u"web1 (theirs)"_s, 10000);
        // Saved again knowingly: this version replaces theirs.
        QPointer<EntryEditor> guard(editor);
        test::save(editor);
        QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(model().fields(model().rowOf(id)).value_or(client::EntryFields{}).title,
                                  u"web1 (mine)"_s, 10000);
        QCOMPARE(model().data(model().index(model().rowOf(id), 0), client::EntryModel::RevisionRole).toLongLong(), 3);
    }

    void deleteAnEntry()
    {
        select(test::rowTitled(model(), u"db.example.net"_s));
        m_w->deleteEntryAction()->trigger();
        QCOMPARE(test::answerMessageBox(m_w.get(), u"deleteDialog"_s, u"confirmDelete"_s), QString());
        QTRY_COMPARE_WITH_TIMEOUT(model().rowCount(), 2, 10000);
        QCOMPARE(test::rowTitled(model(), u"db.example.net"_s), -1);
    }

    void lockNowLeavesNothingOpen()
    {
        select(test::rowTitled(model(), u"shop-db"_s));
        QTest::mouseClick(m_w->details()->findChild<QToolButton *>(u"showSecret"_s), Qt::LeftButton);
        QVERIFY(m_w->details()->secretShown());
        // A copied secret leaves the clipboard with the lock.
        QTest::mouseClick(m_w->details()->findChild<QToolButton *>(u"copySecret"_s), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), u"Tr0ub4dor&3 \"quoted\""_s);
        // An editor open on the entry holds its secret: it closes with the lock.
        m_w->editEntryAction()->trigger();
        QPointer<EntryEditor> editor(test::waitForChild<EntryEditor>(m_w.get()));
        QVERIFY(editor);
        QCOMPARE(editor->findChild<QLineEdit *>(u"secret"_s)->text(), u"Tr0ub4dor&3 \"quoted\""_s);
        m_w->lockAction()->trigger();
        QTRY_VERIFY(editor.isNull());
        QCOMPARE(QGuiApplication::clipboard()->text(), QString());
        QVERIFY(!m_w->session()->isUnlocked());
        QCOMPARE(model().openCount(), 0);
        for (int row = 0; row < model().rowCount(); ++row) {
            QCOMPARE(model().data(model().index(row, client::EntryModel::TitleColumn)).toString(), u"Sealed entry"_s);
            QVERIFY(model().secret(row).isEmpty());
        }
        QVERIFY(!m_w->details()->secretShown());
        QVERIFY(!m_w->details()->visibleText().contains(u"Tr0ub4dor"_s));
        QVERIFY(!m_w->details()->visibleText().contains(u"shop-db"_s));
        // Sealed rows cannot be searched: a search hides them, an empty one lists them.
        auto *search = m_w->findChild<QLineEdit *>(u"search"_s);
        QTest::keyClicks(search, u"shop"_s);
        QCOMPARE(shownTitles(), QStringList());
        search->clear();
        QCOMPARE(shownTitles().size(), model().rowCount());
        QVERIFY(m_w->lockStatus()->text().startsWith(u"Locked"_s));
        QVERIFY(!m_w->lockAction()->isEnabled());
    }

    void replaceASealedEntryWhileLocked()
    {
        select(0);
        const QUuid id = model().data(model().index(0, 0), client::EntryModel::IdRole).toUuid();
        const qint64 before = model().data(model().index(0, 0), client::EntryModel::RevisionRole).toLongLong();
        m_w->editEntryAction()->trigger();
        auto *editor = test::waitForChild<EntryEditor>(m_w.get());
        QVERIFY(editor);
        QVERIFY(editor->findChild<QLabel *>(u"sealedNote"_s));
        QCOMPARE(editor->fields().title, QString()); // nothing of the sealed entry shown
        test::setField(editor, u"title"_s, u"replaced"_s);
        QPointer<EntryEditor> guard(editor);
        test::save(editor);
        QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(
            model().data(model().index(model().rowOf(id), 0), client::EntryModel::RevisionRole).toLongLong(),
            before + 1, 10000);
    }

    void idleTimeAndTheScreenLockingLock()
    {
        test::Outbox outbox(m_demo.path(u"outbox"_s));
        QCOMPARE(test::unlockWithMailedCode(*m_w, outbox), QString());
        // Input keeps it open past the idle time; without input it locks by itself.
        m_w->autoLock().setIdleTimeout(1500);
        for (int i = 0; i < 6; ++i) {
            QTest::keyClick(m_w->entryList(), Qt::Key_Down);
            QTest::qWait(400);
        }
        QVERIFY(m_w->session()->isUnlocked());
        QTRY_VERIFY_WITH_TIMEOUT(!m_w->session()->isUnlocked(), 6000);
        QCOMPARE(m_w->statusBar()->currentMessage(), u"Locked after 1 minute without use."_s);
        QCOMPARE(model().openCount(), 0);

        // The desktop's screen locking (the freedesktop screensaver signal on the session bus).
        m_w->autoLock().setIdleTimeout(0);
        QCOMPARE(test::unlockWithMailedCode(*m_w, outbox), QString());
        QDBusMessage locked = QDBusMessage::createSignal(u"/org/freedesktop/ScreenSaver"_s,
                                                         u"org.freedesktop.ScreenSaver"_s, u"ActiveChanged"_s);
        locked << true;
        QVERIFY(QDBusConnection::sessionBus().send(locked));
        QTRY_VERIFY_WITH_TIMEOUT(!m_w->session()->isUnlocked(), 6000);
        QCOMPARE(m_w->statusBar()->currentMessage(), u"Locked because the screen locked."_s);
        m_w->autoLock().setIdleTimeout(AutoLock::kDefaultIdleMinutes * 60 * 1000);
    }

    void closingTheWindowLocksAndTellsTheKeyserverFirst()
    {
        QApplication::setQuitOnLastWindowClosed(false); // the window is shown again below
        test::Outbox outbox(m_demo.path(u"outbox"_s));
        QCOMPARE(test::unlockWithMailedCode(*m_w, outbox), QString());
        const auto lockedRows = [&] {
            return m_demo
                .keyserverCall(u"staff"_s, "GET",
                               "/v1/staff/accounts/" + m_account.toString(QUuid::WithoutBraces).toLatin1() + "/audit")
                .body.count("\"locked\"");
        };
        const qsizetype before = lockedRows();
        m_w->close();
        // Told before close() returned (the keyserver's audit has the lock); nothing open.
        QCOMPARE(lockedRows(), before + 1);
        QVERIFY(!m_w->session()->isUnlocked());
        QCOMPARE(model().openCount(), 0);
        m_w->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_w.get()));
    }

    void aChangedKeyIsRefusedWithAWarning()
    {
        // This computer trusted another key for alice's vault.
        const QString pinsFile =
            QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/key-pins.ini"_s;
        const QString pinKey = u"pins/"_s + m_account.toString(QUuid::WithoutBraces);
        const QString real = QSettings(pinsFile, QSettings::IniFormat).value(pinKey).toString();
        QSettings(pinsFile, QSettings::IniFormat).setValue(pinKey, QString(32, u'a'));

        CustomerMainWindow w(m_demo.path(u"client.conf"_s));
        w.show();
        QSignalSpy checked(&w, &CustomerMainWindow::accountKeyChecked);
        w.beginSignIn();
        QCOMPARE(test::submitSignIn(w, u"alice"_s, password()), QString());
        auto *box = test::waitForChild<QMessageBox>(&w, u"keyChangedDialog"_s);
        QVERIFY(box);
        QVERIFY2(box->informativeText().contains(u"aaaa aaaa"_s), qPrintable(box->informativeText()));
        QVERIFY(w.bannerText().startsWith(u"Warning"_s));
        QVERIFY(!w.canSeal());
        QVERIFY(!w.addEntryAction()->isEnabled());
        QCOMPARE(test::answerMessageBox(&w, u"keyChangedDialog"_s, u"keepRefusing"_s), QString());
        QTRY_COMPARE(checked.size(), 1);
        QVERIFY(!w.canSeal());
        QTRY_COMPARE_WITH_TIMEOUT(w.entryModel()->rowCount(), 2, 10000); // the list itself is there
        w.entryList()->selectRow(0);
        QVERIFY(!w.editEntryAction()->isEnabled());
        QCOMPARE(QSettings(pinsFile, QSettings::IniFormat).value(pinKey).toString(), QString(32, u'a'));

        // "Trust the new key…" asks again as a first use; "Not now" there keeps the old pin.
        {
            CustomerMainWindow undecided(m_demo.path(u"client.conf"_s));
            undecided.show();
            undecided.beginSignIn();
            QCOMPARE(test::submitSignIn(undecided, u"alice"_s, password()), QString());
            QCOMPARE(test::answerMessageBox(&undecided, u"keyChangedDialog"_s, u"trustNewKey"_s), QString());
            QCOMPARE(test::answerMessageBox(&undecided, u"firstUseDialog"_s, u"notNow"_s), QString());
            QTRY_VERIFY(undecided.bannerText().contains(u"not trusted"_s));
            QVERIFY(!undecided.canSeal());
            QCOMPARE(QSettings(pinsFile, QSettings::IniFormat).value(pinKey).toString(), QString(32, u'a'));
        }

        // Trusted there: the real key is pinned.
        CustomerMainWindow again(m_demo.path(u"client.conf"_s));
        again.show();
        again.beginSignIn();
        QCOMPARE(test::submitSignIn(again, u"alice"_s, password()), QString());
        QCOMPARE(test::answerMessageBox(&again, u"keyChangedDialog"_s, u"trustNewKey"_s), QString());
        QCOMPARE(test::answerMessageBox(&again, u"firstUseDialog"_s, u"trustKey"_s), QString());
        QTRY_VERIFY_WITH_TIMEOUT(again.canSeal(), 10000);
        QCOMPARE(QSettings(pinsFile, QSettings::IniFormat).value(pinKey).toString(), real);
    }

    void rememberMeKeepsTheSignInInTheKeychain()
    {
        m_w->signOutAction()->trigger();
        QVERIFY(!m_w->isSignedIn());
        QCOMPARE(m_w->entryModel(), nullptr);
        QCOMPARE(test::submitSignIn(*m_w, u"alice"_s, password(), true), QString());
        QTRY_VERIFY_WITH_TIMEOUT(m_w->canSeal(), 15000);
        const QByteArray token = m_w->vault()->token();
        QVERIFY(!token.isEmpty());
        m_w.reset();

        // Nowhere in a file of the app's.
        for (const auto location : {QStandardPaths::AppConfigLocation, QStandardPaths::GenericConfigLocation,
                                    QStandardPaths::AppDataLocation}) {
            QDirIterator it(QStandardPaths::writableLocation(location), QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                QVERIFY(f.open(QIODevice::ReadOnly));
                QVERIFY2(!f.readAll().contains(token), qPrintable(f.fileName()));
            }
        }

        // A new start signs in by itself, with no dialog.
        m_w = std::make_unique<CustomerMainWindow>(m_demo.path(u"client.conf"_s));
        m_w->show();
        QSignalSpy signedIn(m_w.get(), &CustomerMainWindow::signedIn);
        m_w->beginSignIn();
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 15000);
        QCOMPARE(m_w->findChild<SignInDialog *>(), nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(m_w->canSeal(), 15000);

        // Signing out forgets it: the next start asks.
        m_w->signOutAction()->trigger();
        QVERIFY(test::waitForChild<SignInDialog>(m_w.get()));
        CustomerMainWindow next(m_demo.path(u"client.conf"_s));
        next.show();
        next.beginSignIn();
        QVERIFY(test::waitForChild<SignInDialog>(&next));
        QVERIFY(!next.isSignedIn());
        // The old token no longer works at the server either.
        QCOMPARE(m_demo.api("GET", "/v1/me", {}, QString::fromLatin1(token)).status, 401);
    }

    void aSignInEndedByTheServerSignsTheWindowOut()
    {
        auto *dialog = test::waitForChild<SignInDialog>(m_w.get());
        QVERIFY(dialog);
        QCOMPARE(test::submitSignIn(*m_w, u"alice"_s, password()), QString());
        QTRY_VERIFY_WITH_TIMEOUT(m_w->canSeal(), 15000);
        QSignalSpy signedOut(m_w.get(), &CustomerMainWindow::signedOut);
        // The sign-in ends elsewhere (as a password change does to the other sign-ins).
        QCOMPARE(m_demo.api("POST", "/v1/logout", {}, QString::fromLatin1(m_w->vault()->token())).status, 200);
        m_w->entryModel()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, 10000);
        QVERIFY(!m_w->isSignedIn());
        QVERIFY(!m_w->session()->isUnlocked());
        QVERIFY(m_w->bannerText().startsWith(u"You were signed out"_s));
        auto *again = test::waitForChild<SignInDialog>(m_w.get());
        QVERIFY(again);
        QVERIFY2(again->message().contains(u"Your sign-in has ended"_s), qPrintable(again->message()));

        // Cancelled, the dialog can be had again from the File menu.
        auto *signInAction = m_w->findChild<QAction *>(u"signIn"_s);
        QVERIFY(signInAction->isEnabled());
        again->reject();
        QTRY_COMPARE(m_w->findChild<SignInDialog *>(), nullptr);
        signInAction->trigger();
        QVERIFY(test::waitForChild<SignInDialog>(m_w.get()));
    }
};

QTEST_MAIN(TestCustomerWindow)
#include "TestCustomerWindow.moc"
