#include "service/JsonRequest.h"

#include "protocol/Base64Url.h"
#include "service/ServiceLog.h"

#include <QtCore/QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace credvault {

QString rfc3339(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

Response badRequest(const QString &message, const QJsonObject &details)
{
    return Response::error(400, u"bad_request"_s, message, details);
}

Response errorResponse(const Error &e, const QString &server)
{
    switch (e.kind) {
    case ErrorKind::Database:
    case ErrorKind::Internal:
    case ErrorKind::Io:
        if (e.code == u"full"_s) {
            // The write was rolled back; the database is as it was. Nothing is lost, and
            // writing works again once the operator frees space.
            serviceLog(u"storage full: %1"_s.arg(e.message));
            return Response::error(
                507, u"storage_full"_s,
                u"the %1 has no room left to save this; nothing was changed; try again later"_s.arg(server));
        }
        serviceLog(u"internal error: %1"_s.arg(e.message));
        return Response::error(500, u"internal"_s, u"the %1 failed; try again later"_s.arg(server));
    case ErrorKind::NotFound: return Response::error(404, e.code.isEmpty() ? u"not_found"_s : e.code, e.message);
    case ErrorKind::Conflict: return Response::error(409, e.code.isEmpty() ? u"conflict"_s : e.code, e.message);
    default: break;
    }
    return Response::error(400, e.code.isEmpty() ? u"bad_request"_s : e.code, e.message);
}

std::variant<QJsonObject, Response> jsonBody(const Request &req)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(req.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return badRequest(u"the body must be a JSON object"_s);
    return doc.object();
}

std::variant<QByteArray, Response> bytesField(const QJsonObject &o, const QString &name, qsizetype size)
{
    const QJsonValue v = o.value(name);
    if (!v.isString())
        return badRequest(u"'%1' must be a base64url string"_s.arg(name), QJsonObject{{u"field"_s, name}});
    Result<QByteArray> b = fromBase64Url(v.toString().toLatin1());
    if (!b || (size > 0 && b->size() != size))
        return badRequest(size > 0 ? u"'%1' must be %2 bytes, base64url"_s.arg(name).arg(size)
                                   : u"'%1' is not base64url"_s.arg(name),
                          QJsonObject{{u"field"_s, name}});
    return *b;
}

std::variant<QString, Response> textField(const QJsonObject &o, const QString &name, int maxLength)
{
    const QJsonValue v = o.value(name);
    const QString t = v.toString().trimmed();
    if (!v.isString() || t.isEmpty() || t.size() > maxLength)
        return badRequest(u"'%1' must be a non-empty string of at most %2 characters"_s.arg(name).arg(maxLength),
                          QJsonObject{{u"field"_s, name}});
    return t;
}

std::variant<QUuid, Response> uuidField(const QJsonObject &o, const QString &name)
{
    const QString text = o.value(name).toString();
    const QUuid id = QUuid::fromString(text);
    if (id.isNull() || text.size() != 36)
        return badRequest(u"'%1' must be a UUID"_s.arg(name), QJsonObject{{u"field"_s, name}});
    return id;
}

QUuid pathId(const Request &req)
{
    return QUuid::fromString(req.params.value(u"id"_s));
}

} // namespace credvault
