// credvault-test-https-server --config F: a server built on credvault-server-common with
// the keyserver's three listeners (public: no client certificate; services and staff:
// required) and a few routes for the HTTPS service tests:
//   GET  /v1/whoami          the verified peer's role and name
//   POST /v1/echo            the body's size and SHA-256
//   GET  /v1/burn?ms=N       burns CPU for N ms on the worker pool
//   GET  /v1/items/{n:int}   a typed parameter
//   GET  /v1/later?ms=N      answers from another thread after N ms (an async handler)
#include "crypto/Primitives.h"
#include "service/ServerMain.h"

#include <QtCore/QElapsedTimer>

#include <thread>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

int main(int argc, char **argv)
{
    ServiceSpec spec;
    spec.executable = u"credvault-test-https-server"_s;
    spec.description = u"A test server on the CredVault HTTPS service library."_s;
    spec.listeners = {{u"public"_s, ClientCertRule::None},
                      {u"services"_s, ClientCertRule::Service},
                      {u"staff"_s, ClientCertRule::Staff}};
    return runServerMain(spec, argc, argv, [](HttpsServer &server, const ServiceConfig &) -> Result<void> {
        for (const QString &name : {u"public"_s, u"services"_s, u"staff"_s}) {
            Router *r = server.router(name);
            r->add("GET", u"/v1/whoami"_s, [](const Request &req) {
                return Response::json(200, QJsonObject{{u"listener"_s, req.listener},
                                                       {u"role"_s, clientCertRuleName(req.peer.role)},
                                                       {u"name"_s, req.peer.name},
                                                       {u"staff_role"_s, req.peer.staffRole}});
            });
            r->add("POST", u"/v1/echo"_s, [](const Request &req) {
                const crypto::Digest d = crypto::sha256({req.body});
                return Response::json(
                    200, QJsonObject{{u"size"_s, req.body.size()},
                                     {u"sha256"_s, QString::fromLatin1(crypto::bytesView(d).toByteArray().toHex())}});
            });
            r->add(
                "GET", u"/v1/burn"_s,
                [](const Request &req) {
                    const int ms = req.queryValue(u"ms"_s).toInt();
                    QElapsedTimer t;
                    t.start();
                    volatile unsigned long x = 0;
                    while (t.elapsed() < ms)
                        x = x + 1;
                    return Response::json(200, QJsonObject{{u"burned_ms"_s, ms}});
                },
                Execution::Pool);
            r->addAsync("GET", u"/v1/later"_s, [](const Request &req, Responder respond) {
                const int ms = req.queryValue(u"ms"_s).toInt();
                std::thread([ms, respond] {
                    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
                    respond(Response::json(200, QJsonObject{{u"waited_ms"_s, ms}}));
                }).detach();
            });
            r->add("GET", u"/v1/items/{n:int}"_s, [](const Request &req) {
                return Response::json(200, QJsonObject{{u"n"_s, req.params.value(u"n"_s)}});
            });
        }
        return {};
    });
}
