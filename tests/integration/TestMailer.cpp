// The keyserver's mailers: a Maildir outbox, and SMTP through libcurl against a real
// SMTP server (aiosmtpd with STARTTLS and AUTH) with a certificate from our PKI.
#include "keyserver/mail/Mailer.h"

#include "support/Executables.h"
#include "support/SmtpServer.h"

#include <QtCore/QTemporaryDir>
#include <QtNetwork/QTcpServer>
#include <QtTest/QtTest>

#include <future>
#include <thread>

using namespace credvault;
using namespace credvault::keyserver;
using namespace Qt::Literals::StringLiterals;

namespace {
Mail mail(const QString &to, const QString &subject, const QByteArray &body)
{
    return Mail{to, subject, SecureBuffer::copyOf(body)};
}
} // namespace

class TestMailer : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_pki;
    test::SmtpServer m_smtp;

    SmtpSettings settings(const QString &password = u"s3cret-smtp"_s)
    {
        SmtpSettings s;
        s.host = u"127.0.0.1"_s;
        s.port = m_smtp.port();
        s.from = u"keys@example.net"_s;
        s.username = u"credvault"_s;
        s.password = SecureBuffer::copyOf(password.toUtf8());
        s.caFile = m_pki + u"/root.pem"_s;
        s.timeoutSeconds = 10;
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_pki = m_dir.filePath(u"pki"_s);
        QCOMPARE(test::run(test::binary(u"credvault-cli"_s), {u"pki"_s, u"init"_s, u"--dir"_s, m_pki}).exitCode, 0);
        QCOMPARE(test::run(test::binary(u"credvault-cli"_s),
                           {u"pki"_s, u"issue"_s, u"--dir"_s, m_pki, u"--role"_s, u"server"_s, u"--name"_s, u"smtp"_s,
                            u"--san"_s, u"IP:127.0.0.1"_s})
                     .exitCode,
                 0);
        QVERIFY(m_smtp.start(m_dir.filePath(u"smtp-maildir"_s), m_pki + u"/smtp-chain.pem"_s, m_pki + u"/smtp.key"_s,
                             u"credvault"_s, u"s3cret-smtp"_s));
    }

    void formatsAMessage()
    {
        const SecureBuffer m = formatMessage(
            u"keys@example.net"_s, mail(u"alice@example.com"_s, u"Your unlock code ✓"_s, "Line one\nLine two\n"),
            QDateTime(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC), u"example.net"_s);
        const QByteArray text = m.view().toByteArray();
        QVERIFY(text.contains("From: CredVault <keys@example.net>\r\n"));
        QVERIFY(text.contains("To: <alice@example.com>\r\n"));
        QVERIFY(text.contains("Subject: =?UTF-8?B?"));
        QVERIFY(text.contains("Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n"));
        QVERIFY(text.contains("Content-Type: text/plain; charset=UTF-8\r\n"));
        QVERIFY(text.endsWith("\r\n\r\nLine one\r\nLine two\r\n\r\n"));
        QVERIFY(!text.contains("\n\n")); // every line ends in CRLF
    }

    void addresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("ok");
        QTest::newRow("plain") << u"alice@example.com"_s << true;
        QTest::newRow("no at") << u"alice.example.com"_s << false;
        QTest::newRow("two ats") << u"a@b@c"_s << false;
        QTest::newRow("space") << u"alice @example.com"_s << false;
        QTest::newRow("header injection") << u"alice@example.com\r\nBcc: x@y"_s << false;
        QTest::newRow("angle") << u"<alice@example.com>"_s << false;
        QTest::newRow("empty local") << u"@example.com"_s << false;
    }
    void addresses()
    {
        QFETCH(QString, address);
        QFETCH(bool, ok);
        QCOMPARE(isPlausibleAddress(address), ok);
    }

    void maildirOutbox()
    {
        const QString dir = m_dir.filePath(u"outbox"_s);
        MaildirMailer mailer(dir, u"keys@example.net"_s);
        QVERIFY(mailer.sendAndWait(mail(u"alice@example.com"_s, u"Vault created"_s, "Hello Alice")).ok());
        QVERIFY(mailer.sendAndWait(mail(u"bob@example.com"_s, u"Vault created"_s, "Hello Bob")).ok());
        const QStringList files = QDir(dir + u"/new"_s).entryList(QDir::Files);
        QCOMPARE(files.size(), 2);
        QVERIFY(QDir(dir + u"/tmp"_s).entryList(QDir::Files).isEmpty());
        QFile f(dir + u"/new/"_s + files.first());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("Subject: Vault created"));
        QCOMPARE(QFile::permissions(dir + u"/new/"_s + files.first()) &
                     (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
        QCOMPARE(mailer.sendAndWait(mail(u"not an address"_s, u"x"_s, "x")).error().code, u"bad_address"_s);
    }

    void smtpWithStartTlsAndAuth()
    {
        SmtpMailer mailer(settings());
        const auto before = m_smtp.messages().size();
        Result<void> r = mailer.sendAndWait(mail(u"alice@example.com"_s, u"Your CredVault unlock code"_s,
                                                 "Your code is 7K2M-9QXD-4HNP.\n.\n..leading dots survive\n"));
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        const QList<QByteArray> all = m_smtp.messages();
        QCOMPARE(all.size(), before + 1);
        const QByteArray got = all.last();
        QVERIFY(got.contains("Subject: Your CredVault unlock code"));
        QVERIFY(got.contains("Your code is 7K2M-9QXD-4HNP."));
        QVERIFY2(got.contains("\n.\n") && got.contains("\n..leading dots survive"), got.constData());
        QVERIFY(got.contains("X-Peer:") || got.contains("Received:") || got.contains("From: CredVault"));
    }

    void smtpRefusals_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<QString>("message");
        QTest::newRow("wrong password") << u"password"_s << u"refused the sign-in"_s;
        QTest::newRow("untrusted certificate") << u"ca"_s << u"not trusted"_s;
        QTest::newRow("server down") << u"down"_s << u"cannot reach the mail server"_s;
    }
    void smtpRefusals()
    {
        QFETCH(QString, how);
        QFETCH(QString, message);
        SmtpSettings s = settings(how == u"password"_s ? u"wrong"_s : u"s3cret-smtp"_s);
        if (how == u"ca"_s)
            s.caFile = m_pki + u"/staff-ca.pem"_s; // not what signed the server's certificate
        if (how == u"down"_s) {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            s.port = probe.serverPort();
            probe.close(); // nothing listens there now
        }
        const auto before = m_smtp.messages().size();
        SmtpMailer mailer(std::move(s));
        Result<void> r = mailer.sendAndWait(mail(u"alice@example.com"_s, u"x"_s, "code 7K2M-9QXD-4HNP"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"mail_failed"_s);
        QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
        QVERIFY(!r.error().message.contains(u"7K2M"_s));
        QVERIFY(!r.error().message.contains(u"s3cret"_s));
        QCOMPARE(m_smtp.messages().size(), before);
    }

    void sendingRunsOffTheCallersThread()
    {
        SmtpMailer mailer(settings());
        std::promise<std::thread::id> where;
        auto when = where.get_future();
        mailer.send(mail(u"alice@example.com"_s, u"x"_s, "y"), [&where](Result<void> r) {
            QVERIFY(r.ok());
            where.set_value(std::this_thread::get_id());
        });
        QVERIFY(when.wait_for(std::chrono::seconds(20)) == std::future_status::ready);
        QVERIFY(when.get() != std::this_thread::get_id());
    }

    void cleanupTestCase() { m_smtp.stop(); }
};

QTEST_GUILESS_MAIN(TestMailer)
#include "TestMailer.moc"
