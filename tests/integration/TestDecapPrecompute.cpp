// The keyserver computing an account's shared secrets while its unlock code is on its way
// (DecapCache, docs/decisions.md 55), for real: credvault-keyserver with its Maildir
// outbox, entries sealed by the core, the encs sent with the code request as the vault
// server sends them. What the keyserver precomputed opens the entries exactly as a
// decapsulation without it; one decapsulation takes it; a voided, replaced or expired
// code takes it along; `precompute = 0s` turns it off; bad encs change nothing.
#include "crypto/CodeBox.h"
#include "crypto/DecapBox.h"
#include "crypto/EntryEnvelope.h"
#include "crypto/UnlockCode.h"
#include "crypto/X25519.h"
#include "protocol/Base64Url.h"

#include "support/KeyserverFixture.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonArray>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;
using test::errorCode;
using test::json;
using test::object;

namespace {

QString b64(QByteArrayView bytes)
{
    return QString::fromLatin1(toBase64Url(bytes));
}

QJsonArray encsArray(const QByteArray &concatenated)
{
    QJsonArray out;
    for (qsizetype i = 0; i < concatenated.size(); i += 32)
        out.append(b64(concatenated.sliced(i, 32)));
    return out;
}

QByteArray plaintext(int i)
{
    return u"{\"title\":\"server %1\"}"_s.arg(i).toUtf8();
}

// An account's vault as an app holds it: the public key and sealed entries.
struct Vault {
    QUuid id;
    crypto::X25519PublicKey key{};
    QList<QUuid> ids;
    QList<QByteArray> envelopes;
    QByteArray encs; // of every entry, in order

    void add(int count)
    {
        for (int i = 0; i < count; ++i) {
            ids << QUuid::createUuid();
            envelopes << EntryEnvelope::seal(key, id, ids.last(), plaintext(int(ids.size()) - 1)).value();
            encs += envelopes.last().mid(1 + qsizetype(EntryEnvelope::kKeyIdSize), 32);
        }
    }
};

struct Decapsulated {
    int status = 0;
    qint64 precomputed = -1;
    QJsonArray failed;
    SecureBuffer secrets;
};

} // namespace

class TestDecapPrecompute : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    test::KeyserverFixture m_ks;
    std::unique_ptr<test::Outbox> m_outbox;
    QStringList m_secrets; // codes and session ids: none may reach the log

    static QByteArray accountPath(const QUuid &a, const QString &suffix = {})
    {
        return (u"/v1/accounts/"_s + a.toString(QUuid::WithoutBraces) + suffix).toUtf8();
    }

    QString start(const QByteArray &codes)
    {
        m_ks.writeConfig("[codes]\nmax_per_window = 50\n" + codes);
        return m_ks.start();
    }

    Vault newVault(int entries)
    {
        Vault v;
        v.id = QUuid::createUuid();
        const test::HttpReply r =
            m_ks.call(u"services"_s, "PUT", accountPath(v.id), json({{u"email"_s, u"pat@example.com"_s}}));
        if (r.status != 201)
            qWarning("account: %d %s", r.status, r.body.constData());
        (void)m_outbox->waitFor(1); // "your vault was created"
        v.key =
            crypto::x25519PublicKeyFrom(fromBase64Url(object(r).value(u"public_key"_s).toString().toLatin1()).value())
                .value();
        v.add(entries);
        return v;
    }

    // Asks for a code as the vault server does, with these encs (none: an empty body),
    // and reads it from the mail; empty when refused.
    QString code(const Vault &v, const QByteArray &encs)
    {
        const test::HttpReply r = m_ks.call(u"services"_s, "POST", accountPath(v.id, u"/unlock-codes"_s),
                                            encs.isEmpty() ? QByteArray() : json({{u"encs"_s, encsArray(encs)}}));
        const QString c = test::codeMailedFor(r, *m_outbox);
        m_secrets << c;
        return c;
    }

    // Waits for the keyserver to log that it computed `n` secrets for the vault.
    bool precomputed(const Vault &v, qint64 n)
    {
        const QByteArray line = test::precomputedLogLine(v.id, n);
        QElapsedTimer t;
        t.start();
        for (; t.elapsed() < 30000; QTest::qWait(20)) {
            m_ks.collectLog();
            if (m_ks.log().contains(line))
                return true;
        }
        return false;
    }

    test::HttpReply redeemReply(const Vault &v, const QString &code, const crypto::X25519PrivateKey &session)
    {
        const QByteArray box =
            CodeBox::seal(m_ks.redeemPublic(), v.id, session.publicKey(), UnlockCode::parse(code).value().normalized())
                .value();
        return m_ks.call(u"public"_s, "POST", "/v1/unlock-sessions",
                         json({{u"account_id"_s, v.id.toString(QUuid::WithoutBraces)},
                               {u"code_box"_s, b64(box)},
                               {u"session_public_key"_s, b64(crypto::bytesView(session.publicKey()))}}));
    }

    // The session id of a redemption, or empty when refused.
    QString redeem(const Vault &v, const QString &code, const crypto::X25519PrivateKey &session)
    {
        const test::HttpReply r = redeemReply(v, code, session);
        const QString id = object(r).value(u"session_id"_s).toString();
        m_secrets << id;
        return r.status == 201 ? id : QString();
    }

    QString staffUnlock(const Vault &v, const crypto::X25519PrivateKey &session)
    {
        const test::HttpReply r =
            m_ks.call(u"staff"_s, "POST",
                      "/v1/staff/accounts/" + v.id.toString(QUuid::WithoutBraces).toLatin1() + "/unlock-sessions",
                      json({{u"reason"_s, u"the customer asked"_s},
                            {u"ticket"_s, u"T-1"_s},
                            {u"session_public_key"_s, b64(crypto::bytesView(session.publicKey()))}}));
        (void)m_outbox->waitFor(1); // the notice
        const QString id = object(r).value(u"session_id"_s).toString();
        m_secrets << id;
        return r.status == 201 ? id : QString();
    }

    Decapsulated decapsulate(const QString &sessionId, const crypto::X25519PrivateKey &session, const QByteArray &encs)
    {
        const test::HttpReply r =
            m_ks.call(u"public"_s, "POST", "/v1/unlock-session/decapsulate", json({{u"encs"_s, encsArray(encs)}}),
                      "Authorization: Session " + sessionId.toLatin1() + "\r\n");
        Decapsulated d;
        d.status = r.status;
        const QJsonObject o = object(r);
        d.precomputed = o.value(u"precomputed"_s).toInteger(-1);
        d.failed = o.value(u"failed"_s).toArray();
        const Result<QByteArray> sealed = fromBase64Url(o.value(u"sealed"_s).toString().toLatin1());
        if (Result<SecureBuffer> s = DecapBox::open(session, encs, sealed ? *sealed : QByteArray()))
            d.secrets = std::move(*s);
        return d;
    }

    // Every entry of the vault opens with its secret (the first v.ids.size() of them).
    static bool opensAll(const Vault &v, const SecureBuffer &secrets)
    {
        if (secrets.size() < std::size_t(v.ids.size()) * 32)
            return false;
        for (qsizetype i = 0; i < v.ids.size(); ++i) {
            const Result<SecureBuffer> pt = EntryEnvelope::openWithSharedSecret(
                secrets.view().sliced(i * 32, 32), keyIdOf(v.key), v.id, v.ids[i], v.envelopes[i]);
            if (!pt || pt->view() != QByteArrayView(plaintext(int(i))))
                return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString prepared = m_ks.prepare(m_dir.path());
        QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
        const QString started = start({});
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_outbox = std::make_unique<test::Outbox>(m_ks.path(u"outbox"_s));
    }

    void secretsComputedWhileTheCodeTravels()
    {
        Vault v = newVault(300);
        const QByteArray lowOrder(32, '\0'); // fails: its index is listed, its secret all zero
        const QString c = code(v, v.encs + lowOrder);
        QVERIFY(!c.isEmpty());
        QVERIFY(precomputed(v, 301));

        const crypto::X25519PrivateKey session = crypto::X25519PrivateKey::generate();
        const QString id = redeem(v, c, session);
        QVERIFY(!id.isEmpty());
        // Two entries added after the code was asked for: computed on demand.
        const QByteArray before = v.encs;
        v.add(2);
        const QByteArray asked = before + lowOrder + v.encs.sliced(before.size());
        const Decapsulated d = decapsulate(id, session, asked);
        QCOMPARE(d.status, 200);
        QCOMPARE(d.precomputed, qint64(301));
        QCOMPARE(d.failed, QJsonArray{300});
        QCOMPARE(d.secrets.size(), std::size_t(303 * 32));
        QVERIFY(d.secrets.view().sliced(300 * 32, 32) == QByteArray(32, '\0'));
        // Entries 0–299, then the two new ones after the low-order enc.
        SecureBuffer inOrder(302 * 32);
        std::memcpy(inOrder.data(), d.secrets.data(), 300 * 32);
        std::memcpy(inOrder.data() + 300 * 32, d.secrets.data() + 301 * 32, 2 * 32);
        QVERIFY(opensAll(v, inOrder));

        // One decapsulation took them: the next computes everything, to the same secrets.
        const Decapsulated again = decapsulate(id, session, asked);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.precomputed, qint64(0));
        QCOMPARE(again.failed, QJsonArray{300});
        QVERIFY(again.secrets.equals(d.secrets));
    }

    void anyUnlockOfTheAccountTakesThem()
    {
        const Vault v = newVault(50);
        QVERIFY(!code(v, v.encs).isEmpty());
        QVERIFY(precomputed(v, 50));
        // A support engineer's unlock, not the code's: the secrets are the account's.
        const crypto::X25519PrivateKey session = crypto::X25519PrivateKey::generate();
        const QString id = staffUnlock(v, session);
        QVERIFY(!id.isEmpty());
        const Decapsulated d = decapsulate(id, session, v.encs);
        QCOMPARE(d.status, 200);
        QCOMPARE(d.precomputed, qint64(50));
        QVERIFY(opensAll(v, d.secrets));
        // Another vault's unlock gets none of them.
        const Vault other = newVault(5);
        QVERIFY(!code(v, v.encs).isEmpty());
        QVERIFY(precomputed(v, 50));
        const crypto::X25519PrivateKey otherSession = crypto::X25519PrivateKey::generate();
        const QString otherId = staffUnlock(other, otherSession);
        const Decapsulated o = decapsulate(otherId, otherSession, v.encs);
        QCOMPARE(o.status, 200);
        QCOMPARE(o.precomputed, qint64(0));
        QVERIFY(!o.secrets.equals(d.secrets)); // another key: other secrets
    }

    void aVoidedCodeTakesThemAlong()
    {
        const Vault v = newVault(40);
        const QString c = code(v, v.encs);
        QVERIFY(precomputed(v, 40));
        // Five wrong codes void it and block redeeming.
        const QString wrong = c.startsWith(u'0') ? u"1111-1111-1111"_s : u"0000-0000-0000"_s;
        for (int i = 0; i < 5; ++i)
            QVERIFY(redeem(v, wrong, crypto::X25519PrivateKey::generate()).isEmpty());
        const crypto::X25519PrivateKey session = crypto::X25519PrivateKey::generate();
        const QString id = staffUnlock(v, session);
        const Decapsulated d = decapsulate(id, session, v.encs);
        QCOMPARE(d.status, 200);
        QCOMPARE(d.precomputed, qint64(0));
        QVERIFY(opensAll(v, d.secrets));
    }

    void aNewCodeReplacesThem()
    {
        Vault v = newVault(30);
        const QByteArray first = v.encs;
        QVERIFY(!code(v, first).isEmpty());
        QVERIFY(precomputed(v, 30));
        v.add(20);
        const QByteArray second = v.encs.sliced(first.size());
        QVERIFY(!code(v, second).isEmpty());
        QVERIFY(precomputed(v, 20));
        const crypto::X25519PrivateKey session = crypto::X25519PrivateKey::generate();
        const QString id = staffUnlock(v, session);
        Decapsulated d = decapsulate(id, session, v.encs);
        QCOMPARE(d.precomputed, qint64(20)); // the second code's, not the first's
        QVERIFY(opensAll(v, d.secrets));

        // A code asked for without encs replaces them with nothing.
        QVERIFY(!code(v, v.encs).isEmpty());
        QVERIFY(precomputed(v, 50));
        QVERIFY(!code(v, {}).isEmpty());
        d = decapsulate(id, session, v.encs);
        QCOMPARE(d.status, 200);
        QCOMPARE(d.precomputed, qint64(0));
    }

    void badEncsChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        const QString enc = b64(QByteArray(32, 'e'));
        QTest::newRow("malformed JSON") << QByteArray("{\"encs\": [") << 400 << u"bad_request"_s;
        QTest::newRow("an array body") << QByteArray("[]") << 400 << u"bad_request"_s;
        QTest::newRow("encs a string") << json({{u"encs"_s, enc}}) << 400 << u"bad_request"_s;
        QTest::newRow("a short enc") << json({{u"encs"_s, QJsonArray{enc, b64(QByteArray(31, 'e'))}}}) << 400
                                     << u"bad_request"_s;
        QTest::newRow("a number") << json({{u"encs"_s, QJsonArray{enc, 7}}}) << 400 << u"bad_request"_s;
        QTest::newRow("not base64url") << json({{u"encs"_s, QJsonArray{u"*&^%"_s}}}) << 400 << u"bad_request"_s;
        QJsonArray tooMany;
        for (int i = 0; i < 10001; ++i)
            tooMany.append(enc);
        QTest::newRow("10,001 encs") << json({{u"encs"_s, tooMany}}) << 413 << u"too_many_encs"_s;
    }

    void badEncsChangeNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, error);
        const Vault v = newVault(0);
        const test::HttpReply r = m_ks.call(u"services"_s, "POST", accountPath(v.id, u"/unlock-codes"_s), body);
        QCOMPARE(r.status, status);
        QCOMPARE(errorCode(r), error);
        // No code was issued and no mail went out.
        QTest::qWait(200);
        QCOMPARE(m_outbox->take().size(), qsizetype(0));
        QCOMPARE(errorCode(redeemReply(v, u"0000-0000-0000"_s, crypto::X25519PrivateKey::generate())), u"no_code"_s);
    }

    void theyExpireAndCanBeSwitchedOff()
    {
        // Kept one second.
        QVERIFY(m_ks.stop());
        QString started = start("precompute = 1s\n");
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const Vault v = newVault(20);
        QVERIFY(!code(v, v.encs).isEmpty());
        QVERIFY(precomputed(v, 20));
        QTest::qWait(1500);
        const crypto::X25519PrivateKey session = crypto::X25519PrivateKey::generate();
        const QString id = staffUnlock(v, session);
        Decapsulated d = decapsulate(id, session, v.encs);
        QCOMPARE(d.status, 200);
        QCOMPARE(d.precomputed, qint64(0));
        QVERIFY(opensAll(v, d.secrets));

        // Off: nothing is computed before the unlock.
        QVERIFY(m_ks.stop());
        started = start("precompute = 0s\n");
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const Vault w = newVault(20);
        QVERIFY(!code(w, w.encs).isEmpty());
        QTest::qWait(300);
        m_ks.collectLog();
        QVERIFY(!m_ks.log().contains(test::precomputedLogLine(w.id, 20)));
        const QString other = staffUnlock(w, session);
        d = decapsulate(other, session, w.encs);
        QCOMPARE(d.status, 200);
        QCOMPARE(d.precomputed, qint64(0));
        QVERIFY(opensAll(w, d.secrets));
    }

    void cleanupTestCase()
    {
        m_ks.collectLog();
        const QByteArray leak = m_ks.leakIn(m_secrets);
        QVERIFY2(leak.isEmpty(), leak.constData());
        QVERIFY(m_ks.stop());
    }
};

QTEST_GUILESS_MAIN(TestDecapPrecompute)
#include "TestDecapPrecompute.moc"
