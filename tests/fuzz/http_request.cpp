// Fuzz target: the service library's HTTP request parsing and routing. The first byte
// picks the limits (the real ones, or small ones so the 413/431 paths are reached) and
// the size of the pieces the rest is fed in, as a connection would deliver it. The
// request is fed twice, in pieces and at once: it must be accepted both ways, as the same
// request, or neither (see below). A complete request is then routed the way HttpsServer does it, through a
// router with both servers' route patterns, and the handlers read what real handlers
// read (query values, headers, the JSON body, the path id).

#include "FuzzSupport.h"

#include "service/HttpRequestParser.h"
#include "service/JsonRequest.h"
#include "service/Router.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

namespace {

Response readLikeAHandler(const Request &req)
{
    (void)req.header("Authorization");
    for (const QString &key : {u"account_id"_s, u"after"_s, u"limit"_s, u"include_deleted"_s, u"query"_s})
        (void)req.queryValue(key);
    if (req.params.contains(u"id"_s))
        fuzz::check(!pathId(req).isNull(), "a routed {id:uuid} is a UUID");
    auto body = jsonBody(req);
    if (const QJsonObject *o = std::get_if<QJsonObject>(&body)) {
        (void)bytesField(*o, u"envelope"_s, 0);
        (void)textField(*o, u"reason"_s, 500);
        (void)uuidField(*o, u"account_id"_s);
    }
    return Response::json(200, {});
}

const Router &router()
{
    static const Router r = [] {
        Router out;
        const auto add = [&out](const char *method, const QString &pattern) {
            fuzz::check(out.add(method, pattern, readLikeAHandler), "a route pattern is valid");
        };
        add("GET", u"/v1/health"_s);
        add("GET", u"/v1/accounts/{id:uuid}/public-key"_s);
        add("POST", u"/v1/unlock-sessions"_s);
        add("POST", u"/v1/unlock-session/decapsulate"_s);
        add("DELETE", u"/v1/unlock-session"_s);
        add("PUT", u"/v1/accounts/{id:uuid}"_s);
        add("DELETE", u"/v1/accounts/{id:uuid}"_s);
        add("POST", u"/v1/accounts/{id:uuid}/unlock-codes"_s);
        add("GET", u"/v1/accounts/{id:uuid}/audit"_s);
        add("GET", u"/v1/staff/accounts/{id:uuid}"_s);
        add("PUT", u"/v1/staff/accounts/{id:uuid}/unlock-email"_s);
        add("POST", u"/v1/login"_s);
        add("GET", u"/v1/entries"_s);
        add("GET", u"/v1/entries/{id:uuid}"_s);
        add("PUT", u"/v1/entries/{id:uuid}"_s);
        add("GET", u"/v1/items/{n:int}"_s);
        add("GET", u"/v1/files/{name}"_s);
        return out;
    }();
    return r;
}

struct Outcome {
    HttpRequestParser::State state;
    int status = 0;
    HttpRequest request;
};

Outcome parse(std::string_view bytes, const HttpLimits &limits, std::size_t piece)
{
    HttpRequestParser parser(limits);
    HttpRequestParser::State state = HttpRequestParser::State::NeedMore;
    for (std::size_t at = 0; at < bytes.size(); at += piece) {
        state = parser.feed(bytes.substr(at, piece));
        fuzz::check(state == parser.state(), "feed answers the state");
        if (state == HttpRequestParser::State::NeedMore)
            fuzz::check(parser.pendingBytes() <= limits.maxHeaderBytes + piece, "pending bytes stay bounded");
    }
    Outcome out{state, 0, {}};
    if (state == HttpRequestParser::State::Failed)
        out.status = parser.failureStatus();
    if (state == HttpRequestParser::State::Complete)
        out.request = parser.takeRequest();
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::setUp();
    fuzz::Input in(data, size);
    const std::uint8_t how = in.byte();
    const QByteArrayView rest = in.rest();
    const std::string_view bytes(rest.data(), std::size_t(rest.size()));

    HttpLimits limits;
    if (how & 0x80) {
        limits.maxHeaderBytes = 256;
        limits.maxBodyBytes = 64;
    }
    const std::size_t piece = std::size_t(how & 0x7f) + 1;

    const Outcome pieces = parse(bytes, limits, piece);
    const Outcome whole = parse(bytes, limits, std::max<std::size_t>(bytes.size(), 1));
    using State = HttpRequestParser::State;
    // A request is accepted (the same one) however its bytes came, or refused. Beast may
    // notice a refusal at another point when the bytes come in pieces: once it has asked
    // for more of an unfinished header it looks again only when the blank line that ends
    // it has come (or the limit is passed), and a chunked body is counted as it comes; so
    // where one way refuses, the other may still be waiting for more (a connection then
    // waits, bounded by the limits and the timeout).
    const bool agree = (pieces.state == State::Complete) == (whole.state == State::Complete);
    if (!agree)
        std::fprintf(stderr, "in pieces of %zu: state %d (status %d); at once: state %d (status %d)\n", piece,
                     int(pieces.state), pieces.status, int(whole.state), whole.status);
    fuzz::check(agree, "a request is accepted in pieces exactly when it is accepted whole");
    for (const Outcome *o : {&pieces, &whole})
        if (o->state == State::Failed)
            fuzz::check(o->status == 400 || o->status == 413 || o->status == 431, "a failure is 400/413/431");
    if (pieces.state == State::Failed && whole.state == State::Failed) {
        // A request both over a limit and malformed is 413/431 or 400 depending on which
        // Beast notices first, which depends on how the bytes came.
        const auto overLimit = [](int status) { return status == 413 || status == 431; };
        fuzz::check(pieces.status == whole.status || overLimit(pieces.status) || overLimit(whole.status),
                    "pieces and the whole fail alike");
    }
    if (pieces.state != State::Complete)
        return 0;
    const HttpRequest &r = pieces.request;
    fuzz::check(r.method == whole.request.method && r.target == whole.request.target &&
                    r.headers == whole.request.headers && r.body == whole.request.body,
                "pieces and the whole give the same request");
    fuzz::check(!r.method.isEmpty(), "a request has a method");
    fuzz::check(std::uint64_t(r.body.size()) <= limits.maxBodyBytes, "the body is within the limit");

    // As HttpsServer hands it to the router.
    Request req;
    req.method = r.method;
    req.setTarget(r.target);
    req.headers = r.headers;
    req.body = r.body;
    auto routed = router().match(req.method, req.path);
    if (Router::Match *m = std::get_if<Router::Match>(&routed)) {
        fuzz::check(m->handler != nullptr, "a match has a handler");
        req.params = m->params;
        (void)(*m->handler)(req);
    } else {
        const int status = std::get<Response>(routed).status;
        fuzz::check(status == 400 || status == 404 || status == 405, "no route is 400/404/405");
    }
    return 0;
}
