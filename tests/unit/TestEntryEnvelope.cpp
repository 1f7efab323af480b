#include "crypto/EntryEnvelope.h"
#include "crypto/Hpke.h"
#include "crypto/Primitives.h"

#include <QtTest/QtTest>

using namespace credvault;
using namespace credvault::crypto;
using namespace Qt::Literals::StringLiterals;

namespace {
const QUuid kAccount(u"0f8fad5b-d9cb-469f-a165-70867728950e"_s);
const QUuid kEntry(u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s);
const QByteArray kJson =
    R"json({"kind":"ssh","title":"web1","host":"203.0.113.7","port":22,"username":"root","secret":"hunter2"})json";
} // namespace

class TestEntryEnvelope : public QObject {
    Q_OBJECT
private:
    X25519PrivateKey m_key = X25519PrivateKey::generate();

private Q_SLOTS:
    void layoutIsVersion1()
    {
        Result<QByteArray> env = EntryEnvelope::seal(m_key.publicKey(), kAccount, kEntry, kJson);
        QVERIFY(env.ok());
        // 0x01 ‖ key_id (16) ‖ enc (32) ‖ ct of one padded 256-byte block ‖ tag (16)
        QCOMPARE(env->size(), qsizetype(1 + 16 + 32 + 256 + 16));
        QCOMPARE(quint8(env->at(0)), quint8(0x01));
        const Digest d = sha256({bytesView(m_key.publicKey())});
        QCOMPARE(env->mid(1, 16), bytesView(d).first(16).toByteArray());
        // enc is a fresh X25519 public key, and the envelope opens with HPKE by hand with
        // the documented info and aad: the format is exactly DESIGN.md §3's.
        const X25519PublicKey enc = x25519PublicKeyFrom(env->mid(17, 32)).value();
        QByteArray aad("credvault/v1");
        aad += '\0';
        aad += "0f8fad5b-d9cb-469f-a165-70867728950e";
        aad += '\0';
        aad += "7c9e6679-7425-40de-944b-e07fc1f90ae7";
        QCOMPARE(EntryEnvelope::aad(kAccount, kEntry), aad);
        Result<SecureBuffer> padded =
            hpke::openBase(hpke::Aead::Aes256Gcm, m_key, enc, "credvault/v1/entry", aad, env->mid(49));
        QVERIFY(padded.ok());
        QCOMPARE(padded->size(), std::size_t(256));
        QCOMPARE(padded->view().first(kJson.size()), QByteArrayView(kJson));
        QCOMPARE(padded->data()[kJson.size()], 0x80);
        QVERIFY(std::all_of(padded->data() + kJson.size() + 1, padded->data() + 256,
                            [](unsigned char c) { return c == 0; }));
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("expectedBlocks");
        QTest::addRow("empty") << 0 << 1;
        QTest::addRow("255") << 255 << 1;
        QTest::addRow("256") << 256 << 2; // the 0x80 always needs room
        QTest::addRow("1000") << 1000 << 4;
        // 255 blocks + header + tag is the most that fits in 64 KiB.
        QTest::addRow("largest") << (255 * 256 - 1) << 255;
    }
    void roundTrip()
    {
        QFETCH(int, size);
        QFETCH(int, expectedBlocks);
        const QByteArray pt(size, 'a');
        Result<QByteArray> env = EntryEnvelope::seal(m_key.publicKey(), kAccount, kEntry, pt);
        QVERIFY(env.ok());
        QCOMPARE(env->size(), qsizetype(EntryEnvelope::kHeaderSize + 256 * expectedBlocks + 16));
        Result<SecureBuffer> back = EntryEnvelope::open(m_key, kAccount, kEntry, *env);
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
        QCOMPARE(back->view(), QByteArrayView(pt));
    }

    void tooLargeIsRefused()
    {
        const QByteArray pt(255 * 256, 'a');
        Result<QByteArray> env = EntryEnvelope::seal(m_key.publicKey(), kAccount, kEntry, pt);
        QVERIFY(!env.ok());
        QCOMPARE(env.error().code, u"too_large"_s);
    }

    void openWithTheKeyserversSharedSecret()
    {
        Result<QByteArray> env = EntryEnvelope::seal(m_key.publicKey(), kAccount, kEntry, kJson);
        QVERIFY(env.ok());
        Result<EntryEnvelope::Parts> parts = EntryEnvelope::parse(*env);
        QVERIFY(parts.ok());
        Result<SecureBuffer> ss = hpke::decap(parts->enc, m_key);
        QVERIFY(ss.ok());
        const KeyId pinned = keyIdOf(m_key.publicKey());
        Result<SecureBuffer> back = EntryEnvelope::openWithSharedSecret(ss->view(), pinned, kAccount, kEntry, *env);
        QVERIFY(back.ok());
        QCOMPARE(back->view(), QByteArrayView(kJson));
        // A pinned key that differs is refused before anything is opened.
        KeyId other = pinned;
        other[0] ^= 1;
        Result<SecureBuffer> wrong = EntryEnvelope::openWithSharedSecret(ss->view(), other, kAccount, kEntry, *env);
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, u"wrong_key_id"_s);
        // So is a wrong shared secret.
        const QByteArray bad(32, 'x');
        QCOMPARE(EntryEnvelope::openWithSharedSecret(bad, pinned, kAccount, kEntry, *env).error().code,
                 u"authentication_failed"_s);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<QString>("code");
        QTest::addRow("moved to another entry") << u"entry"_s << u"authentication_failed"_s;
        QTest::addRow("moved to another account") << u"account"_s << u"authentication_failed"_s;
        QTest::addRow("truncated by one") << u"truncate1"_s << u"truncated"_s;
        QTest::addRow("one byte extra") << u"extra"_s << u"bad_length"_s;
        QTest::addRow("truncated to the header") << u"header"_s << u"truncated"_s;
        QTest::addRow("empty") << u"empty"_s << u"truncated"_s;
        QTest::addRow("version 2") << u"version"_s << u"wrong_version"_s;
        QTest::addRow("version 0") << u"version0"_s << u"wrong_version"_s;
        QTest::addRow("other key id") << u"keyid"_s << u"wrong_key_id"_s;
        QTest::addRow("ciphertext bit") << u"ct"_s << u"authentication_failed"_s;
        QTest::addRow("enc bit") << u"enc"_s << u"authentication_failed"_s;
        QTest::addRow("tag bit") << u"tag"_s << u"authentication_failed"_s;
        QTest::addRow("too large") << u"large"_s << u"too_large"_s;
        QTest::addRow("wrong private key") << u"wrongkey"_s << u"wrong_key_id"_s;
    }
    void refusals()
    {
        QFETCH(QString, how);
        QFETCH(QString, code);
        QByteArray env = EntryEnvelope::seal(m_key.publicKey(), kAccount, kEntry, kJson).value();
        QUuid account = kAccount;
        QUuid entry = kEntry;
        const X25519PrivateKey other = X25519PrivateKey::generate();
        const X25519PrivateKey *key = &m_key;
        if (how == u"entry"_s)
            entry = QUuid::createUuid();
        else if (how == u"account"_s)
            account = QUuid::createUuid();
        else if (how == u"truncate1"_s)
            env.chop(1);
        else if (how == u"extra"_s)
            env.append('x');
        else if (how == u"header"_s)
            env.truncate(49);
        else if (how == u"empty"_s)
            env.clear();
        else if (how == u"version"_s)
            env[0] = 0x02;
        else if (how == u"version0"_s)
            env[0] = 0x00;
        else if (how == u"keyid"_s)
            env[3] = char(env[3] ^ 0x10);
        else if (how == u"ct"_s)
            env[100] = char(env[100] ^ 0x01);
        else if (how == u"enc"_s)
            env[20] = char(env[20] ^ 0x01);
        else if (how == u"tag"_s)
            env[env.size() - 1] = char(env[env.size() - 1] ^ 0x80);
        else if (how == u"large"_s)
            env.append(QByteArray(64 * 1024, 'x'));
        else if (how == u"wrongkey"_s)
            key = &other;
        Result<SecureBuffer> r = EntryEnvelope::open(*key, account, entry, env);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QVERIFY(!r.error().message.isEmpty());
    }

    void badPaddingIsRefused()
    {
        // A well-sealed message whose plaintext was not padded (sealed by hand).
        Result<hpke::Encapsulation> e = hpke::encap(m_key.publicKey());
        Result<hpke::Context> c =
            hpke::keySchedule(hpke::Aead::Aes256Gcm, hpke::Mode::Base, e->sharedSecret.view(), "credvault/v1/entry");
        const QByteArray ct = c->seal(EntryEnvelope::aad(kAccount, kEntry), QByteArray(256, 'a')).value();
        const QByteArray env = QByteArray(1, 0x01) + bytesView(keyIdOf(m_key.publicKey())).toByteArray() +
                               bytesView(e->enc).toByteArray() + ct;
        Result<SecureBuffer> r = EntryEnvelope::open(m_key, kAccount, kEntry, env);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"bad_padding"_s);
    }

    void padding_data()
    {
        QTest::addColumn<QByteArray>("padded");
        QTest::addColumn<int>("size");
        QByteArray good(256, '\0');
        good[10] = char(0x80);
        QTest::addRow("good") << good << 10;
        QByteArray zeroLen(256, '\0');
        zeroLen[0] = char(0x80);
        QTest::addRow("empty") << zeroLen << 0;
        QTest::addRow("no marker") << QByteArray(256, '\0') << -1;
        QByteArray noZeros(256, 'a');
        QTest::addRow("no padding") << noZeros << -1;
        QByteArray longPad(512, '\0');
        longPad[10] = char(0x80);
        QTest::addRow("padding longer than a block") << longPad << -1;
        QByteArray odd(100, '\0');
        odd[0] = char(0x80);
        QTest::addRow("not a block multiple") << odd << -1;
    }
    void padding()
    {
        QFETCH(QByteArray, padded);
        QFETCH(int, size);
        Result<std::size_t> n = EntryEnvelope::unpaddedSize(SecureBuffer::copyOf(padded));
        QCOMPARE(n.ok(), size >= 0);
        if (size >= 0)
            QCOMPARE(*n, std::size_t(size));
    }
};

QTEST_GUILESS_MAIN(TestEntryEnvelope)
#include "TestEntryEnvelope.moc"
