// credvault-keyserver for real: its three listeners with certificates from our PKI, a
// real SMTP server (aiosmtpd, STARTTLS and AUTH) whose delivered mails the test reads
// codes from, entries sealed by the core and opened through the keyserver's sessions.
#include "crypto/AuditSignature.h"
#include "crypto/CodeBox.h"
#include "crypto/DecapBox.h"
#include "crypto/EntryEnvelope.h"
#include "crypto/KeyFile.h"
#include "crypto/UnlockCode.h"
#include "protocol/Base64Url.h"
#include "store/KeySource.h"

#include "support/Executables.h"
#include "support/HttpsClient.h"
#include "support/SmtpServer.h"
#include "support/TempDir.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <csignal>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject object(const test::HttpReply &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QString errorCode(const test::HttpReply &r)
{
    return object(r).value(u"error"_s).toObject().value(u"code"_s).toString();
}

} // namespace

class TestKeyserver : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_pki;
    test::SmtpServer m_smtp;
    QProcess m_server;
    QHash<QString, quint16> m_ports;
    QByteArray m_log;

    // Never kill(0, …): with no server process that would signal the whole process group.
    bool signalServer(int sig)
    {
        const qint64 pid = m_server.processId();
        return pid > 0 && m_server.state() == QProcess::Running && ::kill(pid_t(pid), sig) == 0;
    }
    crypto::X25519PublicKey m_redeemPublic{};
    AuditKeyPublic m_auditPublic{};
    QUuid m_alice = QUuid::createUuid();
    QStringList m_secretsSeen; // every code and session id used: none may reach the log

    QString pki(const QString &f) const { return m_pki + u'/' + f; }

    test::HttpReply call(const QString &listener, const QByteArray &method, const QByteArray &path,
                         const QByteArray &body = {}, const QByteArray &headers = {}, const QString &cert = {})
    {
        QString c = cert;
        if (c.isEmpty())
            c = listener == u"services"_s ? u"vault"_s : listener == u"staff"_s ? u"sam"_s : QString();
        test::HttpsConnection conn;
        if (!conn.open(m_ports[listener], pki(u"root.pem"_s), c.isEmpty() ? QString() : pki(c + u".pem"_s),
                       c.isEmpty() ? QString() : pki(c + u".key"_s)))
            return {};
        return conn.request(method, path, body, headers);
    }

    QString accountPath(const QString &suffix = {}) const
    {
        return u"/v1/accounts/"_s + m_alice.toString(QUuid::WithoutBraces) + suffix;
    }

    QString staffPath(const QString &suffix = {}) const
    {
        return u"/v1/staff/accounts/"_s + m_alice.toString(QUuid::WithoutBraces) + suffix;
    }

    // Asks for a code and reads it from the delivered mail.
    QString requestCode()
    {
        const auto before = m_smtp.messages().size();
        const test::HttpReply r = call(u"services"_s, "POST", accountPath(u"/unlock-codes"_s).toUtf8());
        if (r.status != 200) {
            qWarning("code request: %d %s", r.status, r.body.constData());
            return {};
        }
        QList<QByteArray> mails;
        for (int i = 0; i < 100 && (mails = m_smtp.messages()).size() <= before; ++i)
            QTest::qWait(50);
        const QRegularExpressionMatch m =
            QRegularExpression(u"([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})"_s).match(QString::fromUtf8(mails.last()));
        m_secretsSeen << m.captured(1);
        return m.captured(1);
    }

    test::HttpReply redeem(const QString &code, const crypto::X25519PrivateKey &session,
                           const crypto::X25519PublicKey *claimed = nullptr)
    {
        const QByteArray box =
            CodeBox::seal(m_redeemPublic, m_alice, session.publicKey(), UnlockCode::parse(code).value().normalized())
                .value();
        const crypto::X25519PublicKey sessionKey = claimed ? *claimed : session.publicKey();
        return call(u"public"_s, "POST", "/v1/unlock-sessions",
                    json({{u"account_id"_s, m_alice.toString(QUuid::WithoutBraces)},
                          {u"code_box"_s, QString::fromLatin1(toBase64Url(box))},
                          {u"session_public_key"_s, QString::fromLatin1(toBase64Url(crypto::bytesView(sessionKey)))}}));
    }

    void collectLog() { m_log += m_server.readAllStandardError(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_pki = m_dir.filePath(u"pki"_s);
        const auto cli = [](const QStringList &args) {
            const test::RunResult r = test::run(test::binary(u"credvault-cli"_s), args);
            QVERIFY2(r.exitCode == 0, r.err.constData());
        };
        cli({u"pki"_s, u"init"_s, u"--dir"_s, m_pki});
        cli({u"pki"_s, u"issue"_s, u"--dir"_s, m_pki, u"--role"_s, u"server"_s, u"--name"_s, u"ks"_s, u"--san"_s,
             u"IP:127.0.0.1"_s});
        cli({u"pki"_s, u"issue"_s, u"--dir"_s, m_pki, u"--role"_s, u"service"_s, u"--name"_s, u"vault"_s});
        cli({u"pki"_s, u"issue"_s, u"--dir"_s, m_pki, u"--role"_s, u"staff"_s, u"--name"_s, u"sam"_s, u"--staff-role"_s,
             u"admin"_s});
        cli({u"pki"_s, u"issue"_s, u"--dir"_s, m_pki, u"--role"_s, u"staff"_s, u"--name"_s, u"sue"_s, u"--staff-role"_s,
             u"support"_s});
        cli({u"keygen"_s, u"--out"_s, m_dir.filePath(u"redeem.pem"_s), u"--public-out"_s,
             m_dir.filePath(u"redeem.pub"_s)});
        QCOMPARE(test::run(u"openssl"_s,
                           {u"genpkey"_s, u"-algorithm"_s, u"ED25519"_s, u"-out"_s, m_dir.filePath(u"audit.pem"_s)})
                     .exitCode,
                 0);
        QFile::setPermissions(m_dir.filePath(u"audit.pem"_s), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        m_redeemPublic = KeyFile::loadPublic(m_dir.filePath(u"redeem.pub"_s)).value();
        QFile auditPem(m_dir.filePath(u"audit.pem"_s));
        QVERIFY(auditPem.open(QIODevice::ReadOnly));
        m_auditPublic = AuditSigner::fromPem(auditPem.readAll()).value().publicKey();
        QVERIFY(store::writeKeyFile(m_dir.filePath(u"db.key"_s), store::generateKey()).ok());
        QVERIFY(store::writeKeyFile(m_dir.filePath(u"master.key"_s), store::generateKey()).ok());
        test::writeFile(m_dir.path(), u"smtp.pass"_s, "smtp-s3cret\n");

        QVERIFY(m_smtp.start(m_dir.filePath(u"maildir"_s), pki(u"ks-chain.pem"_s), pki(u"ks.key"_s), u"credvault"_s,
                             u"smtp-s3cret"_s));
        QByteArray conf =
            "[database]\npath = keyserver.db\nkey_file = db.key\n"
            "[keys]\nmaster_key_file = master.key\nredeem_key = redeem.pem\naudit_key = audit.pem\n"
            "[codes]\nmax_failures = 5\n[email]\nchange_delay = 0s\n"
            "[mail]\nfrom = keys@example.net\nsmtp_host = 127.0.0.1\nsmtp_port = " +
            QByteArray::number(m_smtp.port()) +
            "\nsmtp_tls = starttls\nsmtp_user = credvault\nsmtp_password_file = smtp.pass\nsmtp_ca = pki/root.pem\n";
        for (const char *l : {"public", "services", "staff"}) {
            conf += "[listener." + QByteArray(l) +
                    "]\naddress = 127.0.0.1\nport = 0\ncertificate = pki/ks-chain.pem\nprivate_key = pki/ks.key\n";
            if (qstrcmp(l, "services") == 0)
                conf += "client_ca = pki/services-ca.pem\ncrl = pki/services-ca.crl\n";
            if (qstrcmp(l, "staff") == 0)
                conf += "client_ca = pki/staff-ca.pem\ncrl = pki/staff-ca.crl\n";
        }
        const QString config = test::writeFile(m_dir.path(), u"keyserver.conf"_s, conf);
        m_server.start(test::binary(u"credvault-keyserver"_s), {u"--config"_s, config});
        QVERIFY(m_server.waitForStarted());
        QByteArray out;
        while (out.count('\n') < 3 && m_server.waitForReadyRead(15000))
            out += m_server.readAllStandardOutput();
        QVERIFY2(out.count('\n') == 3, (out + m_server.readAllStandardError()).constData());
        for (const QByteArray &line : out.trimmed().split('\n')) {
            const QByteArray name = line.mid(line.lastIndexOf('(') + 1).chopped(1);
            m_ports.insert(QString::fromLatin1(name), quint16(line.mid(31, line.indexOf(' ', 31) - 31).toUInt()));
        }
        QVERIFY2(m_ports.size() == 3, (out + m_server.readAllStandardError()).constData());
    }

    void createsAnAccountOnce()
    {
        const auto mailsBefore = m_smtp.messages().size();
        const QByteArray body = json({{u"email"_s, u"alice@example.com"_s}});
        test::HttpReply r = call(u"services"_s, "PUT", accountPath().toUtf8(), body);
        QCOMPARE(r.status, 201);
        const QJsonObject shape = object(r);
        QCOMPARE(shape.value(u"unlock_state"_s).toString(), u"email"_s);
        QCOMPARE(shape.value(u"unlock_email_masked"_s).toString(), u"a***e@example.com"_s);
        const QByteArray pub = fromBase64Url(shape.value(u"public_key"_s).toString().toLatin1()).value();
        QCOMPARE(fromBase64Url(shape.value(u"key_id"_s).toString().toLatin1()).value(),
                 crypto::bytesView(keyIdOf(crypto::x25519PublicKeyFrom(pub).value())).toByteArray());
        // Again: the same key, and the e-mail given now does not count.
        r = call(u"services"_s, "PUT", accountPath().toUtf8(), json({{u"email"_s, u"mallory@example.com"_s}}));
        QCOMPARE(r.status, 200);
        QCOMPARE(object(r).value(u"public_key"_s), shape.value(u"public_key"_s));
        QCOMPARE(object(r).value(u"unlock_email_masked"_s).toString(), u"a***e@example.com"_s);
        // The public listener gives the same shape.
        r = call(u"public"_s, "GET", accountPath(u"/public-key"_s).toUtf8());
        QCOMPARE(r.status, 200);
        QCOMPARE(object(r), shape);
        // "Your vault was created" went to alice.
        QTRY_VERIFY_WITH_TIMEOUT(m_smtp.messages().size() > mailsBefore, 5000);
        QVERIFY(m_smtp.messages().last().contains("vault was created"));
        QVERIFY(m_smtp.messages().last().contains("To: <alice@example.com>"));
    }

    void unlockWithAMailedCodeAndOpenEntries()
    {
        // Three entries sealed by the core to the account's key, as an app would.
        const QByteArray pub = fromBase64Url(object(call(u"public"_s, "GET", accountPath(u"/public-key"_s).toUtf8()))
                                                 .value(u"public_key"_s)
                                                 .toString()
                                                 .toLatin1())
                                   .value();
        const crypto::X25519PublicKey accountKey = crypto::x25519PublicKeyFrom(pub).value();
        QList<QUuid> ids;
        QList<QByteArray> envelopes;
        QJsonArray encs;
        for (int i = 0; i < 3; ++i) {
            ids << QUuid::createUuid();
            envelopes << EntryEnvelope::seal(accountKey, m_alice, ids[i],
                                             u"{\"title\":\"server %1\"}"_s.arg(i).toUtf8())
                             .value();
            encs.append(QString::fromLatin1(toBase64Url(envelopes[i].mid(17, 32))));
        }
        encs.append(QString::fromLatin1(toBase64Url(QByteArray(32, '\0')))); // a low-order enc: index 3 fails

        const QString code = requestCode();
        QVERIFY(!code.isEmpty());
        const crypto::X25519PrivateKey session = crypto::X25519PrivateKey::generate();
        test::HttpReply r = redeem(code, session);
        QCOMPARE(r.status, 201);
        const QString sessionId = object(r).value(u"session_id"_s).toString();
        m_secretsSeen << sessionId;
        QCOMPARE(fromBase64Url(sessionId.toLatin1())->size(), 32);

        r = call(u"public"_s, "POST", "/v1/unlock-session/decapsulate", json({{u"encs"_s, encs}}),
                 "Authorization: Session " + sessionId.toLatin1() + "\r\n");
        QCOMPARE(r.status, 200);
        QCOMPARE(object(r).value(u"failed"_s).toArray(), QJsonArray{3});
        QByteArray allEncs;
        for (const QJsonValue &e : encs)
            allEncs += fromBase64Url(e.toString().toLatin1()).value();
        Result<SecureBuffer> secrets =
            DecapBox::open(session, allEncs, fromBase64Url(object(r).value(u"sealed"_s).toString().toLatin1()).value());
        QVERIFY(secrets.ok());
        for (int i = 0; i < 3; ++i) {
            Result<SecureBuffer> pt = EntryEnvelope::openWithSharedSecret(
                secrets->view().sliced(i * 32, 32), keyIdOf(accountKey), m_alice, ids[i], envelopes[i]);
            QVERIFY(pt.ok());
            QCOMPARE(pt->view(), QByteArrayView(u"{\"title\":\"server %1\"}"_s.arg(i).toUtf8()));
        }
        // The code was single use.
        QCOMPARE(errorCode(redeem(code, crypto::X25519PrivateKey::generate())), u"no_code"_s);
        // Lock: the session ends, and decapsulation with it is refused.
        r = call(u"public"_s, "DELETE", "/v1/unlock-session", {},
                 "Authorization: Session " + sessionId.toLatin1() + "\r\n");
        QCOMPARE(r.status, 200);
        r = call(u"public"_s, "POST", "/v1/unlock-session/decapsulate", json({{u"encs"_s, encs}}),
                 "Authorization: Session " + sessionId.toLatin1() + "\r\n");
        QCOMPARE(r.status, 401);
        QCOMPARE(errorCode(r), u"session_ended"_s);
    }

    void aRelaySwappingTheSessionKeyGetsNothing()
    {
        const QString code = requestCode();
        const crypto::X25519PrivateKey app = crypto::X25519PrivateKey::generate();
        const crypto::X25519PrivateKey relay = crypto::X25519PrivateKey::generate();
        const crypto::X25519PublicKey relayKey = relay.publicKey();
        test::HttpReply r = redeem(code, app, &relayKey); // box made for the app's key, relay's key claimed
        QCOMPARE(r.status, 403);
        QCOMPARE(errorCode(r), u"wrong_code"_s);
        QCOMPARE(object(r).value(u"error"_s).toObject().value(u"details"_s).toObject().value(u"tries_left"_s).toInt(),
                 4);
        QCOMPARE(redeem(code, app).status, 201); // the app itself still can
    }

    void wrongCodesCountAndBlock()
    {
        const QString code = requestCode();
        const crypto::X25519PrivateKey s = crypto::X25519PrivateKey::generate();
        for (int left = 4; left >= 1; --left) {
            const test::HttpReply r = redeem(u"0000-0000-0000"_s, s);
            QCOMPARE(r.status, 403);
            QCOMPARE(
                object(r).value(u"error"_s).toObject().value(u"details"_s).toObject().value(u"tries_left"_s).toInt(),
                left);
        }
        test::HttpReply r = redeem(u"0000-0000-0000"_s, s);
        QCOMPARE(r.status, 429);
        QCOMPARE(errorCode(r), u"blocked"_s);
        QVERIFY(
            object(r).value(u"error"_s).toObject().value(u"details"_s).toObject().value(u"retry_after_s"_s).toInt() >
            800);
        // Blocked: even the right code is refused now, and no new code is sent.
        r = redeem(code, s);
        QCOMPARE(r.status, 429);
        r = call(u"services"_s, "POST", accountPath(u"/unlock-codes"_s).toUtf8());
        QCOMPARE(r.status, 429);
        QCOMPARE(errorCode(r), u"blocked"_s);
    }

    void staffUnlockSendsANoticeAndNoCode()
    {
        const auto before = m_smtp.messages().size();
        const crypto::X25519PrivateKey session = crypto::X25519PrivateKey::generate();
        const QByteArray body =
            json({{u"reason"_s, u"Customer asked us to fix the mail server"_s},
                  {u"ticket"_s, u"T-4711"_s},
                  {u"session_public_key"_s, QString::fromLatin1(toBase64Url(crypto::bytesView(session.publicKey())))}});
        test::HttpReply r = call(u"staff"_s, "POST", staffPath(u"/unlock-sessions"_s).toUtf8(), body);
        QCOMPARE(r.status, 201);
        m_secretsSeen << object(r).value(u"session_id"_s).toString();
        QTRY_VERIFY_WITH_TIMEOUT(m_smtp.messages().size() > before, 5000);
        const QByteArray notice = m_smtp.messages().last();
        QVERIFY(notice.contains("To: <alice@example.com>"));
        QVERIFY(notice.contains("Engineer: sam"));
        QVERIFY(notice.contains("Ticket:   T-4711"));
        QVERIFY(notice.contains("Customer asked us to fix the mail server"));
        QVERIFY(
            !QRegularExpression(u"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"_s).match(QString::fromUtf8(notice)).hasMatch());
        // Reason and ticket are required.
        r = call(u"staff"_s, "POST", staffPath(u"/unlock-sessions"_s).toUtf8(),
                 json({{u"reason"_s, u""_s},
                       {u"ticket"_s, u"T"_s},
                       {u"session_public_key"_s,
                        QString::fromLatin1(toBase64Url(crypto::bytesView(session.publicKey())))}}));
        QCOMPARE(r.status, 400);
        // The staff view shows the addresses in full.
        r = call(u"staff"_s, "GET", staffPath().toUtf8());
        QCOMPARE(r.status, 200);
        QCOMPARE(object(r).value(u"unlock_email"_s).toString(), u"alice@example.com"_s);
        QCOMPARE(object(r).value(u"notice_email"_s).toString(), u"alice@example.com"_s);
    }

    void auditHasEveryStepAndASignedHead()
    {
        const test::HttpReply r = call(u"services"_s, "GET", accountPath(u"/audit"_s).toUtf8());
        QCOMPARE(r.status, 200);
        QStringList actions;
        for (const QJsonValue &v : object(r).value(u"items"_s).toArray())
            actions << v.toObject().value(u"action"_s).toString();
        for (const QString &a : {u"account_created"_s, u"code_issued"_s, u"unlock"_s, u"decapsulated"_s, u"locked"_s,
                                 u"redeem_failed"_s, u"redeem_blocked"_s, u"staff_unlock"_s})
            QVERIFY2(actions.contains(a), qPrintable(a + u" missing from "_s + actions.join(u", "_s)));
        const QJsonObject head = object(r).value(u"head"_s).toObject();
        const QByteArray hash = QByteArray::fromHex(head.value(u"hash"_s).toString().toLatin1());
        const QByteArray sig = fromBase64Url(head.value(u"signature"_s).toString().toLatin1()).value();
        QVERIFY(verifyAuditHead(m_auditPublic, head.value(u"count"_s).toInteger(), hash, sig));
        QVERIFY(!verifyAuditHead(m_auditPublic, head.value(u"count"_s).toInteger() - 1, hash, sig));
    }

    void wrongCertificatesAndBadInput()
    {
        // The staff listener refuses the service certificate and the other way round.
        QCOMPARE(call(u"services"_s, "GET", accountPath(u"/audit"_s).toUtf8(), {}, {}, u"sam"_s).status, 0);
        QCOMPARE(call(u"staff"_s, "GET", staffPath().toUtf8(), {}, {}, u"vault"_s).status, 0);
        // Routes live on their own listener only.
        QCOMPARE(call(u"public"_s, "PUT", accountPath().toUtf8(), json({{u"email"_s, u"x@example.com"_s}})).status,
                 404);
        // Only an admin changes the unlock address.
        QCOMPARE(errorCode(call(u"staff"_s, "PUT", staffPath(u"/unlock-email"_s).toUtf8(),
                                json({{u"email"_s, u"new@example.com"_s}, {u"verification"_s, u"ID checked"_s}}), {},
                                u"sue"_s)),
                 u"admin_only"_s);
        // Malformed bodies: 400, nothing changed.
        QCOMPARE(call(u"public"_s, "POST", "/v1/unlock-sessions", "{not json").status, 400);
        QCOMPARE(call(u"public"_s, "POST", "/v1/unlock-sessions", json({{u"account_id"_s, 5}})).status, 400);
        QCOMPARE(call(u"services"_s, "PUT", accountPath().toUtf8(), json({{u"email"_s, u"no address"_s}})).status, 400);
        QCOMPARE(call(u"public"_s, "POST", "/v1/unlock-session/decapsulate", json({{u"encs"_s, QJsonArray{}}}),
                      "Authorization: Session AAAA\r\n")
                     .status,
                 401);
        QCOMPARE(call(u"public"_s, "GET", "/v1/accounts/0f8fad5b-d9cb-469f-a165-70867728950e/public-key").status, 404);
    }

    void writeOnlyAfterTheEmailIsRemoved()
    {
        // change_delay = 0s in this configuration: the change is due at once.
        test::HttpReply r =
            call(u"staff"_s, "PUT", staffPath(u"/unlock-email"_s).toUtf8(),
                 json({{u"email"_s, QJsonValue::Null}, {u"verification"_s, u"Customer asked in ticket T-9"_s}}));
        QCOMPARE(r.status, 202);
        r = call(u"services"_s, "POST", accountPath(u"/unlock-codes"_s).toUtf8());
        QCOMPARE(r.status, 409);
        QCOMPARE(errorCode(r), u"write_only"_s);
        QCOMPARE(object(call(u"public"_s, "GET", accountPath(u"/public-key"_s).toUtf8()))
                     .value(u"unlock_state"_s)
                     .toString(),
                 u"none"_s);
    }

    void smtpDownLeavesNoCode()
    {
        // A second account, with an address; then the mail server goes away.
        const QUuid bob = QUuid::createUuid();
        QCOMPARE(call(u"services"_s, "PUT", (u"/v1/accounts/"_s + bob.toString(QUuid::WithoutBraces)).toUtf8(),
                      json({{u"email"_s, u"bob@example.com"_s}}))
                     .status,
                 201);
        m_smtp.stop();
        const test::HttpReply r =
            call(u"services"_s, "POST",
                 (u"/v1/accounts/"_s + bob.toString(QUuid::WithoutBraces) + u"/unlock-codes"_s).toUtf8());
        QCOMPARE(r.status, 502);
        QCOMPARE(errorCode(r), u"mail_failed"_s);
        // No live code stayed behind.
        const crypto::X25519PrivateKey s = crypto::X25519PrivateKey::generate();
        const QByteArray box =
            CodeBox::seal(m_redeemPublic, bob, s.publicKey(), UnlockCode::generate().normalized()).value();
        const test::HttpReply redeemed =
            call(u"public"_s, "POST", "/v1/unlock-sessions",
                 json({{u"account_id"_s, bob.toString(QUuid::WithoutBraces)},
                       {u"code_box"_s, QString::fromLatin1(toBase64Url(box))},
                       {u"session_public_key"_s, QString::fromLatin1(toBase64Url(crypto::bytesView(s.publicKey())))}}));
        QCOMPARE(errorCode(redeemed), u"no_code"_s);
    }

    void logsHoldNoCodeOrSessionId()
    {
        QTest::qWait(200);
        collectLog();
        QVERIFY(m_log.contains("public POST /v1/unlock-sessions"));
        QVERIFY(!m_secretsSeen.isEmpty());
        for (const QString &secret : std::as_const(m_secretsSeen)) {
            QVERIFY(!secret.isEmpty());
            QVERIFY2(!m_log.contains(secret.toLatin1()), "a code or session id reached the log");
            QVERIFY(!m_log.contains(UnlockCode::parse(secret).ok()
                                        ? UnlockCode::parse(secret)->normalized().view().toByteArray()
                                        : "\x01"));
        }
        QVERIFY(!m_log.contains("smtp-s3cret"));
    }

    void cleanupTestCase()
    {
        signalServer(SIGTERM);
        QVERIFY(m_server.waitForFinished(10000));
        QCOMPARE(m_server.exitCode(), 0);
        m_smtp.stop();
    }
};

QTEST_GUILESS_MAIN(TestKeyserver)
#include "TestKeyserver.moc"
