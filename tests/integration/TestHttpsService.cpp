// The HTTPS service library for real: credvault-test-https-server (the keyserver's three
// listeners on credvault-server-common) with certificates from credvault-cli pki.
#include "support/Executables.h"
#include "support/HttpsClient.h"
#include "support/OpensslCa.h"
#include "support/TempDir.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QtTest>

#include <csignal>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

namespace {

qint64 rssKiB(qint64 pid)
{
    QFile f(u"/proc/%1/status"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

} // namespace

class TestHttpsService : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_pki;
    QProcess m_server;
    QHash<QString, quint16> m_ports;
    QByteArray m_log;

    // Never kill(0, …): with no server process that would signal the whole process group.
    bool signalServer(int sig)
    {
        const qint64 pid = m_server.processId();
        return pid > 0 && m_server.state() == QProcess::Running && ::kill(pid_t(pid), sig) == 0;
    }

    QString pki(const QString &file) const { return m_pki + u'/' + file; }

    void cli(const QStringList &args)
    {
        const test::RunResult r = test::run(test::binary(u"credvault-cli"_s), args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void opensslStaffCert(const QString &name, const QString &subject, const QString &start, const QString &end)
    {
        const QString failed = test::signWithStaffCa(m_pki, m_dir.path(), name, subject, start, end);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    bool accepted(const QString &listener, const QString &cert = {}, QJsonObject *who = nullptr)
    {
        test::HttpsConnection c;
        if (!c.open(m_ports.value(listener), pki(u"root.pem"_s), cert.isEmpty() ? QString() : pki(cert + u".pem"_s),
                    cert.isEmpty() ? QString() : pki(cert + u".key"_s)))
            return false;
        const test::HttpReply r = c.request("GET", "/v1/whoami");
        if (who)
            *who = QJsonDocument::fromJson(r.body).object();
        return r.status == 200;
    }

    void collectLog() { m_log += m_server.readAllStandardError(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_pki = m_dir.filePath(u"pki"_s);
        cli({u"pki"_s, u"init"_s, u"--dir"_s, m_pki});
        cli({u"pki"_s, u"issue"_s, u"--dir"_s, m_pki, u"--role"_s, u"server"_s, u"--name"_s, u"srv"_s, u"--san"_s,
             u"IP:127.0.0.1"_s});
        cli({u"pki"_s, u"issue"_s, u"--dir"_s, m_pki, u"--role"_s, u"service"_s, u"--name"_s, u"vault"_s});
        cli({u"pki"_s, u"issue"_s, u"--dir"_s, m_pki, u"--role"_s, u"service"_s, u"--name"_s, u"vault2"_s});
        cli({u"pki"_s, u"issue"_s, u"--dir"_s, m_pki, u"--role"_s, u"staff"_s, u"--name"_s, u"sam"_s, u"--staff-role"_s,
             u"admin"_s});
        cli({u"pki"_s, u"issue"_s, u"--dir"_s, m_pki, u"--role"_s, u"staff"_s, u"--name"_s, u"gone"_s,
             u"--staff-role"_s, u"support"_s});
        cli({u"pki"_s, u"revoke"_s, u"--dir"_s, m_pki, u"--cert"_s, pki(u"gone.pem"_s)});
        opensslStaffCert(u"expired"_s, u"/O=CredVault/OU=support/CN=expired"_s, u"20200101000000Z"_s,
                         u"20200201000000Z"_s);
        opensslStaffCert(u"norole"_s, u"/O=CredVault/CN=norole"_s, u"20250101000000Z"_s, u"20350101000000Z"_s);
        test::writeFile(m_dir.path(), u"db.key"_s, QByteArray(64, 'a'));
        QByteArray conf =
            "[server]\nidle_timeout = 2\nmax_connections = 6\n[database]\npath = t.db\nkey_file = db.key\n";
        for (const char *l : {"public", "services", "staff"}) {
            conf += "[listener." + QByteArray(l) +
                    "]\naddress = 127.0.0.1\nport = 0\ncertificate = pki/srv-chain.pem\nprivate_key = pki/srv.key\n";
            if (qstrcmp(l, "services") == 0)
                conf += "client_ca = pki/services-ca.pem\ncrl = pki/services-ca.crl\n";
            if (qstrcmp(l, "staff") == 0)
                conf += "client_ca = pki/staff-ca.pem\ncrl = pki/staff-ca.crl\n";
        }
        const QString config = test::writeFile(m_dir.path(), u"server.conf"_s, conf);
        m_server.start(test::binary(u"credvault-test-https-server"_s), {u"--config"_s, config});
        QVERIFY(m_server.waitForStarted());
        QByteArray out;
        while (out.count('\n') < 3 && m_server.waitForReadyRead(10000))
            out += m_server.readAllStandardOutput();
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        for (const QByteArray &line : lines) {
            // listening on https://127.0.0.1:PORT (NAME)
            QVERIFY2(line.startsWith("listening on https://127.0.0.1:"), line.constData());
            const QByteArray name = line.mid(line.lastIndexOf('(') + 1).chopped(1);
            const quint16 port = quint16(line.mid(31, line.indexOf(' ', 31) - 31).toUInt());
            QVERIFY(port > 0);
            m_ports.insert(QString::fromLatin1(name), port);
        }
        QCOMPARE(m_ports.keys().size(), 3);
    }

    void healthOnEveryListener()
    {
        for (const auto &[listener, cert] : {std::pair{u"public"_s, QString()}, std::pair{u"services"_s, u"vault"_s},
                                             std::pair{u"staff"_s, u"sam"_s}}) {
            test::HttpsConnection c;
            QVERIFY(c.open(m_ports[listener], pki(u"root.pem"_s), cert.isEmpty() ? QString() : pki(cert + u".pem"_s),
                           cert.isEmpty() ? QString() : pki(cert + u".key"_s)));
            const test::HttpReply r = c.request("GET", "/v1/health");
            QCOMPARE(r.status, 200);
            QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"listener"_s).toString(), listener);
            QVERIFY(r.head.contains("Content-Type: application/json"));
        }
    }

    void plainHttpIsRefused()
    {
        QTcpSocket s;
        s.connectToHost(u"127.0.0.1"_s, m_ports[u"public"_s]);
        QVERIFY(s.waitForConnected(3000));
        s.write("GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray got;
        while (s.waitForReadyRead(3000))
            got += s.readAll();
        QVERIFY2(!got.startsWith("HTTP/"), got.constData());
        QVERIFY(s.state() == QAbstractSocket::UnconnectedState || !got.contains("200"));
    }

    void onlyTls12AndUp()
    {
        const auto sclient = [this](const QString &version) {
            return test::run(u"openssl"_s,
                             {u"s_client"_s, u"-connect"_s, u"127.0.0.1:%1"_s.arg(m_ports[u"public"_s]), version,
                              u"-cipher"_s, u"DEFAULT@SECLEVEL=0"_s, u"-CAfile"_s, pki(u"root.pem"_s)});
        };
        const test::RunResult old = sclient(u"-tls1_1"_s);
        QVERIFY2(old.exitCode != 0, old.out.constData());
        const test::RunResult v12 = sclient(u"-tls1_2"_s);
        QCOMPARE(v12.exitCode, 0);
        QVERIFY(v12.out.contains("TLSv1.2"));
    }

    void clientCertificates_data()
    {
        QTest::addColumn<QString>("listener");
        QTest::addColumn<QString>("cert");
        QTest::addColumn<QString>("role"); // empty: refused
        QTest::addColumn<QString>("staffRole");
        QTest::newRow("public, none") << u"public"_s << QString() << u"none"_s << QString();
        QTest::newRow("services, none") << u"services"_s << QString() << QString() << QString();
        QTest::newRow("services, service") << u"services"_s << u"vault"_s << u"service"_s << QString();
        QTest::newRow("services, staff (wrong CA)") << u"services"_s << u"sam"_s << QString() << QString();
        QTest::newRow("services, server cert (wrong usage)") << u"services"_s << u"srv"_s << QString() << QString();
        QTest::newRow("staff, none") << u"staff"_s << QString() << QString() << QString();
        QTest::newRow("staff, staff admin") << u"staff"_s << u"sam"_s << u"staff"_s << u"admin"_s;
        QTest::newRow("staff, service (wrong CA)") << u"staff"_s << u"vault"_s << QString() << QString();
        QTest::newRow("staff, expired") << u"staff"_s << u"expired"_s << QString() << QString();
        QTest::newRow("staff, revoked") << u"staff"_s << u"gone"_s << QString() << QString();
        QTest::newRow("staff, no role") << u"staff"_s << u"norole"_s << QString() << QString();
    }
    void clientCertificates()
    {
        QFETCH(QString, listener);
        QFETCH(QString, cert);
        QFETCH(QString, role);
        QFETCH(QString, staffRole);
        QJsonObject who;
        const bool ok = accepted(listener, cert, &who);
        QCOMPARE(ok, !role.isEmpty());
        if (ok) {
            QCOMPARE(who.value(u"role"_s).toString(), role);
            QCOMPARE(who.value(u"name"_s).toString(), role == u"none"_s ? QString() : cert);
            QCOMPARE(who.value(u"staff_role"_s).toString(), staffRole);
        }
    }

    void hugeContentLengthIs413WithoutMemoryGrowth()
    {
        const qint64 before = rssKiB(m_server.processId());
        test::HttpsConnection c;
        QVERIFY(c.open(m_ports[u"public"_s], pki(u"root.pem"_s)));
        c.send("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n");
        c.send(QByteArray(256 * 1024, 'x')); // the client goes on sending
        const test::HttpReply r = c.read();
        QCOMPARE(r.status, 413);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"error"_s).toObject().value(u"code"_s).toString(),
                 u"body_too_large"_s);
        const qint64 after = rssKiB(m_server.processId());
        QVERIFY2(after - before < 16 * 1024, qPrintable(u"RSS grew from %1 to %2 KiB"_s.arg(before).arg(after)));
    }

    void limits_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("status");
        QByteArray headers = "GET /v1/health HTTP/1.1\r\nHost: x\r\n";
        for (int i = 0; i < 20; ++i)
            headers += "X-Filler-" + QByteArray::number(i) + ": " + QByteArray(1024, 'h') + "\r\n";
        QTest::newRow("20 KiB of headers") << headers + "\r\n" << 431;
        // Beast alone applies the limit to the start line and to the fields each on their
        // own: 12 KiB of target and 12 KiB of fields passed. The whole header counts.
        QTest::newRow("12 KiB target + 12 KiB fields")
            << "GET /v1/health?q=" + QByteArray(12 * 1024, 'q') +
                   " HTTP/1.1\r\nHost: x\r\nX-Fill: " + QByteArray(12 * 1024, 'f') + "\r\n\r\n"
            << 431;
        QTest::newRow("header just within 16 KiB")
            << "GET /v1/health?q=" + QByteArray(8 * 1024, 'q') +
                   " HTTP/1.1\r\nHost: x\r\nX-Fill: " + QByteArray(7 * 1024, 'f') + "\r\n\r\n"
            << 200;
        QByteArray chunked = "POST /v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        for (int i = 0; i < 20; ++i)
            chunked += "10000\r\n" + QByteArray(0x10000, 'c') + "\r\n";
        QTest::newRow("chunked body over 1 MiB") << chunked + "0\r\n\r\n" << 413;
        // Beast bounds a chunked body's data but not its chunk lines or trailer: without a
        // bounded read buffer these were kept for as long as they came (found by fuzzing).
        const QByteArray chunkedHead = "POST /v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        QTest::newRow("endless chunk trailer") << chunkedHead + "0\r\nX-Trailer: " + QByteArray(256 * 1024, 't') << 400;
        QTest::newRow("endless chunk extension") << chunkedHead + "5;x=" + QByteArray(256 * 1024, 'e') << 400;
        QTest::newRow("malformed request line") << QByteArray("GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
        QTest::newRow("bad content length")
            << QByteArray("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: x\r\n\r\n") << 400;
        const QByteArray mib(1024 * 1024, 'm');
        QTest::newRow("exactly 1 MiB") << "POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1048576\r\n\r\n" + mib
                                       << 200;
        QTest::newRow("unknown path") << QByteArray("GET /v1/nothing HTTP/1.1\r\nHost: x\r\n\r\n") << 404;
        QTest::newRow("wrong method") << QByteArray("PUT /v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
                                      << 405;
        QTest::newRow("typed parameter") << QByteArray("GET /v1/items/12 HTTP/1.1\r\nHost: x\r\n\r\n") << 200;
        QTest::newRow("typed parameter mismatch")
            << QByteArray("GET /v1/items/twelve HTTP/1.1\r\nHost: x\r\n\r\n") << 404;
    }
    void limits()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, status);
        test::HttpsConnection c;
        QVERIFY(c.open(m_ports[u"public"_s], pki(u"root.pem"_s)));
        c.send(raw);
        const test::HttpReply r = c.read();
        QCOMPARE(r.status, status);
        // Every error has the JSON error shape with details.
        if (status >= 400) {
            const QJsonObject e = QJsonDocument::fromJson(r.body).object().value(u"error"_s).toObject();
            QVERIFY(!e.value(u"code"_s).toString().isEmpty());
            QVERIFY(!e.value(u"message"_s).toString().isEmpty());
            QVERIFY(e.value(u"details"_s).isObject());
        }
    }

    void chunkedBodyEndingInPiecesIsServed_data()
    {
        QTest::addColumn<QByteArrayList>("pieces");
        QTest::addColumn<int>("size");
        QTest::newRow("empty body, last chunk in 3 pieces") << QByteArrayList{"0\r\n", "\r", "\n"} << 0;
        QTest::newRow("one chunk, then the last in 3 pieces")
            << QByteArrayList{"5\r\nhello\r\n", "0\r\n", "\r", "\n"} << 5;
        QTest::newRow("byte by byte") << QByteArrayList{"0", "\r", "\n", "\r", "\n"} << 0;
    }
    void chunkedBodyEndingInPiecesIsServed()
    {
        // Boost 1.81's Beast asserts (aborting a build with assertions: the everyday Debug
        // and ASan builds) when a chunked body's last bytes come in pieces under 5 bytes. The
        // server reads through HttpRequestParser, which works around it.
        QFETCH(QByteArrayList, pieces);
        QFETCH(int, size);
        test::HttpsConnection c;
        QVERIFY(c.open(m_ports[u"public"_s], pki(u"root.pem"_s)));
        c.send("POST /v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (const QByteArray &piece : pieces) {
            QTest::qWait(100); // each in its own TLS record and its own read
            c.send(piece);
        }
        const test::HttpReply r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"size"_s).toInt(), size);
        // The server is alive and the connection still serves.
        QCOMPARE(c.request("GET", "/v1/health").status, 200);
        QCOMPARE(m_server.state(), QProcess::Running);
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        // Two whole requests and the start of a third in one write; the rest of the third later.
        test::HttpsConnection c;
        QVERIFY(c.open(m_ports[u"public"_s], pki(u"root.pem"_s)));
        c.send("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
               "GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n"
               "POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Le");
        test::HttpReply first = c.read();
        QCOMPARE(first.status, 200);
        QCOMPARE(QJsonDocument::fromJson(first.body).object().value(u"size"_s).toInt(), 3);
        test::HttpReply second = c.read();
        QCOMPARE(second.status, 200);
        QVERIFY(second.body.contains("\"listener\""));
        QVERIFY2(!c.hasReplyWaiting(), "the third request was answered before it was whole");
        c.send("ngth: 5\r\n\r\nabcde");
        test::HttpReply third = c.read();
        QCOMPARE(third.status, 200);
        QCOMPARE(QJsonDocument::fromJson(third.body).object().value(u"size"_s).toInt(), 5);
    }

    void silentClientIsDropped()
    {
        test::HttpsConnection c;
        QVERIFY(c.open(m_ports[u"public"_s], pki(u"root.pem"_s)));
        // idle_timeout is 2 s in this configuration.
        QVERIFY(c.waitClosed(8000));
    }

    void cpuHeavyHandlerDoesNotBlockOthers()
    {
        test::HttpsConnection heavy;
        QVERIFY(heavy.open(m_ports[u"public"_s], pki(u"root.pem"_s)));
        heavy.send("GET /v1/burn?ms=3000 HTTP/1.1\r\nHost: x\r\n\r\n");
        QTest::qWait(200);
        // Two other clients are served while the burn is still going.
        for (int i = 0; i < 2; ++i) {
            test::HttpsConnection other;
            QVERIFY(other.open(m_ports[u"public"_s], pki(u"root.pem"_s)));
            QCOMPARE(other.request("GET", "/v1/health").status, 200);
        }
        QVERIFY2(!heavy.hasReplyWaiting(), "the burn finished before the others were served");
        QCOMPARE(heavy.read(10000).status, 200);
    }

    void asyncHandlerAnswersLaterWithoutHoldingAThread()
    {
        // Four slow async answers at once (more than the network and worker threads):
        // other requests are still served meanwhile, and every answer arrives.
        std::vector<std::unique_ptr<test::HttpsConnection>> waiting;
        for (int i = 0; i < 4; ++i) {
            waiting.push_back(std::make_unique<test::HttpsConnection>());
            QVERIFY(waiting.back()->open(m_ports[u"public"_s], pki(u"root.pem"_s)));
            waiting.back()->send("GET /v1/later?ms=1500 HTTP/1.1\r\nHost: x\r\n\r\n");
        }
        test::HttpsConnection other;
        QVERIFY(other.open(m_ports[u"public"_s], pki(u"root.pem"_s)));
        QCOMPARE(other.request("GET", "/v1/health").status, 200);
        for (auto &w : waiting)
            QVERIFY2(!w->hasReplyWaiting(), "an async answer came before its time");
        for (auto &w : waiting) {
            const test::HttpReply r = w->read(10000);
            QCOMPARE(r.status, 200);
            QVERIFY(r.body.contains("\"waited_ms\":1500"));
        }
    }

    void connectionCap()
    {
        std::vector<std::unique_ptr<test::HttpsConnection>> held;
        for (int i = 0; i < 6; ++i) {
            held.push_back(std::make_unique<test::HttpsConnection>());
            QVERIFY(held.back()->open(m_ports[u"public"_s], pki(u"root.pem"_s)));
        }
        test::HttpsConnection extra;
        const bool open = extra.open(m_ports[u"public"_s], pki(u"root.pem"_s), {}, {}, 2000);
        QVERIFY(!open || extra.request("GET", "/v1/health").status == 0);
        held.clear();
        QTest::qWait(300);
        QVERIFY(accepted(u"public"_s));
    }

    void sighupPicksUpANewCrl()
    {
        QVERIFY(accepted(u"services"_s, u"vault2"_s));
        cli({u"pki"_s, u"revoke"_s, u"--dir"_s, m_pki, u"--cert"_s, pki(u"vault2.pem"_s)});
        QVERIFY2(accepted(u"services"_s, u"vault2"_s), "the new CRL applied before SIGHUP");
        signalServer(SIGHUP);
        QTRY_VERIFY_WITH_TIMEOUT((collectLog(), m_log.contains("reloaded certificates and CRLs")), 5000);
        QVERIFY(!accepted(u"services"_s, u"vault2"_s));
        QVERIFY(accepted(u"services"_s, u"vault"_s));
    }

    void logsNeverHoldBodiesOrCredentials()
    {
        test::HttpsConnection c;
        QVERIFY(c.open(m_ports[u"public"_s], pki(u"root.pem"_s)));
        QCOMPARE(c.request("POST", "/v1/echo?search=SECRET-QUERY-789", "SECRET-BODY-456",
                           "Authorization: Bearer SECRET-TOKEN-123\r\n")
                     .status,
                 200);
        QTest::qWait(200);
        collectLog();
        QVERIFY(m_log.contains("public POST /v1/echo 200"));
        for (const char *secret : {"SECRET-BODY-456", "SECRET-TOKEN-123", "SECRET-QUERY-789"})
            QVERIFY2(!m_log.contains(secret), secret);
        QVERIFY(m_log.contains("refused a connection")); // the refusals above were logged
    }

    void sigtermDrainsAndExitsZero()
    {
        // A request in flight when SIGTERM comes is still answered.
        test::HttpsConnection busy;
        QVERIFY(busy.open(m_ports[u"public"_s], pki(u"root.pem"_s)));
        busy.send("GET /v1/burn?ms=1500 HTTP/1.1\r\nHost: x\r\n\r\n");
        QTest::qWait(300);
        signalServer(SIGTERM);
        const test::HttpReply last = busy.read(10000);
        QCOMPARE(last.status, 200);
        QVERIFY(last.head.toLower().contains("connection: close"));
        // And no new connection is taken.
        test::HttpsConnection late;
        QVERIFY(!late.open(m_ports[u"public"_s], pki(u"root.pem"_s), {}, {}, 2000) ||
                late.request("GET", "/v1/health").status == 0);
        QVERIFY(m_server.waitForFinished(10000));
        QCOMPARE(m_server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_server.exitCode(), 0);
        collectLog();
        QVERIFY(m_log.contains("stopped"));
    }

    void cleanupTestCase()
    {
        if (m_server.state() != QProcess::NotRunning) {
            m_server.kill();
            m_server.waitForFinished();
        }
    }
};

QTEST_GUILESS_MAIN(TestHttpsService)
#include "TestHttpsService.moc"
