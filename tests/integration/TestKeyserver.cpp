// credvault-keyserver for real: its three listeners with certificates from our PKI, a
// real SMTP server (aiosmtpd, STARTTLS and AUTH) whose delivered mails the test reads
// codes from, entries sealed by the core and opened through the keyserver's sessions.
#include "crypto/AuditSignature.h"
#include "crypto/CodeBox.h"
#include "crypto/DecapBox.h"
#include "crypto/EntryEnvelope.h"
#include "crypto/KeyFile.h"
#include "crypto/UnlockCode.h"
#include "keyserver/MasterKey.h"
#include "protocol/Base64Url.h"
#include "store/KeySource.h"
#include "store/keyserver/SqlCipherKeyserverStore.h"

#include "support/KeyserverFixture.h"
#include "support/SmtpServer.h"
#include "support/SourceRoutes.h"
#include "support/SqlcipherShell.h"
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

using test::errorCode;
using test::json;
using test::object;

class TestKeyserver : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    test::KeyserverFixture m_ks;
    test::SmtpServer m_smtp;
    crypto::X25519PublicKey m_redeemPublic{};
    AuditKeyPublic m_auditPublic{};
    QUuid m_alice = QUuid::createUuid();
    QStringList m_secretsSeen; // every code and session id used: none may reach the log

    QString pki(const QString &f) const { return f.isEmpty() ? m_ks.pki(f).chopped(1) : m_ks.pki(f); }
    qint64 m_auditCount = 0;
    QByteArray m_lastCodeAnswer; // what the vault server gets back for a code request

    test::HttpReply call(const QString &listener, const QByteArray &method, const QByteArray &path,
                         const QByteArray &body = {}, const QByteArray &headers = {}, const QString &cert = {})
    {
        return m_ks.call(listener, method, path, body, headers, cert);
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
        m_lastCodeAnswer = r.body;
        if (r.status != 200) {
            qWarning("code request: %d %s", r.status, r.body.constData());
            return {};
        }
        QList<QByteArray> mails;
        for (int i = 0; i < 100 && (mails = m_smtp.messages()).size() <= before; ++i)
            QTest::qWait(50);
        const QString code = test::unlockCodeIn(mails.last());
        m_secretsSeen << code;
        return code;
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

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString prepared = m_ks.prepare(m_dir.path());
        QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
        m_redeemPublic = m_ks.redeemPublic();
        m_auditPublic = m_ks.auditPublic();
        test::writeFile(m_dir.path(), u"smtp.pass"_s, "smtp-s3cret\n");
        // Certificates revoked before the start (gone: staff, vgone: service), and rita,
        // revoked while the keyserver runs.
        const auto cli = [](const QStringList &args) {
            const test::RunResult r = test::run(test::binary(u"credvault-cli"_s), args);
            QVERIFY2(r.exitCode == 0, r.err.constData());
        };
        for (const QString &name : {u"gone"_s, u"rita"_s})
            cli({u"pki"_s, u"issue"_s, u"--dir"_s, pki({}), u"--role"_s, u"staff"_s, u"--name"_s, name,
                 u"--staff-role"_s, u"admin"_s});
        cli({u"pki"_s, u"issue"_s, u"--dir"_s, pki({}), u"--role"_s, u"service"_s, u"--name"_s, u"vgone"_s});
        for (const QString &name : {u"gone"_s, u"vgone"_s})
            cli({u"pki"_s, u"revoke"_s, u"--dir"_s, pki({}), u"--cert"_s, pki(name + u".pem"_s)});
        QVERIFY(m_smtp.start(m_dir.filePath(u"maildir"_s), pki(u"ks-chain.pem"_s), pki(u"ks.key"_s), u"credvault"_s,
                             u"smtp-s3cret"_s));
        m_ks.writeConfig("[codes]\nmax_failures = 5\n[email]\nchange_delay = 0s\n"
                         "[mail]\nfrom = keys@example.net\nsmtp_host = 127.0.0.1\nsmtp_port = " +
                         QByteArray::number(m_smtp.port()) +
                         "\nsmtp_tls = starttls\nsmtp_user = credvault\nsmtp_password_file = smtp.pass\n"
                         "smtp_ca = pki/root.pem\n");
        const QString started = m_ks.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
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
        // The vault server learns where the code went and until when, never the code.
        QVERIFY(m_lastCodeAnswer.contains("\"sent_to_masked\":\"a***e@example.com\""));
        QVERIFY(!m_lastCodeAnswer.contains(code.toLatin1()));
        QVERIFY(!m_lastCodeAnswer.contains(UnlockCode::parse(code)->normalized().view().toByteArray()));
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
        QVERIFY(!test::holdsCodeShapedText(notice));
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

    void batchLimitsWrongTypesAndOversizedBodies()
    {
        const crypto::X25519PrivateKey session = crypto::X25519PrivateKey::generate();
        test::HttpReply r = call(u"staff"_s, "POST", staffPath(u"/unlock-sessions"_s).toUtf8(),
                                 json({{u"reason"_s, u"Batch limits"_s},
                                       {u"ticket"_s, u"T-10000"_s},
                                       {u"session_public_key"_s,
                                        QString::fromLatin1(toBase64Url(crypto::bytesView(session.publicKey())))}}));
        QCOMPARE(r.status, 201);
        const QString sessionId = object(r).value(u"session_id"_s).toString();
        m_secretsSeen << sessionId;
        const QByteArray auth = "Authorization: Session " + sessionId.toLatin1() + "\r\n";
        QJsonArray encs;
        const QString enc = QString::fromLatin1(toBase64Url(crypto::bytesView(session.publicKey())));
        for (int i = 0; i < 10000; ++i)
            encs.append(enc);
        // 10,000 encs is the most one request may carry, and they are all decapsulated.
        r = call(u"public"_s, "POST", "/v1/unlock-session/decapsulate", json({{u"encs"_s, encs}}), auth);
        QCOMPARE(r.status, 200);
        QVERIFY(object(r).value(u"failed"_s).toArray().isEmpty());
        encs.append(enc);
        r = call(u"public"_s, "POST", "/v1/unlock-session/decapsulate", json({{u"encs"_s, encs}}), auth);
        QCOMPARE(r.status, 413);
        QCOMPARE(errorCode(r), u"too_many_encs"_s);
        // Wrong types.
        for (const QJsonValue &bad : {QJsonValue(u"AAAA"_s), QJsonValue(QJsonArray{1, 2}), QJsonValue(QJsonArray{})})
            QCOMPARE(call(u"public"_s, "POST", "/v1/unlock-session/decapsulate", json({{u"encs"_s, bad}}), auth).status,
                     400);
        QCOMPARE(call(u"services"_s, "PUT", accountPath().toUtf8(), json({{u"email"_s, 42}})).status, 400);
        QCOMPARE(call(u"staff"_s, "POST", staffPath(u"/unlock-sessions"_s).toUtf8(),
                      json({{u"reason"_s, 1}, {u"ticket"_s, u"T"_s}, {u"session_public_key"_s, enc}}))
                     .status,
                 400);
        // A body over 1 MiB is refused before it is read.
        r = call(u"public"_s, "POST", "/v1/unlock-sessions", QByteArray(1024 * 1024 + 1, ' '));
        QCOMPARE(r.status, 413);
        // None of it changed the account: same unlock address, no pending change.
        r = call(u"staff"_s, "GET", staffPath().toUtf8());
        QCOMPARE(object(r).value(u"unlock_email"_s).toString(), u"alice@example.com"_s);
        QVERIFY(object(r).value(u"pending_change"_s).isNull());
        QCOMPARE(call(u"public"_s, "DELETE", "/v1/unlock-session", {}, auth).status, 200);
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
        m_auditCount = head.value(u"count"_s).toInteger();
        QVERIFY(!verifyAuditHead(m_auditPublic, head.value(u"count"_s).toInteger() - 1, hash, sig));
    }

    // Every route the keyserver registers, read from its source, with the listener it is on
    // (health is the service library's, on every listener).
    QList<std::tuple<QString, QByteArray, QByteArray>> keyserverRoutes() const
    {
        const QHash<QString, QString> listenerOf{
            {u"pub"_s, u"public"_s}, {u"svc"_s, u"services"_s}, {u"staff"_s, u"staff"_s}};
        QList<std::tuple<QString, QByteArray, QByteArray>> out;
        for (const test::SourceRoute &r : test::routesInSource(u"server/keyserver/Keyserver.cpp"_s))
            out.append({listenerOf.value(r.router, u"unknown router "_s + r.router), r.method,
                        r.pathWith(m_alice.toString(QUuid::WithoutBraces)).toUtf8()});
        for (const QString &l : {u"public"_s, u"services"_s, u"staff"_s})
            out.append({l, "GET", "/v1/health"});
        return out;
    }

    void routesAreReadFromTheSource()
    {
        const auto routes = keyserverRoutes();
        int perListener[3] = {};
        for (const auto &[listener, method, path] : routes) {
            QVERIFY2(listener == u"public"_s || listener == u"services"_s || listener == u"staff"_s,
                     qPrintable(listener));
            ++perListener[listener == u"public"_s ? 0 : listener == u"services"_s ? 1 : 2];
        }
        // Public: public key, redeem, decapsulate, lock. Services: create, codes, audit,
        // delete. Staff: view, unlock, e-mail change and its cancel, audit. Plus health.
        QCOMPARE(perListener[0], 5);
        QCOMPARE(perListener[1], 5);
        QCOMPARE(perListener[2], 6);
    }

    void everyRouteRefusesWrongCertificates_data()
    {
        QTest::addColumn<QString>("listener");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QString>("cert");
        // None; the other role's; a server certificate; one revoked by its CA.
        const QHash<QString, QStringList> wrong{
            {u"services"_s, {u"-"_s, u"sam"_s, u"sue"_s, u"ks"_s, u"vgone"_s}},
            {u"staff"_s, {u"-"_s, u"vault"_s, u"ks"_s, u"gone"_s}},
        };
        for (const auto &[listener, method, path] : keyserverRoutes()) {
            for (const QString &cert : wrong.value(listener))
                QTest::addRow("%s %s %s as %s", qPrintable(listener), method.constData(), path.constData(),
                              qPrintable(cert))
                    << listener << method << path << cert;
        }
    }

    void everyRouteRefusesWrongCertificates()
    {
        QFETCH(QString, listener);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QString, cert);
        const QByteArray body = method == "PUT" || method == "POST"
                                    ? json({{u"email"_s, u"mallory@example.com"_s}, {u"verification"_s, u"x"_s}})
                                    : QByteArray();
        QCOMPARE(call(listener, method, path, body, {}, cert).status, 0); // refused at TLS, before any route
    }

    void refusedCallsChangedNothing()
    {
        const test::HttpReply r = call(u"staff"_s, "GET", staffPath().toUtf8());
        QCOMPARE(r.status, 200);
        QCOMPARE(object(r).value(u"unlock_email"_s).toString(), u"alice@example.com"_s);
        QVERIFY(object(r).value(u"pending_change"_s).isNull());
        const test::HttpReply audit = call(u"services"_s, "GET", accountPath(u"/audit"_s).toUtf8());
        QCOMPARE(object(audit).value(u"head"_s).toObject().value(u"count"_s).toInteger(), m_auditCount);
    }

    void routesLiveOnTheirListenerOnly_data()
    {
        QTest::addColumn<QString>("listener");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        // Every route called on each listener it is not on (with that listener's own
        // certificate): not found there.
        for (const auto &[home, method, path] : keyserverRoutes()) {
            if (path == "/v1/health")
                continue;
            for (const QString &l : {u"public"_s, u"services"_s, u"staff"_s})
                if (l != home)
                    QTest::addRow("%s %s (%s) on %s", method.constData(), path.constData(), qPrintable(home),
                                  qPrintable(l))
                        << l << method << path;
        }
    }

    void routesLiveOnTheirListenerOnly()
    {
        QFETCH(QString, listener);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        const int status = call(listener, method, path, "{}").status;
        // 405 where the path exists there with another method.
        QVERIFY2(status == 404 || status == 405, qPrintable(QString::number(status)));
    }

    void aStaffCertificateRevokedWhileRunning()
    {
        QCOMPARE(call(u"staff"_s, "GET", staffPath().toUtf8(), {}, {}, u"rita"_s).status, 200);
        const test::RunResult r =
            test::run(test::binary(u"credvault-cli"_s),
                      {u"pki"_s, u"revoke"_s, u"--dir"_s, pki({}), u"--cert"_s, pki(u"rita.pem"_s)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(m_ks.sendSignal(SIGHUP));
        QTRY_VERIFY_WITH_TIMEOUT((m_ks.collectLog(), m_ks.log().contains("reloaded certificates and CRLs")), 5000);
        QCOMPARE(call(u"staff"_s, "GET", staffPath().toUtf8(), {}, {}, u"rita"_s).status, 0);
        QCOMPARE(call(u"staff"_s, "GET", staffPath().toUtf8(), {}, {}, u"sam"_s).status, 200);
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

        // A staff unlock whose notice cannot be sent opens nothing: the customer must be told.
        const crypto::X25519PrivateKey key = crypto::X25519PrivateKey::generate();
        const test::HttpReply staff = call(
            u"staff"_s, "POST", staffPath(u"/unlock-sessions"_s).toUtf8(),
            json({{u"reason"_s, u"Mail server is down too"_s},
                  {u"ticket"_s, u"T-5000"_s},
                  {u"session_public_key"_s, QString::fromLatin1(toBase64Url(crypto::bytesView(key.publicKey())))}}));
        QCOMPARE(staff.status, 502);
        QCOMPARE(errorCode(staff), u"mail_failed"_s);
        QVERIFY(!object(staff).contains(u"session_id"_s));
        const QJsonArray items =
            object(call(u"services"_s, "GET", accountPath(u"/audit"_s).toUtf8())).value(u"items"_s).toArray();
        const QJsonObject last = items.last().toObject();
        QCOMPARE(last.value(u"action"_s).toString(), u"locked"_s);
        QCOMPARE(last.value(u"details"_s).toObject().value(u"reason"_s).toString(), u"notice_mail_failed"_s);

        // Nor does a change of the unlock address whose notice cannot be sent: nothing changes.
        const QJsonObject before = object(call(u"staff"_s, "GET", staffPath(QString()).toUtf8()));
        const test::HttpReply change =
            call(u"staff"_s, "PUT", staffPath(u"/unlock-email"_s).toUtf8(),
                 json({{u"email"_s, u"mallory@example.net"_s}, {u"verification"_s, u"a phone call"_s}}));
        QCOMPARE(change.status, 502);
        QCOMPARE(errorCode(change), u"mail_failed"_s);
        const QJsonObject after = object(call(u"staff"_s, "GET", staffPath(QString()).toUtf8()));
        QCOMPARE(after.value(u"unlock_email"_s), before.value(u"unlock_email"_s));
        QCOMPARE(after.value(u"pending_change"_s), before.value(u"pending_change"_s));
        const QJsonObject undone = object(call(u"services"_s, "GET", accountPath(u"/audit"_s).toUtf8()))
                                       .value(u"items"_s)
                                       .toArray()
                                       .last()
                                       .toObject();
        QCOMPARE(undone.value(u"action"_s).toString(), u"unlock_email_change_cancelled"_s);
        QCOMPARE(undone.value(u"details"_s).toObject().value(u"reason"_s).toString(), u"notice_mail_failed"_s);
    }

    void deletingAnAccountShredsIt()
    {
        const QUuid carol = QUuid::createUuid();
        const QByteArray path = (u"/v1/accounts/"_s + carol.toString(QUuid::WithoutBraces)).toUtf8();
        // (SMTP is down since smtpDownLeavesNoCode: the "vault created" mail fails, and is only logged.)
        QCOMPARE(call(u"services"_s, "PUT", path, json({{u"email"_s, u"carol@example.com"_s}})).status, 201);
        QCOMPARE(call(u"services"_s, "DELETE", path).status, 200);
        QCOMPARE(call(u"public"_s, "GET", path + "/public-key").status, 404);
        QCOMPARE(
            call(u"staff"_s, "GET", (u"/v1/staff/accounts/"_s + carol.toString(QUuid::WithoutBraces)).toUtf8()).status,
            404);
        QCOMPARE(call(u"services"_s, "DELETE", path).status, 404);
        // The key is gone from the database; the audit keeps that it happened.
        const SecureBuffer dbKey = store::KeyFileSource(m_ks.path(u"db.key"_s)).load().value();
        auto st = store::SqlCipherKeyserverStore::open(m_ks.path(u"keyserver.db"_s), dbKey, Clock::system());
        QVERIFY(st.ok());
        QVERIFY(!(*st)->key(carol).value().has_value());
        const test::HttpReply audit = call(u"services"_s, "GET", path + "/audit");
        QCOMPARE(audit.status, 200);
        QStringList actions;
        for (const QJsonValue &v : object(audit).value(u"items"_s).toArray())
            actions << v.toObject().value(u"action"_s).toString();
        QVERIFY2(actions.contains(u"account_deleted"_s), qPrintable(actions.join(u", "_s)));
    }

    void theDatabaseHoldsNoPrivateKeyOrCode()
    {
        // Someone with the database key but not the master key dumps every table.
        const SecureBuffer dbKey = store::KeyFileSource(m_ks.path(u"db.key"_s)).load().value();
        const test::RunResult dump = test::sqlcipherShell(m_ks.path(u"keyserver.db"_s), dbKey, ".dump");
        QVERIFY2(dump.exitCode == 0 && dump.out.contains("CREATE TABLE"), dump.err.constData());
        const QByteArray dumped = dump.out.toLower();
        // The private keys, as only the master key reveals them: nowhere in the dump.
        auto st = store::SqlCipherKeyserverStore::open(m_ks.path(u"keyserver.db"_s), dbKey, Clock::system());
        QVERIFY(st.ok());
        const keyserver::SoftwareMasterKey master(store::KeyFileSource(m_ks.path(u"master.key"_s)).load().value());
        const keyserver::SoftwareMasterKey wrong(store::generateKey());
        const QList<store::WrappedKey> keys = (*st)->allKeys().value();
        QVERIFY(keys.size() >= 2);
        for (const store::WrappedKey &k : keys) {
            QVERIFY(!wrong.unwrap(k.wrapped, k.accountId, k.keyId).ok());
            const SecureBuffer secret = master.unwrap(k.wrapped, k.accountId, k.keyId).value();
            const crypto::X25519PrivateKey priv = crypto::X25519PrivateKey::fromRaw(secret.view()).value();
            QCOMPARE(crypto::bytesView(priv.publicKey()), QByteArrayView(k.publicKey)); // the real key
            QVERIFY(!dumped.contains(secret.view().toByteArray().toHex()));
            QVERIFY(dumped.contains(k.publicKey.toHex())); // the dump does hold the blobs, in hex
        }
        for (const QString &secret : std::as_const(m_secretsSeen)) {
            QVERIFY(!dumped.contains(secret.toLatin1().toLower()));
            if (Result<UnlockCode> c = UnlockCode::parse(secret); c)
                QVERIFY(!dumped.contains(c->normalized().view().toByteArray().toLower()));
        }
        // Without the database key, the file is noise.
        const test::RunResult noKey = test::sqlcipherShell(m_ks.path(u"keyserver.db"_s), {}, ".dump");
        QVERIFY(!noKey.out.contains("CREATE TABLE"));
    }

    void logsHoldNoCodeOrSessionId()
    {
        QTest::qWait(200);
        m_ks.collectLog();
        const QByteArray &log = m_ks.log();
        QVERIFY(log.contains("public POST /v1/unlock-sessions"));
        QVERIFY(!m_secretsSeen.isEmpty());
        for (const QString &secret : std::as_const(m_secretsSeen)) {
            QVERIFY(!secret.isEmpty());
            QVERIFY2(!log.contains(secret.toLatin1()), "a code or session id reached the log");
            QVERIFY(!log.contains(UnlockCode::parse(secret).ok()
                                      ? UnlockCode::parse(secret)->normalized().view().toByteArray()
                                      : "\x01"));
        }
        QVERIFY(!log.contains("smtp-s3cret"));
        QVERIFY(!m_ks.keyMaterial().isEmpty());
        const QByteArray leak = m_ks.leakIn({});
        QVERIFY2(leak.isEmpty(), leak.constData());
    }

    void cleanupTestCase()
    {
        QVERIFY(m_ks.stop());
        m_smtp.stop();
    }
};

QTEST_GUILESS_MAIN(TestKeyserver)
#include "TestKeyserver.moc"
