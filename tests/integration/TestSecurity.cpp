// The threat model's access rules against the real servers of an init-demo deployment
// (issue 12): every listener refuses TLS below 1.2 and plain HTTP; every route of the
// vault server refuses a caller without a sign-in, with a made-up one, of the wrong kind
// (customer/staff) and another customer, and such refused calls change nothing; sign-in
// tokens and unlock session ids are 256 bits from the CSPRNG, never repeated.

#include "crypto/EntryEnvelope.h"
#include "crypto/X25519.h"
#include "protocol/Base64Url.h"

#include "support/DemoDeployment.h"
#include "support/KeyserverFixture.h"
#include "support/SourceRoutes.h"
#include "support/UnlockHelpers.h"

#include <QtCore/QSet>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QtTest>

#include <bit>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;
using test::errorCode;
using test::json;
using test::object;

namespace {

// Who may call what: every route but these needs a sign-in.
enum class Access { Public, SignedIn, CustomerOnly, StaffOnly };

QByteArray bitsOf(const QList<QByteArray> &values)
{
    QByteArray all;
    for (const QByteArray &v : values)
        all += v;
    return all;
}

// The share of one bits in `bytes`.
double oneBits(const QByteArray &bytes)
{
    qint64 ones = 0;
    for (char c : bytes)
        ones += std::popcount(static_cast<unsigned char>(c));
    return double(ones) / double(bytes.size() * 8);
}

} // namespace

class TestSecurity : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::DemoDeployment m_demo;
    QHash<QString, QString> m_tokens;
    QUuid m_alice;
    QUuid m_entry;

    QString token(const QString &user)
    {
        if (!m_tokens.contains(user))
            m_tokens.insert(user, m_demo.login(user));
        return m_tokens.value(user);
    }

    // alice's entries and the keyserver's audit of her vault, as a fingerprint of "nothing changed".
    QByteArray aliceState()
    {
        const QByteArray entries = m_demo.api("GET", "/v1/entries?include_deleted=1", {}, token(u"alice"_s)).body;
        const QByteArray audit =
            m_demo.keyserverCall(u"services"_s, "GET", "/v1/accounts/" + idOf(m_alice) + "/audit").body;
        return entries + audit;
    }

    static QByteArray idOf(const QUuid &id) { return id.toString(QUuid::WithoutBraces).toLatin1(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString started = m_demo.makeAndStart(m_dir.filePath(u"demo"_s));
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_alice = QUuid::fromString(m_demo.user(u"alice"_s).accountId);
        const test::HttpReply key =
            m_demo.api("GET", "/v1/accounts/" + idOf(m_alice) + "/public-key", {}, token(u"alice"_s));
        QCOMPARE(key.status, 200);
        const crypto::X25519PublicKey pub =
            crypto::x25519PublicKeyFrom(fromBase64Url(object(key).value(u"public_key"_s).toString().toLatin1()).value())
                .value();
        m_entry = QUuid::createUuid();
        const QByteArray envelope = EntryEnvelope::seal(pub, m_alice, m_entry, "{\"title\":\"db\"}").value();
        QCOMPARE(m_demo
                     .api("POST", "/v1/entries",
                          json({{u"id"_s, QString::fromLatin1(idOf(m_entry))},
                                {u"account_id"_s, QString::fromLatin1(idOf(m_alice))},
                                {u"envelope"_s, QString::fromLatin1(toBase64Url(envelope))}}),
                          token(u"alice"_s))
                     .status,
                 201);
    }

    void everyListenerRefusesOldTlsAndPlainHttp_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("listener");
        QTest::newRow("vault server, api") << u"vault"_s << u"api"_s;
        QTest::newRow("keyserver, public") << u"keyserver"_s << u"public"_s;
        QTest::newRow("keyserver, services") << u"keyserver"_s << u"services"_s;
        QTest::newRow("keyserver, staff") << u"keyserver"_s << u"staff"_s;
    }

    void everyListenerRefusesOldTlsAndPlainHttp()
    {
        QFETCH(QString, server);
        QFETCH(QString, listener);
        const quint16 port = (server == u"vault"_s ? m_demo.vault() : m_demo.keyserver()).port(listener);
        QVERIFY(port != 0);
        const auto sclient = [&](const QString &version) {
            return test::run(u"openssl"_s,
                             {u"s_client"_s, u"-connect"_s, u"127.0.0.1:%1"_s.arg(port), version, u"-cipher"_s,
                              u"DEFAULT@SECLEVEL=0"_s, u"-CAfile"_s, m_demo.pki(u"root.pem"_s)});
        };
        for (const QString &old : {u"-tls1"_s, u"-tls1_1"_s}) {
            const test::RunResult r = sclient(old);
            QVERIFY2(r.exitCode != 0, qPrintable(old + u": "_s + QString::fromUtf8(r.out.left(400))));
            QVERIFY(!r.out.contains("New, TLSv1"));
        }
        if (listener == u"api"_s || listener == u"public"_s) { // the others ask for a certificate first
            const test::RunResult v12 = sclient(u"-tls1_2"_s);
            QCOMPARE(v12.exitCode, 0);
            QVERIFY(v12.out.contains("TLSv1.2"));
        }
        QTcpSocket s;
        s.connectToHost(u"127.0.0.1"_s, port);
        QVERIFY(s.waitForConnected(3000));
        s.write("GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray got;
        while (s.waitForReadyRead(3000))
            got += s.readAll();
        QVERIFY2(!got.contains("HTTP/"), got.constData());
    }

    void everyVaultRouteRefusesTheWrongCaller()
    {
        // The table: each route's access rule.
        const QHash<QString, Access> rules{
            {u"POST /v1/login"_s, Access::Public},
            {u"POST /v1/logout"_s, Access::SignedIn},
            {u"GET /v1/me"_s, Access::SignedIn},
            {u"POST /v1/me/password"_s, Access::SignedIn},
            {u"POST /v1/me/totp"_s, Access::SignedIn},
            {u"GET /v1/accounts/{id:uuid}/public-key"_s, Access::SignedIn},
            {u"GET /v1/entries"_s, Access::SignedIn},
            {u"GET /v1/entries/{id:uuid}"_s, Access::SignedIn},
            {u"POST /v1/entries"_s, Access::SignedIn},
            {u"PUT /v1/entries/{id:uuid}"_s, Access::SignedIn},
            {u"DELETE /v1/entries/{id:uuid}"_s, Access::SignedIn},
            {u"POST /v1/unlock-code-request"_s, Access::CustomerOnly},
            {u"GET /v1/access-history"_s, Access::CustomerOnly},
            {u"GET /v1/accounts"_s, Access::StaffOnly},
            {u"GET /v1/accounts/{id:uuid}/audit"_s, Access::StaffOnly},
        };
        // Every route the vault server registers, read from its source: a route added there
        // and missing from this table fails the test.
        const QList<test::SourceRoute> routes = test::routesInSource(u"server/vault/VaultServer.cpp"_s);
        QVERIFY2(routes.size() >= rules.size(), "the vault server's routes were not found in its source");
        for (const test::SourceRoute &r : routes) {
            const QString key = r.key();
            QVERIFY2(rules.contains(key), qPrintable(u"route %1 is not in this test's table"_s.arg(key)));
        }
        QCOMPARE(routes.size(), rules.size());

        const QByteArray before = aliceState();
        const QString madeUp = QString::fromLatin1(toBase64Url(QByteArray(32, 'x')));
        const QByteArray body = json({{u"id"_s, QString::fromLatin1(idOf(QUuid::createUuid()))},
                                      {u"account_id"_s, QString::fromLatin1(idOf(m_alice))},
                                      {u"revision"_s, 1},
                                      {u"envelope"_s, u"AQ"_s},
                                      {u"password"_s, u"x"_s},
                                      {u"new_password"_s, u"correct horse battery staple 42"_s}});
        int checked = 0;
        for (const test::SourceRoute &r : routes) {
            const QString key = r.key();
            const Access access = rules.value(key);
            if (access == Access::Public)
                continue;
            // alice's own ids in the path: other people must not reach them.
            const QByteArray p =
                r.pathWith(QString::fromLatin1(r.path.startsWith(u"/v1/entries"_s) ? idOf(m_entry) : idOf(m_alice)))
                    .toLatin1();
            const QByteArray b = r.method == "GET" || r.method == "DELETE" ? QByteArray() : body;
            const auto call = [&](const QString &as) { return m_demo.api(r.method, p, b, as); };
            for (const QString &bad : {QString(), madeUp, u"not a token"_s}) {
                const test::HttpReply reply = call(bad);
                QVERIFY2(reply.status == 401,
                         qPrintable(u"%1 with token '%2': %3"_s.arg(key, bad.left(6)).arg(reply.status)));
            }
            if (access == Access::StaffOnly) {
                const test::HttpReply reply = call(token(u"alice"_s));
                QVERIFY2(reply.status == 403, qPrintable(u"%1 as alice: %2"_s.arg(key).arg(reply.status)));
            }
            if (access == Access::CustomerOnly) {
                const test::HttpReply reply = call(token(u"sam"_s));
                QVERIFY2(reply.status == 403, qPrintable(u"%1 as sam: %2"_s.arg(key).arg(reply.status)));
            }
            if (r.path.contains(u"{id:uuid}"_s) && access == Access::SignedIn) {
                const test::HttpReply reply = call(token(u"bob"_s));
                QVERIFY2(reply.status == 404, qPrintable(u"%1 as bob: %2"_s.arg(key).arg(reply.status)));
            }
            ++checked;
        }
        QCOMPARE(checked, rules.size() - 1);
        QCOMPARE(aliceState(), before); // nothing changed, no code was issued
    }

    void tokensAndSessionIdsAre256RandomBits()
    {
        // Sign-in tokens: 32 bytes each (43 base64url characters), none twice, their bits
        // balanced as the CSPRNG's are (20 x 256 bits: 50 % +- 5 % is over 7 standard deviations).
        QList<QByteArray> tokens;
        for (int i = 0; i < 20; ++i) {
            const QString t = m_demo.login(u"bob"_s);
            QCOMPARE(t.size(), 43);
            const Result<QByteArray> bytes = fromBase64Url(t.toLatin1());
            QVERIFY(bytes.ok());
            QCOMPARE(bytes->size(), 32);
            tokens.append(*bytes);
        }
        QCOMPARE(QSet<QByteArray>(tokens.begin(), tokens.end()).size(), tokens.size());
        const double share = oneBits(bitsOf(tokens));
        QVERIFY2(share > 0.45 && share < 0.55, qPrintable(QString::number(share)));

        // Unlock session ids: the same.
        test::Outbox outbox(m_demo.path(u"outbox"_s));
        QList<QByteArray> sessions;
        for (int i = 0; i < 2; ++i) {
            const QByteArray id = test::openUnlockSession(m_demo, token(u"alice"_s), m_alice, outbox);
            QVERIFY2(!id.startsWith("error: "), id.constData());
            QCOMPARE(id.size(), 43);
            sessions.append(fromBase64Url(id).value());
            QCOMPARE(sessions.last().size(), 32);
        }
        QVERIFY(sessions[0] != sessions[1]);
        // Neither is stored: the databases keep only their SHA-256 (shown by
        // TestVaultServer::theDatabaseHoldsNoSecret and TestKeyserver::theDatabaseHoldsNoPrivateKeyOrCode).
    }
};

QTEST_GUILESS_MAIN(TestSecurity)
#include "TestSecurity.moc"
