#include "client/AccountAudit.h"

#include "client/EntryExport.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace credvault::client {

namespace {

Unexpected<ApiError> badAudit(const QString &why)
{
    return Unexpected<ApiError>(
        ApiError{0, u"bad_audit"_s, u"the vault server's audit is not in the documented shape: %1"_s.arg(why), {}});
}

QString csvCell(QString s)
{
    if (!s.isEmpty() && (s.front() == u'=' || s.front() == u'+' || s.front() == u'-' || s.front() == u'@' ||
                         s.front() == u'\t' || s.front() == u'\r'))
        s.prepend(u'\''); // never a formula in a spreadsheet
    return csvField(s);
}

} // namespace

Result<QList<AuditLine>, ApiError> parseVaultAudit(const QJsonObject &answer)
{
    const QJsonValue items = answer.value(u"items"_s);
    if (!items.isArray())
        return badAudit(u"no items"_s);
    QList<AuditLine> out;
    for (const QJsonValue &v : items.toArray()) {
        const QJsonObject o = v.toObject();
        AuditLine line;
        line.source = AuditLine::Source::VaultServer;
        line.at = QDateTime::fromString(o.value(u"at"_s).toString(), Qt::ISODateWithMs);
        line.seq = o.value(u"seq"_s).toInteger(-1);
        line.actor = o.value(u"actor"_s).toString();
        line.action = o.value(u"action"_s).toString();
        line.details = o.value(u"details"_s).toObject();
        if (!v.isObject() || !line.at.isValid() || line.seq < 0 || line.action.isEmpty())
            return badAudit(u"an item without its time, number or action"_s);
        line.at = line.at.toUTC();
        out.append(line);
    }
    return out;
}

QList<AuditLine> mergeAudits(const QList<AccessEvent> &keyserver, const QList<AuditLine> &vault)
{
    QList<AuditLine> out;
    out.reserve(keyserver.size() + vault.size());
    for (const AccessEvent &e : keyserver)
        out.append(AuditLine{e.at.toUTC(), AuditLine::Source::Keyserver, e.seq, e.actor, e.action, e.details});
    out.append(vault);
    std::stable_sort(out.begin(), out.end(), [](const AuditLine &a, const AuditLine &b) {
        if (a.at != b.at)
            return a.at < b.at;
        if (a.source != b.source)
            return a.source == AuditLine::Source::Keyserver;
        return a.seq < b.seq;
    });
    return out;
}

QString detailsText(const QJsonObject &details)
{
    QStringList parts;
    for (auto it = details.begin(); it != details.end(); ++it) { // QJsonObject keeps keys sorted
        const QJsonValue v = it.value();
        QString text;
        if (v.isString())
            text = v.toString();
        else if (v.isDouble())
            text = QString::number(v.toDouble(), 'g', 15);
        else if (v.isBool())
            text = v.toBool() ? u"true"_s : u"false"_s;
        else if (v.isNull())
            text = u"none"_s;
        else
            text = QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                                 : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        parts << it.key() + u": "_s + text;
    }
    return parts.join(u"; "_s);
}

QString sourceName(AuditLine::Source source)
{
    return source == AuditLine::Source::Keyserver ? u"keyserver"_s : u"vault server"_s;
}

QByteArray auditCsv(const QList<AuditLine> &lines)
{
    QString text = u"time,source,actor,action,details\r\n"_s;
    for (const AuditLine &l : lines)
        text += QStringList{csvCell(l.at.toString(Qt::ISODateWithMs)), csvCell(sourceName(l.source)), csvCell(l.actor),
                            csvCell(l.action), csvCell(detailsText(l.details))}
                    .join(u',') +
                u"\r\n"_s;
    return text.toUtf8();
}

} // namespace credvault::client
