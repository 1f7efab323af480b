// The password generator in the entry editor, on the offscreen platform: "Generate…"
// opens it, its options change what it draws (length, classes, pronounceable), a choice
// with no class is refused, and "Use this password" puts the password in the editor,
// where it is saved as typed. On its own (Entry › Password generator) it copies, marked
// sensitive, and the copy goes when the window does (quit).

#include "customer/CustomerMainWindow.h"
#include "widgets/EntryEditor.h"
#include "widgets/PasswordGeneratorDialog.h"

#include "support/CustomerWindowDriver.h"

#include <QtCore/QMimeData>
#include <QtGui/QAction>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtTest/QtTest>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QToolButton>

using namespace credvault;
using namespace credvault::ui;
using namespace Qt::Literals::StringLiterals;

class TestPasswordGeneratorDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void generateFromTheEditor()
    {
        QByteArray saved;
        EntryEditor editor(EntryEditor::Mode::Add, [&](const client::EntryFields &, const SecureBuffer &secret, qint64,
                                                       EntryEditor::WriteCallback done) {
            saved = secret.view().toByteArray();
            done(Result<void, ApiError>());
        });
        editor.show();
        QTest::mouseClick(editor.findChild<QToolButton *>(u"generate"_s), Qt::LeftButton);
        auto *dialog = test::waitForChild<PasswordGeneratorDialog>(&editor);
        QVERIFY(dialog);
        auto *preview = dialog->findChild<QLineEdit *>(u"preview"_s);
        QCOMPARE(preview->text().size(), 20);

        // Options change what is drawn.
        dialog->findChild<QSpinBox *>(u"length"_s)->setValue(32);
        dialog->findChild<QCheckBox *>(u"symbols"_s)->setChecked(false);
        QCOMPARE(preview->text().size(), 32);
        QVERIFY(QRegularExpression(u"^[A-Za-z0-9]{32}$"_s).match(preview->text()).hasMatch());
        QVERIFY(dialog->findChild<QLabel *>(u"strength"_s)->text().contains(u"190 bits"_s));
        const QString before = preview->text();
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"regenerate"_s), Qt::LeftButton);
        QVERIFY(preview->text() != before);

        // No class at all: nothing to use.
        for (const char *name : {"lower", "upper", "digits"})
            dialog->findChild<QCheckBox *>(QString::fromLatin1(name))->setChecked(false);
        auto *use = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!use->isEnabled());
        QVERIFY(preview->text().isEmpty());
        // Pronounceable needs no class.
        dialog->findChild<QCheckBox *>(u"pronounceable"_s)->setChecked(true);
        QVERIFY(use->isEnabled());
        QCOMPARE(preview->text().size(), 32);
        const QString chosen = preview->text();

        QTest::mouseClick(use, Qt::LeftButton);
        QCOMPARE(editor.findChild<QLineEdit *>(u"secret"_s)->text(), chosen);
        test::setField(&editor, u"title"_s, u"generated"_s);
        test::save(&editor);
        QCOMPARE(saved, chosen.toLatin1());
    }

    void onItsOwnItCopies()
    {
        QClipboard *clipboard = QGuiApplication::clipboard();
        QString copied;
        {
            CustomerMainWindow w(u"/nonexistent/client.conf"_s); // no sign-in needed
            w.show();
            w.findChild<QAction *>(u"passwordGenerator"_s)->trigger();
            auto *dialog = test::waitForChild<PasswordGeneratorDialog>(&w);
            QVERIFY(dialog);
            copied = dialog->findChild<QLineEdit *>(u"preview"_s)->text();
            auto *copy = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            QCOMPARE(copy->text(), u"Copy"_s);
            QTest::mouseClick(copy, Qt::LeftButton);
            QCOMPARE(clipboard->text(), copied);
            QCOMPARE(clipboard->mimeData()->data(u"x-kde-passwordManagerHint"_s), QByteArray("secret"));
            QVERIFY(w.clipboard().holdsCopy());
        }
        QCOMPARE(clipboard->text(), QString()); // gone with the window
    }
};

QTEST_MAIN(TestPasswordGeneratorDialog)
#include "TestPasswordGeneratorDialog.moc"
