#pragma once

// AccountAudit: one account's audit for the support app — the keyserver's events (read
// and signature-checked by parseAccessHistory) and the vault server's own (GET
// /v1/accounts/{id}/audit) merged into one list by time, and written as CSV. QtCore only.
//
// The CSV is RFC 4180 (CRLF, quoted where needed) with a header line; a cell that a
// spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)
// gets a leading apostrophe, since reasons and tickets are typed by people.

#include "client/AccessHistory.h"
#include "protocol/ApiError.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtCore/QList>

namespace credvault::client {

struct AuditLine {
    enum class Source { Keyserver, VaultServer };
    QDateTime at; // UTC
    Source source = Source::Keyserver;
    qint64 seq = 0; // in its source's log
    QString actor;  // "customer:UUID", "staff:NAME", "service:NAME", "system"
    QString action;
    QJsonObject details;
};

/// The vault server's audit answer read; error "bad_audit" when it is not the documented shape.
Result<QList<AuditLine>, ApiError> parseVaultAudit(const QJsonObject &answer);
/// Both sources in one list, oldest first (same time: keyserver first, then by seq).
QList<AuditLine> mergeAudits(const QList<AccessEvent> &keyserver, const QList<AuditLine> &vault);
/// "key: value; key: value" in key order, for a table cell and the CSV.
QString detailsText(const QJsonObject &details);
QString sourceName(AuditLine::Source source);
/// time,source,actor,action,details — one line per event, times in RFC 3339 UTC.
QByteArray auditCsv(const QList<AuditLine> &lines);

} // namespace credvault::client
