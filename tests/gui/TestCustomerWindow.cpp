// The customer app's window against the real keyserver and vault server of an init-demo
// folder, on the offscreen platform: sign in, sealed rows under the banner with the
// masked address, a code asked for and read from the delivered mail, typed into the
// unlock dialog (a wrong one first), the entries opened, "Lock now" sealing them again.

#include "client/EntryModel.h"
#include "client/UnlockSession.h"
#include "client/VaultApi.h"
#include "crypto/EntryEnvelope.h"
#include "customer/CustomerMainWindow.h"
#include "protocol/Base64Url.h"
#include "widgets/LockStatusWidget.h"
#include "widgets/SignInDialog.h"
#include "widgets/UnlockDialog.h"

#include "support/DemoDeployment.h"
#include "support/KeyserverFixture.h"

#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtTest/QtTest>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>

using namespace credvault;
using namespace credvault::ui;
using namespace Qt::Literals::StringLiterals;

class TestCustomerWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::DemoDeployment m_demo;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString started = m_demo.makeAndStart(m_dir.filePath(u"demo"_s));
        QVERIFY2(started.isEmpty(), qPrintable(started));
        // Two entries sealed beforehand, as another computer of alice's would.
        const QString token = m_demo.login(u"alice"_s);
        const QByteArray account = m_demo.user(u"alice"_s).accountId.toLatin1();
        const test::HttpReply key = m_demo.api("GET", "/v1/accounts/" + account + "/public-key", {}, token);
        QCOMPARE(key.status, 200);
        const crypto::X25519PublicKey pub =
            crypto::x25519PublicKeyFrom(
                fromBase64Url(test::object(key).value(u"public_key"_s).toString().toLatin1()).value())
                .value();
        for (const char *title : {"web1.example.net", "db.example.net"}) {
            const QUuid id = QUuid::createUuid();
            const QByteArray env =
                EntryEnvelope::seal(pub, QUuid::fromString(QString::fromLatin1(account)), id,
                                    "{\"kind\":\"server\",\"title\":\"" + QByteArray(title) + "\",\"secret\":\"s\"}")
                    .value();
            QCOMPARE(m_demo
                         .api("POST", "/v1/entries",
                              test::json({{u"id"_s, id.toString(QUuid::WithoutBraces)},
                                          {u"account_id"_s, QString::fromLatin1(account)},
                                          {u"envelope"_s, QString::fromLatin1(toBase64Url(env))}}),
                              token)
                         .status,
                     201);
        }
    }

    void signInUnlockAndLock()
    {
        test::Outbox outbox(m_demo.path(u"outbox"_s));
        outbox.take(); // "your vault was created"
        CustomerMainWindow w(m_demo.path(u"client.conf"_s));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy checked(&w, &CustomerMainWindow::accountKeyChecked);
        w.beginSignIn();
        auto *signIn = w.findChild<SignInDialog *>();
        QVERIFY(signIn);
        QTest::keyClicks(signIn->findChild<QLineEdit *>(u"username"_s), u"alice"_s);
        QTest::keyClicks(signIn->findChild<QLineEdit *>(u"password"_s), m_demo.user(u"alice"_s).password);
        QTest::mouseClick(signIn->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 15000);

        // Locked: sealed rows, the banner with the masked address and the two buttons.
        client::EntryModel *model = w.entryModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 10000);
        QCOMPARE(model->data(model->index(0, client::EntryModel::TitleColumn)).toString(), u"Sealed entry"_s);
        QVERIFY2(w.bannerText().contains(u"a***e@example.com"_s), qPrintable(w.bannerText()));
        QVERIFY(w.lockStatus()->text().startsWith(u"Locked"_s));
        auto *send = w.findChild<QPushButton *>(u"sendCode"_s);
        QVERIFY(send->isVisible());

        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.bannerText().startsWith(u"An unlock code was sent to a***e@example.com"_s), 10000);
        const QList<QByteArray> mails = outbox.waitFor(1);
        QVERIFY(!mails.isEmpty());
        const QString code = test::unlockCodeIn(mails.last());
        QVERIFY(!code.isEmpty());

        QTest::mouseClick(w.findChild<QPushButton *>(u"enterCode"_s), Qt::LeftButton);
        auto *unlock = w.findChild<UnlockDialog *>();
        QVERIFY(unlock);
        auto *field = unlock->findChild<QLineEdit *>(u"code"_s);
        auto *ok = unlock->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QTest::keyClicks(field, code.startsWith(u'0') ? u"1111-1111-1111"_s : u"0000-0000-0000"_s);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(unlock->message().contains(u"4 tries left"_s), 10000);
        field->clear();
        QTest::keyClicks(field, code.toLower());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->isUnlocked(), 10000);

        // Unlocked: the entries open by themselves; the status bar counts down.
        QTRY_COMPARE_WITH_TIMEOUT(model->openCount(), 2, 10000);
        QStringList titles{model->data(model->index(0, client::EntryModel::TitleColumn)).toString(),
                           model->data(model->index(1, client::EntryModel::TitleColumn)).toString()};
        titles.sort();
        QCOMPARE(titles, (QStringList{u"db.example.net"_s, u"web1.example.net"_s}));
        QVERIFY2(w.lockStatus()->text().startsWith(u"Unlocked"_s), qPrintable(w.lockStatus()->text()));
        QVERIFY(w.lockAction()->isEnabled());

        // Lock now: sealed again, nothing open.
        w.lockAction()->trigger();
        QVERIFY(!w.session()->isUnlocked());
        QCOMPARE(model->openCount(), 0);
        QCOMPARE(model->data(model->index(0, client::EntryModel::TitleColumn)).toString(), u"Sealed entry"_s);
        QVERIFY(w.lockStatus()->text().startsWith(u"Locked"_s));
        QVERIFY(!w.lockAction()->isEnabled());
    }
};

QTEST_MAIN(TestCustomerWindow)
#include "TestCustomerWindow.moc"
