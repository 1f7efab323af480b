#pragma once

// HttpsServer: the HTTPS service both servers stand on (Boost.Beast/Asio behind this
// header). Several TLS listeners on one io_context run by a thread per core; TLS 1.2+
// only; per listener a client-certificate rule, checked in our own code with
// X509_verify_cert against the listener's intermediate CA with its CRL (X509_V_FLAG_
// CRL_CHECK) and the clientAuth purpose — staff certificates must carry the role
// support or admin. Requests are read through HttpRequestParser (the parser that is
// fuzzed), which enforces the limits before anything is buffered
// (headers ≤ 16 KiB → 431, bodies ≤ 1 MiB → 413, also chunked); idle, handshake and read
// timeouts; a cap on connections. Each request is logged as one line, without body,
// query, token or session id. SIGTERM and SIGINT drain and stop; SIGHUP reloads
// certificates and CRLs (a failed reload keeps the old ones).

#include "common/Result.h"
#include "service/HttpRequestParser.h"
#include "service/Router.h"
#include "service/ServiceConfig.h"

#include <QtCore/QStringList>

#include <chrono>
#include <memory>

namespace credvault {

struct ServerOptions {
    HttpLimits limits;
    std::chrono::milliseconds timeout{10000};     // handshake, idle and read timeout
    std::chrono::milliseconds drainTimeout{5000}; // how long SIGTERM waits for requests in flight
    int maxConnections = 512;
    int ioThreads = 0;     // 0: the configuration's threads, or one per core
    int workerThreads = 0; // for Execution::Pool routes; 0: one per core
};

class HttpsServer {
public:
    explicit HttpsServer(ServiceConfig config, ServerOptions options = {});
    ~HttpsServer();
    HttpsServer(const HttpsServer &) = delete;
    HttpsServer &operator=(const HttpsServer &) = delete;

    /// The router of a listener; GET /v1/health is there already. nullptr for an unknown name.
    Router *router(const QString &listener);

    /// Loads certificates, keys, CAs and CRLs and binds every listener. Errors: Config
    /// (a certificate or key that does not load), Io (an address that cannot be bound).
    Result<void> start();
    /// "listening on https://HOST:PORT (NAME)", one per listener, after start().
    QStringList listeningLines() const;
    quint16 port(const QString &listener) const;

    /// Serves until SIGTERM or SIGINT (then drains) and returns the exit code (0).
    int runUntilSignalled();
    /// Reloads certificates and CRLs now (what SIGHUP does).
    Result<void> reload();

    struct Impl; // opaque: Boost.Beast stays in HttpsServer.cpp

private:
    std::unique_ptr<Impl> d;
};

} // namespace credvault
