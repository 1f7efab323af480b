// credvault-test-screenshots: drives an app's window through its story against a running
// demo deployment and takes a real screenshot of the X display (ImageMagick's `import
// -window root`) at each step. The customer app: sign-in, the locked list, the unlock
// dialog, the unlocked list with an entry's details, the editor, the access history, the
// settings and the keyboard shortcuts. The support app: sign-in, the staff certificate,
// a customer found and her account's tab, the support unlock dialog, the unlocked tab,
// the account's audit.
// Run by scripts/screenshots.sh under Xvfb; the password (alice's, sam's) comes on
// standard input; CREDVAULT_SCREENSHOT_LANGUAGE chooses the language (de: de-*.png).
//
//   credvault-test-screenshots customer|support DEMO_DIR OUT_DIR < password

#include "client/EntryModel.h"
#include "common/DesktopMain.h"
#include "customer/AccessHistoryWatch.h"
#include "customer/CustomerMainWindow.h"
#include "customer/SettingsDialog.h"
#include "support/AccountAuditView.h"
#include "support/AccountTab.h"
#include "support/StaffCertificateDialog.h"
#include "support/SupportMainWindow.h"
#include "support/SupportUnlockDialog.h"
#include "widgets/AccessHistoryDialog.h"
#include "widgets/EntryBrowser.h"
#include "widgets/EntryEditor.h"
#include "widgets/ShortcutsDialog.h"
#include "widgets/SignInDialog.h"
#include "widgets/UnlockDialog.h"

#include "support/CustomerWindowDriver.h"
#include "support/KeyserverFixture.h"

#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtGui/QAction>
#include <QtTest/QSignalSpy>
#include <QtWidgets/QApplication>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTableWidget>

#include <iostream>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

namespace {

QString g_out;
QString g_prefix; // "de-" for the German screens; none for English

bool shot(const QString &name)
{
    QTest::qWait(600); // painted
    const QString file = g_out + u'/' + g_prefix + name;
    const int rc = QProcess::execute(u"import"_s, {u"-window"_s, u"root"_s, file});
    std::cout << "screenshots: " << qPrintable(file) << (rc == 0 ? "" : " FAILED") << std::endl;
    return rc == 0;
}

// Dialogs open where a window manager would put them: over the middle of the window.
void centre(QWidget *dialog, QWidget *over)
{
    dialog->adjustSize();
    dialog->move(over->geometry().center() - QPoint(dialog->width() / 2, dialog->height() / 2));
}

// The same at a given size (dialogs whose own size is larger than their size hint).
void centre(QWidget *dialog, QWidget *over, const QSize &size)
{
    dialog->resize(size);
    const QPoint topLeft = over->geometry().center() - QPoint(size.width() / 2, size.height() / 2);
    dialog->move(topLeft.x(), qMax(over->geometry().top(), topLeft.y()));
}

int failed(const QString &what)
{
    std::cerr << "screenshots: " << qPrintable(what) << std::endl;
    return 1;
}

// Shows the window, fills in its sign-in dialog, takes `shotName`, and sends it.
template<typename Window>
int showAndSignIn(Window &w, const QString &username, const std::string &password, const QString &shotName)
{
    w.setGeometry(40, 40, 1020, 620);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w))
        return failed(u"the window did not show"_s);
    w.beginSignIn();
    ui::SignInDialog *signIn = test::waitForChild<ui::SignInDialog>(static_cast<QWidget *>(&w));
    if (!signIn)
        return failed(u"no sign-in dialog"_s);
    centre(signIn, &w);
    QTest::keyClicks(signIn->findChild<QLineEdit *>(u"username"_s), username);
    QTest::keyClicks(signIn->findChild<QLineEdit *>(u"password"_s), QString::fromStdString(password));
    if (!shot(shotName))
        return 1;
    QTest::mouseClick(signIn->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    return 0;
}

int customerStory(const QString &demo, const std::string &password)
{
    ui::CustomerMainWindow w(demo + u"/client.conf"_s);
    // 1. Sign-in.
    if (const int rc = showAndSignIn(w, u"alice"_s, password, u"customer-sign-in.png"_s); rc != 0)
        return rc;
    if (auto *box = test::waitForChild<QMessageBox>(&w, u"firstUseDialog"_s, 5000)) {
        centre(box, &w);
        shot(u"customer-first-use.png"_s);
        test::answerMessageBox(&w, u"firstUseDialog"_s, u"trustKey"_s);
    }
    if (!QTest::qWaitFor([&] { return w.canSeal() && w.entryModel() && w.entryModel()->rowCount() > 0; }, 15000))
        return failed(u"not signed in with entries: "_s + w.bannerText());

    // 2. Locked: sealed rows under the banner.
    w.entryList()->selectRow(0);
    if (!shot(u"customer-locked.png"_s))
        return 1;

    // 3. The unlock dialog with the mailed code typed in.
    test::Outbox outbox(demo + u"/outbox"_s);
    outbox.take();
    QTest::mouseClick(w.findChild<QPushButton *>(u"sendCode"_s), Qt::LeftButton);
    const QString code = test::unlockCodeIn(test::waitForMail(outbox));
    if (code.isEmpty())
        return failed(u"no unlock mail: "_s + w.bannerText());
    QTest::mouseClick(w.findChild<QPushButton *>(u"enterCode"_s), Qt::LeftButton);
    auto *unlock = test::waitForChild<ui::UnlockDialog>(&w);
    if (!unlock)
        return failed(u"no unlock dialog"_s);
    centre(unlock, &w);
    QTest::keyClicks(unlock->findChild<QLineEdit *>(u"code"_s), code);
    if (!shot(u"customer-unlock.png"_s))
        return 1;
    QTest::mouseClick(unlock->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return w.entryModel()->openCount() == w.entryModel()->rowCount(); }, 15000))
        return failed(u"not unlocked: "_s + w.bannerText());

    // 4. Unlocked, an entry's details beside the list.
    w.entryList()->resizeColumnsToContents();
    w.entryList()->selectRow(0);
    if (!shot(u"customer-unlocked.png"_s))
        return 1;

    // 5. The editor on that entry.
    w.editEntryAction()->trigger();
    auto *editor = test::waitForChild<ui::EntryEditor>(&w);
    if (!editor)
        return failed(u"no editor"_s);
    centre(editor, &w);
    if (!shot(u"customer-editor.png"_s))
        return 1;
    editor->reject();

    // 6. Account › Access history: this unlock, still open.
    QSignalSpy checked(w.accessHistory(), &ui::AccessHistoryWatch::checked);
    w.findChild<QAction *>(u"accessHistory"_s)->trigger();
    if (!QTest::qWaitFor([&] { return !checked.isEmpty() && w.accessHistory()->dialog(); }, 15000))
        return failed(u"no access history"_s);
    centre(w.accessHistory()->dialog(), &w, QSize(900, 380));
    if (!shot(u"customer-access-history.png"_s))
        return 1;
    w.accessHistory()->dialog()->close();

    // 7. Account › Settings.
    w.findChild<QAction *>(u"settings"_s)->trigger();
    auto *settings = test::waitForChild<ui::SettingsDialog>(&w);
    if (!settings)
        return failed(u"no settings"_s);
    centre(settings, &w);
    if (!shot(u"customer-settings.png"_s))
        return 1;
    settings->reject();

    // 8. Help › Keyboard shortcuts.
    w.findChild<QAction *>(u"keyboardShortcuts"_s)->trigger();
    auto *keys = test::waitForChild<ui::ShortcutsDialog>(&w);
    if (!keys)
        return failed(u"no shortcuts dialog"_s);
    centre(keys, &w, QSize(380, 600));
    if (!shot(u"customer-shortcuts.png"_s))
        return 1;
    keys->reject();
    w.lockAction()->trigger();
    return 0;
}

int supportStory(const QString &demo, const std::string &password)
{
    ui::SupportMainWindow w(demo + u"/support.conf"_s);
    // 1. Sign-in, as the support engineer.
    if (const int rc = showAndSignIn(w, u"sam"_s, password, u"support-sign-in.png"_s); rc != 0)
        return rc;

    // 2. The staff certificate with its passphrase typed.
    auto *certificate = test::waitForChild<ui::StaffCertificateDialog>(&w);
    if (!certificate)
        return failed(u"no certificate dialog: "_s + w.bannerText());
    centre(certificate, &w);
    QFile pass(demo + u"/pki/sam.p12.pass"_s);
    if (!pass.open(QIODevice::ReadOnly))
        return failed(u"no sam.p12.pass"_s);
    QTest::keyClicks(certificate->findChild<QLineEdit *>(u"passphrase"_s), QString::fromUtf8(pass.readAll().trimmed()));
    if (!shot(u"support-certificate.png"_s))
        return 1;
    QTest::mouseClick(certificate->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return w.isReady(); }, 15000))
        return failed(u"the certificate was not accepted: "_s + w.bannerText());

    // 3. Alice found as one types, her account in a tab: sealed rows.
    QTest::keyClicks(w.findChild<QLineEdit *>(u"customerSearch"_s), u"ali"_s);
    if (!QTest::qWaitFor([&] { return w.results()->rowCount() == 1; }, 10000))
        return failed(u"alice not found"_s);
    w.results()->setCurrentCell(0, 0);
    QTest::keyClick(w.results(), Qt::Key_Return);
    if (!QTest::qWaitFor([&] { return w.currentTab() && w.currentTab()->model()->rowCount() > 0; }, 10000))
        return failed(u"no account tab"_s);
    ui::AccountTab *tab = w.currentTab();
    QTest::qWait(500); // the keyserver's state of the vault
    tab->browser()->table()->selectRow(0);
    if (!shot(u"support-account.png"_s))
        return 1;

    // 4. Unlock for support: reason and ticket.
    QTest::mouseClick(tab->findChild<QPushButton *>(u"unlockForSupport"_s), Qt::LeftButton);
    auto *unlock = test::waitForChild<ui::SupportUnlockDialog>(&w);
    if (!unlock)
        return failed(u"no support unlock dialog"_s);
    centre(unlock, &w);
    QTest::keyClicks(unlock->findChild<QPlainTextEdit *>(u"reason"_s),
                     u"Alice asked us to look at the failed backups of web-1"_s);
    QTest::keyClicks(unlock->findChild<QLineEdit *>(u"ticket"_s), u"T-4711"_s);
    if (!shot(u"support-unlock.png"_s))
        return 1;
    QTest::mouseClick(unlock->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return tab->model()->openCount() == tab->model()->rowCount(); }, 15000))
        return failed(u"not unlocked"_s);

    // 5. Unlocked: the countdown, an entry's details.
    tab->browser()->table()->resizeColumnsToContents();
    tab->browser()->table()->selectRow(0);
    if (!shot(u"support-unlocked.png"_s))
        return 1;

    // 6. The account's audit: both servers' events, merged.
    QSignalSpy loaded(tab->audit(), &ui::AccountAuditView::loaded);
    tab->showAudit();
    if (!QTest::qWaitFor([&] { return !loaded.isEmpty(); }, 15000))
        return failed(u"no audit"_s);
    if (!shot(u"support-audit.png"_s))
        return 1;
    tab->lock();
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    // CREDVAULT_SCREENSHOT_LANGUAGE=de: the German screens, named de-*.png. English by
    // default (its plural forms, as the apps show them).
    const QString language = qEnvironmentVariable("CREDVAULT_SCREENSHOT_LANGUAGE", u"en"_s);
    ui::installTranslations(app, QLocale(language));
    if (language != u"en"_s)
        g_prefix = language + u'-';
    const QStringList args = app.arguments();
    if (args.size() != 4 || (args[1] != u"customer"_s && args[1] != u"support"_s))
        return failed(u"usage: credvault-test-screenshots customer|support DEMO_DIR OUT_DIR < password"_s);
    g_out = args[3];
    std::string password;
    std::getline(std::cin, password);
    const int rc = args[1] == u"customer"_s ? customerStory(args[2], password) : supportStory(args[2], password);
    std::fill(password.begin(), password.end(), '\0');
    return rc;
}
