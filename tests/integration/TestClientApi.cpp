// The apps' client layer against the real servers of an init-demo folder: the client
// configuration read strictly, the vault server's routes through VaultApi with the TLS
// pinned to the demo's CA, and every kind of failure typed — the server's own errors with
// their details, a dead port, a certificate from another CA, a server that never answers.

#include "client/AccountKey.h"
#include "client/ClientConfig.h"
#include "client/VaultApi.h"
#include "crypto/EntryEnvelope.h"
#include "pki/DeploymentPki.h"
#include "protocol/Base64Url.h"

#include "support/Await.h"
#include "support/DemoDeployment.h"

#include <QtCore/QEventLoop>
#include <QtCore/QJsonArray>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace credvault;
using namespace credvault::client;
using namespace Qt::Literals::StringLiterals;

namespace {

ApiResult await(const std::function<void(ApiCallback)> &start)
{
    return test::await<ApiResult>(start);
}

} // namespace

class TestClientApi : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::DemoDeployment m_demo;
    QNetworkAccessManager m_network;
    ClientConfig m_config;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString started = m_demo.makeAndStart(m_dir.filePath(u"demo"_s));
        QVERIFY2(started.isEmpty(), qPrintable(started));
        Result<ClientConfig> c = ClientConfig::load(m_demo.path(u"client.conf"_s));
        QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().message));
        m_config = *c;
    }

    void theConfigurationIsReadStrictly()
    {
        QCOMPARE(m_config.vault.url.port(), int(m_demo.vault().port(u"api"_s)));
        QCOMPARE(m_config.keyserver.url.port(), int(m_demo.keyserver().port(u"public"_s)));
        QVERIFY(!m_config.vault.ca.isEmpty());
        QVERIFY(m_config.staffCertificate.isEmpty());
        Result<ClientConfig> support = ClientConfig::load(m_demo.path(u"support.conf"_s), ClientConfig::App::Support);
        QVERIFY2(support.ok(), support.ok() ? "" : qPrintable(support.error().message));
        QCOMPARE(support->keyserverStaff.url.port(), int(m_demo.keyserver().port(u"staff"_s)));
        QVERIFY(support->staffCertificate.endsWith(u"pki/sam.p12"_s));
        // The customer app does not take the support app's settings, nor the reverse.
        QVERIFY(
            ClientConfig::load(m_demo.path(u"support.conf"_s)).error().message.contains(u"unknown section [staff]"_s));
        QVERIFY(ClientConfig::load(m_demo.path(u"client.conf"_s), ClientConfig::App::Support)
                    .error()
                    .message.contains(u"staff_url: missing"_s));

        QFile f(m_demo.path(u"client.conf"_s));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray good = f.readAll();
        const QByteArray url = "url = https://127.0.0.1:" + QByteArray::number(m_config.vault.url.port());
        const QByteArray plainUrl = "url = http://127.0.0.1:" + QByteArray::number(m_config.vault.url.port());
        const QList<std::pair<QByteArray, QByteArray>> cases{
            {url, plainUrl},
            {"ca = pki/root.pem", "ca = pki/nothing.pem"},
            {"redeem_key = ", "redeem_key = AAAA"},
            {"[vault]", "[vault]\ncolour = blue"},
            {"[vault]", "[valut]"},
        };
        const QStringList expected{u"[vault] url: an https://HOST:PORT address"_s, u"nothing.pem does not exist"_s,
                                   u"redeem_key: must be the key's 32 raw bytes"_s, u"[vault] colour: unknown key"_s,
                                   u"unknown section [valut]"_s};
        for (qsizetype i = 0; i < cases.size(); ++i) {
            QByteArray text = good;
            const qsizetype at = text.indexOf(cases[i].first);
            QVERIFY(at >= 0);
            if (cases[i].first == "redeem_key = ")
                text.replace(at, text.indexOf('\n', at) - at, cases[i].second);
            else
                text.replace(at, cases[i].first.size(), cases[i].second);
            const QString path = test::writeFile(m_demo.path({}), u"bad-client.conf"_s, text);
            const Result<ClientConfig> r = ClientConfig::load(path);
            QVERIFY(!r.ok());
            QVERIFY2(r.error().message.contains(expected[i]), qPrintable(r.error().message));
            QVERIFY(r.error().message.startsWith(path));
        }
    }

    void signInAndWriteThroughTheVaultApi()
    {
        VaultApi vault(m_config.vault, &m_network);
        const test::DemoUser alice = m_demo.user(u"alice"_s);
        ApiResult r = await([&](ApiCallback cb) { vault.login(u"alice"_s, alice.password, {}, cb); });
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QVERIFY(vault.signedIn());
        QCOMPARE(vault.token().size(), 43);
        r = await([&](ApiCallback cb) { vault.me(cb); });
        QCOMPARE(r->value(u"username"_s).toString(), u"alice"_s);

        const QUuid account = QUuid::fromString(alice.accountId);
        r = await([&](ApiCallback cb) { vault.publicKey(account, cb); });
        QVERIFY(r.ok());
        const crypto::X25519PublicKey key =
            crypto::x25519PublicKeyFrom(fromBase64Url(r->value(u"public_key"_s).toString().toLatin1()).value()).value();
        const QUuid id = QUuid::createUuid();
        const QByteArray envelope = EntryEnvelope::seal(key, account, id, "{\"title\":\"web1\"}").value();
        r = await([&](ApiCallback cb) { vault.createEntry(id, account, envelope, cb); });
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->value(u"revision"_s).toInt(), 1);
        r = await([&](ApiCallback cb) { vault.entries({}, {}, false, cb); });
        QCOMPARE(r->value(u"items"_s).toArray().size(), 1);
        QVERIFY(await([&](ApiCallback cb) { vault.updateEntry(id, 1, envelope, cb); }).ok());

        // The server's refusals arrive typed, with their details.
        r = await([&](ApiCallback cb) { vault.updateEntry(id, 1, envelope, cb); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().httpStatus, 409);
        QCOMPARE(r.error().code, u"stale_revision"_s);
        QCOMPARE(r.error().details.value(u"current_revision"_s).toInt(), 2);
        r = await([&](ApiCallback cb) { vault.requestUnlockCode(cb); });
        QCOMPARE(r->value(u"sent_to_masked"_s).toString(), u"a***e@example.com"_s);

        // A wrong current password is a 401 that leaves the sign-in alone; a token the server
        // ended is one that ends it here too, said once.
        QSignalSpy ended(&vault, &VaultApi::signInEnded);
        r = await([&](ApiCallback cb) { vault.changePassword(u"not-it"_s, u"new-password-long"_s, cb); });
        QCOMPARE(r.error().httpStatus, 401);
        QVERIFY(vault.signedIn());
        QCOMPARE(ended.size(), 0);
        const QByteArray token = vault.token();
        QCOMPARE(m_demo.api("POST", "/v1/logout", {}, QString::fromLatin1(token)).status, 200);
        r = await([&](ApiCallback cb) { vault.me(cb); });
        QCOMPARE(r.error().code, u"bad_token"_s);
        QCOMPARE(ended.size(), 1);
        QVERIFY(!vault.signedIn());
        r = await([&](ApiCallback cb) { vault.login(u"alice"_s, alice.password, {}, cb); });
        QVERIFY(r.ok());

        QVERIFY(await([&](ApiCallback cb) { vault.logout(cb); }).ok());
        QVERIFY(!vault.signedIn());
        r = await([&](ApiCallback cb) { vault.me(cb); });
        QCOMPARE(r.error().httpStatus, 401);
        QCOMPARE(r.error().code, u"no_token"_s);

        VaultApi other(m_config.vault, &m_network);
        r = await([&](ApiCallback cb) { other.login(u"alice"_s, u"not-her-password"_s, {}, cb); });
        QCOMPARE(r.error().httpStatus, 401);
        QCOMPARE(r.error().code, u"bad_credentials"_s);
        QCOMPARE(r.error().details.value(u"tries_left"_s).toInt(), 4);
        QVERIFY(!other.signedIn());
    }

    void theAccountKeyIsCheckedAndPinned()
    {
        VaultApi vault(m_config.vault, &m_network);
        QVERIFY(await([&](ApiCallback cb) { vault.login(u"alice"_s, m_demo.user(u"alice"_s).password, {}, cb); }).ok());
        ApiClient keyserver(m_config.keyserver, &m_network);
        KeyPins pins(m_dir.filePath(u"pins.ini"_s));
        const QUuid account = QUuid::fromString(m_demo.user(u"alice"_s).accountId);
        using Checked = Result<CheckedKey, ApiError>;
        const auto check = [&] {
            std::optional<Checked> out;
            QEventLoop loop;
            checkAccountKey(vault, keyserver, pins.pinned(account), account, [&](Checked r) {
                out.emplace(std::move(r));
                loop.quit();
            });
            if (!out)
                loop.exec();
            return std::move(*out);
        };
        Checked first = check();
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message));
        QVERIFY(first->firstUse);
        QVERIFY(!first->writeOnly);
        QCOMPARE(first->unlockEmailMasked, u"a***e@example.com"_s);
        QVERIFY(pins.pin(account, first->keyId).ok());
        Checked second = check();
        QVERIFY(second.ok());
        QVERIFY(!second->firstUse);
        QCOMPARE(second->publicKey, first->publicKey);

        // Another key pinned before (the vault server now hands out a different one): refused.
        KeyId other = first->keyId;
        other[0] ^= 0x01;
        QVERIFY(pins.pin(account, other).ok());
        Checked changed = check();
        QCOMPARE(changed.error().code, u"key_changed"_s);
        QCOMPARE(changed.error().details.value(u"pinned_key_id"_s).toString().size(), 32);
        QVERIFY(pins.pin(account, first->keyId).ok());

        // The comparison itself: the two servers must agree, and the id must be the key's.
        QJsonObject shape;
        const ApiResult fromKeyserver = await([&](ApiCallback cb) {
            keyserver.call("GET", u"/v1/accounts/%1/public-key"_s.arg(account.toString(QUuid::WithoutBraces)), {}, cb);
        });
        QVERIFY(fromKeyserver.ok());
        shape = *fromKeyserver;
        QVERIFY(compareKeys(account, shape, shape, first->keyId).ok());
        QJsonObject lying = shape;
        lying.insert(u"public_key"_s, QString::fromLatin1(toBase64Url(QByteArray(32, 'x'))));
        QCOMPARE(compareKeys(account, lying, shape, {}).error().code, u"key_mismatch"_s);
        QCOMPARE(compareKeys(account, lying, lying, {}).error().code, u"bad_key"_s); // id is not the key's
        QCOMPARE(compareKeys(QUuid::createUuid(), shape, shape, {}).error().code, u"bad_key"_s);
        QJsonObject writeOnly = shape;
        writeOnly.insert(u"unlock_state"_s, u"none"_s);
        QVERIFY(compareKeys(account, writeOnly, writeOnly, {})->writeOnly);
    }

    void transportFailuresAreTyped()
    {
        // A port nobody listens on.
        quint16 dead = 0;
        {
            QTcpServer s;
            QVERIFY(s.listen(QHostAddress::LocalHost, 0));
            dead = s.serverPort();
        }
        Endpoint e = m_config.vault;
        e.url.setPort(dead);
        VaultApi unreachable(e, &m_network);
        ApiResult r = await([&](ApiCallback cb) { unreachable.me(cb); });
        QCOMPARE(r.error().httpStatus, 0);
        QCOMPARE(r.error().code, u"unreachable"_s);
        QVERIFY(describe(r.error(), u"vault server"_s).startsWith(u"the vault server cannot be reached"_s));

        // The real vault server, but the configuration pins another deployment's CA.
        pki::DeploymentPki otherPki(m_dir.filePath(u"other-pki"_s));
        QVERIFY(otherPki.init().ok());
        Endpoint wrongCa = m_config.vault;
        wrongCa.ca = QSslCertificate::fromPath(otherPki.path(u"root.pem"_s));
        QVERIFY(!wrongCa.ca.isEmpty());
        QNetworkAccessManager fresh; // m_network keeps a verified connection to this port open
        VaultApi untrusted(wrongCa, &fresh);
        r = await([&](ApiCallback cb) { untrusted.login(u"alice"_s, m_demo.user(u"alice"_s).password, {}, cb); });
        QCOMPARE(r.error().code, u"tls_failed"_s);
        QVERIFY(!untrusted.signedIn());

        // A server that accepts and never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        Endpoint slow = m_config.vault;
        slow.url.setPort(silent.serverPort());
        VaultApi waiting(slow, &m_network);
        waiting.http().setTimeout(500);
        r = await([&](ApiCallback cb) { waiting.me(cb); });
        QCOMPARE(r.error().code, u"timeout"_s);

        // A caller that went away gets no callback.
        auto *context = new QObject;
        bool called = false;
        VaultApi gone(m_config.vault, &m_network);
        gone.me([&](ApiResult) { called = true; }, context);
        delete context;
        QTest::qWait(500);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestClientApi)
#include "TestClientApi.moc"
