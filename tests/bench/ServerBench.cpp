#include "ServerBench.h"

#include "BenchDeployment.h"
#include "BenchUtil.h"

#include "protocol/Base64Url.h"

#include "support/DemoDeployment.h"

#include <QtCore/QDir>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtCore/QUuid>
#include <QtNetwork/QTcpServer>

#include <cstdio>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace credvault::bench {

namespace {

constexpr int kEntries = 1000;
constexpr int kConnections = 8;

int failed(const QString &what)
{
    (void)std::fprintf(stderr, "credvault-bench server: %s\n", qPrintable(what));
    return 1;
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

struct WrkResult {
    double perSecond = 0;
    double p99Ms = 0;
    qint64 requests = 0;
    qint64 errors = 0; // non-2xx answers and socket errors
    QByteArray output;
};

double toMs(const QString &value, const QString &unit)
{
    const double v = value.toDouble();
    if (unit == u"us"_s)
        return v / 1000;
    if (unit == u"s"_s)
        return v * 1000;
    return v; // ms
}

// One wrk run: kConnections over 2 threads, the latency distribution on.
WrkResult runWrk(const QString &url, const QByteArray &authorization, double seconds)
{
    QStringList args{u"-t2"_s, u"-c%1"_s.arg(kConnections), u"-d%1s"_s.arg(qMax(1, int(seconds))), u"--latency"_s};
    if (!authorization.isEmpty())
        args << u"-H"_s << QString::fromLatin1("Authorization: " + authorization);
    args << url;
    QProcess wrk;
    wrk.start(u"wrk"_s, args);
    wrk.waitForFinished(int(seconds * 1000) + 60000);
    WrkResult r;
    r.output = wrk.readAllStandardOutput() + wrk.readAllStandardError();
    const QString out = QString::fromLatin1(r.output);
    r.perSecond = QRegularExpression(u"Requests/sec:\\s+([0-9.]+)"_s).match(out).captured(1).toDouble();
    const QRegularExpressionMatch p99 = QRegularExpression(u"\\n\\s+99%\\s+([0-9.]+)(us|ms|s)\\b"_s).match(out);
    r.p99Ms = toMs(p99.captured(1), p99.captured(2));
    r.requests = QRegularExpression(u"(\\d+) requests in"_s).match(out).captured(1).toLongLong();
    r.errors = QRegularExpression(u"Non-2xx or 3xx responses: (\\d+)"_s).match(out).captured(1).toLongLong();
    const QRegularExpressionMatch socket =
        QRegularExpression(u"Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)"_s).match(out);
    for (int i = 1; i <= 4; ++i)
        r.errors += socket.captured(i).toLongLong();
    return r;
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

} // namespace

int runServerBench(double seconds)
{
    for (const char *tool : {"wrk", "nginx"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty() &&
            QStandardPaths::findExecutable(QString::fromLatin1(tool), {u"/usr/sbin"_s}).isEmpty())
            return failed(
                u"%1 is not installed (scripts/install-deps.sh installs it)"_s.arg(QString::fromLatin1(tool)));
    }
    QTemporaryDir dir;
    test::DemoDeployment demo;
    if (const QString e = startDemo(demo, dir.path()); !e.isEmpty())
        return failed(e);

    // One account with 1,000 sealed entries, as an app would write them.
    const QString token = demo.login(u"alice"_s);
    const QUuid account = QUuid::fromString(demo.user(u"alice"_s).accountId);
    const QByteArray accountText = account.toByteArray(QUuid::WithoutBraces);
    const test::HttpReply key = demo.api("GET", "/v1/accounts/" + accountText + "/public-key", {}, token);
    const QJsonObject keyShape = QJsonDocument::fromJson(key.body).object();
    Result<QByteArray> raw = fromBase64Url(keyShape.value(u"public_key"_s).toString().toLatin1());
    if (token.isEmpty() || key.status != 200 || !raw)
        return failed(u"cannot sign in or fetch the public key: %1"_s.arg(QString::fromUtf8(key.body)));
    const crypto::X25519PublicKey publicKey = crypto::x25519PublicKeyFrom(*raw).value();
    const QString written = writeSealedEntries(demo, token.toLatin1(), account, publicKey, kEntries, [](int i) {
        return SecureBuffer::copyOf(json({{u"kind"_s, u"server"_s},
                                          {u"title"_s, u"web%1.example.net"_s.arg(i)},
                                          {u"host"_s, u"203.0.113.%1"_s.arg(i % 250)},
                                          {u"port"_s, 22},
                                          {u"username"_s, u"root"_s},
                                          {u"secret"_s, u"correct-horse-%1"_s.arg(i)}}));
    });
    if (!written.isEmpty())
        return failed(written);
    const QByteArray auth = "Bearer " + token.toLatin1();
    const test::HttpReply listed = demo.api("GET", "/v1/entries", {}, token);
    const int items = QJsonDocument::fromJson(listed.body).object().value(u"items"_s).toArray().size();
    if (listed.status != 200 || items != kEntries)
        return failed(u"the list holds %1 entries, not %2"_s.arg(items).arg(kEntries));
    std::printf("# %d entries, list body %lld bytes, %d connections over TLS on loopback, wrk -t2, %.0f s per run\n",
                kEntries, qlonglong(listed.body.size()), kConnections, seconds);

    // The same bytes as a static file from Debian's nginx, on the same certificate.
    QTemporaryDir web(QDir::tempPath() + u"/credvault-bench-nginx-XXXXXX"_s);
    QFile::setPermissions(web.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                          QFileDevice::ReadOther | QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                          QFileDevice::ExeGroup);
    QDir(web.path()).mkpath(u"v1"_s);
    test::writeFile(web.path(), u"v1/entries"_s, listed.body);
    QFile::setPermissions(web.filePath(u"v1"_s), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                     QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                     QFileDevice::ExeOther);
    const quint16 nginxPort = freePort();
    const QByteArray w = web.path().toLocal8Bit();
    const QByteArray conf = QByteArray(::geteuid() == 0 ? "user root;\n" : "") + "worker_processes auto;\npid " + w +
                            "/nginx.pid;\nerror_log " + w +
                            "/error.log;\nevents { worker_connections 1024; }\nhttp {\n  access_log off;\n"
                            "  client_body_temp_path " +
                            w + "/body;\n  proxy_temp_path " + w + "/proxy;\n  fastcgi_temp_path " + w +
                            "/fastcgi;\n  uwsgi_temp_path " + w + "/uwsgi;\n  scgi_temp_path " + w +
                            "/scgi;\n"
                            "  keepalive_requests 1000000;\n  server {\n    listen 127.0.0.1:" +
                            QByteArray::number(nginxPort) + " ssl;\n    ssl_certificate " +
                            demo.pki(u"vault-server-chain.pem"_s).toLocal8Bit() + ";\n    ssl_certificate_key " +
                            demo.pki(u"vault-server.key"_s).toLocal8Bit() +
                            ";\n    ssl_protocols TLSv1.2 TLSv1.3;\n    root " + w +
                            ";\n    default_type application/json;\n  }\n}\n";
    test::writeFile(web.path(), u"nginx.conf"_s, conf);
    QProcess nginx;
    nginx.start(QStandardPaths::findExecutable(u"nginx"_s, {u"/usr/sbin"_s}),
                {u"-e"_s, web.filePath(u"error.log"_s), u"-p"_s, web.path(), u"-c"_s, web.filePath(u"nginx.conf"_s),
                 u"-g"_s, u"daemon off;"_s});
    if (!nginx.waitForStarted())
        return failed(u"nginx does not start"_s);
    QThread::msleep(500);
    if (nginx.state() != QProcess::Running)
        return failed(u"nginx stopped: %1"_s.arg(QString::fromLocal8Bit(nginx.readAllStandardError())));

    const QString vaultUrl = u"https://127.0.0.1:%1/v1/entries"_s.arg(demo.vault().port(u"api"_s));
    const QString nginxUrl = u"https://127.0.0.1:%1/v1/entries"_s.arg(nginxPort);
    runWrk(vaultUrl, auth, 1); // warm-up: caches, connections
    runWrk(nginxUrl, {}, 1);
    const WrkResult ours = runWrk(vaultUrl, auth, seconds);
    const WrkResult theirs = runWrk(nginxUrl, {}, seconds);
    nginx.terminate();
    nginx.waitForFinished(5000);
    if (ours.requests == 0 || theirs.requests == 0)
        return failed(u"wrk measured nothing:\n%1\n%2"_s.arg(QString::fromLatin1(ours.output),
                                                             QString::fromLatin1(theirs.output)));
    print("list_1000_per_s", ours.perSecond);
    print("list_1000_p99_ms", ours.p99Ms);
    print("list_1000_errors", double(ours.errors));
    print("nginx_static_per_s", theirs.perSecond);
    print("nginx_static_p99_ms", theirs.p99Ms);
    print("ratio_list_vs_nginx", ours.perSecond / theirs.perSecond);
    return ours.errors == 0 && theirs.errors == 0 ? 0 : 1;
}

} // namespace credvault::bench
