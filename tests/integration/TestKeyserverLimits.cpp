// The keyserver's clocks and limits for real, with short durations in its configuration:
// code expiry, a replaced code, a replayed redemption, session expiry (code and staff),
// the codes-per-window limit, a block that ends, limits that survive a restart, and an
// unlock e-mail change that takes effect after its delay or is cancelled. Mail goes to
// the Maildir outbox (the development default); the test reads codes from it.
#include "crypto/CodeBox.h"
#include "crypto/UnlockCode.h"
#include "crypto/X25519.h"
#include "protocol/Base64Url.h"

#include "support/KeyserverFixture.h"

#include <QtCore/QDir>
#include <QtCore/QJsonArray>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;
using test::errorCode;
using test::errorDetails;
using test::json;
using test::object;

namespace {

QByteArray recipient(const QByteArray &mail)
{
    const qsizetype at = mail.indexOf("\r\nTo: <");
    return at < 0 ? QByteArray() : mail.mid(at + 7, mail.indexOf('>', at) - at - 7);
}

QString b64(QByteArrayView bytes)
{
    return QString::fromLatin1(toBase64Url(bytes));
}

} // namespace

class TestKeyserverLimits : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    test::KeyserverFixture m_ks;
    std::unique_ptr<test::Outbox> m_outbox;
    QList<QUuid> m_accounts;
    QStringList m_secrets; // codes and session ids: none may reach the log

    static QByteArray accountPath(const QUuid &a, const QString &suffix = {})
    {
        return (u"/v1/accounts/"_s + a.toString(QUuid::WithoutBraces) + suffix).toUtf8();
    }
    static QByteArray staffPath(const QUuid &a, const QString &suffix = {})
    {
        return (u"/v1/staff/accounts/"_s + a.toString(QUuid::WithoutBraces) + suffix).toUtf8();
    }

    // A new account with its own limits, and the "vault created" mail read.
    QUuid newAccount(const QString &email)
    {
        const QUuid id = QUuid::createUuid();
        const test::HttpReply r = m_ks.call(u"services"_s, "PUT", accountPath(id), json({{u"email"_s, email}}));
        if (r.status != 201)
            qWarning("account: %d %s", r.status, r.body.constData());
        m_outbox->waitFor(1);
        m_accounts.append(id);
        return id;
    }

    test::HttpReply askForCode(const QUuid &a)
    {
        return m_ks.call(u"services"_s, "POST", accountPath(a, u"/unlock-codes"_s));
    }

    // Asks for a code and reads it from the mail; empty when refused.
    QString code(const QUuid &a)
    {
        const test::HttpReply r = askForCode(a);
        const QString c = test::codeMailedFor(r, *m_outbox);
        m_secrets << c;
        return c;
    }

    QByteArray redeemBody(const QUuid &a, const QString &code, const crypto::X25519PrivateKey &session)
    {
        const QByteArray box =
            CodeBox::seal(m_ks.redeemPublic(), a, session.publicKey(), UnlockCode::parse(code).value().normalized())
                .value();
        return json({{u"account_id"_s, a.toString(QUuid::WithoutBraces)},
                     {u"code_box"_s, b64(box)},
                     {u"session_public_key"_s, b64(crypto::bytesView(session.publicKey()))}});
    }

    test::HttpReply redeem(const QUuid &a, const QString &code)
    {
        return m_ks.call(u"public"_s, "POST", "/v1/unlock-sessions",
                         redeemBody(a, code, crypto::X25519PrivateKey::generate()));
    }

    test::HttpReply decapsulate(const QString &sessionId)
    {
        const QJsonArray encs{b64(crypto::bytesView(crypto::X25519PrivateKey::generate().publicKey()))};
        return m_ks.call(u"public"_s, "POST", "/v1/unlock-session/decapsulate", json({{u"encs"_s, encs}}),
                         "Authorization: Session " + sessionId.toLatin1() + "\r\n");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString prepared = m_ks.prepare(m_dir.path());
        QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
        m_ks.writeConfig("[codes]\nlifetime = 2s\nmax_failures = 3\nblock = 3s\nmax_per_window = 3\nwindow = 4s\n"
                         "[sessions]\ncode = 2s\nstaff = 2s\n[email]\nchange_delay = 3s\n");
        const QString started = m_ks.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_outbox = std::make_unique<test::Outbox>(m_ks.path(u"outbox"_s));
    }

    void aCodeExpires()
    {
        const QUuid a = newAccount(u"expiry@example.com"_s);
        const QString c = code(a);
        QVERIFY(!c.isEmpty());
        QTest::qWait(2300);
        test::HttpReply r = redeem(a, c);
        QCOMPARE(r.status, 410);
        QCOMPARE(errorCode(r), u"code_expired"_s);
        // The expired code is gone, not waiting for another try.
        QCOMPARE(errorCode(redeem(a, c)), u"no_code"_s);
    }

    void aNewCodeReplacesTheOld()
    {
        const QUuid a = newAccount(u"replace@example.com"_s);
        const QString first = code(a);
        const QString second = code(a);
        QVERIFY(!first.isEmpty() && !second.isEmpty() && first != second);
        const test::HttpReply r = redeem(a, first);
        QCOMPARE(r.status, 403);
        QCOMPARE(errorCode(r), u"wrong_code"_s);
        QCOMPARE(errorDetails(r).value(u"tries_left"_s).toInt(), 2);
        QCOMPARE(redeem(a, second).status, 201);
    }

    void aReplayedRedemptionOpensNothing()
    {
        const QUuid a = newAccount(u"replay@example.com"_s);
        const QByteArray body = redeemBody(a, code(a), crypto::X25519PrivateKey::generate());
        QCOMPARE(m_ks.call(u"public"_s, "POST", "/v1/unlock-sessions", body).status, 201);
        const test::HttpReply again = m_ks.call(u"public"_s, "POST", "/v1/unlock-sessions", body);
        QCOMPARE(again.status, 409);
        QCOMPARE(errorCode(again), u"no_code"_s);
        QVERIFY(!object(again).contains(u"session_id"_s));
    }

    void sessionsExpire()
    {
        const QUuid a = newAccount(u"sessions@example.com"_s);
        const test::HttpReply code = redeem(a, this->code(a));
        QCOMPARE(code.status, 201);
        const QString codeSession = object(code).value(u"session_id"_s).toString();
        m_secrets << codeSession;
        const QDateTime expires = QDateTime::fromString(object(code).value(u"expires_at"_s).toString(), Qt::ISODate);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 2) <= 1);

        const crypto::X25519PrivateKey key = crypto::X25519PrivateKey::generate();
        const test::HttpReply staff =
            m_ks.call(u"staff"_s, "POST", staffPath(a, u"/unlock-sessions"_s),
                      json({{u"reason"_s, u"Customer asked"_s},
                            {u"ticket"_s, u"T-1"_s},
                            {u"session_public_key"_s, b64(crypto::bytesView(key.publicKey()))}}));
        QCOMPARE(staff.status, 201);
        const QString staffSession = object(staff).value(u"session_id"_s).toString();
        m_secrets << staffSession;
        QCOMPARE(decapsulate(codeSession).status, 200);
        QCOMPARE(decapsulate(staffSession).status, 200);

        QTest::qWait(2300);
        for (const QString &session : {codeSession, staffSession}) {
            const test::HttpReply r = decapsulate(session);
            QCOMPARE(r.status, 401);
            QCOMPARE(errorCode(r), u"session_expired"_s);
        }
    }

    void codesPerWindow()
    {
        const QUuid a = newAccount(u"window@example.com"_s);
        for (int i = 0; i < 3; ++i)
            QVERIFY(!code(a).isEmpty());
        test::HttpReply r = askForCode(a);
        QCOMPARE(r.status, 429);
        QCOMPARE(errorCode(r), u"too_many_codes"_s);
        QVERIFY(errorDetails(r).value(u"retry_after_s"_s).toInt() >= 1);
        QCOMPARE(m_outbox->waitFor(1).size(), 0); // nothing sent
        // Once the window has passed, a code can be sent again.
        QTest::qWait(4200);
        QVERIFY(!code(a).isEmpty());
    }

    void limitsSurviveARestart()
    {
        const QUuid blocked = newAccount(u"blocked@example.com"_s);
        const QString right = code(blocked);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(redeem(blocked, u"0000-0000-0000"_s).status, 403);
        test::HttpReply r = redeem(blocked, u"0000-0000-0000"_s);
        QCOMPARE(r.status, 429);
        QCOMPARE(errorCode(r), u"blocked"_s);
        const QUuid busy = newAccount(u"busy@example.com"_s);
        for (int i = 0; i < 3; ++i)
            QVERIFY(!code(busy).isEmpty());

        QVERIFY(m_ks.stop());
        const QString started = m_ks.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));

        r = redeem(blocked, right);
        QCOMPARE(r.status, 429);
        QCOMPARE(errorCode(r), u"blocked"_s);
        const int wait = errorDetails(r).value(u"retry_after_s"_s).toInt();
        QVERIFY2(wait >= 1 && wait <= 4, qPrintable(QString::number(wait)));
        QCOMPARE(askForCode(blocked).status, 429);
        QCOMPARE(errorCode(askForCode(busy)), u"too_many_codes"_s);

        // The block ends on time; the voided code stays void, a new one works.
        QTest::qWait(wait * 1000 + 200);
        QCOMPARE(errorCode(redeem(blocked, right)), u"no_code"_s);
        QCOMPARE(redeem(blocked, code(blocked)).status, 201);
    }

    void anUnlockAddressChangeWaitsForItsDelay()
    {
        const QUuid a = newAccount(u"old@example.com"_s);
        test::HttpReply r = m_ks.call(u"staff"_s, "PUT", staffPath(a, u"/unlock-email"_s),
                                      json({{u"email"_s, u"new@example.com"_s},
                                            {u"verification"_s, u"Called the customer back on the known number"_s}}));
        QCOMPARE(r.status, 202);
        const QJsonObject pending = object(r).value(u"pending_change"_s).toObject();
        QCOMPARE(pending.value(u"unlock_email"_s).toString(), u"new@example.com"_s);
        QCOMPARE(pending.value(u"requested_by"_s).toString(), u"staff:sam"_s);
        const QDateTime effective = QDateTime::fromString(pending.value(u"effective_at"_s).toString(), Qt::ISODate);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(effective) - 3) <= 1);
        // Old (also the notice address) and new address are told, with the time.
        QList<QByteArray> letters = m_outbox->waitFor(2);
        QCOMPARE(letters.size(), 2);
        QSet<QByteArray> to;
        for (const QByteArray &l : std::as_const(letters)) {
            to.insert(recipient(l));
            QVERIFY(l.contains(pending.value(u"effective_at"_s).toString().toLatin1()));
        }
        QCOMPARE(to, (QSet<QByteArray>{"old@example.com", "new@example.com"}));
        // Until then, codes still go to the old address, and the staff view shows the change.
        QVERIFY(askForCode(a).status == 200);
        QCOMPARE(recipient(m_outbox->waitFor(1).value(0)), QByteArray("old@example.com"));
        r = m_ks.call(u"staff"_s, "GET", staffPath(a));
        QCOMPARE(object(r).value(u"unlock_email"_s).toString(), u"old@example.com"_s);
        QCOMPARE(object(r).value(u"pending_change"_s).toObject().value(u"unlock_email"_s).toString(),
                 u"new@example.com"_s);

        QTest::qWait(int(QDateTime::currentDateTimeUtc().msecsTo(effective)) + 300);
        r = m_ks.call(u"staff"_s, "GET", staffPath(a));
        QCOMPARE(object(r).value(u"unlock_email"_s).toString(), u"new@example.com"_s);
        QVERIFY(object(r).value(u"pending_change"_s).isNull());
        QVERIFY(askForCode(a).status == 200);
        QCOMPARE(recipient(m_outbox->waitFor(1).value(0)), QByteArray("new@example.com"));
    }

    void aCancelledChangeNeverHappens()
    {
        const QUuid a = newAccount(u"keep@example.com"_s);
        QCOMPARE(m_ks.call(u"staff"_s, "PUT", staffPath(a, u"/unlock-email"_s),
                           json({{u"email"_s, QJsonValue::Null}, {u"verification"_s, u"Ticket T-77"_s}}))
                     .status,
                 202);
        m_outbox->waitFor(1);
        // A support engineer may not cancel; an admin may.
        QCOMPARE(errorCode(m_ks.call(u"staff"_s, "DELETE", staffPath(a, u"/unlock-email-change"_s), {}, {}, u"sue"_s)),
                 u"admin_only"_s);
        QCOMPARE(m_ks.call(u"staff"_s, "DELETE", staffPath(a, u"/unlock-email-change"_s)).status, 200);
        const QList<QByteArray> told = m_outbox->waitFor(1);
        QVERIFY(!told.isEmpty() && told.last().contains("cancelled"));
        QCOMPARE(errorCode(m_ks.call(u"staff"_s, "DELETE", staffPath(a, u"/unlock-email-change"_s))),
                 u"no_pending_change"_s);
        QTest::qWait(3300);
        const test::HttpReply r = m_ks.call(u"staff"_s, "GET", staffPath(a));
        QCOMPARE(object(r).value(u"unlock_email"_s).toString(), u"keep@example.com"_s);
        QCOMPARE(askForCode(a).status, 200);
    }

    void theAuditHasEveryLimitEvent()
    {
        // Everything above left its trace; spot-check the kinds only limits make.
        QSet<QString> actions;
        for (const QUuid &a : m_accounts) {
            const test::HttpReply r = m_ks.call(u"services"_s, "GET", accountPath(a, u"/audit"_s));
            for (const QJsonValue &v : object(r).value(u"items"_s).toArray())
                actions.insert(v.toObject().value(u"action"_s).toString());
        }
        for (const QString &a :
             {u"code_expired"_s, u"redeem_failed"_s, u"redeem_blocked"_s, u"unlock_email_change_requested"_s,
              u"unlock_email_change_cancelled"_s, u"unlock_email_changed"_s})
            QVERIFY2(actions.contains(a), qPrintable(a));
    }

    void cleanupTestCase()
    {
        QVERIFY(m_ks.stop());
        QVERIFY(m_secrets.size() > 10);
        const QByteArray leak = m_ks.leakIn(m_secrets);
        QVERIFY2(leak.isEmpty(), leak.constData());
    }
};

QTEST_GUILESS_MAIN(TestKeyserverLimits)
#include "TestKeyserverLimits.moc"
