#include "crypto/SecureBuffer.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <cstring>
#include <thread>
#include <vector>

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

    void reusedMemoryComesBackZeroed()
    {
        // Freed arena blocks are cached per thread; a reused one must be wiped.
        const unsigned char *first = nullptr;
        {
            SecureBuffer a(100);
            std::memset(a.data(), 0xab, a.size());
            first = a.data();
        }
        SecureBuffer b(120); // same 128-byte class
        if (SecureMemory::isInitialized())
            QCOMPARE(static_cast<const unsigned char *>(b.data()), first); // the cached block
        QVERIFY(std::all_of(b.data(), b.data() + b.size(), [](unsigned char c) { return c == 0; }));
    }

    void truncateWipesTheTail()
    {
        SecureBuffer a = SecureBuffer::copyOf(QByteArray("secret-and-padding"));
        unsigned char *p = a.data();
        a.truncate(6);
        QCOMPARE(a.size(), std::size_t(6));
        QCOMPARE(a.view(), QByteArrayView("secret"));
        QVERIFY(std::all_of(p + 6, p + 18, [](unsigned char c) { return c == 0; }));
        a.truncate(10); // growing is not truncating
        QCOMPARE(a.size(), std::size_t(6));
    }

    void buffersCrossThreads()
    {
        // Allocated on worker threads, freed on this one (and the reverse), while the
        // workers' caches are torn down as they exit.
        std::vector<SecureBuffer> made(64);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&made, t] {
                for (int i = t; i < 64; i += 4) {
                    made[std::size_t(i)] = SecureBuffer(std::size_t(16 + i * 37));
                    made[std::size_t(i)].data()[0] = static_cast<unsigned char>(i);
                    SecureBuffer scratch(64); // freed on the worker, into its cache
                }
            });
        }
        for (auto &t : threads)
            t.join();
        for (int i = 0; i < 64; ++i) {
            QCOMPARE(made[std::size_t(i)].size(), std::size_t(16 + i * 37));
            QCOMPARE(int(made[std::size_t(i)].data()[0]), i);
        }
        made.clear();
        std::thread([] { SecureBuffer x(32); }).join();
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
