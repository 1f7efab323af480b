#pragma once

// HttpRequestParser: reads one HTTP/1.1 request from bytes as they arrive and enforces
// the limits of DESIGN.md §5 before anything is buffered: headers over 16 KiB are a 431,
// a body whose Content-Length (or running chunked total) passes 1 MiB is a 413 as soon
// as that is known, anything malformed is a 400. Boost.Beast does the parsing. The live
// server (HttpsServer) reads every request through this class, so what is fuzzed and
// unit-tested here is what faces the network.

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QString>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace credvault {

struct HttpLimits {
    std::size_t maxHeaderBytes = std::size_t(16) * 1024;
    std::uint64_t maxBodyBytes = std::uint64_t(1024) * 1024;
};

struct HttpRequest {
    QByteArray method;
    QByteArray target;
    int versionMajor = 1;
    int versionMinor = 1;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool keepAlive = true;

    /// The first header of that name (case-insensitive), or empty.
    QByteArray header(QByteArrayView name) const;
};

class HttpRequestParser {
public:
    enum class State { NeedMore, Complete, Failed };

    explicit HttpRequestParser(HttpLimits limits = {});
    ~HttpRequestParser();
    HttpRequestParser(const HttpRequestParser &) = delete;
    HttpRequestParser &operator=(const HttpRequestParser &) = delete;

    /// Takes the next bytes from the connection. Bytes past the end of the request stay
    /// unconsumed (see pendingBytes()); bytes after a failure are ignored.
    State feed(std::string_view bytes);
    State state() const;

    /// After Failed: the HTTP status to answer (400, 413 or 431) and a short reason.
    int failureStatus() const;
    QString failureReason() const;
    /// After Complete: the request (once).
    HttpRequest takeRequest();
    /// How many bytes are held without being part of the request so far: headers not
    /// yet complete, or what came after a complete request.
    std::size_t pendingBytes() const;
    /// After Complete: the bytes that came after the request (the start of the next one on
    /// a kept-alive connection), handed over once, to be fed to the next parser.
    std::string takeRemainder();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace credvault
