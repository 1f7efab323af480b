// Every entry of the official RFC 9180 test vectors for DHKEM(X25519, HKDF-SHA256) with
// HKDF-SHA256 (../shared/test-vectors/hpke-x25519-sha256.json, or CREDVAULT_HPKE_VECTORS):
// key derivation from ikm, enc, shared secret, the key schedule values, every encryption
// both ways, every export; tampered ciphertext, aad, info and enc rejected; low-order
// public keys rejected.
#include "crypto/Hpke.h"
#include "crypto/Primitives.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtTest/QtTest>

using namespace credvault;
using namespace credvault::hpke;
using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray hex(const QJsonObject &o, const QString &key)
{
    return QByteArray::fromHex(o.value(key).toString().toLatin1());
}

QByteArray bytes(const crypto::X25519PublicKey &k)
{
    return crypto::bytesView(k).toByteArray();
}

QByteArray bytes(const SecureBuffer &b)
{
    return b.view().toByteArray();
}

X25519PublicKey pub(const QByteArray &b)
{
    return crypto::x25519PublicKeyFrom(b).value();
}

} // namespace

class TestHpkeVectors : public QObject {
    Q_OBJECT
private:
    QJsonArray m_vectors;
    int m_checked = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QString path = qEnvironmentVariable("CREDVAULT_HPKE_VECTORS");
        if (path.isEmpty())
            path = qEnvironmentVariable("CREDVAULT_SOURCE_DIR") + u"/../shared/test-vectors/hpke-x25519-sha256.json"_s;
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(u"cannot read the HPKE vectors at "_s + path));
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
        QVERIFY2(err.error == QJsonParseError::NoError && doc.isArray(), qPrintable(err.errorString()));
        m_vectors = doc.array();
        QVERIFY(!m_vectors.isEmpty());
    }

    void vector_data()
    {
        QTest::addColumn<QJsonObject>("v");
        int skipped = 0;
        for (const QJsonValue &e : std::as_const(m_vectors)) {
            const QJsonObject v = e.toObject();
            const int kem = v.value(u"kem_id"_s).toInt();
            const int kdf = v.value(u"kdf_id"_s).toInt();
            const int aead = v.value(u"aead_id"_s).toInt();
            if (!isSupported(std::uint16_t(kem), std::uint16_t(kdf), std::uint16_t(aead))) {
                ++skipped;
                continue;
            }
            QTest::addRow("mode %d aead %d", v.value(u"mode"_s).toInt(), aead) << v;
        }
        qInfo("HPKE vectors: %lld entries, %d of other suites skipped", qlonglong(m_vectors.size()), skipped);
    }

    void vector()
    {
        QFETCH(QJsonObject, v);
        const auto mode = Mode(v.value(u"mode"_s).toInt());
        const auto aead = Aead(v.value(u"aead_id"_s).toInt());
        const bool auth = mode == Mode::Auth || mode == Mode::AuthPsk;
        const QByteArray info = hex(v, u"info"_s);
        const QByteArray psk = hex(v, u"psk"_s);
        const QByteArray pskId = hex(v, u"psk_id"_s);

        // DeriveKeyPair from ikm: private and public halves.
        Result<X25519PrivateKey> skR = deriveKeyPair(hex(v, u"ikmR"_s));
        Result<X25519PrivateKey> skE = deriveKeyPair(hex(v, u"ikmE"_s));
        QVERIFY(skR.ok() && skE.ok());
        QCOMPARE(bytes(skR->rawPrivate()), hex(v, u"skRm"_s));
        QCOMPARE(bytes(skR->publicKey()), hex(v, u"pkRm"_s));
        QCOMPARE(bytes(skE->rawPrivate()), hex(v, u"skEm"_s));
        QCOMPARE(bytes(skE->publicKey()), hex(v, u"pkEm"_s));
        X25519PrivateKey skS;
        if (auth) {
            Result<X25519PrivateKey> s = deriveKeyPair(hex(v, u"ikmS"_s));
            QVERIFY(s.ok());
            QCOMPARE(bytes(s->rawPrivate()), hex(v, u"skSm"_s));
            QCOMPARE(bytes(s->publicKey()), hex(v, u"pkSm"_s));
            skS = std::move(*s);
        }

        // Encap with the vector's ephemeral key, and Decap.
        Result<Encapsulation> e = auth ? authEncap(skR->publicKey(), skS, &*skE) : encap(skR->publicKey(), &*skE);
        QVERIFY(e.ok());
        QCOMPARE(bytes(e->enc), hex(v, u"enc"_s));
        QCOMPARE(bytes(e->sharedSecret), hex(v, u"shared_secret"_s));
        const X25519PublicKey enc = pub(hex(v, u"enc"_s));
        Result<SecureBuffer> ss = auth ? authDecap(enc, *skR, skS.publicKey()) : decap(enc, *skR);
        QVERIFY(ss.ok());
        QCOMPARE(bytes(*ss), hex(v, u"shared_secret"_s));

        // Key schedule.
        Result<ScheduleInput> in = ScheduleInput::make(aead, mode, info, pskId);
        QVERIFY(in.ok());
        QCOMPARE(in->keyScheduleContext(), hex(v, u"key_schedule_context"_s));
        Result<Context> sender = keySchedule(*in, ss->view(), psk);
        Result<Context> receiver = keySchedule(*in, ss->view(), psk);
        QVERIFY(sender.ok() && receiver.ok());
        QCOMPARE(sender->secret().toByteArray(), hex(v, u"secret"_s));
        QCOMPARE(sender->key().toByteArray(), hex(v, u"key"_s));
        QCOMPARE(sender->baseNonce().toByteArray(), hex(v, u"base_nonce"_s));
        QCOMPARE(bytes(sender->exporterSecret()), hex(v, u"exporter_secret"_s));

        // Every encryption, in sequence, both ways.
        const QJsonArray encryptions = v.value(u"encryptions"_s).toArray();
        for (const QJsonValue &x : encryptions) {
            const QJsonObject m = x.toObject();
            const QByteArray aad = hex(m, u"aad"_s);
            const QByteArray pt = hex(m, u"pt"_s);
            const QByteArray ct = hex(m, u"ct"_s);
            Result<QByteArray> sealed = sender->seal(aad, pt);
            QVERIFY(sealed.ok());
            QCOMPARE(*sealed, ct);
            Result<SecureBuffer> opened = receiver->open(aad, ct);
            QVERIFY(opened.ok());
            QCOMPARE(bytes(*opened), pt);
            ++m_checked;
        }
        QCOMPARE(sender->sequence(), std::uint64_t(encryptions.size()));
        if (aead == Aead::ExportOnly) {
            QVERIFY(!sender->seal({}, "x").ok());
            QVERIFY(!receiver->open({}, QByteArray(32, 'x')).ok());
        }

        // Every export, from both sides.
        for (const QJsonValue &x : v.value(u"exports"_s).toArray()) {
            const QJsonObject m = x.toObject();
            const QByteArray context = hex(m, u"exporter_context"_s);
            const int length = m.value(u"L"_s).toInt();
            Result<SecureBuffer> a = sender->exportSecret(context, std::size_t(length));
            Result<SecureBuffer> b = receiver->exportSecret(context, std::size_t(length));
            QVERIFY(a.ok() && b.ok());
            QCOMPARE(bytes(*a), hex(m, u"exported_value"_s));
            QCOMPARE(bytes(*b), hex(m, u"exported_value"_s));
        }

        if (encryptions.isEmpty())
            return;
        // Tampering, against a fresh receiver at sequence 0.
        const QJsonObject first = encryptions.first().toObject();
        const QByteArray aad = hex(first, u"aad"_s);
        const QByteArray ct = hex(first, u"ct"_s);
        const auto opens = [&](QByteArrayView ssBytes, QByteArrayView inf, QByteArrayView a, QByteArrayView c) {
            Result<Context> r = keySchedule(aead, mode, ssBytes, inf, psk, pskId);
            return r.ok() && r->open(a, c).ok();
        };
        QVERIFY(opens(ss->view(), info, aad, ct)); // the untouched message opens
        for (qsizetype i : {qsizetype(0), ct.size() / 2, ct.size() - 1}) {
            QByteArray bad = ct;
            bad[i] = char(bad[i] ^ 0x01);
            QVERIFY2(!opens(ss->view(), info, aad, bad), "tampered ciphertext");
        }
        QVERIFY2(!opens(ss->view(), info, aad, ct.left(ct.size() - 1)), "truncated ciphertext");
        QVERIFY2(!opens(ss->view(), info, aad + "x", ct), "tampered aad");
        QVERIFY2(!opens(ss->view(), info + "x", aad, ct), "tampered info");
        QByteArray badEnc = hex(v, u"enc"_s);
        badEnc[5] = char(badEnc[5] ^ 0x40);
        Result<SecureBuffer> badSs = auth ? authDecap(pub(badEnc), *skR, skS.publicKey()) : decap(pub(badEnc), *skR);
        QVERIFY2(!badSs.ok() || !opens(badSs->view(), info, aad, ct), "tampered enc");
    }

    void lowOrderPublicKeysAreRejected_data()
    {
        QTest::addColumn<QByteArray>("point");
        // The points of small order on Curve25519 and their non-canonical encodings.
        const char *points[] = {
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0100000000000000000000000000000000000000000000000000000000000000",
            "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
            "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            // The same with the top bit set, which X25519 ignores.
            "0000000000000000000000000000000000000000000000000000000000000080",
            "0100000000000000000000000000000000000000000000000000000000000080",
            "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b880",
            "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f11d7",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        };
        for (const char *p : points)
            QTest::newRow(p) << QByteArray::fromHex(p);
    }
    void lowOrderPublicKeysAreRejected()
    {
        QFETCH(QByteArray, point);
        const X25519PrivateKey sk = X25519PrivateKey::generate();
        const X25519PublicKey p = pub(point);
        // As enc at decapsulation…
        Result<SecureBuffer> d = decap(p, sk);
        QVERIFY(!d.ok());
        QCOMPARE(d.error().code, u"low_order_key"_s);
        // …in a batch through the prepared deriver…
        X25519Deriver deriver(sk);
        unsigned char out[32];
        std::memset(out, 0xaa, sizeof out);
        QVERIFY(!decapInto(deriver, sk.publicKey(), p.data(), out));
        QVERIFY(std::all_of(out, out + 32, [](unsigned char c) { return c == 0; }));
        // …and as a recipient's public key at encapsulation.
        QVERIFY(!encap(p).ok());
        QVERIFY(!sealBase(Aead::Aes256Gcm, p, "info", "aad", "pt").ok());
        // The deriver still works for a good key afterwards.
        const X25519PrivateKey other = X25519PrivateKey::generate();
        QVERIFY(decapInto(deriver, sk.publicKey(), other.publicKey().data(), out));
    }

    void singleShotRoundTrip()
    {
        const X25519PrivateKey sk = X25519PrivateKey::generate();
        for (Aead a : {Aead::Aes128Gcm, Aead::Aes256Gcm, Aead::ChaCha20Poly1305}) {
            Result<Sealed> s = sealBase(a, sk.publicKey(), "info", "aad", "hello");
            QVERIFY(s.ok());
            Result<SecureBuffer> o = openBase(a, sk, s->enc, "info", "aad", s->ciphertext);
            QVERIFY(o.ok());
            QCOMPARE(o->view(), QByteArrayView("hello"));
            const X25519PrivateKey wrong = X25519PrivateKey::generate();
            Result<SecureBuffer> w = openBase(a, wrong, s->enc, "info", "aad", s->ciphertext);
            QVERIFY(!w.ok());
            QCOMPARE(w.error().code, u"authentication_failed"_s);
        }
    }

    void pskInputsAreChecked()
    {
        const QByteArray ss(32, 's');
        QVERIFY(!keySchedule(Aead::Aes256Gcm, Mode::Base, ss, "i", "psk", "id").ok());
        QVERIFY(!keySchedule(Aead::Aes256Gcm, Mode::Psk, ss, "i").ok());
        QVERIFY(!keySchedule(Aead::Aes256Gcm, Mode::Psk, ss, "i", "psk", {}).ok());
        QVERIFY(!keySchedule(Aead::Aes256Gcm, Mode::Psk, ss, "i", {}, "id").ok());
        QVERIFY(keySchedule(Aead::Aes256Gcm, Mode::Psk, ss, "i", "psk", "id").ok());
        QVERIFY(!keySchedule(Aead::Aes256Gcm, Mode::Base, QByteArray(31, 's'), "i").ok());
        Result<Context> c = keySchedule(Aead::Aes256Gcm, Mode::Base, ss, "i");
        QVERIFY(c.ok());
        QVERIFY(!c->exportSecret("x", 0).ok());
        QVERIFY(!c->exportSecret("x", 255 * 32 + 1).ok());
        QVERIFY(c->exportSecret("x", 255 * 32).ok());
    }

    void cleanupTestCase()
    {
        qInfo("HPKE vectors: %d encryptions checked both ways", m_checked);
        QVERIFY(m_checked >= 12 * 257);
    }
};

QTEST_GUILESS_MAIN(TestHpkeVectors)
#include "TestHpkeVectors.moc"
