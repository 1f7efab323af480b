#include "FuzzServer.h"

#include "FuzzSupport.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <future>
#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace credvault::fuzz {

namespace {

std::optional<TextRequest> parseRequest(QByteArray block, const Placeholders &placeholders)
{
    for (const auto &[name, value] : placeholders)
        block.replace(name, value);
    TextRequest r;
    const qsizetype headEnd = block.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? block : block.left(headEnd);
    r.body = headEnd < 0 ? QByteArray() : block.mid(headEnd + 2);
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> first = lines.value(0).split(' ');
    if (first.size() != 3)
        return std::nullopt;
    r.listener = QString::fromUtf8(first[0]);
    r.method = first[1];
    r.target = first[2];
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            r.headers.append({lines[i].left(colon), lines[i].mid(colon + 1).trimmed()});
    }
    return r;
}

// What later requests of the input may use: the newest session id and sign-in token.
void learn(const Response &answer, Placeholders &placeholders)
{
    const QJsonObject o = QJsonDocument::fromJson(answer.body).object();
    for (const auto &learnt :
         {std::pair{u"session_id"_s, QByteArray("$NEW_SESSION")}, std::pair{u"token"_s, QByteArray("$NEW_TOKEN")}}) {
        const QByteArray &name = learnt.second;
        if (!o.value(learnt.first).isString())
            continue;
        const QByteArray value = o.value(learnt.first).toString().toLatin1();
        const auto known =
            std::find_if(placeholders.begin(), placeholders.end(), [&name](const auto &p) { return p.first == name; });
        if (known != placeholders.end())
            known->second = value;
        else
            placeholders.prepend({name, value});
    }
}

} // namespace

void runInput(QByteArrayView input, Placeholders placeholders, const std::function<Response(const TextRequest &)> &call,
              int max)
{
    const QByteArray text = input.toByteArray();
    qsizetype from = 0;
    for (int n = 0; from <= text.size() && n < max; ++n) {
        qsizetype end = text.indexOf("\n%%\n", from);
        if (end < 0)
            end = text.size();
        const std::optional<TextRequest> r = parseRequest(text.mid(from, end - from), placeholders);
        from = end + 4;
        if (r)
            learn(call(*r), placeholders);
    }
}

Response dispatch(HttpsServer &server, const TextRequest &text, const PeerIdentity &peer)
{
    Router *router = server.router(text.listener);
    if (!router)
        return Response::error(404, u"no_listener"_s, u"no such listener"_s);
    // As HttpsServer hands a parsed request to its router.
    Request req;
    req.method = text.method;
    req.setTarget(text.target);
    req.headers = text.headers;
    req.body = text.body;
    req.listener = text.listener;
    req.peer = peer;

    auto routed = router->match(req.method, req.path);
    Response answer;
    if (Response *r = std::get_if<Response>(&routed)) {
        answer = *r;
    } else {
        Router::Match m = std::get<Router::Match>(std::move(routed));
        req.params = std::move(m.params);
        try {
            if (m.asyncHandler) {
                auto promise = std::make_shared<std::promise<Response>>();
                auto answered = std::make_shared<std::atomic<bool>>(false);
                std::future<Response> future = promise->get_future();
                (*m.asyncHandler)(req, [promise, answered](Response r) {
                    check(!answered->exchange(true), "an asynchronous handler answers once");
                    promise->set_value(std::move(r));
                });
                check(future.wait_for(std::chrono::seconds(20)) == std::future_status::ready,
                      "an asynchronous handler answers");
                answer = future.get();
            } else {
                answer = (*m.handler)(req);
            }
        } catch (const std::exception &e) {
            std::fprintf(stderr, "handler for %s threw: %s\n", text.target.constData(), e.what());
            check(false, "a handler does not throw");
        }
    }
    static const bool verbose = qEnvironmentVariableIsSet("CREDVAULT_FUZZ_VERBOSE");
    if (verbose)
        std::fprintf(stderr, "%s %s %s -> %d %s\n", qPrintable(text.listener), text.method.constData(),
                     text.target.constData(), answer.status, answer.body.left(160).constData());
    check(answer.status >= 200 && answer.status <= 599, "a status from 200 to 599");
    check(answer.status != 500, "no 500 (internal error) for what a client sent");
    if (!answer.body.isEmpty()) {
        QJsonParseError error{};
        (void)QJsonDocument::fromJson(answer.body, &error);
        check(error.error == QJsonParseError::NoError, "an answer body is JSON");
    }
    return answer;
}

ServiceConfig loadConfig(const QString &name, const QByteArray &text, const ServiceSpec &spec)
{
    deployment();
    const QString path = writeTempFile(name, text);
    Result<ServiceConfig> config = ServiceConfig::load(path, spec);
    if (!config)
        std::fprintf(stderr, "%s\n", qPrintable(config.error().message));
    check(config.ok(), "the server's configuration loads");
    return std::move(*config);
}

} // namespace credvault::fuzz
