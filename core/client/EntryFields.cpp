#include "client/EntryFields.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <cstring>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace credvault::client {

namespace {

// Appends `text` as a JSON string body (no quotes) to `out`, escaping as JSON requires.
void appendEscaped(std::vector<unsigned char> &out, QByteArrayView text)
{
    static const char hex[] = "0123456789abcdef";
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(c);
        } else if (c < 0x20) {
            for (char e : {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]})
                out.push_back(static_cast<unsigned char>(e));
        } else {
            out.push_back(c);
        }
    }
}

} // namespace

SecureBuffer entryPlaintext(const EntryFields &f, const SecureBuffer &secret)
{
    QJsonObject o{{u"kind"_s, f.kind},
                  {u"title"_s, f.title},
                  {u"host"_s, f.host},
                  {u"username"_s, f.username},
                  {u"url"_s, f.url},
                  {u"notes"_s, f.notes},
                  {u"tags"_s, QJsonArray::fromStringList(f.tags)}};
    if (f.port > 0)
        o.insert(u"port"_s, f.port);
    const QByteArray open = QJsonDocument(o).toJson(QJsonDocument::Compact); // {...} without the secret
    std::vector<unsigned char> bytes(open.cbegin(), open.cend() - 1);        // drop the closing brace
    for (char c : QByteArrayView(",\"secret\":\""))
        bytes.push_back(static_cast<unsigned char>(c));
    appendEscaped(bytes, secret.view());
    bytes.push_back('"');
    bytes.push_back('}');
    SecureBuffer out =
        SecureBuffer::copyOf(QByteArrayView(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size())));
    std::memset(bytes.data(), 0, bytes.size());
    return out;
}

std::optional<EntryFields> parseEntryFields(const SecureBuffer &plaintext)
{
    const QJsonDocument doc = QJsonDocument::fromJson(plaintext.view().toByteArray());
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    EntryFields f;
    f.kind = o.value(u"kind"_s).toString();
    f.title = o.value(u"title"_s).toString();
    f.host = o.value(u"host"_s).toString();
    f.port = o.value(u"port"_s).toInt();
    f.username = o.value(u"username"_s).toString();
    f.url = o.value(u"url"_s).toString();
    f.notes = o.value(u"notes"_s).toString();
    for (const QJsonValue &t : o.value(u"tags"_s).toArray())
        f.tags.append(t.toString());
    return f;
}

SecureBuffer entrySecret(const SecureBuffer &plaintext)
{
    const QJsonDocument doc = QJsonDocument::fromJson(plaintext.view().toByteArray());
    const QByteArray s = doc.object().value(u"secret"_s).toString().toUtf8();
    SecureBuffer out = SecureBuffer::copyOf(s);
    std::memset(const_cast<char *>(s.constData()), 0, std::size_t(s.size()));
    return out;
}

} // namespace credvault::client
