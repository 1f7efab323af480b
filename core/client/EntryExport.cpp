#include "client/EntryExport.h"

#include "crypto/EntryEnvelope.h"
#include "crypto/Primitives.h"
#include "protocol/Base64Url.h"

#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace credvault::client {

namespace {

constexpr auto kFormat = "credvault-export";

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// Overwrites a string that held a secret (best effort: Qt may have copied it before).
void wipe(QString &s)
{
    std::fill(s.begin(), s.end(), QChar(u'\0'));
    s.clear();
}

const QStringList kKinds{u"server"_s, u"control_panel"_s, u"database"_s, u"ftp"_s, u"api_key"_s, u"other"_s};

// CSV header names (lower case, spaces and underscores dropped) → the field they fill.
const QHash<QString, QString> &columnNames()
{
    static const QHash<QString, QString> names{
        {u"kind"_s, u"kind"_s},       {u"type"_s, u"kind"_s},      {u"title"_s, u"title"_s},
        {u"name"_s, u"title"_s},      {u"host"_s, u"host"_s},      {u"hostname"_s, u"host"_s},
        {u"server"_s, u"host"_s},     {u"port"_s, u"port"_s},      {u"username"_s, u"username"_s},
        {u"user"_s, u"username"_s},   {u"login"_s, u"username"_s}, {u"secret"_s, u"secret"_s},
        {u"password"_s, u"secret"_s}, {u"pass"_s, u"secret"_s},    {u"url"_s, u"url"_s},
        {u"website"_s, u"url"_s},     {u"address"_s, u"url"_s},    {u"notes"_s, u"notes"_s},
        {u"note"_s, u"notes"_s},      {u"comments"_s, u"notes"_s}, {u"tags"_s, u"tags"_s},
        {u"group"_s, u"tags"_s},
    };
    return names;
}

struct CsvRecord {
    int line = 0; // where it starts, 1-based
    QStringList fields;
};

// RFC 4180, with LF or CRLF line ends; a UTF-8 BOM is skipped. Blank lines are skipped.
Result<QList<CsvRecord>> parseCsv(QByteArrayView bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    const QString text = QString::fromUtf8(bytes);
    QList<CsvRecord> out;
    CsvRecord record;
    QString field;
    bool quoted = false;    // inside a quoted field
    bool wasQuoted = false; // the current field was quoted (text after the closing quote is an error)
    bool anything = false;  // the record has content
    int line = 1;
    record.line = 1;
    const auto endRecord = [&] {
        record.fields << field;
        field.clear();
        if (anything)
            out << record;
        record = CsvRecord{};
        record.line = line;
        anything = false;
        wasQuoted = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                    wasQuoted = true;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty() || wasQuoted)
                return fail(ErrorKind::InvalidInput, u"line %1: a quote inside an unquoted field"_s.arg(line));
            quoted = true;
            anything = true;
        } else if (c == u',') {
            record.fields << field;
            field.clear();
            wasQuoted = false;
            anything = true;
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            continue; // the \n ends the record
        } else if (c == u'\n') {
            ++line;
            endRecord();
        } else {
            if (wasQuoted)
                return fail(ErrorKind::InvalidInput, u"line %1: text after a closing quote"_s.arg(line));
            field += c;
            anything = true;
        }
    }
    if (quoted)
        return fail(ErrorKind::InvalidInput,
                    u"line %1: a quoted field is not closed before the end of the file"_s.arg(record.line));
    endRecord();
    return out;
}

} // namespace

QString csvField(const QString &s)
{
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n') && !s.contains(u'\r'))
        return s;
    QString q = s;
    q.replace(u"\""_s, u"\"\""_s);
    return u'"' + q + u'"';
}

Result<QByteArray> sealExport(const crypto::X25519PublicKey &recipient, const QUuid &account,
                              const std::vector<PlainEntry> &entries, const QDateTime &exportedAt)
{
    QJsonArray items;
    for (const PlainEntry &e : entries) {
        Result<QByteArray> env = EntryEnvelope::seal(recipient, account, e.id, e.plaintext.view());
        if (!env)
            return fail(env.error());
        items.append(QJsonObject{{u"id"_s, uuidText(e.id)}, {u"envelope"_s, QString::fromLatin1(toBase64Url(*env))}});
    }
    const QJsonObject file{{u"format"_s, QLatin1String(kFormat)},
                           {u"version"_s, 1},
                           {u"account_id"_s, uuidText(account)},
                           {u"key_id"_s, keyIdHex(keyIdOf(recipient))},
                           {u"exported_at"_s, exportedAt.toUTC().toString(Qt::ISODate)},
                           {u"entries"_s, items}};
    return QJsonDocument(file).toJson(QJsonDocument::Indented);
}

bool looksLikeExport(QByteArrayView bytes)
{
    return bytes.trimmed().startsWith("{") && bytes.contains("\"credvault-export\"");
}

Result<OpenedExport> openExport(const crypto::X25519PrivateKey &key, QByteArrayView bytes)
{
    if (bytes.size() > kMaxImportFileSize)
        return fail(ErrorKind::InvalidInput, u"the file is larger than an export can be (64 MiB)"_s);
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.toByteArray(), &error);
    const QJsonObject o = doc.object();
    if (error.error != QJsonParseError::NoError || o.value(u"format"_s).toString() != QLatin1String(kFormat))
        return fail(ErrorKind::InvalidInput, u"the file is not a CredVault export"_s);
    if (o.value(u"version"_s).toInt() != 1)
        return fail(ErrorKind::InvalidInput,
                    u"the export is of version %1; this program reads version 1"_s.arg(o.value(u"version"_s).toInt()));
    OpenedExport out;
    out.account = QUuid::fromString(o.value(u"account_id"_s).toString());
    out.exportedAt = QDateTime::fromString(o.value(u"exported_at"_s).toString(), Qt::ISODate);
    if (out.account.isNull() || !o.value(u"entries"_s).isArray())
        return fail(ErrorKind::InvalidInput, u"the export is malformed (account_id, entries)"_s);
    if (o.value(u"key_id"_s).toString() != keyIdHex(keyIdOf(key.publicKey())))
        return fail(ErrorKind::WrongKey,
                    u"the export is sealed to another key (key id %1), not to this private key's (%2)"_s.arg(
                        o.value(u"key_id"_s).toString().left(64), keyIdHex(keyIdOf(key.publicKey()))),
                    u"wrong_key"_s);
    const QJsonArray items = o.value(u"entries"_s).toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        const QUuid id = QUuid::fromString(item.value(u"id"_s).toString());
        Result<QByteArray> env = fromBase64Url(item.value(u"envelope"_s).toString().toLatin1());
        if (id.isNull() || !env)
            return fail(ErrorKind::InvalidInput, u"entry %1 of the export is malformed"_s.arg(i + 1));
        Result<SecureBuffer> plaintext = EntryEnvelope::open(key, out.account, id, *env);
        if (!plaintext)
            return fail(plaintext.error().kind,
                        u"entry %1 (%2) does not open: %3"_s.arg(i + 1).arg(uuidText(id), plaintext.error().message),
                        plaintext.error().code);
        out.entries.push_back(PlainEntry{id, std::move(*plaintext)});
    }
    return out;
}

Result<std::vector<PlainEntry>> readCsv(QByteArrayView bytes)
{
    if (bytes.size() > kMaxImportFileSize)
        return fail(ErrorKind::InvalidInput, u"the file is larger than an import can be (64 MiB)"_s);
    Result<QList<CsvRecord>> records = parseCsv(bytes);
    if (!records)
        return fail(records.error());
    if (records->isEmpty())
        return fail(ErrorKind::InvalidInput, u"the file is empty"_s);
    // The header: which column fills which field.
    QList<QString> target;
    bool hasTitle = false;
    bool hasAny = false;
    for (const QString &name : records->first().fields) {
        QString key = name.trimmed().toLower();
        key.remove(u' ');
        key.remove(u'_');
        const QString field = columnNames().value(key);
        target << field;
        hasTitle = hasTitle || field == u"title"_s || field == u"host"_s || field == u"url"_s;
        hasAny = hasAny || !field.isEmpty();
    }
    if (!hasAny || !hasTitle)
        return fail(ErrorKind::InvalidInput,
                    u"line 1 is not a header this program knows: it needs a title (or host or URL) column, e.g. "
                    u"kind,title,host,port,username,secret,url,notes,tags"_s);
    std::vector<PlainEntry> out;
    for (qsizetype r = 1; r < records->size(); ++r) {
        CsvRecord &rec = (*records)[r];
        if (rec.fields.size() > target.size())
            return fail(ErrorKind::InvalidInput, u"line %1: %2 fields, but the header names %3"_s.arg(rec.line)
                                                     .arg(rec.fields.size())
                                                     .arg(target.size()));
        EntryFields f;
        QString secret;
        QString tags;
        for (qsizetype c = 0; c < rec.fields.size(); ++c) {
            QString &v = rec.fields[c];
            const QString &t = target[c];
            if (t == u"secret"_s)
                secret = v;
            else if (t == u"kind"_s)
                f.kind = v.trimmed().toLower();
            else if (t == u"title"_s)
                f.title = v.trimmed();
            else if (t == u"host"_s)
                f.host = v.trimmed();
            else if (t == u"username"_s)
                f.username = v;
            else if (t == u"url"_s)
                f.url = v.trimmed();
            else if (t == u"notes"_s)
                f.notes = v;
            else if (t == u"tags"_s)
                tags += (tags.isEmpty() ? QString() : u","_s) + v;
            else if (t == u"port"_s && !v.trimmed().isEmpty()) {
                bool ok = false;
                f.port = v.trimmed().toInt(&ok);
                if (!ok || f.port < 1 || f.port > 65535)
                    return fail(
                        ErrorKind::InvalidInput,
                        u"line %1: the port '%2' is not a number from 1 to 65535"_s.arg(rec.line).arg(v.left(20)));
            }
            if (t == u"secret"_s)
                wipe(v);
        }
        for (const QString &tag : tags.split(QRegularExpression(u"[,/]"_s), Qt::SkipEmptyParts))
            if (const QString t = tag.trimmed(); !t.isEmpty() && !f.tags.contains(t))
                f.tags << t;
        if (f.title.isEmpty())
            f.title = !f.host.isEmpty() ? f.host : f.url;
        if (f.title.isEmpty())
            return fail(ErrorKind::InvalidInput, u"line %1: the entry has no title, host or URL"_s.arg(rec.line));
        if (f.kind.isEmpty())
            f.kind = f.host.isEmpty() ? u"other"_s : u"server"_s;
        else if (!kKinds.contains(f.kind))
            return fail(ErrorKind::InvalidInput, u"line %1: the kind '%2' is not one of %3"_s.arg(rec.line).arg(
                                                     f.kind.left(40), kKinds.join(u", "_s)));
        const QByteArray secretUtf8 = secret.toUtf8();
        wipe(secret);
        PlainEntry e{QUuid(), entryPlaintext(f, SecureBuffer::copyOf(secretUtf8))};
        std::fill(const_cast<char *>(secretUtf8.constData()),
                  const_cast<char *>(secretUtf8.constData()) + secretUtf8.size(), '\0');
        if (e.plaintext.size() > 255 * EntryEnvelope::kPadBlock - 1)
            return fail(ErrorKind::InvalidInput, u"line %1: the entry is too large to seal"_s.arg(rec.line));
        out.push_back(std::move(e));
    }
    return out;
}

SecureBuffer writeCsv(const std::vector<PlainEntry> &entries)
{
    QString text = u"kind,title,host,port,username,secret,url,notes,tags\r\n"_s;
    for (const PlainEntry &e : entries) {
        const std::optional<EntryFields> f = parseEntryFields(e.plaintext);
        if (!f)
            continue;
        const SecureBuffer secretBytes = entrySecret(e.plaintext);
        QString secret = QString::fromUtf8(secretBytes.view());
        text += QStringList{csvField(f->kind),
                            csvField(f->title),
                            csvField(f->host),
                            f->port > 0 ? QString::number(f->port) : QString(),
                            csvField(f->username),
                            csvField(secret),
                            csvField(f->url),
                            csvField(f->notes),
                            csvField(f->tags.join(u", "_s))}
                    .join(u',') +
                u"\r\n"_s;
        wipe(secret);
    }
    const QByteArray utf8 = text.toUtf8();
    wipe(text);
    SecureBuffer out = SecureBuffer::copyOf(utf8);
    std::fill(const_cast<char *>(utf8.constData()), const_cast<char *>(utf8.constData()) + utf8.size(), '\0');
    return out;
}

} // namespace credvault::client
