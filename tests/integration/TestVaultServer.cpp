// The vault server with everything real, from an `init-demo` folder: credvault-server and
// credvault-keyserver as processes, a real SMTP server (aiosmtpd, STARTTLS + AUTH) for the
// keyserver's mail, TLS with the demo PKI, the SQLCipher databases on disk. Entries are
// sealed and opened by the core as the apps would.

#include "auth/Totp.h"
#include "crypto/AuditSignature.h"
#include "crypto/CodeBox.h"
#include "crypto/DecapBox.h"
#include "crypto/EntryEnvelope.h"
#include "crypto/UnlockCode.h"
#include "protocol/Base64Url.h"
#include "store/KeySource.h"

#include "support/DemoDeployment.h"
#include "support/KeyserverFixture.h"
#include "support/SmtpServer.h"
#include "support/SqlcipherShell.h"

#include <QtCore/QDateTime>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

namespace {

using test::errorCode;
using test::json;
using test::object;

QJsonObject details(const test::HttpReply &r)
{
    return test::errorDetails(r);
}
QString b64(QByteArrayView bytes)
{
    return QString::fromLatin1(toBase64Url(bytes));
}
QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// What the tests put into entries: none of it may be in the server's database or logs.
const QString kTitle = u"Billing database primary"_s;
const QString kHost = u"db7.internal.example-hosting.net"_s;
const QString kUser = u"billing_admin_7731"_s;
const QString kSecret = u"Tr0ub4dor&3-horse-battery"_s;

QByteArray plaintext(int n = 0)
{
    return json({{u"kind"_s, u"database"_s},
                 {u"title"_s, kTitle + (n ? u" %1"_s.arg(n) : QString())},
                 {u"host"_s, kHost},
                 {u"port"_s, 5432},
                 {u"username"_s, kUser},
                 {u"secret"_s, kSecret}});
}

} // namespace

class TestVaultServer : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::DemoDeployment m_demo;
    test::SmtpServer m_smtp;
    QHash<QString, QString> m_tokens;
    QUuid m_alice;
    QUuid m_bob;
    crypto::X25519PublicKey m_aliceKey{};
    QUuid m_entry; // alice's first entry
    QStringList m_codes;

    QString token(const QString &user)
    {
        if (!m_tokens.contains(user))
            m_tokens.insert(user, m_demo.login(user));
        return m_tokens.value(user);
    }

    crypto::X25519PublicKey publicKeyOf(const QUuid &account, const QString &as)
    {
        const test::HttpReply r =
            m_demo.api("GET", "/v1/accounts/" + idText(account).toLatin1() + "/public-key", {}, token(as));
        return crypto::x25519PublicKeyFrom(
                   fromBase64Url(object(r).value(u"public_key"_s).toString().toLatin1()).value())
            .value();
    }

    test::HttpReply createEntry(const QString &as, const QUuid &account, const QUuid &id, const QByteArray &envelope)
    {
        return m_demo.api(
            "POST", "/v1/entries",
            json({{u"id"_s, idText(id)}, {u"account_id"_s, idText(account)}, {u"envelope"_s, b64(envelope)}}),
            token(as));
    }

    QList<QJsonObject> list(const QString &as, const QByteArray &query = {})
    {
        const test::HttpReply r = m_demo.api("GET", "/v1/entries" + query, {}, token(as));
        QList<QJsonObject> out;
        for (const QJsonValue &v : object(r).value(u"items"_s).toArray())
            out.append(v.toObject());
        return out;
    }

    QByteArray cli(const QStringList &args, int expectedExit = 0, const QByteArray &input = {})
    {
        const test::RunResult r = test::run(test::binary(u"credvault-cli"_s), args, input);
        if (r.exitCode != expectedExit)
            qWarning("credvault-cli %s: exit %d: %s", qPrintable(args.join(u' ')), r.exitCode, r.err.constData());
        return r.exitCode == expectedExit ? r.out + r.err : QByteArray("<unexpected exit>");
    }

    int auditCount(const QUuid &account)
    {
        return object(m_demo.api("GET", "/v1/accounts/" + idText(account).toLatin1() + "/audit", {}, token(u"sam"_s)))
            .value(u"items"_s)
            .toArray()
            .size();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString made = m_demo.make(m_dir.filePath(u"demo"_s));
        QVERIFY2(made.isEmpty(), qPrintable(made));
        m_alice = QUuid::fromString(m_demo.user(u"alice"_s).accountId);
        m_bob = QUuid::fromString(m_demo.user(u"bob"_s).accountId);
        QVERIFY(!m_alice.isNull() && !m_bob.isNull());

        // The keyserver mails through a real SMTP server (STARTTLS, AUTH).
        QVERIFY(m_smtp.start(m_dir.filePath(u"maildir"_s), m_demo.pki(u"keyserver-chain.pem"_s),
                             m_demo.pki(u"keyserver.key"_s), u"credvault"_s, u"smtp-pw-91x"_s));
        test::writeFile(m_demo.path({}), u"keys/smtp.pass"_s, "smtp-pw-91x\n");
        QVERIFY(m_demo.replace(u"keyserver.conf"_s, "maildir = outbox\n",
                               "smtp_host = 127.0.0.1\nsmtp_port = " + QByteArray::number(m_smtp.port()) +
                                   "\nsmtp_tls = starttls\nsmtp_user = credvault\nsmtp_password_file = "
                                   "keys/smtp.pass\nsmtp_ca = pki/root.pem\n"));
        // Short limits, so the lockout can be seen.
        m_demo.append(u"server.conf"_s, "[sign_in]\nmax_failures = 3\nlockout = 3s\n");
        QString started = m_demo.startKeyserver();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        started = m_demo.startVault();
        QVERIFY2(started.isEmpty(), qPrintable(started));
    }

    void cleanupTestCase()
    {
        m_demo.vault().stop();
        m_demo.keyserver().stop();
        m_smtp.stop();
    }

    void initDemoMakesACompleteDeploymentOnce()
    {
        const QDir d(m_dir.filePath(u"demo"_s));
        // Keys are the owner's only; ports are distinct and the same in every config.
        for (const char *f :
             {"keys/keyserver-db.key", "keys/master.key", "keys/redeem.pem", "keys/audit.pem", "keys/vault-db.key",
              "pki/root.key", "pki/vault.key", "pki/sam.p12", "pki/sam.p12.pass", "demo-credentials.txt"})
            QCOMPARE(QFileInfo(d.filePath(QString::fromLatin1(f))).permissions() & 0x0077, QFileDevice::Permissions());
        const auto read = [&](const char *f) {
            QFile file(d.filePath(QString::fromLatin1(f)));
            file.open(QIODevice::ReadOnly);
            return file.readAll();
        };
        const QByteArray server = read("server.conf");
        const QByteArray keyserver = read("keyserver.conf");
        const QByteArray client = read("client.conf");
        const QByteArray support = read("support.conf");
        const quint16 api = m_demo.vault().port(u"api"_s);
        const quint16 pub = m_demo.keyserver().port(u"public"_s);
        const quint16 services = m_demo.keyserver().port(u"services"_s);
        const quint16 staff = m_demo.keyserver().port(u"staff"_s);
        QCOMPARE(QSet<quint16>({api, pub, services, staff}).size(), 4);
        QVERIFY(client.contains("[vault]\nurl = https://127.0.0.1:" + QByteArray::number(api) + "\n"));
        QVERIFY(client.contains("[keyserver]\nurl = https://127.0.0.1:" + QByteArray::number(pub) + "\n"));
        QVERIFY(client.contains("redeem_key = ") && client.contains("audit_key = "));
        QVERIFY(support.contains("staff_url = https://127.0.0.1:" + QByteArray::number(staff) + "\n"));
        QVERIFY(server.contains("url = https://127.0.0.1:" + QByteArray::number(services) + "\n"));
        QVERIFY(keyserver.contains("port = " + QByteArray::number(staff) + "\n"));
        // The pinned redemption key is the keyserver's.
        const QByteArray redeem =
            QRegularExpression(u"redeem_key = (\\S+)"_s).match(QString::fromLatin1(client)).captured(1).toLatin1();
        QCOMPARE(fromBase64Url(redeem).value().size(), 32);

        // A second run changes nothing and says so.
        QHash<QString, QDateTime> times;
        for (const QFileInfo &fi : d.entryInfoList(QDir::Files))
            times.insert(fi.fileName(), fi.lastModified());
        const QByteArray again = cli({u"init-demo"_s, u"--dir"_s, d.path()});
        QVERIFY2(again.contains("nothing changed"), again.constData());
        for (const QFileInfo &fi : d.entryInfoList(QDir::Files))
            QCOMPARE(fi.lastModified(), times.value(fi.fileName()));

        // A folder with other things in it is refused and left alone.
        const QString other = m_dir.filePath(u"other"_s);
        QDir().mkpath(other);
        test::writeFile(other, u"notes.txt"_s, "mine");
        const QByteArray refused = cli({u"init-demo"_s, u"--dir"_s, other}, 1);
        QVERIFY2(refused.contains("is not empty"), refused.constData());
        QCOMPARE(QDir(other).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList{u"notes.txt"_s});
    }

    void refusesToStartOnAWrongDatabaseKeyOrAMissingServiceCertificate()
    {
        QFile conf(m_demo.path(u"server.conf"_s));
        QVERIFY(conf.open(QIODevice::ReadOnly));
        const QByteArray text = conf.readAll();
        const QByteArray port =
            QRegularExpression(u"port = \\d+\\n"_s).match(QString::fromLatin1(text)).captured(0).toLatin1();
        QVERIFY(store::writeKeyFile(m_demo.path(u"keys/other.key"_s), store::generateKey()).ok());
        QByteArray wrongKey = text;
        wrongKey.replace("key_file = keys/vault-db.key", "key_file = keys/other.key").replace(port, "port = 0\n");
        QByteArray noCert = text;
        noCert.replace("certificate = pki/vault-chain.pem", "certificate = pki/missing.pem")
            .replace(port, "port = 0\n");
        for (const auto &[config, expected] : {std::pair{wrongKey, QByteArray("wrong database key")},
                                               std::pair{noCert, QByteArray("[keyserver] certificate")}}) {
            const QString path = test::writeFile(m_demo.path({}), u"refused.conf"_s, config);
            const test::RunResult r = test::run(test::binary(u"credvault-server"_s), {u"--config"_s, path});
            QCOMPARE(r.exitCode, 3);
            QCOMPARE(r.err.trimmed().count('\n'), 0); // one clear line
            QVERIFY2(r.err.contains(expected), r.err.constData());
            QVERIFY(!r.out.contains("listening on"));
        }
    }

    void aliceSealsAnEntryAndUnlocksItWithAMailedCode()
    {
        // The public key through the vault server is the keyserver's own.
        const test::HttpReply viaVault =
            m_demo.api("GET", "/v1/accounts/" + idText(m_alice).toLatin1() + "/public-key", {}, token(u"alice"_s));
        QCOMPARE(viaVault.status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(!m_smtp.messages().isEmpty(), 5000);
        QVERIFY(m_smtp.messages().first().contains("vault was created"));
        const test::HttpReply direct =
            m_demo.keyserverCall(u"public"_s, "GET", "/v1/accounts/" + idText(m_alice).toLatin1() + "/public-key");
        QCOMPARE(direct.status, 200);
        QCOMPARE(object(viaVault).value(u"public_key"_s), object(direct).value(u"public_key"_s));
        QCOMPARE(object(viaVault).value(u"key_id"_s), object(direct).value(u"key_id"_s));
        QCOMPARE(object(viaVault).value(u"unlock_email_masked"_s).toString(), u"a***e@example.com"_s);
        m_aliceKey = publicKeyOf(m_alice, u"alice"_s);

        // Sealed by the core, stored, listed.
        m_entry = QUuid::createUuid();
        const QByteArray envelope = EntryEnvelope::seal(m_aliceKey, m_alice, m_entry, plaintext()).value();
        const test::HttpReply made = createEntry(u"alice"_s, m_alice, m_entry, envelope);
        QCOMPARE(made.status, 201);
        QCOMPARE(object(made).value(u"revision"_s).toInt(), 1);
        QCOMPARE(object(made).value(u"updated_by"_s).toString(), u"customer:alice"_s);
        const QList<QJsonObject> items = list(u"alice"_s);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].value(u"id"_s).toString(), idText(m_entry));
        QCOMPARE(fromBase64Url(items[0].value(u"envelope"_s).toString().toLatin1()).value(), envelope);
        QCOMPARE(m_demo.api("GET", "/v1/entries/" + idText(m_entry).toLatin1(), {}, token(u"alice"_s)).status, 200);

        // A code by mail, relayed by the vault server, which never sees it.
        const auto before = m_smtp.messages().size();
        const test::HttpReply asked = m_demo.api("POST", "/v1/unlock-code-request", {}, token(u"alice"_s));
        QCOMPARE(asked.status, 200);
        QCOMPARE(object(asked).value(u"sent_to_masked"_s).toString(), u"a***e@example.com"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_smtp.messages().size() > before, 5000);
        const QByteArray mail = m_smtp.messages().last();
        QVERIFY(mail.contains("To: <alice@example.com>"));
        const QString code = test::unlockCodeIn(mail);
        QVERIFY(!code.isEmpty());
        QVERIFY(!asked.body.contains(code.toLatin1()));
        m_codes << code;
        // The vault's encs went along: the keyserver computed their secrets while the mail
        // travelled (decision 55), and the decapsulation below is answered from them.
        const QByteArray precomputed = test::precomputedLogLine(m_alice, 1);
        QTRY_VERIFY_WITH_TIMEOUT((m_demo.keyserver().collectLog(), m_demo.keyserver().log().contains(precomputed)),
                                 10000);

        // The app redeems it at the keyserver and opens the entry with the decapsulated secret.
        QFile clientConf(m_demo.path(u"client.conf"_s));
        QVERIFY(clientConf.open(QIODevice::ReadOnly));
        const QByteArray redeemText = QRegularExpression(u"redeem_key = (\\S+)"_s)
                                          .match(QString::fromLatin1(clientConf.readAll()))
                                          .captured(1)
                                          .toLatin1();
        const crypto::X25519PublicKey redeem = crypto::x25519PublicKeyFrom(fromBase64Url(redeemText).value()).value();
        const crypto::X25519PrivateKey session = crypto::X25519PrivateKey::generate();
        const QByteArray box =
            CodeBox::seal(redeem, m_alice, session.publicKey(), UnlockCode::parse(code).value().normalized()).value();
        const test::HttpReply opened =
            m_demo.keyserverCall(u"public"_s, "POST", "/v1/unlock-sessions",
                                 json({{u"account_id"_s, idText(m_alice)},
                                       {u"code_box"_s, b64(box)},
                                       {u"session_public_key"_s, b64(crypto::bytesView(session.publicKey()))}}));
        QCOMPARE(opened.status, 201);
        const QByteArray sessionHeader = "Authorization: Session " +
                                         object(opened).value(u"session_id"_s).toString().toLatin1() +
                                         "\r\nContent-Type: application/json\r\n";
        const QByteArray enc = envelope.mid(17, 32);
        const test::HttpReply decap = m_demo.keyserverCall(u"public"_s, "POST", "/v1/unlock-session/decapsulate",
                                                           json({{u"encs"_s, QJsonArray{b64(enc)}}}), sessionHeader);
        QCOMPARE(decap.status, 200);
        QCOMPARE(object(decap).value(u"precomputed"_s).toInt(), 1);
        const SecureBuffer secrets =
            DecapBox::open(session, enc, fromBase64Url(object(decap).value(u"sealed"_s).toString().toLatin1()).value())
                .value();
        const SecureBuffer pt = EntryEnvelope::openWithSharedSecret(secrets.view().first(32), keyIdOf(m_aliceKey),
                                                                    m_alice, m_entry, envelope)
                                    .value();
        QCOMPARE(pt.view(), QByteArrayView(plaintext()));

        // The access history, relayed with the keyserver's signed head.
        const test::HttpReply history = m_demo.api("GET", "/v1/access-history", {}, token(u"alice"_s));
        QCOMPARE(history.status, 200);
        QStringList actions;
        for (const QJsonValue &v : object(history).value(u"items"_s).toArray())
            actions << v.toObject().value(u"action"_s).toString();
        QVERIFY2(actions.contains(u"code_issued"_s) && actions.contains(u"unlock"_s) &&
                     actions.contains(u"decapsulated"_s),
                 qPrintable(actions.join(u',')));
        const QJsonObject head = object(history).value(u"head"_s).toObject();
        QVERIFY(head.value(u"count"_s).toInt() >= actions.size());
        QCOMPARE(fromBase64Url(head.value(u"signature"_s).toString().toLatin1()).value().size(), 64);
    }

    void anotherCustomerGets404()
    {
        const QByteArray path = "/v1/entries/" + idText(m_entry).toLatin1();
        QCOMPARE(m_demo.api("GET", path, {}, token(u"bob"_s)).status, 404);
        const QByteArray bobEnvelope = EntryEnvelope::seal(m_aliceKey, m_alice, m_entry, plaintext(9)).value();
        test::HttpReply r =
            m_demo.api("PUT", path, json({{u"revision"_s, 1}, {u"envelope"_s, b64(bobEnvelope)}}), token(u"bob"_s));
        QCOMPARE(r.status, 404);
        QCOMPARE(m_demo.api("DELETE", path, {}, token(u"bob"_s)).status, 404);
        QCOMPARE(list(u"bob"_s).size(), 0);
        QCOMPARE(list(u"bob"_s, "?account_id=" + idText(m_alice).toLatin1()).size(), 0);
        QCOMPARE(m_demo.api("GET", "/v1/entries?account_id=" + idText(m_alice).toLatin1(), {}, token(u"bob"_s)).status,
                 404);
        QCOMPARE(
            m_demo.api("GET", "/v1/accounts/" + idText(m_alice).toLatin1() + "/public-key", {}, token(u"bob"_s)).status,
            404);
        QCOMPARE(createEntry(u"bob"_s, m_alice, QUuid::createUuid(), bobEnvelope).status, 404);
        // Staff routes are not for customers.
        QCOMPARE(m_demo.api("GET", "/v1/accounts?query=ali", {}, token(u"bob"_s)).status, 403);
        QCOMPARE(m_demo.api("GET", "/v1/accounts/" + idText(m_alice).toLatin1() + "/audit", {}, token(u"bob"_s)).status,
                 403);
        // Alice's entry is as it was.
        QCOMPARE(list(u"alice"_s).value(0).value(u"revision"_s).toInt(), 1);
    }

    void staffListsAndUpdatesAndAStaleRevisionIsRefused()
    {
        const QList<QJsonObject> seen = list(u"sam"_s, "?account_id=" + idText(m_alice).toLatin1());
        QCOMPARE(seen.size(), 1);
        QCOMPARE(m_demo.api("GET", "/v1/entries", {}, token(u"sam"_s)).status, 400); // staff name the account
        const QByteArray path = "/v1/entries/" + idText(m_entry).toLatin1();
        const QByteArray v2 = EntryEnvelope::seal(m_aliceKey, m_alice, m_entry, plaintext(2)).value();
        test::HttpReply r =
            m_demo.api("PUT", path, json({{u"revision"_s, 1}, {u"envelope"_s, b64(v2)}}), token(u"sam"_s));
        QCOMPARE(r.status, 200);
        QCOMPARE(object(r).value(u"revision"_s).toInt(), 2);
        QCOMPARE(object(r).value(u"updated_by"_s).toString(), u"staff:sam"_s);

        // Alice, still on revision 1, is told the current one; nothing is lost.
        const QByteArray stale = EntryEnvelope::seal(m_aliceKey, m_alice, m_entry, plaintext(3)).value();
        r = m_demo.api("PUT", path, json({{u"revision"_s, 1}, {u"envelope"_s, b64(stale)}}), token(u"alice"_s));
        QCOMPARE(r.status, 409);
        QCOMPARE(errorCode(r), u"stale_revision"_s);
        QCOMPARE(details(r).value(u"current_revision"_s).toInt(), 2);
        const QJsonObject now = object(m_demo.api("GET", path, {}, token(u"alice"_s)));
        QCOMPARE(fromBase64Url(now.value(u"envelope"_s).toString().toLatin1()).value(), v2);

        // Delete leaves a tombstone: gone from the list, there for a sync.
        const QUuid doomed = QUuid::createUuid();
        QCOMPARE(createEntry(u"alice"_s, m_alice, doomed,
                             EntryEnvelope::seal(m_aliceKey, m_alice, doomed, plaintext(4)).value())
                     .status,
                 201);
        r = m_demo.api("DELETE", "/v1/entries/" + idText(doomed).toLatin1(), {}, token(u"alice"_s));
        QCOMPARE(r.status, 200);
        QVERIFY(object(r).value(u"deleted"_s).toBool());
        QVERIFY(object(r).value(u"envelope"_s).isNull());
        QCOMPARE(list(u"alice"_s).size(), 1);
        const QList<QJsonObject> all = list(u"alice"_s, "?include_deleted=true");
        QCOMPARE(all.size(), 2);
        QCOMPARE(m_demo.api("GET", "/v1/entries/" + idText(doomed).toLatin1(), {}, token(u"alice"_s)).status, 404);

        // Paging: one at a time, then the end.
        const test::HttpReply page1 = m_demo.api("GET", "/v1/entries?include_deleted=1&limit=1", {}, token(u"alice"_s));
        const QString next = object(page1).value(u"next_page"_s).toString();
        QVERIFY(!next.isEmpty());
        const test::HttpReply page2 =
            m_demo.api("GET", "/v1/entries?include_deleted=1&limit=1&after=" + next.toLatin1(), {}, token(u"alice"_s));
        QCOMPARE(object(page2).value(u"items"_s).toArray().size(), 1);
        QVERIFY(object(page2).value(u"next_page"_s).isNull());
    }

    void badWritesAreRefusedAndChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QUuid id = QUuid::createUuid();
        const auto post = [&](const QByteArray &envelope) {
            return json({{u"id"_s, idText(id)}, {u"account_id"_s, idText(m_alice)}, {u"envelope"_s, b64(envelope)}});
        };
        const crypto::X25519PrivateKey other = crypto::X25519PrivateKey::generate();
        QByteArray good = EntryEnvelope::seal(m_aliceKey, m_alice, id, plaintext()).value();
        QByteArray v2 = good;
        v2[0] = 0x02;
        QTest::newRow("wrong key id") << QByteArray("POST")
                                      << post(EntryEnvelope::seal(other.publicKey(), m_alice, id, plaintext()).value())
                                      << 409 << u"wrong_key_id"_s;
        QTest::newRow("version 2") << QByteArray("POST") << post(v2) << 400 << u"bad_envelope"_s;
        QTest::newRow("not an envelope") << QByteArray("POST") << post("just some bytes") << 400 << u"bad_envelope"_s;
        QTest::newRow("over 64 KiB") << QByteArray("POST") << post(good + QByteArray(70 * 1024, 'x')) << 413
                                     << u"entry_too_large"_s;
        QTest::newRow("not base64url") << QByteArray("POST")
                                       << json({{u"id"_s, idText(id)},
                                                {u"account_id"_s, idText(m_alice)},
                                                {u"envelope"_s, u"*** not base64 ***"_s}})
                                       << 400 << u"bad_request"_s;
        QTest::newRow("malformed json") << QByteArray("POST") << QByteArray("{\"id\": ") << 400 << u"bad_request"_s;
        QTest::newRow("json array") << QByteArray("POST") << QByteArray("[1,2]") << 400 << u"bad_request"_s;
        QTest::newRow("missing account") << QByteArray("POST")
                                         << json({{u"id"_s, idText(id)}, {u"envelope"_s, b64(good)}}) << 400
                                         << u"bad_request"_s;
        QTest::newRow("id not a uuid") << QByteArray("POST")
                                       << json({{u"id"_s, u"entry-1"_s},
                                                {u"account_id"_s, idText(m_alice)},
                                                {u"envelope"_s, b64(good)}})
                                       << 400 << u"bad_request"_s;
        QTest::newRow("over 1 MiB") << QByteArray("POST") << QByteArray(1024 * 1024 + 10, ' ') << 413 << QString();
        QTest::newRow("put without revision")
            << QByteArray("PUT") << json({{u"envelope"_s, b64(good)}}) << 400 << u"bad_request"_s;
        QTest::newRow("put revision as text")
            << QByteArray("PUT") << json({{u"revision"_s, u"2"_s}, {u"envelope"_s, b64(good)}}) << 400
            << u"bad_request"_s;
    }
    void badWritesAreRefusedAndChangeNothing()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QList<QJsonObject> before = list(u"alice"_s, "?include_deleted=1");
        const int auditBefore = auditCount(m_alice);
        const QByteArray path = method == "PUT" ? "/v1/entries/" + idText(m_entry).toLatin1() : "/v1/entries";
        const test::HttpReply r = m_demo.api(method, path, body, token(u"alice"_s));
        QCOMPARE(r.status, status);
        if (!code.isEmpty())
            QCOMPARE(errorCode(r), code);
        QCOMPARE(list(u"alice"_s, "?include_deleted=1"), before);
        QCOMPARE(auditCount(m_alice), auditBefore);
    }

    void signInFailuresLockTheUserOut()
    {
        // A customer made by the admin command while the server runs.
        const QString pw = m_dir.filePath(u"carol.pw"_s);
        test::writeFile(m_dir.path(), u"carol.pw"_s, "carol-password-1\n");
        cli({u"admin"_s, u"add-customer"_s, u"--config"_s, m_demo.path(u"server.conf"_s), u"--username"_s, u"carol"_s,
             u"--name"_s, u"Carol"_s, u"--email"_s, u"carol@example.com"_s, u"--password-file"_s, pw});
        QVERIFY(!m_demo.login(u"carol"_s, u"carol-password-1"_s).isEmpty());

        const auto attempt = [&](const QString &password) {
            return m_demo.api("POST", "/v1/login", json({{u"username"_s, u"carol"_s}, {u"password"_s, password}}));
        };
        test::HttpReply r = attempt(u"wrong-password-1"_s);
        QCOMPARE(r.status, 401);
        QCOMPARE(errorCode(r), u"bad_credentials"_s);
        QCOMPARE(details(r).value(u"tries_left"_s).toInt(), 2);
        QCOMPARE(details(attempt(u"wrong-password-2"_s)).value(u"tries_left"_s).toInt(), 1);
        r = attempt(u"wrong-password-3"_s);
        QCOMPARE(r.status, 429);
        QCOMPARE(errorCode(r), u"locked"_s);
        QCOMPARE(details(r).value(u"retry_after_s"_s).toInt(), 3);
        // Locked: even the right password waits.
        r = attempt(u"carol-password-1"_s);
        QCOMPARE(r.status, 429);
        QVERIFY(details(r).value(u"retry_after_s"_s).toInt() >= 1);
        QTest::qWait(3200);
        QCOMPARE(attempt(u"carol-password-1"_s).status, 200);

        // An unknown name answers like a wrong password; a malformed body is a 400.
        r = m_demo.api("POST", "/v1/login", json({{u"username"_s, u"nobody"_s}, {u"password"_s, u"whatever-1234"_s}}));
        QCOMPARE(r.status, 401);
        QCOMPARE(errorCode(r), u"bad_credentials"_s);
        QCOMPARE(m_demo.api("POST", "/v1/login", "{\"username\": 5}").status, 400);
        QCOMPARE(m_demo.api("POST", "/v1/login", "not json").status, 400);
        // Disabled by the admin: sign-ins end and new ones are refused.
        const QString t = m_demo.login(u"carol"_s, u"carol-password-1"_s);
        cli({u"admin"_s, u"disable"_s, u"--config"_s, m_demo.path(u"server.conf"_s), u"--username"_s, u"carol"_s});
        QCOMPARE(m_demo.api("GET", "/v1/me", {}, t).status, 401);
        QCOMPARE(attempt(u"carol-password-1"_s).status, 403);
        cli({u"admin"_s, u"enable"_s, u"--config"_s, m_demo.path(u"server.conf"_s), u"--username"_s, u"carol"_s});
    }

    void totpEnrolmentAndSignIn()
    {
        const QString t = m_demo.login(u"carol"_s, u"carol-password-1"_s);
        QVERIFY(!t.isEmpty());
        // Step 1: a secret and its URI; nothing changes yet.
        test::HttpReply r = m_demo.api("POST", "/v1/me/totp", json({{u"password"_s, u"carol-password-1"_s}}), t);
        QCOMPARE(r.status, 200);
        const QString uri = object(r).value(u"otpauth_uri"_s).toString();
        const QString secretText = object(r).value(u"secret"_s).toString();
        QVERIFY(uri.startsWith(u"otpauth://totp/CredVault:carol?secret="_s + secretText));
        QVERIFY(!m_demo.login(u"carol"_s, u"carol-password-1"_s).isEmpty()); // still no TOTP needed
        const SecureBuffer secret = auth::Totp::fromBase32(secretText.toLatin1()).value();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        // Step 2 with a wrong code, then the right one.
        r = m_demo.api(
            "POST", "/v1/me/totp",
            json({{u"password"_s, u"carol-password-1"_s}, {u"secret"_s, secretText}, {u"code"_s, u"000000"_s}}), t);
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), u"wrong_totp"_s);
        r = m_demo.api(
            "POST", "/v1/me/totp",
            json({{u"password"_s, u"carol-password-1"_s},
                  {u"secret"_s, secretText},
                  {u"code"_s, QString::fromLatin1(auth::Totp::code(secret, QDateTime::currentSecsSinceEpoch()))}}),
            t);
        QCOMPARE(r.status, 200);
        QVERIFY(object(m_demo.api("GET", "/v1/me", {}, t)).value(u"totp_enrolled"_s).toBool());

        const auto attempt = [&](const QJsonValue &code) {
            QJsonObject body{{u"username"_s, u"carol"_s}, {u"password"_s, u"carol-password-1"_s}};
            if (!code.isUndefined())
                body.insert(u"totp"_s, code);
            return m_demo.api("POST", "/v1/login", json(body));
        };
        r = attempt(QJsonValue::Undefined);
        QCOMPARE(r.status, 401);
        QCOMPARE(errorCode(r), u"totp_required"_s);
        r = attempt(u"123456"_s == QString::fromLatin1(auth::Totp::code(secret, now)) ? u"654321"_s : u"123456"_s);
        QCOMPARE(r.status, 401);
        QCOMPARE(errorCode(r), u"wrong_totp"_s);
        // The next step's code (accepted: ±1 step): the confirming code's step is spent.
        const QString code = QString::fromLatin1(auth::Totp::code(secret, QDateTime::currentSecsSinceEpoch() + 30));
        QCOMPARE(attempt(code).status, 200);
        // The same code a second time is refused (replay).
        r = attempt(code);
        QCOMPARE(r.status, 401);
        QCOMPARE(errorCode(r), u"wrong_totp"_s);
    }

    void passwordChangeAndLogoutEndSignIns()
    {
        const QString first = m_demo.login(u"bob"_s);
        const QString second = m_demo.login(u"bob"_s);
        QVERIFY(!first.isEmpty() && !second.isEmpty() && first != second);
        const QString oldPw = m_demo.user(u"bob"_s).password;
        test::HttpReply r = m_demo.api(
            "POST", "/v1/me/password",
            json({{u"current_password"_s, u"not-the-password"_s}, {u"new_password"_s, u"bobs-new-password-2"_s}}),
            first);
        QCOMPARE(r.status, 401);
        QCOMPARE(errorCode(r), u"wrong_password"_s);
        r = m_demo.api("POST", "/v1/me/password",
                       json({{u"current_password"_s, oldPw}, {u"new_password"_s, u"short"_s}}), first);
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), u"weak_password"_s);
        r = m_demo.api("POST", "/v1/me/password",
                       json({{u"current_password"_s, oldPw}, {u"new_password"_s, u"bobs-new-password-2"_s}}), first);
        QCOMPARE(r.status, 200);
        const QString fresh = object(r).value(u"token"_s).toString();
        QCOMPARE(m_demo.api("GET", "/v1/me", {}, first).status, 401);
        QCOMPARE(m_demo.api("GET", "/v1/me", {}, second).status, 401);
        QCOMPARE(m_demo.api("GET", "/v1/me", {}, fresh).status, 200);
        QVERIFY(m_demo.login(u"bob"_s, oldPw).isEmpty());
        QVERIFY(!m_demo.login(u"bob"_s, u"bobs-new-password-2"_s).isEmpty());
        // Logout ends that token only.
        QCOMPARE(m_demo.api("POST", "/v1/logout", {}, fresh).status, 200);
        r = m_demo.api("GET", "/v1/me", {}, fresh);
        QCOMPARE(r.status, 401);
        QCOMPARE(errorCode(r), u"bad_token"_s);
        m_tokens.insert(u"bob"_s, m_demo.login(u"bob"_s, u"bobs-new-password-2"_s));
        // No token, a malformed one.
        QCOMPARE(errorCode(m_demo.api("GET", "/v1/me")), u"no_token"_s);
        QCOMPARE(m_demo.api("GET", "/v1/me", {}, u"abc"_s).status, 401);
    }

    void anExpiredTokenIsRefusedAndASecondServerSharesTheDatabase()
    {
        // A second vault server on the same database, with two-second tokens.
        QFile conf(m_demo.path(u"server.conf"_s));
        QVERIFY(conf.open(QIODevice::ReadOnly));
        QByteArray text = conf.readAll();
        text.replace(QRegularExpression(u"port = \\d+\\n"_s).match(QString::fromLatin1(text)).captured(0).toLatin1(),
                     "port = 0\n");
        text.replace("[sign_in]\n", "[sign_in]\ntoken_lifetime = 2s\n");
        test::writeFile(m_demo.path({}), u"short.conf"_s, text);
        test::DemoDeployment &d = m_demo;
        test::ServerProcess shortLived;
        QString started = shortLived.start(test::binary(u"credvault-server"_s), d.path(u"short.conf"_s), 1);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        test::HttpsConnection c;
        QVERIFY(c.open(shortLived.port(u"api"_s), d.pki(u"root.pem"_s)));
        test::HttpReply r = c.request(
            "POST", "/v1/login", json({{u"username"_s, u"alice"_s}, {u"password"_s, d.user(u"alice"_s).password}}));
        QCOMPARE(r.status, 200);
        const QByteArray t = object(r).value(u"token"_s).toString().toLatin1();
        QElapsedTimer sinceLogin; // the token lives 2 s from the answer on
        sinceLogin.start();
        // The first server's list (cached) shows what the second one writes at once.
        const qsizetype before = list(u"alice"_s).size();
        const QUuid id = QUuid::createUuid();
        r = c.request("POST", "/v1/entries",
                      json({{u"id"_s, idText(id)},
                            {u"account_id"_s, idText(m_alice)},
                            {u"envelope"_s, b64(EntryEnvelope::seal(m_aliceKey, m_alice, id, plaintext(8)).value())}}),
                      "Authorization: Bearer " + t + "\r\n");
        QCOMPARE(r.status, 201);
        QCOMPARE(list(u"alice"_s).size(), before + 1);
        QTest::qWait(int(qMax<qint64>(0, 2300 - sinceLogin.elapsed())));
        test::HttpsConnection c2;
        QVERIFY(c2.open(shortLived.port(u"api"_s), d.pki(u"root.pem"_s)));
        r = c2.request("GET", "/v1/me", {}, "Authorization: Bearer " + t + "\r\n");
        QCOMPARE(r.status, 401);
        QCOMPARE(errorCode(r), u"token_expired"_s);
        QVERIFY(shortLived.stop());
    }

    void staffSearchAndAudit()
    {
        test::HttpReply r = m_demo.api("GET", "/v1/accounts?query=ALI", {}, token(u"sam"_s));
        QCOMPARE(r.status, 200);
        const QJsonArray found = object(r).value(u"items"_s).toArray();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].toObject().value(u"username"_s).toString(), u"alice"_s);
        QCOMPARE(found[0].toObject().value(u"email"_s).toString(), u"alice@example.com"_s);
        QVERIFY(found[0].toObject().value(u"has_vault"_s).toBool());
        r = m_demo.api("GET", "/v1/accounts?query=" + idText(m_bob).toLatin1(), {}, token(u"sam"_s));
        QCOMPARE(object(r).value(u"items"_s).toArray().size(), 1);
        r = m_demo.api("GET", "/v1/accounts/" + idText(m_alice).toLatin1() + "/audit", {}, token(u"sam"_s));
        QCOMPARE(r.status, 200);
        QStringList actions;
        for (const QJsonValue &v : object(r).value(u"items"_s).toArray())
            actions << v.toObject().value(u"action"_s).toString();
        for (const char *a : {"account_created", "login", "public_key_recorded", "entry_created", "entry_updated",
                              "entry_deleted", "unlock_code_requested"})
            QVERIFY2(actions.contains(QString::fromLatin1(a)), a);
        QCOMPARE(
            m_demo.api("GET", "/v1/accounts/" + idText(QUuid::createUuid()).toLatin1() + "/audit", {}, token(u"sam"_s))
                .status,
            404);
    }

    void aStoppedKeyserverIs503AndNothingHalfDone()
    {
        QVERIFY(m_demo.keyserver().stop());
        // Bob's keypair does not exist yet: no key is recorded while the keyserver is down.
        test::HttpReply r =
            m_demo.api("GET", "/v1/accounts/" + idText(m_bob).toLatin1() + "/public-key", {}, token(u"bob"_s));
        QCOMPARE(r.status, 503);
        QCOMPARE(errorCode(r), u"keyserver_unavailable"_s);
        QVERIFY(object(r).value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"keyserver"_s));
        const QUuid id = QUuid::createUuid();
        r = createEntry(u"bob"_s, m_bob, id,
                        EntryEnvelope::seal(m_aliceKey, m_bob, id, plaintext()).value()); // any key: none recorded
        QCOMPARE(r.status, 409);
        QCOMPARE(errorCode(r), u"no_public_key"_s);
        QCOMPARE(m_demo.api("POST", "/v1/unlock-code-request", {}, token(u"alice"_s)).status, 503);
        QCOMPARE(m_demo.api("GET", "/v1/access-history", {}, token(u"alice"_s)).status, 503);
        QCOMPARE(list(u"bob"_s).size(), 0);
        // Deleting an account needs the keyserver to destroy the keypair first: nothing goes.
        const QByteArray refused = cli({u"admin"_s, u"delete-account"_s, u"--config"_s, m_demo.path(u"server.conf"_s),
                                        u"--username"_s, u"alice"_s, u"--yes"_s},
                                       1);
        QVERIFY2(refused.contains("cannot be reached") && refused.contains("nothing was deleted"), refused.constData());
        QCOMPARE(m_demo.api("GET", "/v1/me", {}, token(u"alice"_s)).status, 200);
        // Entries of an account whose key is known still go in: sealing needs no keyserver.
        const QUuid offline = QUuid::createUuid();
        QCOMPARE(createEntry(u"alice"_s, m_alice, offline,
                             EntryEnvelope::seal(m_aliceKey, m_alice, offline, plaintext(5)).value())
                     .status,
                 201);

        const QString started = m_demo.startKeyserver();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QCOMPARE(
            m_demo.api("GET", "/v1/accounts/" + idText(m_bob).toLatin1() + "/public-key", {}, token(u"bob"_s)).status,
            200);
    }

    void deletingAnAccountShredsItsEntries()
    {
        // Bob has a sealed entry and an open unlock session (a staff one) before the deletion.
        const crypto::X25519PublicKey bobKey = publicKeyOf(m_bob, u"bob"_s);
        const QUuid id = QUuid::createUuid();
        const QByteArray envelope = EntryEnvelope::seal(bobKey, m_bob, id, plaintext(6)).value();
        QCOMPARE(createEntry(u"bob"_s, m_bob, id, envelope).status, 201);
        const crypto::X25519PrivateKey session = crypto::X25519PrivateKey::generate();
        test::HttpReply r = m_demo.keyserverCall(
            u"staff"_s, "POST", "/v1/staff/accounts/" + idText(m_bob).toLatin1() + "/unlock-sessions",
            json({{u"reason"_s, u"test"_s},
                  {u"ticket"_s, u"T-1"_s},
                  {u"session_public_key"_s, b64(crypto::bytesView(session.publicKey()))}}));
        QCOMPARE(r.status, 201);
        const QByteArray header =
            "Authorization: Session " + object(r).value(u"session_id"_s).toString().toLatin1() + "\r\n";
        const QByteArray decapBody = json({{u"encs"_s, QJsonArray{b64(envelope.mid(17, 32))}}});
        QCOMPARE(m_demo.keyserverCall(u"public"_s, "POST", "/v1/unlock-session/decapsulate", decapBody, header).status,
                 200);

        const QByteArray refused = cli(
            {u"admin"_s, u"delete-account"_s, u"--config"_s, m_demo.path(u"server.conf"_s), u"--username"_s, u"bob"_s},
            2);
        QVERIFY2(refused.contains("--yes"), refused.constData());
        const QByteArray done = cli({u"admin"_s, u"delete-account"_s, u"--config"_s, m_demo.path(u"server.conf"_s),
                                     u"--username"_s, u"bob"_s, u"--yes"_s});
        QVERIFY2(done.contains("keypair destroyed"), done.constData());

        // The keypair is gone: nothing can decapsulate bob's envelopes any more.
        r = m_demo.keyserverCall(u"public"_s, "POST", "/v1/unlock-session/decapsulate", decapBody, header);
        QVERIFY2(r.status == 404 || r.status == 401, r.body.constData());
        QCOMPARE(
            m_demo.keyserverCall(u"public"_s, "GET", "/v1/accounts/" + idText(m_bob).toLatin1() + "/public-key").status,
            404);
        QCOMPARE(m_demo
                     .keyserverCall(u"staff"_s, "POST",
                                    "/v1/staff/accounts/" + idText(m_bob).toLatin1() + "/unlock-sessions",
                                    json({{u"reason"_s, u"test"_s},
                                          {u"ticket"_s, u"T-2"_s},
                                          {u"session_public_key"_s, b64(crypto::bytesView(session.publicKey()))}}))
                     .status,
                 404);
        // And bob is gone from the vault server.
        QVERIFY(m_demo.login(u"bob"_s, u"bobs-new-password-2"_s).isEmpty());
        QCOMPARE(m_demo.api("GET", "/v1/me", {}, token(u"bob"_s)).status, 401);
        QCOMPARE(m_demo.api("GET", "/v1/accounts?query=bob", {}, token(u"sam"_s)).body.contains("bob@"), false);
    }

    void theDatabaseHoldsNoSecret()
    {
        // A copy of the vault server's database, opened with its key in the stock shell.
        const QString copy = m_dir.filePath(u"vault-copy.db"_s);
        QVERIFY(QFile::copy(m_demo.path(u"data/vault.db"_s), copy));
        for (const char *suffix : {"-wal", "-shm"}) {
            if (QFile::exists(m_demo.path(u"data/vault.db"_s) + QString::fromLatin1(suffix)))
                QVERIFY(QFile::copy(m_demo.path(u"data/vault.db"_s) + QString::fromLatin1(suffix),
                                    copy + QString::fromLatin1(suffix)));
        }
        const SecureBuffer key = store::KeyFileSource(m_demo.path(u"keys/vault-db.key"_s)).load().value();
        const test::RunResult dump = test::sqlcipherShell(copy, key, ".dump\n");
        QCOMPARE(dump.exitCode, 0);
        QVERIFY(dump.out.contains("CREATE TABLE entries"));
        QVERIFY(dump.out.contains("alice")); // the dump is real: sign-in names are not secret
        QStringList secrets{kTitle,
                            kHost,
                            kUser,
                            kSecret,
                            m_demo.user(u"alice"_s).password,
                            u"carol-password-1"_s,
                            u"bobs-new-password-2"_s};
        secrets += m_codes;
        for (const QString &c : std::as_const(m_codes))
            secrets << QString(c).remove(u'-');
        for (const QString &s : std::as_const(secrets))
            QVERIFY2(!dump.out.contains(s.toUtf8()), qPrintable(s.left(4)));
        // Without the key it is not a database at all.
        const test::RunResult locked = test::sqlcipherShell(copy, {}, "SELECT count(*) FROM entries;\n");
        QVERIFY(locked.exitCode != 0 || !locked.err.isEmpty());
    }

    void theLogsHoldNoSecret()
    {
        QVERIFY(m_demo.vault().stop());
        QVERIFY(m_demo.keyserver().stop());
        QList<QByteArray> secrets = m_demo.keyMaterial();
        for (const QString &s :
             {kTitle, kHost, kUser, kSecret, m_demo.user(u"alice"_s).password, m_demo.user(u"sam"_s).password,
              u"carol-password-1"_s, u"bobs-new-password-2"_s, u"smtp-pw-91x"_s})
            secrets << s.toUtf8();
        for (const QString &c : std::as_const(m_codes))
            secrets << c.toLatin1();
        for (const QString &t : std::as_const(m_tokens))
            secrets << t.toLatin1();
        QVERIFY(!m_demo.vault().log().isEmpty());
        QCOMPARE(m_demo.vault().leakIn(secrets), QByteArray());
        QCOMPARE(m_demo.keyserver().leakIn(secrets), QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestVaultServer)
#include "TestVaultServer.moc"
