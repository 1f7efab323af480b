#pragma once

// The routes a server registers, read from its source file: tests that must cover every
// route (who may call it, on which listener) check their tables against this list, so a
// route added to a server without a row in those tables fails them.

#include <QtCore/QByteArray>
#include <QtCore/QFile>
#include <QtCore/QList>
#include <QtCore/QRegularExpression>
#include <QtCore/QString>

namespace credvault::test {

struct SourceRoute {
    QString router; // the variable the route is added to (pub, svc, staff, api)
    QByteArray method;
    QString path; // as registered: /v1/accounts/{id:uuid}/audit

    QString key() const { return QString::fromLatin1(method) + QLatin1Char(' ') + path; }
    /// The path with every {name:type} parameter replaced by `value`.
    QString pathWith(const QString &value) const
    {
        QString p = path;
        p.replace(QRegularExpression(QStringLiteral("\\{[^}]+\\}")), value);
        return p;
    }
};

/// `router->add("METHOD", u"PATH"_s` and `addAsync` in the file at `relativePath` under the
/// source tree (CREDVAULT_SOURCE_DIR). Empty when the file cannot be read.
inline QList<SourceRoute> routesInSource(const QString &relativePath)
{
    QFile f(qEnvironmentVariable("CREDVAULT_SOURCE_DIR") + QLatin1Char('/') + relativePath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QString source = QString::fromUtf8(f.readAll());
    QList<SourceRoute> out;
    QRegularExpressionMatchIterator it =
        QRegularExpression(QStringLiteral("(\\w+)->add(?:Async)?\\(\\s*\"([A-Z]+)\",\\s*u\"([^\"]+)\"_s"))
            .globalMatch(source);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out.append({m.captured(1), m.captured(2).toLatin1(), m.captured(3)});
    }
    return out;
}

} // namespace credvault::test
