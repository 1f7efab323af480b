// The QtKeychain key source and the remembered sign-in token against a real
// gnome-keyring in a private D-Bus session (tests/run-with-keyring.sh).
#include "desktop/KeychainKeySource.h"
#include "desktop/TokenStore.h"

#include <QtCore/QDirIterator>

#include <QtCore/QCoreApplication>
#include <QtTest/QtTest>

using namespace credvault;
using namespace credvault::ui;
using namespace Qt::Literals::StringLiterals;

class TestKeychainKeySource : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"), "run through tests/run-with-keyring.sh");
    }

    void storeLoadRemove()
    {
        const KeychainKeySource source(u"credvault-test"_s, u"database-key"_s);
        QCOMPARE(source.load().error().code, u"key_missing"_s);
        const SecureBuffer key = store::generateKey();
        QVERIFY(source.store(key).ok());
        Result<SecureBuffer> loaded = source.load();
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        QVERIFY(loaded->equals(key));
        // Another account name is another entry.
        QCOMPARE(KeychainKeySource(u"credvault-test"_s, u"other"_s).load().error().code, u"key_missing"_s);
        QVERIFY(source.remove().ok());
        QCOMPARE(source.load().error().code, u"key_missing"_s);
        QVERIFY(source.remove().ok()); // removing nothing is fine
        QVERIFY(source.describe().contains(u"keychain"_s));
    }

    void loadOrCreateKeepsTheFirstKey()
    {
        const KeychainKeySource source(u"credvault-test"_s, u"local-db"_s);
        Result<SecureBuffer> first = source.loadOrCreate();
        QVERIFY(first.ok());
        QCOMPARE(first->size(), store::kKeySize);
        Result<SecureBuffer> second = source.loadOrCreate();
        QVERIFY(second.ok());
        QVERIFY(second->equals(*first));
    }

    void aRememberedTokenLivesInTheKeychainOnly()
    {
        QCoreApplication::setOrganizationName(u"CredVaultTest"_s);
        QCoreApplication::setApplicationName(u"token-store"_s);
        const TokenStore tokens(u"credvault-test"_s, QUrl(u"https://127.0.0.1:8443"_s));
        QCOMPARE(tokens.recall().error().code, u"missing"_s);
        const QByteArray token = "Rm9yIHRlc3RzIG9ubHk-token-0123456789abcdefABCDEF";
        QVERIFY(tokens.remember(u"alice"_s, token).ok());
        Result<std::pair<QString, SecureBuffer>> back = tokens.recall();
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
        QCOMPARE(back->first, u"alice"_s);
        QCOMPARE(back->second.view(), QByteArrayView(token));
        // Another vault server address remembers nothing.
        QCOMPARE(TokenStore(u"credvault-test"_s, QUrl(u"https://127.0.0.1:9443"_s)).recall().error().code,
                 u"missing"_s);
        // No file under HOME holds the token (the keyring encrypts its file).
        QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly))
                QVERIFY2(!f.readAll().contains(token), qPrintable(f.fileName()));
        }
        QVERIFY(tokens.forget().ok());
        QCOMPARE(tokens.recall().error().code, u"missing"_s);
        QVERIFY(tokens.forget().ok()); // forgetting twice is fine
    }

    void refusesAWrongSizedKey()
    {
        QCOMPARE(KeychainKeySource(u"credvault-test"_s, u"x"_s).store(SecureBuffer(16)).error().code, u"bad_key"_s);
    }
};

QTEST_GUILESS_MAIN(TestKeychainKeySource)
#include "TestKeychainKeySource.moc"
