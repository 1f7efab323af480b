// DecapCache on its own: what its thread computes is what DecapBox::decapsulate gives,
// failed encs included; a job is taken once, replaced by the account's next, dropped by
// number only when it is still the same one; the bound evicts the oldest; jobs expire;
// and destroying the cache in the middle of a job returns at once.
#include "crypto/DecapBox.h"
#include "crypto/Primitives.h"
#include "keyserver/DecapCache.h"

#include <QtCore/QElapsedTimer>
#include <QtTest/QtTest>

using namespace credvault;
using namespace std::chrono_literals;
using keyserver::DecapCache;

namespace {

// `n` encs: fresh X25519 public keys, with a low-order one (all zero) at `zeroAt`.
QByteArray encs(int n, int zeroAt = -1)
{
    QByteArray out;
    for (int i = 0; i < n; ++i)
        out += i == zeroAt ? QByteArray(32, '\0')
                           : crypto::bytesView(crypto::X25519PrivateKey::generate().publicKey()).toByteArray();
    return out;
}

crypto::X25519PrivateKey copyOf(const crypto::X25519PrivateKey &k)
{
    return crypto::X25519PrivateKey::fromRaw(k.rawPrivate().view()).value();
}

// Waits until the account's job is computed, then takes it.
bool waitForDone(DecapCache &cache, const QUuid &account, std::size_t n, DecapCache::Taken &out)
{
    QElapsedTimer t;
    t.start();
    while (cache.computed(account) < n && t.elapsed() < 60000)
        QTest::qWait(5);
    out = cache.take(account);
    return out.done == n;
}

} // namespace

class TestDecapCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void computesWhatDecapsulateGives()
    {
        const crypto::X25519PrivateKey key = crypto::X25519PrivateKey::generate();
        const QByteArray all = encs(200, 77);
        const DecapBox::Batch expected = DecapBox::decapsulate(key, all).value();
        DecapCache cache;
        const QUuid account = QUuid::createUuid();
        QVERIFY(cache.start(account, copyOf(key), all, 60s) > 0);
        QCOMPARE(cache.heldEncs(), std::size_t(200));
        DecapCache::Taken t;
        QVERIFY(waitForDone(cache, account, 200, t));
        QCOMPARE(t.encs, all);
        QVERIFY(t.secrets.equals(expected.secrets));
        QCOMPARE(expected.failed, QList<int>{77});
        for (int i = 0; i < 200; ++i)
            QCOMPARE(bool(t.failed[std::size_t(i)]), i == 77);
        // Taken once: the job is gone.
        QCOMPARE(cache.heldEncs(), std::size_t(0));
        QCOMPARE(cache.take(account).done, std::size_t(0));
    }

    void aNewJobReplacesTheAccountsOld()
    {
        const crypto::X25519PrivateKey key = crypto::X25519PrivateKey::generate();
        DecapCache cache;
        const QUuid account = QUuid::createUuid();
        const QByteArray first = encs(50);
        const QByteArray second = encs(30);
        const std::uint64_t one = cache.start(account, copyOf(key), first, 60s);
        const std::uint64_t two = cache.start(account, copyOf(key), second, 60s);
        QVERIFY(one > 0 && two > one);
        QCOMPARE(cache.heldEncs(), std::size_t(30));
        // Dropping the first job by its number leaves the second alone.
        cache.drop(account, one);
        QCOMPARE(cache.heldEncs(), std::size_t(30));
        DecapCache::Taken t;
        QVERIFY(waitForDone(cache, account, 30, t));
        QCOMPARE(t.encs, second);
        // And a job of another account is not taken by this one.
        const QUuid other = QUuid::createUuid();
        QVERIFY(cache.start(other, copyOf(key), first, 60s) > 0);
        QCOMPARE(cache.take(account).done, std::size_t(0));
        QCOMPARE(cache.heldEncs(), std::size_t(50));
        cache.drop(other);
        QCOMPARE(cache.heldEncs(), std::size_t(0));
    }

    void refusesWhatItCannotHold()
    {
        const crypto::X25519PrivateKey key = crypto::X25519PrivateKey::generate();
        DecapCache cache(100);
        const QUuid account = QUuid::createUuid();
        QCOMPARE(cache.start(account, copyOf(key), encs(101), 60s), std::uint64_t(0)); // over the bound
        QCOMPARE(cache.start(account, copyOf(key), QByteArray(), 60s), std::uint64_t(0));
        QCOMPARE(cache.start(account, copyOf(key), QByteArray(33, 'x'), 60s), std::uint64_t(0)); // not whole encs
        QCOMPARE(cache.start(account, crypto::X25519PrivateKey(), encs(3), 60s), std::uint64_t(0));
        QCOMPARE(cache.start(account, copyOf(key), encs(3), 0s), std::uint64_t(0)); // switched off
        QCOMPARE(cache.heldEncs(), std::size_t(0));
    }

    void theBoundEvictsTheOldest()
    {
        const crypto::X25519PrivateKey key = crypto::X25519PrivateKey::generate();
        DecapCache cache(100);
        const QUuid a = QUuid::createUuid(), b = QUuid::createUuid(), c = QUuid::createUuid();
        QVERIFY(cache.start(a, copyOf(key), encs(40), 60s) > 0);
        QVERIFY(cache.start(b, copyOf(key), encs(40), 60s) > 0);
        QVERIFY(cache.start(c, copyOf(key), encs(40), 60s) > 0); // a goes
        QCOMPARE(cache.heldEncs(), std::size_t(80));
        QCOMPARE(cache.take(a).encs.size(), qsizetype(0));
        QCOMPARE(cache.take(b).encs.size(), qsizetype(40 * 32));
        QCOMPARE(cache.take(c).encs.size(), qsizetype(40 * 32));
    }

    void jobsExpire()
    {
        const crypto::X25519PrivateKey key = crypto::X25519PrivateKey::generate();
        DecapCache cache;
        const QUuid account = QUuid::createUuid();
        QVERIFY(cache.start(account, copyOf(key), encs(5), 200ms) > 0);
        // The thread sweeps it when its time is up, taken or not.
        QTRY_COMPARE_WITH_TIMEOUT(cache.heldEncs(), std::size_t(0), 5000);
        QCOMPARE(cache.take(account).done, std::size_t(0));
    }

    void stopsInTheMiddleOfAJob()
    {
        const crypto::X25519PrivateKey key = crypto::X25519PrivateKey::generate();
        const QUuid account = QUuid::createUuid();
        QElapsedTimer t;
        {
            DecapCache cache;
            (void)cache.start(account, copyOf(key), encs(10000), 60s);
            QTRY_VERIFY_WITH_TIMEOUT(cache.computed(account) > 0, 10000);
            QVERIFY(cache.computed(account) < 10000); // still at work
            t.start();
        } // ~DecapCache: the thread stops after its batch, not after 10,000 derives
        qInfo("destroyed in %lld ms, in the middle of a 10,000-enc job", qint64(t.elapsed()));
    }
};

QTEST_GUILESS_MAIN(TestDecapCache)
#include "TestDecapCache.moc"
