#pragma once

// What both servers' handlers do with a request and an error: read a JSON object body,
// take typed fields out of it (each refusal a 400 that names the field), read the route's
// {id:uuid}, write times as RFC 3339, and turn an Error into the answer the client may
// see (storage and internal failures are logged and answered as a bare 500).
//
// The "value or the answer to give" shape is std::variant<T, Response>:
//
//     auto body = jsonBody(req);
//     if (Response *r = std::get_if<Response>(&body))
//         return *r;

#include "service/Router.h"

#include "common/Result.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtCore/QUuid>

#include <variant>

namespace credvault {

/// "2026-11-23T10:00:00Z": whole seconds, UTC.
QString rfc3339(const QDateTime &t);

Response badRequest(const QString &message, const QJsonObject &details = {});
/// NotFound → 404, Conflict → 409, bad input → 400 with the error's code; Database,
/// Internal and Io → 500 "`server` failed; try again later" (the log has the message).
Response errorResponse(const Error &e, const QString &server);

/// A JSON object body, or the 400.
std::variant<QJsonObject, Response> jsonBody(const Request &req);
/// A required base64url field of exactly `size` bytes (0: any size).
std::variant<QByteArray, Response> bytesField(const QJsonObject &o, const QString &name, qsizetype size);
/// A required non-empty string field (trimmed) of at most `maxLength` characters.
std::variant<QString, Response> textField(const QJsonObject &o, const QString &name, int maxLength);
/// A required UUID field in canonical form (36 characters).
std::variant<QUuid, Response> uuidField(const QJsonObject &o, const QString &name);

/// The {id:uuid} of the route's path (the router has checked its form).
QUuid pathId(const Request &req);

} // namespace credvault
