#include "service/HttpRequestParser.h"

#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <string>

namespace credvault {

namespace http = boost::beast::http;
using namespace Qt::Literals::StringLiterals;

struct HttpRequestParser::Impl {
    explicit Impl(HttpLimits l) : limits(l)
    {
        parser.header_limit(std::uint32_t(limits.maxHeaderBytes));
        parser.body_limit(limits.maxBodyBytes);
        parser.eager(true);
    }

    void failWith(const boost::system::error_code &ec)
    {
        state = State::Failed;
        if (ec == http::error::header_limit) {
            status = 431;
            reason = u"request headers larger than %1 bytes"_s.arg(limits.maxHeaderBytes);
        } else if (ec == http::error::body_limit) {
            status = 413;
            reason = u"request body larger than %1 bytes"_s.arg(limits.maxBodyBytes);
        } else {
            status = 400;
            reason = u"malformed HTTP request: %1"_s.arg(QString::fromStdString(ec.message()));
        }
        pending.clear();
    }

    HttpLimits limits;
    http::request_parser<http::string_body> parser;
    std::string pending; // bytes Beast has not consumed yet (it needs whole header blocks)
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
        boost::system::error_code ec;
        const std::size_t used = d->parser.put(boost::asio::buffer(d->pending.data(), d->pending.size()), ec);
        d->pending.erase(0, used);
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

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

} // namespace credvault
