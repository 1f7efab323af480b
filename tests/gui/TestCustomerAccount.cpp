// The customer app's account features against the real keyserver, vault server and
// SMTP outbox of an init-demo folder, on the offscreen platform: the access history (a
// staff unlock made through the keyserver's staff listener shows with engineer, reason
// and ticket, told once in a notice; a history that shrank or forked is warned about);
// export re-sealed to a key pair made by credvault-cli and opened offline by
// `credvault-cli open --export`; import of that export and of a CSV file, and bad files
// refused whole; the settings (password change, two-step sign-in set up with a code
// from the secret shown, clipboard and idle time applied); keyboard shortcuts that copy,
// listed in Help › Keyboard shortcuts.

#include "auth/Totp.h"
#include "client/AccessHistory.h"
#include "client/EntryModel.h"
#include "client/UnlockSession.h"
#include "common/DesktopMain.h"
#include "crypto/Primitives.h"
#include "crypto/X25519.h"
#include "customer/AccessHistoryWatch.h"
#include "customer/CustomerMainWindow.h"
#include "customer/EntryTransfer.h"
#include "customer/SettingsDialog.h"
#include "desktop/AutoLock.h"
#include "desktop/SecureClipboard.h"
#include "protocol/Base64Url.h"
#include "widgets/AccessHistoryDialog.h"
#include "widgets/AppSettingsPage.h"
#include "widgets/EntryDetails.h"
#include "widgets/ShortcutsDialog.h"

#include "support/CustomerWindowDriver.h"
#include "support/DemoDeployment.h"
#include "support/KeyserverFixture.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThreadPool>
#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtTest/QtTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTableWidget>

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

    // Picks `file` in the open file dialog `name`.
    QString pick(const QString &name, const QString &file)
    {
        auto *d = test::waitForChild<QFileDialog>(m_w.get(), name);
        if (!d)
            return u"no file dialog "_s + name;
        d->selectFile(file);
        static_cast<QDialog *>(d)->accept(); // QFileDialog::accept, as the Open/Save button does
        return {};
    }

    // Waits for the export or import to end; its message, prefixed "failed: " if it failed.
    static QString waitForTransfer(QSignalSpy &spy)
    {
        if (!QTest::qWaitFor([&] { return spy.size() > 0; }, 30000))
            return u"no end"_s;
        return (spy.first().at(0).toBool() ? QString() : u"failed: "_s) + spy.first().at(1).toString();
    }

    test::RunResult cli(const QStringList &args) const { return test::run(test::binary(u"credvault-cli"_s), args); }

    // The open titles of the model, sorted.
    QStringList titles() const
    {
        QStringList out;
        for (int row = 0; row < m_w->entryModel()->rowCount(); ++row)
            if (const auto f = m_w->entryModel()->fields(row))
                out << f->title;
        out.sort();
        return out;
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
        QTRY_COMPARE_WITH_TIMEOUT(m_w->entryModel()->openCount(), 5, 15000);
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

    void exportIsSealedToTheGivenKeyAndOpensOffline()
    {
        const QString priv = m_dir.filePath(u"export-key.pem"_s);
        const QString pub = m_dir.filePath(u"export-key.pub.pem"_s);
        QCOMPARE(cli({u"keygen"_s, u"--out"_s, priv, u"--public-out"_s, pub}).exitCode, 0);
        const QString file = m_dir.filePath(u"alice-export.json"_s);
        QAction *exportAction = m_w->findChild<QAction *>(u"exportEntries"_s);
        QVERIFY(exportAction && exportAction->isEnabled());

        // Locked: refused, nothing written.
        QSignalSpy ended(m_w->transfer(), &EntryTransfer::finished);
        QVERIFY(!m_w->session()->isUnlocked());
        exportAction->trigger();
        QVERIFY(waitForTransfer(ended).startsWith(u"failed: Unlock the vault first"_s));
        QCOMPARE(test::answerMessageBox(m_w.get(), u"transferError"_s, u"ok"_s), QString());
        QVERIFY(!QFile::exists(file));

        test::Outbox outbox(m_demo.path(u"outbox"_s));
        QCOMPARE(test::unlockWithMailedCode(*m_w, outbox), QString());
        QTRY_COMPARE_WITH_TIMEOUT(m_w->entryModel()->openCount(), 5, 15000);
        ended.clear();
        exportAction->trigger();
        QCOMPARE(pick(u"exportKeyFile"_s, pub), QString());
        QCOMPARE(pick(u"exportFile"_s, file), QString());
        const QString message = waitForTransfer(ended);
        QVERIFY2(message.startsWith(u"5 entries exported"_s), qPrintable(message));

        // No plaintext in the file, and only its owner may read it.
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        for (const char *plain : {"Shop database", "db1.internal", "deploy", "panel.example.net"})
            QVERIFY2(!bytes.contains(plain), plain);
        QCOMPARE(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());

        // Opened offline with the private key: every entry, its secret the one in the vault.
        const test::RunResult opened = cli({u"open"_s, u"--private-key"_s, priv, u"--export"_s, file});
        QVERIFY2(opened.exitCode == 0, opened.err.constData());
        const QJsonArray entries = QJsonDocument::fromJson(opened.out).array();
        QCOMPARE(entries.size(), 5);
        QStringList openedTitles;
        for (const QJsonValue &v : entries) {
            const QJsonObject e = v.toObject();
            openedTitles << e.value(u"title"_s).toString();
            const int row = m_w->entryModel()->rowOf(QUuid::fromString(e.value(u"id"_s).toString()));
            QVERIFY(row >= 0);
            QCOMPARE(e.value(u"secret"_s).toString().toUtf8(), m_w->entryModel()->secret(row).view().toByteArray());
        }
        openedTitles.sort();
        QCOMPARE(openedTitles, titles());
        const test::RunResult csv = cli({u"open"_s, u"--private-key"_s, priv, u"--export"_s, file, u"--csv"_s});
        QVERIFY(csv.out.startsWith("kind,title,host,port,username,secret,url,notes,tags\r\n"));
        QVERIFY(csv.out.contains("database,Shop database,db1.internal.example.net,3306,shop,"));

        // Another private key does not open it.
        const QString other = m_dir.filePath(u"other.pem"_s);
        QCOMPARE(cli({u"keygen"_s, u"--out"_s, other, u"--public-out"_s, other + u".pub"_s}).exitCode, 0);
        const test::RunResult wrong = cli({u"open"_s, u"--private-key"_s, other, u"--export"_s, file});
        QVERIFY(wrong.exitCode != 0);
        QVERIFY2(wrong.err.contains("sealed to another key") && wrong.out.isEmpty(), wrong.err.constData());
    }

    void importOfAnExportAndOfACsvFile()
    {
        QVERIFY(m_w->session()->isUnlocked());
        QCOMPARE(m_w->entryModel()->rowCount(), 5);
        QAction *importAction = m_w->findChild<QAction *>(u"importEntries"_s);
        QVERIFY(importAction && importAction->isEnabled());
        QSignalSpy ended(m_w->transfer(), &EntryTransfer::finished);

        // A CSV file as a spreadsheet writes it: quoted commas, quotes and line breaks.
        const QString csvFile = m_dir.filePath(u"logins.csv"_s);
        QFile csv(csvFile);
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("Title,Username,Password,URL,Notes,Group,host,port\r\n"
                  "Mail server,postmaster,\"pa,ss \"\"1\"\"\",,\"line one\nline two\",mail,mx.example.net,25\r\n"
                  "Status page,ops,s3cret,https://status.example.net,,,,\r\n");
        csv.close();
        importAction->trigger();
        QCOMPARE(pick(u"importFile"_s, csvFile), QString());
        auto *confirm = test::waitForChild<QMessageBox>(m_w.get(), u"importConfirm"_s);
        QVERIFY(confirm);
        QVERIFY2(confirm->text().startsWith(u"Add 2 entries"_s), qPrintable(confirm->text()));
        QCOMPARE(test::answerMessageBox(m_w.get(), u"importConfirm"_s, u"import"_s), QString());
        QCOMPARE(waitForTransfer(ended), u"2 entries imported."_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_w->entryModel()->openCount(), 7, 15000);
        const int mail = test::rowTitled(*m_w->entryModel(), u"Mail server"_s);
        QVERIFY(mail >= 0);
        const client::EntryFields f = *m_w->entryModel()->fields(mail);
        QCOMPARE(f.kind, u"server"_s);
        QCOMPARE(f.host, u"mx.example.net"_s);
        QCOMPARE(f.port, 25);
        QCOMPARE(f.notes, u"line one\nline two"_s);
        QCOMPARE(f.tags, QStringList{u"mail"_s});
        QCOMPARE(m_w->entryModel()->secret(mail).view().toByteArray(), QByteArray("pa,ss \"1\""));

        // A file with one bad row adds nothing, and says which line.
        QVERIFY(csv.open(QIODevice::WriteOnly | QIODevice::Truncate));
        csv.write("title,secret,port\nfine,x,22\nbad,y,99999\n");
        csv.close();
        ended.clear();
        m_w->transfer()->importFrom(csvFile);
        const QString refused = waitForTransfer(ended);
        QVERIFY2(refused.contains(u"line 3"_s) && refused.contains(u"port"_s), qPrintable(refused));
        QCOMPARE(test::answerMessageBox(m_w.get(), u"transferError"_s, u"ok"_s), QString());
        QVERIFY(csv.open(QIODevice::WriteOnly | QIODevice::Truncate));
        csv.write("title,secret\n\"never closed,x\n");
        csv.close();
        ended.clear();
        m_w->transfer()->importFrom(csvFile);
        QVERIFY(waitForTransfer(ended).contains(u"not closed"_s));
        QCOMPARE(test::answerMessageBox(m_w.get(), u"transferError"_s, u"ok"_s), QString());
        QCOMPARE(m_w->entryModel()->rowCount(), 7);

        // The export of the previous step, with its private key: five more entries.
        const QString file = m_dir.filePath(u"alice-export.json"_s);
        ended.clear();
        m_w->transfer()->importFrom(file); // no key: refused
        QVERIFY(waitForTransfer(ended).contains(u"choose the private key"_s));
        QCOMPARE(test::answerMessageBox(m_w.get(), u"transferError"_s, u"ok"_s), QString());
        ended.clear();
        m_w->transfer()->importFrom(file, m_dir.filePath(u"other.pem"_s)); // the wrong key
        QVERIFY(waitForTransfer(ended).contains(u"sealed to another key"_s));
        QCOMPARE(test::answerMessageBox(m_w.get(), u"transferError"_s, u"ok"_s), QString());
        ended.clear();
        importAction->trigger();
        QCOMPARE(pick(u"importFile"_s, file), QString());
        QCOMPARE(pick(u"importKeyFile"_s, m_dir.filePath(u"export-key.pem"_s)), QString());
        QCOMPARE(test::answerMessageBox(m_w.get(), u"importConfirm"_s, u"import"_s), QString());
        QCOMPARE(waitForTransfer(ended), u"5 entries imported."_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_w->entryModel()->openCount(), 12, 15000);
        QCOMPARE(titles().count(u"Shop database"_s), 2);
    }

    void keyboardShortcutsCopyAndAreListed()
    {
        QVERIFY(m_w->session()->isUnlocked());
        const int row = test::rowTitled(*m_w->entryModel(), u"web1 production"_s);
        m_w->selectEntry(row);
        QCOMPARE(m_w->selectedRow(), row);
        m_w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_w.get()));
        QVERIFY(!QApplication::activeModalWidget()); // every box of the steps before was answered
        m_w->entryList()->setFocus();
        QTest::keyClick(m_w->entryList(), Qt::Key_B, Qt::ControlModifier);
        QTRY_COMPARE(QGuiApplication::clipboard()->text(), u"deploy"_s);
        QTest::keyClick(m_w->entryList(), Qt::Key_C, Qt::ControlModifier); // the secret, from the list
        QTRY_COMPARE(QGuiApplication::clipboard()->text().toUtf8(),
                     m_w->entryModel()->secret(row).view().toByteArray());
        m_w->clipboard().clearNow();

        // Help › Keyboard shortcuts lists what the keys do, read from the actions.
        QAction *help = m_w->findChild<QAction *>(u"keyboardShortcuts"_s);
        QVERIFY(help);
        QCOMPARE(help->shortcut(), QKeySequence(QKeySequence::HelpContents));
        help->trigger();
        auto *dialog = test::waitForChild<ShortcutsDialog>(m_w.get());
        QVERIFY(dialog);
        QStringList listed;
        for (int r = 0; r < dialog->table()->rowCount(); ++r)
            listed << dialog->table()->item(r, 0)->text() + u" = "_s + dialog->table()->item(r, 1)->text();
        for (const QString &expected :
             {u"Lock now = Ctrl+L"_s, u"Add = Ctrl+N"_s, u"Copy user name = Ctrl+B"_s, u"Copy secret = Ctrl+C"_s,
              u"Search = Ctrl+F"_s, u"Password generator = Ctrl+G"_s, u"Access history = Ctrl+H"_s,
              u"Export = Ctrl+Shift+E"_s, u"Import = Ctrl+I"_s, u"Settings = Ctrl+,"_s, u"Keyboard shortcuts = F1"_s})
            QVERIFY2(listed.contains(expected), qPrintable(expected + u" not in: "_s + listed.join(u"; "_s)));
        dialog->close();
    }

    void settingsChangeThePasswordSetUpTwoStepSignInAndApply()
    {
        QSignalSpy signedOut(m_w.get(), &CustomerMainWindow::signedOut);
        m_w->findChild<QAction *>(u"settings"_s)->trigger();
        auto *dialog = test::waitForChild<SettingsDialog>(m_w.get());
        QVERIFY(dialog);
        const auto edit = [&](const char *name, const QString &text) {
            auto *e = dialog->findChild<QLineEdit *>(QLatin1String(name));
            e->clear();
            QTest::keyClicks(e, text);
        };
        const auto click = [&](const char *name) {
            QTest::mouseClick(dialog->findChild<QPushButton *>(QLatin1String(name)), Qt::LeftButton);
        };
        QVERIFY(dialog->findChild<QLabel *>(u"totpStatus"_s)->text().startsWith(u"Off"_s));

        // Password: checked here first, then by the server.
        const QString newPassword = u"a new, long enough password 42"_s;
        edit("currentPassword", password());
        edit("newPassword", newPassword);
        edit("repeatPassword", newPassword + u"x"_s);
        click("changePassword");
        QVERIFY(dialog->passwordMessage().contains(u"differ"_s));
        edit("currentPassword", u"not the password"_s);
        edit("repeatPassword", newPassword);
        click("changePassword");
        QTRY_VERIFY_WITH_TIMEOUT(dialog->passwordMessage().contains(u"not right"_s), 15000);
        QVERIFY(m_w->isSignedIn()); // a wrong current password does not end the sign-in
        edit("currentPassword", password());
        click("changePassword");
        QTRY_VERIFY_WITH_TIMEOUT(dialog->passwordMessage().startsWith(u"Your password is changed"_s), 15000);
        QVERIFY(m_demo.login(u"alice"_s, password()).isEmpty());
        QVERIFY(!m_demo.login(u"alice"_s, newPassword).isEmpty());
        // This window goes on with its new token.
        QSignalSpy checked(&watch(), &AccessHistoryWatch::checked);
        watch().check();
        QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 15000);
        QCOMPARE(checked.first().first().toString(), u"ok"_s);
        QCOMPARE(signedOut.size(), 0);

        // Two-step sign-in: the secret shown once, confirmed with a code made from it.
        edit("totpPassword", newPassword);
        click("startTotp");
        auto *secretField = dialog->findChild<QLineEdit *>(u"totpSecret"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!secretField->text().isEmpty(), 15000);
        QVERIFY(dialog->findChild<QLineEdit *>(u"totpUri"_s)->text().startsWith(u"otpauth://totp/"_s));
        const SecureBuffer secret = auth::Totp::fromBase32(secretField->text().toLatin1()).value();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        edit("totpCode", QString::fromLatin1(auth::Totp::code(secret, now - 3600))); // an old code
        click("confirmTotp");
        QTRY_VERIFY_WITH_TIMEOUT(dialog->totpMessage().contains(u"does not match"_s), 15000);
        edit("totpCode", QString::fromLatin1(auth::Totp::code(secret, now)));
        click("confirmTotp");
        QTRY_COMPARE_WITH_TIMEOUT(dialog->totpMessage(), u"Two-step sign-in is on."_s, 15000);
        QVERIFY(dialog->findChild<QLabel *>(u"totpStatus"_s)->text().startsWith(u"On"_s));
        QVERIFY(secretField->text().isEmpty());                   // not left on screen
        QVERIFY(m_demo.login(u"alice"_s, newPassword).isEmpty()); // a code is needed now

        // App settings: applied at once, kept for the next start.
        dialog->findChild<QSpinBox *>(u"clipboardSeconds"_s)->setValue(45);
        dialog->findChild<QSpinBox *>(u"idleMinutes"_s)->setValue(3);
        click("save");
        QTRY_VERIFY(!m_w->findChild<SettingsDialog *>());
        QCOMPARE(m_w->clipboard().clearAfter(), 45000);
        QCOMPARE(m_w->autoLock().idleTimeout(), 3 * 60 * 1000);
        QCOMPARE(AppSettingsPage::clipboardSeconds(), 45);
        QCOMPARE(QSettings().value(u"security/idle_lock_minutes"_s).toInt(), 3);
        QCOMPARE(QSettings().value(u"ui/language"_s).toString(), QString()); // as the system
    }

    void cleanupTestCase()
    {
        m_w.reset();
        // Every thread that used OpenSSL ends before exit(): one still running after
        // OpenSSL's exit handler leaves its per-thread state behind for LeakSanitizer.
        QThreadPool::globalInstance()->waitForDone();
        QTest::qWait(100); // deferred deletions, such as a network thread slow to stop
    }
};

QTEST_MAIN(TestCustomerAccount)
#include "TestCustomerAccount.moc"
