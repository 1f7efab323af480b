#include "service/Router.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtCore/QUuid>

using namespace Qt::Literals::StringLiterals;

namespace credvault {

void Request::setTarget(QByteArrayView target)
{
    const qsizetype q = target.indexOf('?');
    path = QString::fromUtf8(q < 0 ? target : target.first(q));
    query = q < 0 ? QString() : QString::fromUtf8(target.sliced(q + 1));
}

QByteArray Request::header(QByteArrayView name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

QString Request::queryValue(const QString &key) const
{
    return QUrlQuery(query).queryItemValue(key, QUrl::FullyDecoded);
}

Response Response::json(int status, const QJsonObject &object)
{
    Response r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

Response Response::error(int status, const QString &code, const QString &message, const QJsonObject &details)
{
    ApiError e;
    e.httpStatus = status;
    e.code = code;
    e.message = message;
    e.details = details;
    return fromApiError(e);
}

Response Response::fromApiError(const ApiError &error)
{
    Response r;
    r.status = error.httpStatus;
    r.body = error.toJson();
    return r;
}

bool Router::add(const QByteArray &method, const QString &pattern, Handler handler, Execution execution)
{
    return addRoute(method, pattern, Route{method, {}, std::move(handler), {}, execution});
}

bool Router::addAsync(const QByteArray &method, const QString &pattern, AsyncHandler handler)
{
    return addRoute(method, pattern, Route{method, {}, {}, std::move(handler), Execution::Inline});
}

bool Router::addRoute(const QByteArray &method, const QString &pattern, Route route)
{
    if (!pattern.startsWith(u'/') || method.isEmpty())
        return false;
    const QStringList parts = pattern.mid(1).split(u'/');
    for (const QString &part : parts) {
        Segment s;
        if (part.startsWith(u'{') && part.endsWith(u'}')) {
            const QString inner = part.mid(1, part.size() - 2);
            const QString type = inner.section(u':', 1);
            s.text = inner.section(u':', 0, 0);
            if (s.text.isEmpty())
                return false;
            if (type.isEmpty())
                s.kind = Segment::Any;
            else if (type == u"uuid"_s)
                s.kind = Segment::Uuid;
            else if (type == u"int"_s)
                s.kind = Segment::Int;
            else
                return false;
        } else {
            s.kind = Segment::Literal;
            s.text = part;
        }
        route.segments.append(s);
    }
    m_routes.append(std::move(route));
    return true;
}

bool Router::matches(const Route &route, const QStringList &parts, QHash<QString, QString> *params)
{
    if (parts.size() != route.segments.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const Segment &s = route.segments[i];
        const QString &p = parts[i];
        switch (s.kind) {
        case Segment::Literal:
            if (p != s.text)
                return false;
            break;
        case Segment::Uuid: {
            // Canonical form only: 36 characters, so one entry has one URL.
            const QUuid id = QUuid::fromString(p);
            if (p.size() != 36 || id.isNull())
                return false;
            found.insert(s.text, id.toString(QUuid::WithoutBraces));
            break;
        }
        case Segment::Int: {
            bool ok = false;
            p.toLongLong(&ok);
            if (!ok || p.isEmpty() || p.startsWith(u'+'))
                return false;
            found.insert(s.text, p);
            break;
        }
        case Segment::Any:
            if (p.isEmpty())
                return false;
            found.insert(s.text, p);
            break;
        }
    }
    *params = std::move(found);
    return true;
}

std::variant<Router::Match, Response> Router::match(const QByteArray &method, const QString &path) const
{
    if (!path.startsWith(u'/'))
        return Response::error(400, u"bad_path"_s, u"the request path must start with '/'"_s);
    const QStringList parts = path.mid(1).split(u'/');
    QList<QByteArray> allowed;
    for (const Route &r : m_routes) {
        QHash<QString, QString> params;
        if (!matches(r, parts, &params))
            continue;
        if (r.method == method)
            return Match{r.asyncHandler ? nullptr : &r.handler, r.asyncHandler ? &r.asyncHandler : nullptr, r.execution,
                         std::move(params)};
        allowed.append(r.method);
    }
    if (allowed.isEmpty())
        return Response::error(404, u"not_found"_s, u"no such resource"_s);
    Response r =
        Response::error(405, u"method_not_allowed"_s, u"%1 is not allowed here"_s.arg(QString::fromLatin1(method)),
                        QJsonObject{{u"allowed"_s, QString::fromLatin1(allowed.join(", "))}});
    r.headers.append({"Allow", allowed.join(", ")});
    return r;
}

} // namespace credvault
