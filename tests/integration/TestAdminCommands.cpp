// credvault-cli admin … against a real vault server database (SQLCipher), through the
// vault server's own configuration: customers and staff added, listed, disabled, given a
// new password and TOTP; refusals change nothing; no password in any output.
#include "auth/Password.h"
#include "auth/Totp.h"
#include "store/KeySource.h"
#include "store/vault/SqlCipherVaultStore.h"

#include "support/Executables.h"
#include "support/TempDir.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

class TestAdminCommands : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_config;
    QByteArray m_allOutput;

    test::RunResult admin(const QStringList &args, const QByteArray &input = {})
    {
        QStringList full{u"admin"_s};
        full << args.first() << u"--config"_s << m_config << args.mid(1);
        test::RunResult r = test::run(test::binary(u"credvault-cli"_s), full, input);
        m_allOutput += r.out + r.err;
        return r;
    }

    std::unique_ptr<store::SqlCipherVaultStore> store()
    {
        const SecureBuffer key = store::KeyFileSource(m_dir.filePath(u"db.key"_s)).load().value();
        return store::SqlCipherVaultStore::open(m_dir.filePath(u"vault.db"_s), key).value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString pki = m_dir.filePath(u"pki"_s);
        for (const QStringList &args : {QStringList{u"pki"_s, u"init"_s, u"--dir"_s, pki},
                                        QStringList{u"pki"_s, u"issue"_s, u"--dir"_s, pki, u"--role"_s, u"server"_s,
                                                    u"--name"_s, u"vault"_s, u"--san"_s, u"IP:127.0.0.1"_s}}) {
            const test::RunResult r = test::run(test::binary(u"credvault-cli"_s), args);
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        QVERIFY(store::writeKeyFile(m_dir.filePath(u"db.key"_s), store::generateKey()).ok());
        m_config =
            test::writeFile(m_dir.path(), u"server.conf"_s,
                            "[database]\npath = vault.db\nkey_file = db.key\n[listener.api]\naddress = "
                            "127.0.0.1\nport = 0\ncertificate = pki/vault-chain.pem\nprivate_key = pki/vault.key\n");
        test::writeFile(m_dir.path(), u"alice.pass"_s, "alice-password-1\n");
        test::writeFile(m_dir.path(), u"sam.pass"_s, "sam-password-22\n");
    }

    void addsCustomersAndStaff()
    {
        test::RunResult r =
            admin({u"add-customer"_s, u"--username"_s, u"alice"_s, u"--name"_s, u"Alice Example"_s, u"--email"_s,
                   u"alice@example.com"_s, u"--password-file"_s, m_dir.filePath(u"alice.pass"_s)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.startsWith("customer alice added: account "));
        const QUuid account = QUuid::fromString(QString::fromLatin1(r.out.trimmed().split(' ').last()));
        QVERIFY(!account.isNull());
        r = admin({u"add-staff"_s, u"--username"_s, u"sam"_s, u"--name"_s, u"Sam Support"_s, u"--role"_s, u"admin"_s,
                   u"--password-file"_s, u"-"_s},
                  "sam-password-22\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());

        auto s = store();
        const store::User alice = s->userByName(u"alice"_s).value().value();
        QCOMPARE(alice.accountId, account);
        QVERIFY(auth::Password::verify("alice-password-1", alice.passwordHash));
        QCOMPARE(s->account(account).value()->email, u"alice@example.com"_s);
        const store::User sam = s->userByName(u"sam"_s).value().value();
        QCOMPARE(sam.role, u"admin"_s);
        QVERIFY(auth::Password::verify("sam-password-22", sam.passwordHash));
    }

    void refusalsChangeNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("message");
        const QString pass = u"--password-file"_s;
        QTest::newRow("taken, other case")
            << QStringList{u"add-customer"_s, u"--username"_s,    u"ALICE"_s, u"--name"_s, u"A"_s,
                           u"--email"_s,      u"a@example.com"_s, pass,       u"PASS"_s}
            << 1 << QByteArray("taken");
        QTest::newRow("weak password")
            << QStringList{u"add-customer"_s, u"--username"_s,    u"carol"_s, u"--name"_s, u"C"_s,
                           u"--email"_s,      u"c@example.com"_s, pass,       u"WEAK"_s}
            << 2 << QByteArray("at least 10");
        QTest::newRow("no email") << QStringList{u"add-customer"_s, u"--username"_s, u"carol"_s,
                                                 u"--name"_s,       u"C"_s,          pass,
                                                 u"PASS"_s}
                                  << 2 << QByteArray("--email is required");
        QTest::newRow("bad role") << QStringList{u"add-staff"_s, u"--username"_s, u"sue"_s, u"--name"_s, u"Sue"_s,
                                                 u"--role"_s,    u"root"_s,       pass,     u"PASS"_s}
                                  << 2 << QByteArray("support or admin");
        QTest::newRow("unknown user") << QStringList{u"disable"_s, u"--username"_s, u"nobody"_s} << 1
                                      << QByteArray("no user 'nobody'");
    }

    void refusalsChangeNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, message);
        test::writeFile(m_dir.path(), u"weak.pass"_s, "short\n");
        args.replaceInStrings(u"PASS"_s, m_dir.filePath(u"alice.pass"_s));
        args.replaceInStrings(u"WEAK"_s, m_dir.filePath(u"weak.pass"_s));
        const qsizetype before = store()->users().value().size();
        const test::RunResult r = admin(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), r.err.constData());
        QCOMPARE(store()->users().value().size(), before);
    }

    void listsDisablesAndEnables()
    {
        test::RunResult r = admin({u"list"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("customer alice"));
        QVERIFY(r.out.contains("staff    sam"));
        QCOMPARE(admin({u"list"_s, u"--staff"_s}).out.count('\n'), 1);

        auto s = store();
        const QUuid alice = s->userByName(u"alice"_s).value()->id;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(s->addToken({QByteArray(32, 't'), alice, now, now.addSecs(600)}).ok());
        QCOMPARE(admin({u"disable"_s, u"--username"_s, u"alice"_s}).exitCode, 0);
        QVERIFY(s->userByName(u"alice"_s).value()->disabled);
        QVERIFY(!s->token(QByteArray(32, 't')).value().has_value()); // her sign-ins ended
        QVERIFY(admin({u"list"_s, u"--customers"_s}).out.contains("disabled"));
        QCOMPARE(admin({u"enable"_s, u"--username"_s, u"alice"_s}).exitCode, 0);
        QVERIFY(!s->userByName(u"alice"_s).value()->disabled);
    }

    void resetsPasswordsAndEnrolsTotp()
    {
        test::writeFile(m_dir.path(), u"new.pass"_s, "a-brand-new-password\n");
        QCOMPARE(admin({u"reset-password"_s, u"--username"_s, u"alice"_s, u"--password-file"_s,
                        m_dir.filePath(u"new.pass"_s)})
                     .exitCode,
                 0);
        const QString hash = store()->userByName(u"alice"_s).value()->passwordHash;
        QVERIFY(auth::Password::verify("a-brand-new-password", hash));
        QVERIFY(!auth::Password::verify("alice-password-1", hash));

        const test::RunResult r = admin({u"enrol-totp"_s, u"--username"_s, u"sam"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("otpauth://totp/CredVault:sam?secret="));
        auto s = store();
        const store::User sam = s->userByName(u"sam"_s).value().value();
        QVERIFY(sam.hasTotp);
        const SecureBuffer secret = s->totpSecret(sam.id).value();
        QVERIFY(r.out.contains("secret=" + auth::Totp::base32(secret.view()).view().toByteArray() + "&"));
        QVERIFY(admin({u"list"_s, u"--staff"_s}).out.contains("totp"));
    }

    void badConfigurations()
    {
        test::RunResult r = test::run(test::binary(u"credvault-cli"_s), {u"admin"_s, u"list"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--config is required"));
        const QString bad = test::writeFile(m_dir.path(), u"bad.conf"_s, "[database]\npath = vault.db\n");
        r = test::run(test::binary(u"credvault-cli"_s), {u"admin"_s, u"list"_s, u"--config"_s, bad});
        QCOMPARE(r.exitCode, 3);
        // A wrong database key: one clear line, nothing else.
        QVERIFY(store::writeKeyFile(m_dir.filePath(u"wrong.key"_s), store::generateKey()).ok());
        QByteArray conf = "[database]\npath = vault.db\nkey_file = wrong.key\n[listener.api]\naddress = 127.0.0.1\n"
                          "port = 0\ncertificate = pki/vault-chain.pem\nprivate_key = pki/vault.key\n";
        const QString wrong = test::writeFile(m_dir.path(), u"wrong.conf"_s, conf);
        r = test::run(test::binary(u"credvault-cli"_s), {u"admin"_s, u"list"_s, u"--config"_s, wrong});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("wrong database key"), r.err.constData());
    }

    void noPasswordInAnyOutput()
    {
        for (const char *secret : {"alice-password-1", "sam-password-22", "a-brand-new-password"})
            QVERIFY(!m_allOutput.contains(secret));
    }
};

QTEST_GUILESS_MAIN(TestAdminCommands)
#include "TestAdminCommands.moc"
