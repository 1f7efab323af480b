#include "service/HttpsServer.h"

#include "service/ServiceLog.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <array>
#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_set>

using namespace Qt::Literals::StringLiterals;

namespace credvault {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

namespace {

QString lastOpenSslError()
{
    const unsigned long e = ERR_get_error();
    ERR_clear_error();
    if (e == 0)
        return u"unknown error"_s;
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    return QString::fromLatin1(buf);
}

// The TLS context of one listener, with the trust store its client certificates are
// checked against. Replaced whole on reload; sessions keep the one they started with.
struct TlsContext {
    ssl::context ctx{ssl::context::tls_server};
    X509_STORE *trust = nullptr; // only when the listener asks for client certificates
    ClientCertRule rule = ClientCertRule::None;

    TlsContext() = default;
    TlsContext(const TlsContext &) = delete;
    TlsContext &operator=(const TlsContext &) = delete;
    ~TlsContext() { X509_STORE_free(trust); }
};

QString subjectEntry(X509 *cert, int nid)
{
    X509_NAME *name = X509_get_subject_name(cert);
    const int i = name ? X509_NAME_get_index_by_NID(name, nid, -1) : -1;
    if (i < 0)
        return {};
    unsigned char *utf8 = nullptr;
    const int n = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i)));
    const QString out = n > 0 ? QString::fromUtf8(reinterpret_cast<const char *>(utf8), n) : QString();
    OPENSSL_free(utf8);
    return out;
}

// Replaces OpenSSL's own chain check: ours, with our store (the listener's intermediate CA
// as anchor, its CRL, the clientAuth purpose) and the staff role rule.
int verifyClientCertificate(X509_STORE_CTX *sctx, void *arg)
{
    const auto *tls = static_cast<const TlsContext *>(arg);
    X509 *leaf = X509_STORE_CTX_get0_cert(sctx);
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    int ok = 0;
    int error = X509_V_ERR_UNSPECIFIED;
    if (ctx && leaf && X509_STORE_CTX_init(ctx, tls->trust, leaf, X509_STORE_CTX_get0_untrusted(sctx)) == 1) {
        X509_STORE_CTX_set_purpose(ctx, X509_PURPOSE_SSL_CLIENT);
        ok = X509_verify_cert(ctx) == 1;
        error = X509_STORE_CTX_get_error(ctx);
        if (ok && tls->rule == ClientCertRule::Staff) {
            const QString role = subjectEntry(leaf, NID_organizationalUnitName);
            if (role != u"support"_s && role != u"admin"_s) {
                ok = 0;
                error = X509_V_ERR_APPLICATION_VERIFICATION;
            }
        }
    }
    X509_STORE_CTX_free(ctx);
    X509_STORE_CTX_set_error(sctx, ok ? X509_V_OK : error);
    return ok;
}

template<typename T, typename Read>
Result<QList<T *>> readPemObjects(const QString &path, Read read, const QString &what)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorKind::Config, u"%1: cannot read %2"_s.arg(path, what), u"certificate"_s);
    const QByteArray pem = f.readAll();
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    QList<T *> out;
    while (T *obj = read(bio, nullptr, nullptr, nullptr))
        out.append(obj);
    BIO_free(bio);
    ERR_clear_error();
    if (out.isEmpty())
        return fail(ErrorKind::Config, u"%1: no %2 in it"_s.arg(path, what), u"certificate"_s);
    return out;
}

Result<std::shared_ptr<TlsContext>> makeTlsContext(const ListenerConfig &l)
{
    auto tls = std::make_shared<TlsContext>();
    tls->rule = l.rule;
    SSL_CTX *ctx = tls->ctx.native_handle();
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    // No resumption: every connection shows its certificate, so a revocation loaded on
    // SIGHUP applies to the next connection.
    SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    const QByteArray cert = QFile::encodeName(l.certificate);
    const QByteArray key = QFile::encodeName(l.privateKey);
    if (SSL_CTX_use_certificate_chain_file(ctx, cert.constData()) != 1)
        return fail(ErrorKind::Config,
                    u"[listener.%1] certificate %2 does not load: %3"_s.arg(l.name, l.certificate, lastOpenSslError()),
                    u"certificate"_s);
    if (SSL_CTX_use_PrivateKey_file(ctx, key.constData(), SSL_FILETYPE_PEM) != 1)
        return fail(ErrorKind::Config,
                    u"[listener.%1] private key %2 does not load: %3"_s.arg(l.name, l.privateKey, lastOpenSslError()),
                    u"certificate"_s);
    if (SSL_CTX_check_private_key(ctx) != 1)
        return fail(ErrorKind::Config,
                    u"[listener.%1] the private key does not belong to the certificate"_s.arg(l.name),
                    u"certificate"_s);
    if (l.rule == ClientCertRule::None)
        return tls;

    tls->trust = X509_STORE_new();
    Result<QList<X509 *>> cas = readPemObjects<X509>(l.clientCa, PEM_read_bio_X509, u"certificate"_s);
    if (!cas)
        return fail(cas.error());
    for (X509 *ca : *cas) {
        X509_STORE_add_cert(tls->trust, ca);
        X509_free(ca);
    }
    Result<QList<X509_CRL *>> crls = readPemObjects<X509_CRL>(l.crl, PEM_read_bio_X509_CRL, u"CRL"_s);
    if (!crls)
        return fail(crls.error());
    for (X509_CRL *crl : *crls) {
        X509_STORE_add_crl(tls->trust, crl);
        X509_CRL_free(crl);
    }
    // The configured CA is the anchor: a certificate must come from exactly that
    // intermediate, not from anything the root vouches for.
    X509_STORE_set_flags(tls->trust, X509_V_FLAG_PARTIAL_CHAIN | X509_V_FLAG_CRL_CHECK | X509_V_FLAG_X509_STRICT);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
    SSL_CTX_set_cert_verify_callback(ctx, verifyClientCertificate, tls.get());
    // Tell clients which CA to pick a certificate from.
    if (STACK_OF(X509_NAME) *names = SSL_load_client_CA_file(QFile::encodeName(l.clientCa).constData()))
        SSL_CTX_set_client_CA_list(ctx, names);
    return tls;
}

QString verifyFailure(SSL *ssl)
{
    const long r = SSL_get_verify_result(ssl);
    if (r == X509_V_OK)
        return {};
    if (r == X509_V_ERR_APPLICATION_VERIFICATION)
        return u"staff certificate without the role support or admin"_s;
    return QString::fromLatin1(X509_verify_cert_error_string(r));
}

} // namespace

struct HttpsListener;

struct HttpsServer::Impl {
    ServiceConfig config;
    ServerOptions options;
    asio::io_context ioc;
    std::unique_ptr<asio::thread_pool> workers;
    std::vector<std::unique_ptr<HttpsListener>> listeners;
    std::atomic<int> connections{0};
    std::atomic<bool> draining{false};
    std::mutex sessionsMutex;
    std::unordered_set<struct HttpsSession *> sessions;

    Impl(ServiceConfig c, ServerOptions o) : config(std::move(c)), options(o) {}
    void accept(HttpsListener &l);
    void stop();
};

struct HttpsListener {
    ListenerConfig config;
    Router router;
    tcp::acceptor acceptor;
    std::mutex tlsMutex;
    std::shared_ptr<TlsContext> tls;

    HttpsListener(asio::io_context &ioc, ListenerConfig c) : config(std::move(c)), acceptor(ioc) {}
    std::shared_ptr<TlsContext> currentTls()
    {
        const std::lock_guard lock(tlsMutex);
        return tls;
    }
};

struct HttpsSession : std::enable_shared_from_this<HttpsSession> {
    HttpsServer::Impl &server;
    HttpsListener &listener;
    std::shared_ptr<TlsContext> tls;
    ssl::stream<beast::tcp_stream> stream;
    // Requests are read through HttpRequestParser, the parser that is fuzzed and
    // unit-tested: it counts the whole header against its limit however it arrives,
    // bounds a chunked body's chunk lines and trailer, and works around Boost 1.81's
    // assertion on a chunked body's last bytes arriving in pieces (decision 53).
    std::optional<HttpRequestParser> parser;
    std::array<char, 16384> readBuffer{};
    std::string carried; // bytes after the last request: the start of the next one
    // The answer's body is sent from the handler's QByteArray itself (no copy: lists of
    // entries are hundreds of kilobytes).
    std::optional<http::response<http::span_body<const char>>> response;
    QByteArray responseBody;
    QHostAddress remote;
    PeerIdentity peer;
    bool busy = false; // a request is being handled or answered
    bool closing = false;
    QElapsedTimer requestTimer;
    QByteArray logMethod;
    QString logPath;

    HttpsSession(HttpsServer::Impl &s, HttpsListener &l, std::shared_ptr<TlsContext> t, tcp::socket socket)
        : server(s), listener(l), tls(std::move(t)), stream(beast::tcp_stream(std::move(socket)), tls->ctx)
    {
        boost::system::error_code ec;
        const tcp::endpoint ep = beast::get_lowest_layer(stream).socket().remote_endpoint(ec);
        if (!ec)
            remote = QHostAddress(QString::fromStdString(ep.address().to_string()));
        const std::lock_guard lock(server.sessionsMutex);
        server.sessions.insert(this);
    }

    ~HttpsSession()
    {
        {
            const std::lock_guard lock(server.sessionsMutex);
            server.sessions.erase(this);
        }
        --server.connections;
    }

    void start()
    {
        beast::get_lowest_layer(stream).expires_after(server.options.timeout);
        stream.async_handshake(ssl::stream_base::server,
                               beast::bind_front_handler(&HttpsSession::onHandshake, shared_from_this()));
    }

    void onHandshake(const boost::system::error_code &ec)
    {
        if (ec) {
            // Say why a client certificate was refused; other failed handshakes (scanners,
            // plain HTTP) are not worth a line each.
            if (tls->rule != ClientCertRule::None) {
                QString why = verifyFailure(stream.native_handle());
                if (why.isEmpty() && !SSL_get0_peer_certificate(stream.native_handle()))
                    why = u"no client certificate"_s;
                if (!why.isEmpty())
                    serviceLog(
                        u"%1: refused a connection from %2: %3"_s.arg(listener.config.name, remote.toString(), why));
                // With TLS 1.3 the client may already be sending its request: closing
                // with that unread would reset the connection and could drop the alert
                // that says why (revoked, expired, unknown CA) before the client reads it.
                lingerAndClose();
            }
            return; // the socket closes as the session goes
        }
        if (tls->rule != ClientCertRule::None) {
            X509 *leaf = SSL_get0_peer_certificate(stream.native_handle());
            peer.role = tls->rule;
            peer.name = leaf ? subjectEntry(leaf, NID_commonName) : QString();
            if (tls->rule == ClientCertRule::Staff && leaf)
                peer.staffRole = subjectEntry(leaf, NID_organizationalUnitName);
        }
        readRequest();
    }

    void readRequest()
    {
        if (server.draining.load()) {
            close();
            return;
        }
        busy = false;
        parser.emplace(server.options.limits);
        // One deadline for the whole request, however slowly its bytes come.
        beast::get_lowest_layer(stream).expires_after(server.options.timeout);
        if (!carried.empty() &&
            parser->feed(std::exchange(carried, std::string())) != HttpRequestParser::State::NeedMore) {
            onParsed();
            return;
        }
        readSome();
    }

    void readSome()
    {
        // Qt's HTTP client (QNetworkAccessManager: both apps) leaves Nagle's algorithm on, so
        // the last, partial TLS record of a request body waits for the ACK of what went
        // before; a Linux receiver that has nothing to send back delays that ACK by 40 ms.
        // Every request with a body over one record (an unlock's decapsulation of 1,000
        // encs: 50 KB) took 40 ms longer. An immediate ACK is asked for before each read
        // (the flag does not stay set on its own).
#ifdef TCP_QUICKACK
        const int one = 1;
        ::setsockopt(beast::get_lowest_layer(stream).socket().native_handle(), IPPROTO_TCP, TCP_QUICKACK, &one,
                     sizeof one);
#endif
        stream.async_read_some(
            asio::buffer(readBuffer),
            [self = shared_from_this()](const boost::system::error_code &ec, std::size_t n) { self->onBytes(ec, n); });
    }

    void onBytes(const boost::system::error_code &ec, std::size_t n)
    {
        // The client went, timed out or sent garbage TLS; or the server is stopping.
        if (ec) {
            close();
            return;
        }
        if (parser->feed(std::string_view(readBuffer.data(), n)) == HttpRequestParser::State::NeedMore) {
            readSome();
            return;
        }
        onParsed();
    }

    void onParsed()
    {
        busy = true;
        requestTimer.start();
        if (parser->state() == HttpRequestParser::State::Failed) {
            // Limits and malformed requests: answer, then drain a little and close.
            const int status = parser->failureStatus();
            const QString code = status == 431   ? u"headers_too_large"_s
                                 : status == 413 ? u"body_too_large"_s
                                                 : u"bad_request"_s;
            logMethod = "-";
            logPath = u"-"_s;
            closing = true;
            write(Response::error(status, code, parser->failureReason()));
            return;
        }
        HttpRequest msg = parser->takeRequest();
        carried = parser->takeRemainder();
        Request req;
        req.method = msg.method;
        req.setTarget(msg.target);
        req.headers = std::move(msg.headers);
        req.body = std::move(msg.body);
        req.listener = listener.config.name;
        req.peer = peer;
        req.remoteAddress = remote;
        closing = !msg.keepAlive;
        logMethod = req.method;
        logPath = req.path;

        auto routed = listener.router.match(req.method, req.path);
        if (Response *r = std::get_if<Response>(&routed)) {
            write(std::move(*r));
            return;
        }
        Router::Match m = std::get<Router::Match>(std::move(routed));
        req.params = std::move(m.params);
        if (m.asyncHandler) {
            // The handler answers later, from any thread; the answer comes back here.
            auto answered = std::make_shared<std::atomic<bool>>(false);
            Responder respond = [self = shared_from_this(), answered](Response r) {
                if (answered->exchange(true))
                    return; // a second answer is a bug in the handler; the first one stands
                asio::post(self->stream.get_executor(),
                           [self, r = std::move(r)]() mutable { self->write(std::move(r)); });
            };
            try {
                (*m.asyncHandler)(req, respond);
            } catch (...) {
                serviceLog(u"handler for %1 %2 failed"_s.arg(QString::fromLatin1(req.method), req.path));
                respond(Response::error(500, u"internal"_s, u"the server failed to handle the request"_s));
            }
            return;
        }
        const Handler *handler = m.handler;
        if (m.execution == Execution::Pool) {
            asio::post(*server.workers, [self = shared_from_this(), handler, req = std::move(req)] {
                Response r = self->call(*handler, req);
                asio::post(self->stream.get_executor(),
                           [self, r = std::move(r)]() mutable { self->write(std::move(r)); });
            });
            return;
        }
        write(call(*handler, req));
    }

    static Response call(const Handler &handler, const Request &req)
    {
        try {
            return handler(req);
        } catch (const std::exception &e) {
            serviceLog(u"handler for %1 %2 failed: %3"_s.arg(QString::fromLatin1(req.method), req.path,
                                                             QString::fromLocal8Bit(e.what())));
        } catch (...) {
            serviceLog(u"handler for %1 %2 failed"_s.arg(QString::fromLatin1(req.method), req.path));
        }
        return Response::error(500, u"internal"_s, u"the server failed to handle the request"_s);
    }

    void write(Response r)
    {
        response.emplace();
        response->version(11);
        response->result(http::status(r.status));
        response->set(http::field::content_type,
                      std::string_view(r.contentType.constData(), std::size_t(r.contentType.size())));
        response->set(http::field::cache_control, "no-store");
        for (const auto &h : r.headers)
            response->set(std::string_view(h.first.constData(), std::size_t(h.first.size())),
                          std::string_view(h.second.constData(), std::size_t(h.second.size())));
        responseBody = r.body;
        response->body() =
            http::span_body<const char>::value_type(responseBody.constData(), std::size_t(responseBody.size()));
        if (server.draining.load())
            closing = true;
        response->keep_alive(!closing);
        response->prepare_payload();
        serviceLog(u"%1 %2 %3 %4 %5 B %6 ms%7"_s.arg(listener.config.name, QString::fromLatin1(logMethod), logPath)
                       .arg(r.status)
                       .arg(r.body.size())
                       .arg(requestTimer.elapsed())
                       .arg(peer.role == ClientCertRule::None
                                ? QString()
                                : u" (%1 %2)"_s.arg(clientCertRuleName(peer.role), peer.name)));
        beast::get_lowest_layer(stream).expires_after(server.options.timeout);
        http::async_write(stream, *response, beast::bind_front_handler(&HttpsSession::onWrite, shared_from_this()));
    }

    void onWrite(const boost::system::error_code &ec, std::size_t)
    {
        response.reset();
        responseBody.clear();
        if (ec) {
            close();
            return;
        }
        if (closing) {
            lingerAndClose();
            return;
        }
        readRequest();
    }

    // After an error answer, or a refused handshake whose alert is out, the client may
    // still be sending (a 1 GB body; with TLS 1.3 the request right after its handshake):
    // closing with that unread would reset the connection and could destroy the answer or
    // the alert before the client reads it. So: say no more, read and discard until the
    // client closes, 8 MiB or 2 s — one deadline for the whole, however the bytes trickle.
    std::array<char, 16384> scratch{};
    std::size_t drained = 0;
    void lingerAndClose()
    {
        boost::system::error_code ignored;
        beast::get_lowest_layer(stream).socket().shutdown(tcp::socket::shutdown_send, ignored);
        beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(2));
        discardUntilClosed();
    }
    void discardUntilClosed()
    {
        beast::get_lowest_layer(stream).async_read_some(
            asio::buffer(scratch), [self = shared_from_this()](const boost::system::error_code &ec, std::size_t n) {
                self->drained += n;
                if (ec || self->drained > 8 * 1024 * 1024)
                    self->close();
                else
                    self->discardUntilClosed(); // the deadline set once stays
            });
    }

    void close()
    {
        boost::system::error_code ignored;
        beast::get_lowest_layer(stream).socket().shutdown(tcp::socket::shutdown_both, ignored);
        beast::get_lowest_layer(stream).close();
    }

    // From SIGTERM: an idle connection closes now, a busy one after its answer.
    void drain()
    {
        closing = true;
        if (!busy)
            beast::get_lowest_layer(stream).cancel();
    }
};

void HttpsServer::Impl::accept(HttpsListener &l)
{
    l.acceptor.async_accept(
        asio::make_strand(ioc), [this, &l](const boost::system::error_code &ec, tcp::socket socket) {
            if (ec == asio::error::operation_aborted || !l.acceptor.is_open())
                return;
            if (!ec) {
                if (connections.load() >= options.maxConnections) {
                    serviceLog(u"%1: connection limit (%2) reached; refusing a connection"_s.arg(l.config.name)
                                   .arg(options.maxConnections));
                    boost::system::error_code ignored;
                    socket.close(ignored);
                } else {
                    ++connections;
                    socket.set_option(tcp::no_delay(true));
                    std::make_shared<HttpsSession>(*this, l, l.currentTls(), std::move(socket))->start();
                }
            }
            accept(l);
        });
}

void HttpsServer::Impl::stop()
{
    if (draining.exchange(true))
        return;
    serviceLog(u"stopping: no new connections, draining requests in flight"_s);
    for (auto &l : listeners) {
        boost::system::error_code ignored;
        l->acceptor.close(ignored);
    }
    {
        const std::lock_guard lock(sessionsMutex);
        for (HttpsSession *s : sessions) {
            // Sessions live in their own strands; ask each there.
            asio::post(s->stream.get_executor(), [w = s->weak_from_this()] {
                if (auto p = w.lock())
                    p->drain();
            });
        }
    }
    auto timer = std::make_shared<asio::steady_timer>(ioc);
    auto deadline = std::chrono::steady_clock::now() + options.drainTimeout;
    auto poll = std::make_shared<std::function<void()>>();
    *poll = [this, timer, deadline, poll] {
        if (connections.load() == 0 || std::chrono::steady_clock::now() >= deadline) {
            if (connections.load() > 0)
                serviceLog(
                    u"%1 connection(s) still open after the drain timeout; closing them"_s.arg(connections.load()));
            ioc.stop();
            *poll = nullptr;
            return;
        }
        timer->expires_after(std::chrono::milliseconds(20));
        timer->async_wait([poll](const boost::system::error_code &) {
            if (*poll)
                (*poll)();
        });
    };
    asio::post(ioc, [poll] { (*poll)(); });
}

HttpsServer::HttpsServer(ServiceConfig config, ServerOptions options)
    : d(std::make_unique<Impl>(std::move(config), options))
{
    for (const ListenerConfig &lc : d->config.listeners) {
        auto l = std::make_unique<HttpsListener>(d->ioc, lc);
        const QString name = lc.name;
        l->router.add("GET", u"/v1/health"_s, [name](const Request &) {
            return Response::json(200, QJsonObject{{u"status"_s, u"ok"_s}, {u"listener"_s, name}});
        });
        d->listeners.push_back(std::move(l));
    }
}

HttpsServer::~HttpsServer()
{
    if (d->workers)
        d->workers->join();
}

Router *HttpsServer::router(const QString &listener)
{
    for (auto &l : d->listeners)
        if (l->config.name == listener)
            return &l->router;
    return nullptr;
}

Result<void> HttpsServer::start()
{
    for (auto &l : d->listeners) {
        Result<std::shared_ptr<TlsContext>> tls = makeTlsContext(l->config);
        if (!tls)
            return fail(tls.error());
        l->tls = *tls;
    }
    for (auto &l : d->listeners) {
        const tcp::endpoint ep(asio::ip::make_address(l->config.address.toString().toStdString()), l->config.port);
        boost::system::error_code ec;
        l->acceptor.open(ep.protocol(), ec);
        if (!ec)
            l->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
        if (!ec)
            l->acceptor.bind(ep, ec);
        if (!ec)
            l->acceptor.listen(asio::socket_base::max_listen_connections, ec);
        if (ec)
            return fail(ErrorKind::Io,
                        u"cannot listen on %1:%2 (%3): %4"_s.arg(l->config.address.toString())
                            .arg(l->config.port)
                            .arg(l->config.name, QString::fromStdString(ec.message())),
                        u"listen"_s);
    }
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    d->workers = std::make_unique<asio::thread_pool>(
        std::size_t(d->options.workerThreads > 0 ? d->options.workerThreads : cores));
    for (auto &l : d->listeners)
        d->accept(*l);
    return {};
}

quint16 HttpsServer::port(const QString &listener) const
{
    for (const auto &l : d->listeners)
        if (l->config.name == listener && l->acceptor.is_open())
            return l->acceptor.local_endpoint().port();
    return 0;
}

QStringList HttpsServer::listeningLines() const
{
    QStringList lines;
    for (const auto &l : d->listeners) {
        const QString host = l->config.address.protocol() == QAbstractSocket::IPv6Protocol
                                 ? u"[%1]"_s.arg(l->config.address.toString())
                                 : l->config.address.toString();
        lines.append(u"listening on https://%1:%2 (%3)"_s.arg(host).arg(port(l->config.name)).arg(l->config.name));
    }
    return lines;
}

Result<void> HttpsServer::reload()
{
    std::vector<std::shared_ptr<TlsContext>> fresh;
    for (auto &l : d->listeners) {
        Result<std::shared_ptr<TlsContext>> tls = makeTlsContext(l->config);
        if (!tls) {
            serviceLog(u"reload failed, keeping the certificates and CRLs in use: %1"_s.arg(tls.error().message));
            return fail(tls.error());
        }
        fresh.push_back(*tls);
    }
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        const std::lock_guard lock(d->listeners[i]->tlsMutex);
        d->listeners[i]->tls = fresh[i];
    }
    serviceLog(u"reloaded certificates and CRLs"_s);
    return {};
}

int HttpsServer::runUntilSignalled()
{
    asio::signal_set signals(d->ioc, SIGTERM, SIGINT, SIGHUP);
    std::function<void(const boost::system::error_code &, int)> onSignal = [&](const boost::system::error_code &ec,
                                                                               int sig) {
        if (ec)
            return;
        if (sig == SIGHUP) {
            (void)reload();
            signals.async_wait(onSignal);
            return;
        }
        d->stop();
    };
    signals.async_wait(onSignal);
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    const int n = d->options.ioThreads > 0 ? d->options.ioThreads : d->config.threads > 0 ? d->config.threads : cores;
    std::vector<std::thread> threads;
    for (int i = 1; i < n; ++i)
        threads.emplace_back([this] { d->ioc.run(); });
    d->ioc.run();
    for (auto &t : threads)
        t.join();
    d->workers->join();
    serviceLog(u"stopped"_s);
    return 0;
}

} // namespace credvault
