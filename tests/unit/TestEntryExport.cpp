// client::EntryExport: an export re-seals every entry to the given key and holds no
// plaintext; only the matching private key opens it, and a tampered or moved entry does
// not open. CSV import reads RFC 4180 (quotes, commas, line breaks, CRLF, a BOM), knows
// the usual column names, and refuses a whole file for one bad row, naming its line.

#include "client/EntryExport.h"
#include "protocol/Base64Url.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtTest/QtTest>

using namespace credvault;
using namespace credvault::client;
using namespace Qt::Literals::StringLiterals;

namespace {

PlainEntry entry(const QString &title, const QByteArray &secret)
{
    EntryFields f;
    f.kind = u"server"_s;
    f.title = title;
    f.host = u"h.example.net"_s;
    f.port = 22;
    f.tags = {u"a"_s, u"b"_s};
    return PlainEntry{QUuid::createUuid(), entryPlaintext(f, SecureBuffer::copyOf(secret))};
}

std::vector<PlainEntry> two()
{
    std::vector<PlainEntry> v;
    v.push_back(entry(u"one"_s, "secret-one"));
    v.push_back(entry(u"two, \"quoted\""_s, "sec\nret"));
    return v;
}

QString errorOf(const Result<std::vector<PlainEntry>> &r)
{
    return r ? u"read"_s : r.error().message;
}

} // namespace

class TestEntryExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void exportOpensOnlyWithItsKey()
    {
        const auto key = crypto::X25519PrivateKey::generate();
        const QUuid account = QUuid::createUuid();
        const std::vector<PlainEntry> entries = two();
        const QByteArray file = sealExport(key.publicKey(), account, entries, QDateTime::currentDateTimeUtc()).value();
        QVERIFY(looksLikeExport(file));
        QVERIFY(!file.contains("secret-one") && !file.contains("h.example.net"));
        Result<OpenedExport> opened = openExport(key, file);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        QCOMPARE(opened->account, account);
        QCOMPARE(opened->entries.size(), std::size_t(2));
        QCOMPARE(opened->entries[1].id, entries[1].id);
        QCOMPARE(entrySecret(opened->entries[1].plaintext).view(), QByteArrayView("sec\nret"));

        const auto other = crypto::X25519PrivateKey::generate();
        QCOMPARE(openExport(other, file).error().code, u"wrong_key"_s);
        QVERIFY(!openExport(key, "{}"));
        QVERIFY(!openExport(key, "not json"));
        // Another version; an entry moved to another id; a damaged envelope.
        QJsonObject o = QJsonDocument::fromJson(file).object();
        QJsonObject v2 = o;
        v2.insert(u"version"_s, 2);
        QVERIFY(openExport(key, QJsonDocument(v2).toJson()).error().message.contains(u"version 2"_s));
        QJsonArray items = o.value(u"entries"_s).toArray();
        QJsonObject moved = items[0].toObject();
        moved.insert(u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
        items[0] = moved;
        o.insert(u"entries"_s, items);
        QVERIFY(openExport(key, QJsonDocument(o).toJson()).error().message.contains(u"does not open"_s));
        QJsonObject damaged = items[1].toObject();
        damaged.insert(u"envelope"_s, u"AAAA"_s);
        items[1] = damaged;
        o.insert(u"entries"_s, items);
        QVERIFY(!openExport(key, QJsonDocument(o).toJson()));
    }

    void csvRoundTrip()
    {
        const SecureBuffer csv = writeCsv(two());
        QVERIFY(csv.view().startsWith("kind,title,host,port,username,secret,url,notes,tags\r\n"));
        Result<std::vector<PlainEntry>> back = readCsv(csv.view());
        QVERIFY2(back, qPrintable(errorOf(back)));
        QCOMPARE(back->size(), std::size_t(2));
        const EntryFields f = parseEntryFields((*back)[1].plaintext).value();
        QCOMPARE(f.title, u"two, \"quoted\""_s);
        QCOMPARE(f.port, 22);
        QCOMPARE(f.tags, (QStringList{u"a"_s, u"b"_s}));
        QCOMPARE(entrySecret((*back)[1].plaintext).view(), QByteArrayView("sec\nret"));
    }

    void csvFromOtherPrograms()
    {
        // KeePassXC's export: a BOM, its column names, its Group as a tag path.
        const QByteArray keepass = "\xEF\xBB\xBF\"Group\",\"Title\",\"Username\",\"Password\",\"URL\",\"Notes\"\n"
                                   "\"Root/Servers\",\"web\",\"root\",\"pw\",\"https://web.example\",\"\"\n";
        Result<std::vector<PlainEntry>> r = readCsv(keepass);
        QVERIFY2(r, qPrintable(errorOf(r)));
        const EntryFields f = parseEntryFields((*r)[0].plaintext).value();
        QCOMPARE(f.title, u"web"_s);
        QCOMPARE(f.kind, u"other"_s);
        QCOMPARE(f.url, u"https://web.example"_s);
        QCOMPARE(f.tags, (QStringList{u"Root"_s, u"Servers"_s}));
        // No title column but a host: the host names it, and it is a server.
        r = readCsv("host,user,password\r\n\r\nssh.example.net,me,x\r\n");
        QVERIFY2(r, qPrintable(errorOf(r)));
        QCOMPARE(r->size(), std::size_t(1)); // the blank line is skipped
        QCOMPARE(parseEntryFields((*r)[0].plaintext)->title, u"ssh.example.net"_s);
        QCOMPARE(parseEntryFields((*r)[0].plaintext)->kind, u"server"_s);
    }

    void badCsvIsRefusedWhole()
    {
        QVERIFY(errorOf(readCsv("")).contains(u"empty"_s));
        QVERIFY(errorOf(readCsv("foo,bar\n1,2\n")).contains(u"header"_s));
        QVERIFY(errorOf(readCsv("title,port\nok,22\nbad,http\n")).contains(u"line 3"_s));
        QVERIFY(errorOf(readCsv("title,secret\na,b,c\n")).contains(u"line 2"_s));
        QVERIFY(errorOf(readCsv("title,secret\nab\"c,d\n")).contains(u"quote"_s));
        QVERIFY(errorOf(readCsv("title,secret\n\"ab\"c,d\n")).contains(u"after a closing quote"_s));
        QVERIFY(errorOf(readCsv("title,secret\n\"never closed\n")).contains(u"not closed"_s));
        QVERIFY(errorOf(readCsv("title,kind\nx,spaceship\n")).contains(u"kind"_s));
        QVERIFY(errorOf(readCsv("title,notes\n,only notes\n")).contains(u"no title"_s));
        QVERIFY(errorOf(readCsv("title,notes\nx," + QByteArray(70000, 'n') + "\n")).contains(u"too large"_s));
        QVERIFY(errorOf(readCsv(QByteArray(kMaxImportFileSize + 1, ','))).contains(u"larger"_s));
    }
};

QTEST_GUILESS_MAIN(TestEntryExport)
#include "TestEntryExport.moc"
