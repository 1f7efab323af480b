#pragma once

// Drives the customer window as a person would, for the GUI tests: the sign-in dialog,
// the first-use key question, the mailed unlock code, the entry editor. Each step
// answers an error text, empty when it went as expected. QtTest for typing and clicking.

#include "client/EntryModel.h"
#include "client/UnlockSession.h"
#include "customer/CustomerMainWindow.h"
#include "widgets/EntryEditor.h"
#include "widgets/SignInDialog.h"
#include "widgets/UnlockDialog.h"

#include "support/KeyserverFixture.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>

namespace credvault::test {

/// Waits up to `ms` for `T` named `name` among the window's children: for widgets, a
/// visible one (a dialog closed a moment ago may not be deleted yet).
template<typename T> T *waitForChild(QObject *parent, const QString &name = {}, int ms = 15000)
{
    T *found = nullptr;
    (void)QTest::qWaitFor(
        [&] {
            for (T *c : parent->findChildren<T *>(name)) {
                if constexpr (std::is_base_of_v<QWidget, T>) {
                    if (!c->isVisible())
                        continue;
                }
                found = c;
                return true;
            }
            return false;
        },
        ms);
    return found;
}

/// Clicks the button `button` of the message box `box` named so.
inline QString answerMessageBox(QObject *parent, const QString &box, const QString &button)
{
    auto *b = waitForChild<QMessageBox>(parent, box);
    if (!b)
        return QStringLiteral("no dialog %1").arg(box);
    auto *p = b->findChild<QPushButton *>(button);
    if (!p)
        return QStringLiteral("no button %1 in %2").arg(button, box);
    QTest::mouseClick(p, Qt::LeftButton);
    return {};
}

/// Fills in and sends the open sign-in dialog.
inline QString submitSignIn(QWidget &w, const QString &username, const QString &password, bool remember = false)
{
    auto *dialog = waitForChild<ui::SignInDialog>(&w);
    if (!dialog)
        return QStringLiteral("no sign-in dialog");
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("username"));
    name->clear();
    QTest::keyClicks(name, username);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("password")), password);
    dialog->findChild<QCheckBox *>(QStringLiteral("rememberMe"))->setChecked(remember);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    return {};
}

/// Signs in through the dialog; on the first use of the account on this computer the key
/// is trusted. Returns when the key check ended.
inline QString signIn(ui::CustomerMainWindow &w, const QString &username, const QString &password, bool firstUse = true,
                      bool remember = false)
{
    QSignalSpy checked(&w, &ui::CustomerMainWindow::accountKeyChecked);
    w.beginSignIn();
    if (QString e = submitSignIn(w, username, password, remember); !e.isEmpty())
        return e;
    if (firstUse) {
        if (QString e = answerMessageBox(&w, QStringLiteral("firstUseDialog"), QStringLiteral("trustKey"));
            !e.isEmpty())
            return e;
    }
    if (!QTest::qWaitFor([&] { return checked.size() > 0; }, 15000))
        return QStringLiteral("the key check did not end");
    return w.canSeal() ? QString() : QStringLiteral("the key is not trusted: ") + w.bannerText();
}

/// Waits for a new mail in the outbox while the event loop runs (the window's requests
/// go on meanwhile); empty after 15 s.
inline QByteArray waitForMail(Outbox &outbox)
{
    QList<QByteArray> mails;
    (void)QTest::qWaitFor(
        [&] {
            mails += outbox.take();
            return !mails.isEmpty();
        },
        15000);
    return mails.isEmpty() ? QByteArray() : mails.last();
}

/// Asks for a code with the banner's button, reads it from the mail, types it.
inline QString unlockWithMailedCode(ui::CustomerMainWindow &w, Outbox &outbox)
{
    outbox.take();
    QTest::mouseClick(w.findChild<QPushButton *>(QStringLiteral("sendCode")), Qt::LeftButton);
    const QString code = unlockCodeIn(waitForMail(outbox));
    if (code.isEmpty())
        return QStringLiteral("no unlock mail: ") + w.bannerText();
    QTest::mouseClick(w.findChild<QPushButton *>(QStringLiteral("enterCode")), Qt::LeftButton);
    auto *dialog = waitForChild<ui::UnlockDialog>(&w);
    if (!dialog)
        return QStringLiteral("no unlock dialog");
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("code")), code);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return w.session()->isUnlocked(); }, 15000))
        return QStringLiteral("not unlocked: ") + dialog->message();
    return {};
}

/// Sets a line edit of the editor.
inline void setField(ui::EntryEditor *editor, const QString &name, const QString &text)
{
    auto *field = editor->findChild<QLineEdit *>(name);
    field->selectAll();
    field->del();
    QTest::keyClicks(field, text);
}

/// Clicks Save in the editor.
inline void save(ui::EntryEditor *editor)
{
    QTest::mouseClick(editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

/// The model row whose open title is `title`, or -1.
inline int rowTitled(const client::EntryModel &model, const QString &title)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.fields(row) && model.fields(row)->title == title)
            return row;
    }
    return -1;
}

} // namespace credvault::test
