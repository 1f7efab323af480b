#include "crypto/SecureBuffer.h"

#include <QtTest/QtTest>

#include <algorithm>

using namespace credvault;

class TestSecureBuffer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // The arena needs mlock; where it is not permitted buffers still work and wipe.
        const bool locked = SecureMemory::initialize(1 << 16);
        QCOMPARE(SecureMemory::isInitialized(), locked);
        // Only the first call counts.
        QCOMPARE(SecureMemory::initialize(1 << 20), locked);
    }

    void startsZeroed()
    {
        SecureBuffer b(64);
        QCOMPARE(b.size(), std::size_t(64));
        QVERIFY(std::all_of(b.data(), b.data() + b.size(), [](unsigned char c) { return c == 0; }));
        if (SecureMemory::isInitialized())
            QVERIFY(b.isLocked());
    }

    void copiesAndCompares()
    {
        const QByteArray secret("correct horse battery staple");
        SecureBuffer a = SecureBuffer::copyOf(secret);
        QCOMPARE(a.view(), QByteArrayView(secret));
        QVERIFY(a.equals(secret));
        QVERIFY(!a.equals(QByteArray("correct horse battery stapler")));
        QVERIFY(!a.equals(QByteArray("Correct horse battery staple")));
        SecureBuffer b = SecureBuffer::copyOf(secret);
        QVERIFY(a.equals(b));
        b.data()[3] ^= 1;
        QVERIFY(!a.equals(b));
    }

    void wipeZeroesInPlace()
    {
        SecureBuffer a = SecureBuffer::copyOf(QByteArray(32, 'k'));
        a.wipe();
        QCOMPARE(a.size(), std::size_t(32));
        QVERIFY(std::all_of(a.data(), a.data() + a.size(), [](unsigned char c) { return c == 0; }));
    }

    void moveLeavesSourceEmpty()
    {
        SecureBuffer a = SecureBuffer::copyOf(QByteArray("key"));
        const unsigned char *p = a.data();
        SecureBuffer b(std::move(a));
        QVERIFY(a.isEmpty()); // NOLINT(bugprone-use-after-move): checking the moved-from state
        QCOMPARE(a.data(), nullptr);
        QCOMPARE(b.data(), p);
        SecureBuffer c;
        c = std::move(b);
        QVERIFY(b.isEmpty()); // NOLINT(bugprone-use-after-move)
        QVERIFY(c.equals(QByteArray("key")));
        c.clear();
        QVERIFY(c.isEmpty());
    }

    void emptyBuffers()
    {
        SecureBuffer e;
        QVERIFY(e.isEmpty());
        QVERIFY(e.equals(QByteArrayView()));
        QVERIFY(!e.equals(QByteArray("x")));
        SecureBuffer z = SecureBuffer::copyOf(QByteArrayView());
        QVERIFY(z.isEmpty());
        QVERIFY(!z.isLocked());
    }

    void fallsBackWhenArenaIsFull()
    {
        // More than the 64 KiB arena: still works, from the normal heap.
        SecureBuffer big(1 << 17);
        QCOMPARE(big.size(), std::size_t(1 << 17));
        QVERIFY(!big.isLocked());
        big.data()[0] = 1;
        big.clear();
        QVERIFY(big.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSecureBuffer)
#include "TestSecureBuffer.moc"
