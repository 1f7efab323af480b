// The sign-in dialog against the real vault server of an init-demo folder, on the
// offscreen platform: a wrong password says how many tries are left and keeps the dialog
// open, TOTP is asked for when enrolled, the right password signs in, and a server that
// cannot be reached is said plainly while the dialog stays usable.

#include "client/ClientConfig.h"
#include "client/VaultApi.h"
#include "widgets/SignInDialog.h"

#include "support/DemoDeployment.h"

#include <QtCore/QTemporaryDir>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QTcpServer>
#include <QtTest/QtTest>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>

using namespace credvault;
using namespace credvault::client;
using namespace credvault::ui;
using namespace Qt::Literals::StringLiterals;

class TestSignInDialog : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::DemoDeployment m_demo;
    ClientConfig m_config;

    static void fill(SignInDialog &d, const QString &user, const QString &password)
    {
        auto *u = d.findChild<QLineEdit *>(u"username"_s);
        auto *p = d.findChild<QLineEdit *>(u"password"_s);
        u->clear();
        QTest::keyClicks(u, user);
        p->clear();
        QTest::keyClicks(p, password);
    }
    static void clickSignIn(SignInDialog &d)
    {
        QTest::mouseClick(d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    }
    static bool idle(SignInDialog &d)
    {
        return d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString made = m_demo.make(m_dir.filePath(u"demo"_s));
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const QString started = m_demo.startVault(); // sign-in needs no keyserver
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_config = ClientConfig::load(m_demo.path(u"client.conf"_s)).value();
    }

    void wrongPasswordThenRight()
    {
        QNetworkAccessManager network;
        VaultApi vault(m_config.vault, &network);
        SignInDialog d(vault);
        d.show();
        fill(d, u"alice"_s, u"not-the-password"_s);
        clickSignIn(d);
        QVERIFY(!idle(d)); // working: no second click while the first is on its way
        QTRY_VERIFY_WITH_TIMEOUT(idle(d), 10000);
        QVERIFY2(d.message().contains(u"4 tries left"_s), qPrintable(d.message()));
        QVERIFY(d.isVisible());
        QCOMPARE(d.result(), int(QDialog::Rejected));

        fill(d, u"alice"_s, m_demo.user(u"alice"_s).password);
        clickSignIn(d);
        QTRY_COMPARE_WITH_TIMEOUT(d.result(), int(QDialog::Accepted), 10000);
        QVERIFY(vault.signedIn());
        QCOMPARE(d.answer().value(u"role"_s).toString(), u"customer"_s);
        QCOMPARE(d.answer().value(u"account_id"_s).toString(), m_demo.user(u"alice"_s).accountId);
        QVERIFY(d.findChild<QLineEdit *>(u"password"_s)->text().isEmpty()); // not kept in the field
    }

    void emptyFieldsAreRefusedHere()
    {
        QNetworkAccessManager network;
        VaultApi vault(m_config.vault, &network);
        SignInDialog d(vault);
        d.show();
        clickSignIn(d);
        QVERIFY(idle(d));
        QVERIFY(d.message().contains(u"Enter your sign-in name and password"_s));
    }

    void aDeadServerIsSaidPlainly()
    {
        quint16 dead = 0;
        {
            QTcpServer s;
            QVERIFY(s.listen(QHostAddress::LocalHost, 0));
            dead = s.serverPort();
        }
        Endpoint e = m_config.vault;
        e.url.setPort(dead);
        QNetworkAccessManager network;
        VaultApi vault(e, &network);
        SignInDialog d(vault);
        d.show();
        fill(d, u"alice"_s, u"whatever-password"_s);
        clickSignIn(d);
        QTRY_VERIFY_WITH_TIMEOUT(idle(d), 10000);
        QVERIFY2(d.message().contains(u"cannot be reached"_s), qPrintable(d.message()));
        QVERIFY(d.isVisible());
        QVERIFY(!vault.signedIn());
    }
};

QTEST_MAIN(TestSignInDialog)
#include "TestSignInDialog.moc"
