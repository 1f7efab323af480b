#pragma once

// Request, Response and Router: what a service's handlers see and give back, and how a
// request finds its handler. Patterns are paths with typed parameters —
//     "/v1/accounts/{id:uuid}/public-key", "/v1/items/{n:int}", "/v1/files/{name}"
// — a parameter that does not fit its type does not match (404). A path that matches
// with another method is a 405 with an Allow header. Routes marked Execution::Pool run on
// the worker pool, so CPU-heavy work never holds up the network threads.

#include "service/ServiceConfig.h"

#include "protocol/ApiError.h"

#include <QtCore/QByteArray>
#include <QtCore/QHash>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QString>
#include <QtNetwork/QHostAddress>

#include <functional>
#include <optional>

namespace credvault {

/// Who is on the other end of a connection, as its verified client certificate says.
struct PeerIdentity {
    ClientCertRule role = ClientCertRule::None; // None: no certificate was asked for
    QString name;                               // the certificate's common name
    QString staffRole;                          // "support" or "admin" for staff
};

struct Request {
    QByteArray method;
    QString path;  // decoded path, without the query
    QString query; // raw query string, without '?'
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHash<QString, QString> params; // typed path parameters, already checked
    QString listener;
    PeerIdentity peer;
    QHostAddress remoteAddress;

    /// Sets path and query from a request target ("/v1/x?a=b"), as every request is given.
    void setTarget(QByteArrayView target);
    QByteArray header(QByteArrayView name) const;
    /// The value of one query parameter (percent-decoded), or empty.
    QString queryValue(const QString &key) const;
};

struct Response {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static Response json(int status, const QJsonObject &object);
    static Response error(int status, const QString &code, const QString &message, const QJsonObject &details = {});
    static Response fromApiError(const ApiError &error);
};

enum class Execution { Inline, Pool };

using Handler = std::function<Response(const Request &)>;
/// Answers later, exactly once, from any thread (the answer is posted back to the
/// connection).
using Responder = std::function<void(Response)>;
/// A handler that starts work elsewhere (a mail, say) and answers when it is done; it must
/// not block.
using AsyncHandler = std::function<void(const Request &, Responder)>;

class Router {
public:
    /// Adds a route; `pattern` starts with '/'. Returns false (and adds nothing) for a
    /// malformed pattern.
    bool add(const QByteArray &method, const QString &pattern, Handler handler,
             Execution execution = Execution::Inline);
    bool addAsync(const QByteArray &method, const QString &pattern, AsyncHandler handler);

    struct Match {
        const Handler *handler = nullptr; // one of these two is set
        const AsyncHandler *asyncHandler = nullptr;
        Execution execution = Execution::Inline;
        QHash<QString, QString> params;
    };
    /// The route for method and path, or the error response to give (404, 405).
    std::variant<Match, Response> match(const QByteArray &method, const QString &path) const;

private:
    struct Segment {
        enum Kind { Literal, Uuid, Int, Any } kind = Literal;
        QString text; // literal text or parameter name
    };
    struct Route {
        QByteArray method;
        QList<Segment> segments;
        Handler handler;
        AsyncHandler asyncHandler;
        Execution execution;
    };
    bool addRoute(const QByteArray &method, const QString &pattern, Route route);
    static bool matches(const Route &route, const QStringList &parts, QHash<QString, QString> *params);
    QList<Route> m_routes;
};

} // namespace credvault
