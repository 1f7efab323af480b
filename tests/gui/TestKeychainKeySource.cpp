// The QtKeychain key source against a real gnome-keyring in a private D-Bus session
// (tests/run-with-keyring.sh).
#include "desktop/KeychainKeySource.h"

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

    void refusesAWrongSizedKey()
    {
        QCOMPARE(KeychainKeySource(u"credvault-test"_s, u"x"_s).store(SecureBuffer(16)).error().code, u"bad_key"_s);
    }
};

QTEST_GUILESS_MAIN(TestKeychainKeySource)
#include "TestKeychainKeySource.moc"
