#include "protocol/ApiError.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonParseError>

using namespace Qt::Literals::StringLiterals;

namespace credvault {

bool isValidErrorCode(const QString &code)
{
    if (code.isEmpty() || code.size() > 64 || !code.at(0).isLower())
        return false;
    for (QChar c : code) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_';
        if (!ok)
            return false;
    }
    return true;
}

QByteArray ApiError::toJson() const
{
    QJsonObject inner{{u"code"_s, code}, {u"message"_s, message}, {u"details"_s, details}};
    return QJsonDocument(QJsonObject{{u"error"_s, inner}}).toJson(QJsonDocument::Compact);
}

Result<ApiError> ApiError::fromJson(int httpStatus, const QByteArray &body)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return fail(ErrorKind::InvalidInput, u"HTTP %1 with a body that is not a JSON error"_s.arg(httpStatus));
    const QJsonValue inner = doc.object().value(u"error"_s);
    if (!inner.isObject())
        return fail(ErrorKind::InvalidInput, u"HTTP %1 without an \"error\" object"_s.arg(httpStatus));
    const QJsonObject o = inner.toObject();
    const QJsonValue code = o.value(u"code"_s);
    const QJsonValue message = o.value(u"message"_s);
    const QJsonValue details = o.value(u"details"_s);
    if (!code.isString() || !isValidErrorCode(code.toString()))
        return fail(ErrorKind::InvalidInput, u"HTTP %1 with a missing or malformed error code"_s.arg(httpStatus));
    if (!message.isString())
        return fail(ErrorKind::InvalidInput, u"HTTP %1 with a missing error message"_s.arg(httpStatus));
    if (!details.isUndefined() && !details.isObject())
        return fail(ErrorKind::InvalidInput, u"HTTP %1 with error details that are not an object"_s.arg(httpStatus));
    ApiError e;
    e.httpStatus = httpStatus;
    e.code = code.toString();
    e.message = message.toString();
    e.details = details.toObject();
    return e;
}

} // namespace credvault
