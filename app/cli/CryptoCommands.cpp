#include "CryptoCommands.h"

#include "CliIo.h"

#include "client/EntryExport.h"
#include "common/CommandLine.h"
#include "crypto/EntryEnvelope.h"
#include "crypto/KeyFile.h"
#include "protocol/Base64Url.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QUuid>

using namespace Qt::Literals::StringLiterals;

namespace credvault::cli {

namespace {

// Base64url of a 64 KiB envelope, plus a line break or two.
constexpr std::size_t kMaxEnvelopeText = (EntryEnvelope::kMaxSize * 4) / 3 + 16;
// The largest entry plaintext that fits an envelope.
constexpr std::size_t kMaxPlaintext = 255 * EntryEnvelope::kPadBlock - 1;

struct Ids {
    QUuid account;
    QUuid entry;
};

Result<QUuid> parseUuid(const QString &text, const QString &what)
{
    const QUuid id = QUuid::fromString(text);
    if (id.isNull() || text.size() != 36)
        return fail(ErrorKind::InvalidInput,
                    u"--%1 needs a UUID like 0f8fad5b-d9cb-469f-a165-70867728950e, not '%2'"_s.arg(what, text));
    return id;
}

Result<Ids> readIds(const QCommandLineParser &p, const QCommandLineOption &account, const QCommandLineOption &entry)
{
    if (!p.isSet(account) || !p.isSet(entry))
        return fail(ErrorKind::InvalidInput, u"--account and --entry are required (see --help)"_s);
    Result<QUuid> a = parseUuid(p.value(account), u"account"_s);
    if (!a)
        return fail(a.error());
    Result<QUuid> e = parseUuid(p.value(entry), u"entry"_s);
    if (!e)
        return fail(e.error());
    return Ids{*a, *e};
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && QChar::isSpace(uchar(v.front())))
        v = v.sliced(1);
    while (!v.isEmpty() && QChar::isSpace(uchar(v.back())))
        v.chop(1);
    return v;
}

const QCommandLineOption kAccount(u"account"_s, u"The account's id (UUID)."_s, u"uuid"_s);
const QCommandLineOption kEntry(u"entry"_s, u"The entry's id (UUID)."_s, u"uuid"_s);

} // namespace

int keygenCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption out(u"out"_s, u"Write the private key (PKCS#8 PEM, mode 0600) to <file>."_s, u"file"_s);
    const QCommandLineOption pubOut(u"public-out"_s, u"Write the public key (SPKI PEM) to <file>."_s, u"file"_s);
    p.addOptions({out, pubOut});
    if (const int rc = parseCommand(p, args, u"Make an X25519 key pair in the openssl CLI's PEM formats."_s); rc >= 0)
        return rc;
    if (!p.isSet(out) || !p.isSet(pubOut))
        return commandFailure(args, u"--out and --public-out are required (see --help)"_s, ExitUsage);
    const crypto::X25519PrivateKey key = crypto::X25519PrivateKey::generate();
    if (Result<void> r = KeyFile::savePrivate(p.value(out), key); !r)
        return commandFailure(args, r.error().message);
    if (Result<void> r = KeyFile::savePublic(p.value(pubOut), key.publicKey()); !r)
        return commandFailure(args, r.error().message);
    return ExitOk;
}

int sealCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption pub(u"public-key"_s, u"Seal to the X25519 public key in <file> (SPKI PEM)."_s, u"file"_s);
    p.addOptions({pub, kAccount, kEntry});
    if (const int rc = parseCommand(p, args,
                                    u"Seal an entry: its plaintext JSON on standard input, the envelope (base64url) on "
                                    u"standard output."_s);
        rc >= 0)
        return rc;
    if (!p.isSet(pub))
        return commandFailure(args, u"--public-key is required (see --help)"_s, ExitUsage);
    Result<Ids> ids = readIds(p, kAccount, kEntry);
    if (!ids)
        return commandFailure(args, ids.error().message, ExitUsage);
    Result<crypto::X25519PublicKey> key = KeyFile::loadPublic(p.value(pub));
    if (!key)
        return commandFailure(args, key.error().message);
    Result<SecureBuffer> json = readStdin(kMaxPlaintext);
    if (!json)
        return commandFailure(args,
                              json.error().code == u"too_large"_s
                                  ? u"the entry is too large to seal (at most %1 bytes of JSON)"_s.arg(kMaxPlaintext)
                                  : json.error().message);
    QJsonParseError parseError{};
    const bool isObject = QJsonDocument::fromJson(json->view().toByteArray(), &parseError).isObject();
    if (parseError.error != QJsonParseError::NoError || !isObject)
        return commandFailure(args, u"standard input is not a JSON object (%1)"_s.arg(
                                        parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                                     : u"another JSON value"_s));
    Result<QByteArray> env = EntryEnvelope::seal(*key, ids->account, ids->entry, trimmed(json->view()));
    if (!env)
        return commandFailure(args, env.error().message);
    return writeStdout(toBase64Url(*env) + '\n') ? ExitOk : commandFailure(args, u"cannot write standard output"_s);
}

namespace {

// Opens a whole export file: every entry's JSON with its id, as a JSON array or as CSV.
int openExportFile(const QStringList &args, const crypto::X25519PrivateKey &key, const QString &path, bool csv)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return commandFailure(args, u"cannot read %1: %2"_s.arg(path, f.errorString()));
    if (f.size() > client::kMaxImportFileSize)
        return commandFailure(args, u"%1 is larger than an export can be (64 MiB)"_s.arg(path));
    Result<client::OpenedExport> opened = client::openExport(key, f.readAll());
    if (!opened)
        return commandFailure(args, u"%1: %2"_s.arg(path, opened.error().message));
    if (csv)
        return writeStdout(client::writeCsv(opened->entries).view())
                   ? ExitOk
                   : commandFailure(args, u"cannot write standard output"_s);
    // [{"id": "…", <the entry's own fields>}, …]: the plaintext is passed through as it is.
    QByteArray frame = "[";
    bool ok = true;
    for (std::size_t i = 0; i < opened->entries.size(); ++i) {
        const client::PlainEntry &e = opened->entries[i];
        const QByteArrayView body = trimmed(e.plaintext.view()).sliced(1); // after the opening brace
        frame += (i ? ",\n " : "\n ") + ("{\"id\":\"" + canonicalUuid(e.id) + "\"") + (trimmed(body) == "}" ? "" : ",");
        ok = ok && writeStdout(frame) && writeStdout(body);
        frame.clear();
    }
    ok = ok && writeStdout(opened->entries.empty() ? QByteArrayView("]\n") : QByteArrayView("\n]\n"));
    return ok ? ExitOk : commandFailure(args, u"cannot write standard output"_s);
}

} // namespace

int openCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption priv(u"private-key"_s, u"Open with the X25519 private key in <file> (PKCS#8 PEM)."_s,
                                  u"file"_s);
    const QCommandLineOption exportFile(u"export"_s,
                                        u"Open every entry of the export <file> the customer app wrote (sealed to "
                                        u"this private key's public half) instead of one envelope on standard input: "
                                        u"a JSON array of the entries, each with its id."_s,
                                        u"file"_s);
    const QCommandLineOption csv(u"csv"_s, u"With --export: write CSV (kind,title,host,port,username,secret,url,"
                                           u"notes,tags — what the app imports) instead of JSON."_s);
    p.addOptions({priv, kAccount, kEntry, exportFile, csv});
    if (const int rc = parseCommand(p, args,
                                    u"Open an entry: its envelope (base64url) on standard input, the plaintext JSON on "
                                    u"standard output. With --export, every entry of an export file."_s);
        rc >= 0)
        return rc;
    if (!p.isSet(priv))
        return commandFailure(args, u"--private-key is required (see --help)"_s, ExitUsage);
    if (p.isSet(csv) && !p.isSet(exportFile))
        return commandFailure(args, u"--csv goes with --export (see --help)"_s, ExitUsage);
    if (p.isSet(exportFile)) {
        if (p.isSet(kAccount) || p.isSet(kEntry))
            return commandFailure(args, u"--export takes the ids from the file: leave out --account and --entry"_s,
                                  ExitUsage);
        Result<crypto::X25519PrivateKey> key = KeyFile::loadPrivate(p.value(priv));
        if (!key)
            return commandFailure(args, key.error().message);
        return openExportFile(args, *key, p.value(exportFile), p.isSet(csv));
    }
    Result<Ids> ids = readIds(p, kAccount, kEntry);
    if (!ids)
        return commandFailure(args, ids.error().message, ExitUsage);
    Result<crypto::X25519PrivateKey> key = KeyFile::loadPrivate(p.value(priv));
    if (!key)
        return commandFailure(args, key.error().message);
    Result<SecureBuffer> text = readStdin(kMaxEnvelopeText);
    if (!text)
        return commandFailure(args, text.error().code == u"too_large"_s
                                        ? u"standard input is larger than an envelope can be"_s
                                        : text.error().message);
    Result<QByteArray> env = fromBase64Url(trimmed(text->view()));
    if (!env)
        return commandFailure(args, u"standard input is not an envelope: %1"_s.arg(env.error().message));
    Result<SecureBuffer> json = EntryEnvelope::open(*key, ids->account, ids->entry, *env);
    if (!json)
        return commandFailure(args, json.error().message);
    return writeStdout(json->view()) ? ExitOk : commandFailure(args, u"cannot write standard output"_s);
}

} // namespace credvault::cli
