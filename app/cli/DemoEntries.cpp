// credvault-cli demo-entries: a few entries in alice's vault of a running demo deployment,
// sealed on this side exactly as the customer app seals them (core/client).

#include "DemoCommands.h"

#include "CliIo.h"

#include "client/AccountKey.h"
#include "client/Await.h"
#include "client/ClientConfig.h"
#include "client/EntryModel.h"
#include "client/VaultApi.h"
#include "common/CommandLine.h"
#include "crypto/EntryEnvelope.h"
#include "crypto/Primitives.h"
#include "protocol/Base64Url.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QTextStream>
#include <QtNetwork/QNetworkAccessManager>

using namespace Qt::Literals::StringLiterals;

namespace credvault::cli {

namespace {

// A random secret of `n` printable characters, as a demo password would be.
SecureBuffer randomSecret(int n)
{
    std::vector<unsigned char> raw(std::size_t(n), 0);
    crypto::randomBytes(raw.data(), raw.size());
    QByteArray text = toBase64Url(QByteArray(reinterpret_cast<const char *>(raw.data()), n)).left(n);
    SecureBuffer out = SecureBuffer::copyOf(text);
    text.fill('\0');
    std::fill(raw.begin(), raw.end(), 0);
    return out;
}

QList<client::EntryFields> demoEntries()
{
    auto entry = [](QString kind, QString title, QString host, int port, QString user, QString url, QString notes,
                    QStringList tags) {
        client::EntryFields f;
        f.kind = std::move(kind);
        f.title = std::move(title);
        f.host = std::move(host);
        f.port = port;
        f.username = std::move(user);
        f.url = std::move(url);
        f.notes = std::move(notes);
        f.tags = std::move(tags);
        return f;
    };
    return {
        entry(u"server"_s, u"web1 production"_s, u"web1.example.net"_s, 22, u"deploy"_s, {},
              u"Deploys run as this user; sudo needs the same password."_s, {u"production"_s, u"web"_s}),
        entry(u"control_panel"_s, u"Hosting control panel"_s, {}, 0, u"alice"_s, u"https://panel.example.net"_s, {},
              {u"billing"_s}),
        entry(u"database"_s, u"Shop database"_s, u"db1.internal.example.net"_s, 3306, u"shop"_s, {},
              u"Read-write user of the shop; backups use shop_backup."_s, {u"production"_s, u"shop"_s}),
        entry(u"ftp"_s, u"Legacy FTP upload"_s, u"ftp.example.net"_s, 21, u"upload"_s, {}, {}, {u"legacy"_s}),
        entry(u"api_key"_s, u"DNS API token"_s, {}, 0, {}, u"https://dns.example.net/api"_s,
              u"Can change every zone of the account."_s, {u"dns"_s}),
    };
}

// The password of `username` in demo-credentials.txt.
Result<QString> demoPasswordOf(const QString &dir, const QString &username)
{
    QFile f(QDir(dir).filePath(u"demo-credentials.txt"_s));
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorKind::NotFound, u"%1 has no demo-credentials.txt: run init-demo first"_s.arg(dir));
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (!line.startsWith('#') && parts.size() == 4 && parts[1] == username.toUtf8())
            return QString::fromUtf8(parts[2]);
    }
    return fail(ErrorKind::NotFound, u"demo-credentials.txt does not list %1"_s.arg(username));
}

QString failureOf(const ApiError &e)
{
    return e.httpStatus == 0 ? client::describe(e, u"server"_s) : e.message;
}

} // namespace

int demoEntriesCommand(const QStringList &args)
{
    QString dir;
    if (const int rc = parseDemoDir(
            args,
            u"Add a few demo entries (a server, a control panel, a database, FTP, an API key) to alice's vault in "
            u"a demo deployment whose keyserver and vault server run. They are sealed here to the vault's key, "
            u"checked with both servers, as the customer app seals them. Nothing is added if alice already has "
            u"entries."_s,
            u"The demo deployment's <folder> (made by init-demo)."_s, dir);
        rc >= 0)
        return rc;
    Result<client::ClientConfig> config = client::ClientConfig::load(QDir(dir).filePath(u"client.conf"_s));
    if (!config)
        return commandFailure(args, config.error().message);
    Result<QString> password = demoPasswordOf(dir, u"alice"_s);
    if (!password)
        return commandFailure(args, password.error().message);

    QNetworkAccessManager network;
    client::VaultApi vault(config->vault, &network);
    client::ApiClient keyserver(config->keyserver, &network);
    using client::ApiResult;
    const ApiResult login = client::await<ApiResult>([&](auto done) { vault.login(u"alice"_s, *password, {}, done); });
    if (!login)
        return commandFailure(args, u"cannot sign in as alice: %1"_s.arg(failureOf(login.error())));
    const QUuid account = QUuid::fromString(login->value(u"account_id"_s).toString());
    auto logout = qScopeGuard([&] { (void)client::await<ApiResult>([&](auto done) { vault.logout(done); }); });

    const ApiResult listed =
        client::await<ApiResult>([&](auto done) { vault.entries(std::nullopt, std::nullopt, false, done); });
    if (!listed)
        return commandFailure(args, u"cannot list alice's entries: %1"_s.arg(failureOf(listed.error())));
    QTextStream out(stdout);
    if (!listed->value(u"items"_s).toArray().isEmpty()) {
        out << "alice already has entries: nothing added." << Qt::endl;
        return ExitOk;
    }
    // The key, checked with both servers (no pin here: the app keeps its own).
    const Result<client::CheckedKey, ApiError> key = client::await<Result<client::CheckedKey, ApiError>>(
        [&](auto done) { client::checkAccountKey(vault, keyserver, std::nullopt, account, done); }, 60000);
    if (!key)
        return commandFailure(args, u"alice's key cannot be used: %1"_s.arg(failureOf(key.error())));

    int added = 0;
    for (const client::EntryFields &fields : demoEntries()) {
        const QUuid id = QUuid::createUuid();
        const SecureBuffer plaintext = client::EntryModel::plaintextOf(fields, randomSecret(20));
        Result<QByteArray> envelope = EntryEnvelope::seal(key->publicKey, account, id, plaintext.view());
        if (!envelope)
            return commandFailure(args, envelope.error().message);
        const ApiResult created =
            client::await<ApiResult>([&](auto done) { vault.createEntry(id, account, *envelope, done); });
        if (!created)
            return commandFailure(args, u"cannot add \"%1\": %2"_s.arg(fields.title, failureOf(created.error())));
        ++added;
    }
    out << added << " demo entries added to alice's vault, sealed to key "
        << QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(key->keyId.data()), 16).toHex()) << "."
        << Qt::endl;
    return ExitOk;
}

} // namespace credvault::cli
