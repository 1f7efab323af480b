// The code box and the decapsulation box of DESIGN.md §3, and the relay attacks they stop.
#include "crypto/CodeBox.h"
#include "crypto/DecapBox.h"
#include "crypto/EntryEnvelope.h"
#include "crypto/Hpke.h"
#include "crypto/Primitives.h"
#include "crypto/UnlockCode.h"

#include <QtTest/QtTest>

using namespace credvault;
using namespace credvault::crypto;
using namespace Qt::Literals::StringLiterals;

class TestBoxes : public QObject {
    Q_OBJECT
private:
    X25519PrivateKey m_redeem = X25519PrivateKey::generate();
    X25519PrivateKey m_session = X25519PrivateKey::generate();
    QUuid m_account = QUuid::createUuid();

private Q_SLOTS:
    void codeBoxRoundTrip()
    {
        const UnlockCode code = UnlockCode::generate();
        Result<QByteArray> box =
            CodeBox::seal(m_redeem.publicKey(), m_account, m_session.publicKey(), code.normalized());
        QVERIFY(box.ok());
        QCOMPARE(box->size(), qsizetype(32 + 12 + 16));
        Result<SecureBuffer> opened = CodeBox::open(m_redeem, m_account, m_session.publicKey(), *box);
        QVERIFY(opened.ok());
        QVERIFY(opened->equals(code.normalized()));
        // aad = account id text ‖ 0x00 ‖ raw session key
        const QByteArray aad =
            canonicalUuid(m_account) + QByteArray(1, '\0') + bytesView(m_session.publicKey()).toByteArray();
        QCOMPARE(CodeBox::aad(m_account, m_session.publicKey()), aad);
    }

    void codeBoxRefusesARelay_data()
    {
        QTest::addColumn<QString>("attack");
        QTest::addRow("relay swaps in its own session key") << u"swap"_s;
        QTest::addRow("box replayed for another account") << u"account"_s;
        QTest::addRow("box sealed to another redemption key") << u"redeem"_s;
        QTest::addRow("box altered") << u"alter"_s;
        QTest::addRow("box truncated") << u"truncate"_s;
    }
    void codeBoxRefusesARelay()
    {
        QFETCH(QString, attack);
        const UnlockCode code = UnlockCode::generate();
        const X25519PrivateKey relay = X25519PrivateKey::generate();
        const X25519PrivateKey fakeRedeem = X25519PrivateKey::generate();
        QByteArray box = CodeBox::seal(attack == u"redeem"_s ? fakeRedeem.publicKey() : m_redeem.publicKey(), m_account,
                                       m_session.publicKey(), code.normalized())
                             .value();
        X25519PublicKey claimedSession = m_session.publicKey();
        QUuid account = m_account;
        if (attack == u"swap"_s)
            claimedSession = relay.publicKey();
        else if (attack == u"account"_s)
            account = QUuid::createUuid();
        else if (attack == u"alter"_s)
            box[40] = char(box[40] ^ 1);
        else if (attack == u"truncate"_s)
            box.truncate(40);
        Result<SecureBuffer> r = CodeBox::open(m_redeem, account, claimedSession, box);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, attack == u"truncate"_s ? u"truncated"_s : u"authentication_failed"_s);
    }

    void decapBoxEndToEnd()
    {
        // Three entries sealed to the account, one bogus (low-order) enc among them.
        const X25519PrivateKey accountKey = X25519PrivateKey::generate();
        QList<QByteArray> envelopes;
        QList<QUuid> ids;
        QByteArray encs;
        for (int i = 0; i < 3; ++i) {
            ids.append(QUuid::createUuid());
            envelopes.append(EntryEnvelope::seal(accountKey.publicKey(), m_account, ids.last(),
                                                 u"{\"title\":\"entry %1\"}"_s.arg(i).toUtf8())
                                 .value());
            encs += envelopes.last().mid(17, 32);
            if (i == 1)
                encs += QByteArray(32, '\0'); // index 2: low order
        }
        // Keyserver: decapsulate and box to the session key.
        Result<DecapBox::Batch> batch = DecapBox::decapsulate(accountKey, encs);
        QVERIFY(batch.ok());
        QCOMPARE(batch->failed, QList<int>{2});
        QCOMPARE(batch->secrets.size(), std::size_t(4 * 32));
        QVERIFY(std::all_of(batch->secrets.data() + 64, batch->secrets.data() + 96,
                            [](unsigned char c) { return c == 0; }));
        Result<QByteArray> box = DecapBox::seal(m_session.publicKey(), encs, batch->secrets);
        QVERIFY(box.ok());
        QCOMPARE(box->size(), qsizetype(32 + 4 * 32 + 16));
        // App: open the box for exactly its request, then each entry.
        Result<SecureBuffer> secrets = DecapBox::open(m_session, encs, *box);
        QVERIFY(secrets.ok());
        const KeyId pinned = keyIdOf(accountKey.publicKey());
        const int index[] = {0, 1, 3};
        for (int i = 0; i < 3; ++i) {
            const QByteArrayView ss = secrets->view().sliced(index[i] * 32, 32);
            Result<SecureBuffer> pt = EntryEnvelope::openWithSharedSecret(ss, pinned, m_account, ids[i], envelopes[i]);
            QVERIFY(pt.ok());
            QCOMPARE(pt->view(), QByteArrayView(u"{\"title\":\"entry %1\"}"_s.arg(i).toUtf8()));
        }
        // The same box for another request (reordered encs) or another session key fails.
        QByteArray reordered = encs.mid(32, 32) + encs.left(32) + encs.mid(64);
        QCOMPARE(DecapBox::open(m_session, reordered, *box).error().code, u"authentication_failed"_s);
        const X25519PrivateKey relay = X25519PrivateKey::generate();
        QCOMPARE(DecapBox::open(relay, encs, *box).error().code, u"authentication_failed"_s);
        QCOMPARE(DecapBox::open(m_session, encs, box->left(box->size() - 1)).error().code, u"truncated"_s);
        QCOMPARE(DecapBox::open(m_session, encs, *box + "x").error().code, u"bad_length"_s);
    }

    void decapRequestLimits()
    {
        const X25519PrivateKey k = X25519PrivateKey::generate();
        QCOMPARE(DecapBox::decapsulate(k, QByteArray()).error().code, u"empty"_s);
        QCOMPARE(DecapBox::decapsulate(k, QByteArray(33, 'a')).error().code, u"bad_length"_s);
        QCOMPARE(DecapBox::decapsulate(k, QByteArray(10001 * 32, 'a')).error().code, u"too_many"_s);
        QByteArray many;
        const X25519PublicKey p = X25519PrivateKey::generate().publicKey();
        for (int i = 0; i < 10000; ++i)
            many += bytesView(p).toByteArray();
        Result<DecapBox::Batch> b = DecapBox::decapsulate(k, many);
        QVERIFY(b.ok());
        QVERIFY(b->failed.isEmpty());
        QCOMPARE(b->secrets.size(), std::size_t(10000 * 32));
    }
};

QTEST_GUILESS_MAIN(TestBoxes)
#include "TestBoxes.moc"
