#include "service/HttpRequestParser.h"

#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <string>
#include <utility>

namespace credvault {

namespace http = boost::beast::http;
using namespace Qt::Literals::StringLiterals;

struct HttpRequestParser::Impl {
    explicit Impl(HttpLimits l) : limits(l)
    {
        parser.header_limit(std::uint32_t(limits.maxHeaderBytes));
        parser.body_limit(limits.maxBodyBytes);
        // Not eager: a put() that ends the header stops there, so its count is the
        // header's alone (see headerBytes).
        parser.eager(false);
    }

    void failWith(const boost::system::error_code &ec)
    {
        state = State::Failed;
        if (ec == http::error::header_limit) {
            status = 431;
            reason = u"request headers are larger than %1 bytes"_s.arg(limits.maxHeaderBytes);
        } else if (ec == http::error::body_limit) {
            status = 413;
            reason = u"request body is larger than %1 bytes"_s.arg(limits.maxBodyBytes);
        } else {
            status = 400;
            reason = u"malformed HTTP request: %1"_s.arg(QString::fromStdString(ec.message()));
        }
        pending.clear();
    }

    HttpLimits limits;
    http::request_parser<http::string_body> parser;
    std::string pending;         // bytes Beast has not consumed yet (it needs whole header blocks)
    std::size_t headerBytes = 0; // consumed so far as header: Beast's header_limit applies to
                                 // the start line and to the fields each on their own, so a
                                 // header arriving whole could be almost twice the limit
    bool chunkWait = false;      // see feed()
    State state = State::NeedMore;
    int status = 0;
    QString reason;
};

HttpRequestParser::HttpRequestParser(HttpLimits limits) : d(std::make_unique<Impl>(limits))
{}
HttpRequestParser::~HttpRequestParser() = default;

HttpRequestParser::State HttpRequestParser::feed(std::string_view bytes)
{
    if (d->state != State::NeedMore) {
        if (d->state == State::Complete)
            d->pending.append(bytes);
        return d->state;
    }
    d->pending.append(bytes);
    while (!d->pending.empty() && !d->parser.is_done()) {
        // Boost 1.81's Beast asserts (aborts, in a build with assertions) when the rest of an
        // unfinished last chunk comes in pieces of under 5 bytes ("0\r\n", then "\r"); fixed
        // upstream in Boost 1.86 (beast#2861). After "need more" in a chunked body it is given
        // 5 bytes at least: that only waits for bytes a chunked body needs anyway (it ends
        // with "0\r\n\r\n"), and the request ends the same.
        if (d->chunkWait && d->pending.size() < 5)
            break;
        const bool inHeader = !d->parser.is_header_done();
        boost::system::error_code ec;
        const std::size_t used = d->parser.put(boost::asio::buffer(d->pending.data(), d->pending.size()), ec);
        d->pending.erase(0, used);
        // The whole header (start line, fields, blank line) counts against the limit: what
        // Beast consumed of it and, while its end has not come, what waits (then at least
        // one more byte is to come).
        if (inHeader) {
            d->headerBytes += used;
            const bool waiting = ec == http::error::need_more && !d->parser.is_header_done();
            if (waiting ? d->headerBytes + d->pending.size() >= d->limits.maxHeaderBytes
                        : d->headerBytes > d->limits.maxHeaderBytes) {
                d->failWith(http::error::header_limit);
                return d->state;
            }
        }
        d->chunkWait = ec == http::error::need_more && d->parser.is_header_done() && d->parser.chunked();
        // Beast bounds a chunked body's data, not its chunk lines and trailer: one that never
        // ends would be buffered for ever. They are header-like, so they get the header limit.
        if (d->chunkWait && d->pending.size() >= d->limits.maxHeaderBytes) {
            d->state = State::Failed;
            d->status = 400;
            d->reason = u"a chunk line or trailer larger than %1 bytes"_s.arg(d->limits.maxHeaderBytes);
            d->pending.clear();
            return d->state;
        }
        if (ec == http::error::need_more)
            break;
        if (ec) {
            d->failWith(ec);
            return d->state;
        }
        if (used == 0)
            break;
    }
    if (d->parser.is_done())
        d->state = State::Complete;
    return d->state;
}

HttpRequestParser::State HttpRequestParser::state() const
{
    return d->state;
}

int HttpRequestParser::failureStatus() const
{
    return d->status;
}

QString HttpRequestParser::failureReason() const
{
    return d->reason;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest out;
    if (d->state != State::Complete)
        return out;
    http::request<http::string_body> req = d->parser.release();
    out.method = QByteArray(req.method_string().data(), qsizetype(req.method_string().size()));
    out.target = QByteArray(req.target().data(), qsizetype(req.target().size()));
    out.versionMajor = int(req.version() / 10);
    out.versionMinor = int(req.version() % 10);
    for (const auto &field : req) {
        out.headers.append({QByteArray(field.name_string().data(), qsizetype(field.name_string().size())),
                            QByteArray(field.value().data(), qsizetype(field.value().size()))});
    }
    out.keepAlive = req.keep_alive();
    out.body = QByteArray(req.body().data(), qsizetype(req.body().size()));
    return out;
}

std::size_t HttpRequestParser::pendingBytes() const
{
    return d->pending.size();
}

std::string HttpRequestParser::takeRemainder()
{
    if (d->state != State::Complete)
        return {};
    return std::exchange(d->pending, std::string());
}

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

} // namespace credvault
