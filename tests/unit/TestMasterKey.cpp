#include "crypto/UnlockCode.h"
#include "keyserver/MasterKey.h"

#include "support/TempDir.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace credvault;
using namespace credvault::keyserver;
using namespace Qt::Literals::StringLiterals;

class TestMasterKey : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wrapsAndUnwraps()
    {
        const SoftwareMasterKey mk(store::generateKey());
        const SecureBuffer secret = SecureBuffer::copyOf(QByteArray(32, 's'));
        const QUuid account = QUuid::createUuid();
        const QByteArray keyId(16, 'i');
        Result<QByteArray> w = mk.wrap(secret, account, keyId);
        QVERIFY(w.ok());
        QCOMPARE(w->size(), 1 + 12 + 32 + 16);
        QCOMPARE(quint8(w->at(0)), quint8(1));
        QVERIFY(!w->contains(QByteArray(32, 's')));
        QVERIFY(mk.unwrap(*w, account, keyId)->equals(secret));
        // Two wraps of the same key differ (fresh nonce).
        QVERIFY(*mk.wrap(secret, account, keyId) != *w);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addRow("another master key") << u"master"_s;
        QTest::addRow("another account") << u"account"_s;
        QTest::addRow("another key id") << u"keyid"_s;
        QTest::addRow("a flipped bit") << u"bit"_s;
        QTest::addRow("truncated") << u"short"_s;
        QTest::addRow("unknown version") << u"version"_s;
    }
    void refusals()
    {
        QFETCH(QString, how);
        const SoftwareMasterKey mk(store::generateKey());
        const SoftwareMasterKey other(store::generateKey());
        const QUuid account = QUuid::createUuid();
        const QByteArray keyId(16, 'i');
        QByteArray w = mk.wrap(SecureBuffer::copyOf(QByteArray(32, 's')), account, keyId).value();
        const MasterKey *key = &mk;
        QUuid a = account;
        QByteArray k = keyId;
        if (how == u"master"_s)
            key = &other;
        else if (how == u"account"_s)
            a = QUuid::createUuid();
        else if (how == u"keyid"_s)
            k[0] = 'j';
        else if (how == u"bit"_s)
            w[20] = char(w[20] ^ 1);
        else if (how == u"short"_s)
            w.truncate(20);
        else if (how == u"version"_s)
            w[0] = 2;
        Result<SecureBuffer> r = key->unwrap(w, a, k);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"unwrap_failed"_s);
    }

    void idAndPepper()
    {
        const SecureBuffer raw = store::generateKey();
        const SoftwareMasterKey a(SecureBuffer::copyOf(raw.view()));
        const SoftwareMasterKey b(SecureBuffer::copyOf(raw.view()));
        const SoftwareMasterKey c(store::generateKey());
        QCOMPARE(a.id().size(), 16);
        QCOMPARE(a.id(), b.id());
        QVERIFY(a.id() != c.id());
        QVERIFY(a.codePepper().equals(UnlockCode::pepperFromMasterKey(raw)));
        QVERIFY(!a.codePepper().equals(c.codePepper()));
        QVERIFY(!a.id().contains(raw.view().first(8).toByteArray()));
    }

    void loadsFromAKeySource()
    {
        QTemporaryDir dir;
        const SecureBuffer raw = store::generateKey();
        QVERIFY(store::writeKeyFile(dir.filePath(u"master.key"_s), raw).ok());
        Result<std::unique_ptr<SoftwareMasterKey>> mk =
            SoftwareMasterKey::load(store::KeyFileSource(dir.filePath(u"master.key"_s)));
        QVERIFY(mk.ok());
        QCOMPARE((*mk)->id(), SoftwareMasterKey(SecureBuffer::copyOf(raw.view())).id());
        Result<std::unique_ptr<SoftwareMasterKey>> missing =
            SoftwareMasterKey::load(store::KeyFileSource(dir.filePath(u"none"_s)));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.startsWith(u"master key: "_s));
    }
};

QTEST_GUILESS_MAIN(TestMasterKey)
#include "TestMasterKey.moc"
