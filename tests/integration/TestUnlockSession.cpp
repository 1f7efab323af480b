// The app's unlock session against the real keyserver and vault server of an init-demo
// folder: a code from the Maildir outbox redeemed with a fresh session key, entries
// opened with the secrets the keyserver decapsulated, and every way a session ends —
// lock, expiry, the keyserver ending it.

#include "client/ClientConfig.h"
#include "client/UnlockSession.h"
#include "client/VaultApi.h"
#include "crypto/EntryEnvelope.h"
#include "protocol/Base64Url.h"

#include "support/Await.h"
#include "support/DemoDeployment.h"
#include "support/KeyserverFixture.h"

#include <QtCore/QEventLoop>
#include <QtCore/QJsonArray>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace credvault;
using namespace credvault::client;
using namespace Qt::Literals::StringLiterals;

namespace {

using test::await;

using VoidResult = Result<void, ApiError>;
using SecretsResult = Result<UnlockSession::Secrets, ApiError>;

const int kSessionSeconds = 6;

} // namespace

class TestUnlockSession : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::DemoDeployment m_demo;
    QNetworkAccessManager m_network;
    ClientConfig m_config;
    std::unique_ptr<VaultApi> m_vault;
    std::unique_ptr<test::Outbox> m_outbox;
    QUuid m_account;
    QList<QUuid> m_ids;
    QList<QByteArray> m_envelopes;
    KeyId m_keyId{};

    QString mailedCode()
    {
        const ApiResult asked = await<ApiResult>([&](ApiCallback cb) { m_vault->requestUnlockCode(cb); });
        if (!asked)
            return {};
        const QList<QByteArray> mails = m_outbox->waitFor(1);
        return mails.isEmpty() ? QString() : test::unlockCodeIn(mails.last());
    }

    QList<QByteArray> encs() const
    {
        QList<QByteArray> out;
        for (const QByteArray &e : m_envelopes)
            out.append(e.mid(17, 32));
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString made = m_demo.make(m_dir.filePath(u"demo"_s));
        QVERIFY2(made.isEmpty(), qPrintable(made));
        m_demo.append(u"keyserver.conf"_s, "[sessions]\ncode = " + QByteArray::number(kSessionSeconds) + "s\n");
        QString started = m_demo.startKeyserver();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        started = m_demo.startVault();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_config = ClientConfig::load(m_demo.path(u"client.conf"_s)).value();
        m_outbox = std::make_unique<test::Outbox>(m_demo.path(u"outbox"_s));

        // Alice has three sealed entries.
        m_vault = std::make_unique<VaultApi>(m_config.vault, &m_network);
        QVERIFY(await<ApiResult>([&](ApiCallback cb) {
                    m_vault->login(u"alice"_s, m_demo.user(u"alice"_s).password, {}, cb);
                }).ok());
        m_account = QUuid::fromString(m_demo.user(u"alice"_s).accountId);
        const ApiResult key = await<ApiResult>([&](ApiCallback cb) { m_vault->publicKey(m_account, cb); });
        QVERIFY(key.ok());
        const crypto::X25519PublicKey pub =
            crypto::x25519PublicKeyFrom(fromBase64Url(key->value(u"public_key"_s).toString().toLatin1()).value())
                .value();
        m_keyId = keyIdOf(pub);
        for (int i = 0; i < 3; ++i) {
            m_ids << QUuid::createUuid();
            m_envelopes
                << EntryEnvelope::seal(pub, m_account, m_ids[i], u"{\"title\":\"web%1\"}"_s.arg(i).toUtf8()).value();
        }
        m_outbox->waitFor(1); // "your vault was created"
    }

    void aMailedCodeUnlocksAndEntriesOpen()
    {
        UnlockSession session(m_config.keyserver, m_config.redeemKey, &m_network);
        QSignalSpy unlocked(&session, &UnlockSession::unlocked);
        const QString code = mailedCode();
        QVERIFY(!code.isEmpty());

        // Not a code: refused here, nothing sent.
        VoidResult r = await<VoidResult>([&](auto cb) { session.redeem(m_account, u"hello"_s, cb); });
        QCOMPARE(r.error().code, u"bad_code_format"_s);
        QCOMPARE(r.error().httpStatus, 0);
        // A well-formed wrong code: the keyserver's answer, with the tries left.
        const QString wrong = code.startsWith(u'0') ? u"1111-1111-1111"_s : u"0000-0000-0000"_s;
        r = await<VoidResult>([&](auto cb) { session.redeem(m_account, wrong, cb); });
        QCOMPARE(r.error().httpStatus, 403);
        QCOMPARE(r.error().code, u"wrong_code"_s);
        QCOMPARE(r.error().details.value(u"tries_left"_s).toInt(), 4);
        QVERIFY(!session.isUnlocked());

        // Typed the way people type it.
        r = await<VoidResult>([&](auto cb) { session.redeem(m_account, code.toLower().replace(u'-', u' '), cb); });
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QVERIFY(session.isUnlocked());
        QCOMPARE(unlocked.size(), 1);
        const qint64 left = QDateTime::currentDateTimeUtc().secsTo(session.expiresAt());
        QVERIFY2(left > 0 && left <= kSessionSeconds, qPrintable(QString::number(left)));

        QList<QByteArray> batch = encs();
        batch.append(QByteArray(32, '\0')); // a low-order enc: the keyserver lists it as failed
        const SecretsResult s = await<SecretsResult>([&](auto cb) { session.decapsulate(batch, cb); });
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        QCOMPARE(s->failed, QList<int>{3});
        for (int i = 0; i < 3; ++i) {
            const Result<SecureBuffer> pt = EntryEnvelope::openWithSharedSecret(
                s->secrets.view().sliced(i * 32, 32), m_keyId, m_account, m_ids[i], m_envelopes[i]);
            QVERIFY(pt.ok());
            QCOMPARE(pt->view(), QByteArrayView(u"{\"title\":\"web%1\"}"_s.arg(i).toUtf8()));
        }

        // Lock: the key is gone here at once, and the keyserver ends the session too.
        const QByteArray header = "Authorization: " + session.http().authorization() + "\r\n";
        QSignalSpy locked(&session, &UnlockSession::locked);
        session.lock();
        QVERIFY(!session.isUnlocked());
        QCOMPARE(locked.size(), 1);
        QCOMPARE(locked.first().first().value<UnlockSession::LockReason>(), UnlockSession::LockReason::Requested);
        const SecretsResult after = await<SecretsResult>([&](auto cb) { session.decapsulate(encs(), cb); });
        QCOMPARE(after.error().code, u"locked"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_demo
                .keyserverCall(u"public"_s, "POST", "/v1/unlock-session/decapsulate",
                               test::json({{u"encs"_s, QJsonArray{QString::fromLatin1(toBase64Url(encs().first()))}}}),
                               header + "Content-Type: application/json\r\n")
                .status,
            401, 5000);
    }

    void anExpiredSessionLocksByItself()
    {
        UnlockSession session(m_config.keyserver, m_config.redeemKey, &m_network);
        QSignalSpy locked(&session, &UnlockSession::locked);
        const QString code = mailedCode();
        QVERIFY(await<VoidResult>([&](auto cb) { session.redeem(m_account, code, cb); }).ok());
        QVERIFY(session.isUnlocked());
        QTRY_COMPARE_WITH_TIMEOUT(locked.size(), 1, (kSessionSeconds + 3) * 1000);
        QCOMPARE(locked.first().first().value<UnlockSession::LockReason>(), UnlockSession::LockReason::Expired);
        QVERIFY(!session.isUnlocked());
    }

    void aSessionTheKeyserverEndedLocks()
    {
        UnlockSession session(m_config.keyserver, m_config.redeemKey, &m_network);
        QSignalSpy locked(&session, &UnlockSession::locked);
        const QString code = mailedCode();
        QVERIFY(await<VoidResult>([&](auto cb) { session.redeem(m_account, code, cb); }).ok());
        // Ended behind the app's back (another window locked it, say).
        QCOMPARE(m_demo
                     .keyserverCall(u"public"_s, "DELETE", "/v1/unlock-session", {},
                                    "Authorization: " + session.http().authorization() + "\r\n")
                     .status,
                 200);
        const SecretsResult r = await<SecretsResult>([&](auto cb) { session.decapsulate(encs(), cb); });
        QCOMPARE(r.error().httpStatus, 401);
        QCOMPARE(r.error().code, u"session_ended"_s);
        QVERIFY(!session.isUnlocked());
        QCOMPARE(locked.size(), 1);
        QCOMPARE(locked.first().first().value<UnlockSession::LockReason>(), UnlockSession::LockReason::EndedByServer);
    }
};

QTEST_GUILESS_MAIN(TestUnlockSession)
#include "TestUnlockSession.moc"
