#include "DatabaseCommands.h"

#include "CliIo.h"

#include "common/CommandLine.h"
#include "store/Database.h"
#include "store/KeySource.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QFileInfo>
#include <QtCore/QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace credvault::cli {

namespace {

struct Opened {
    store::Database db;
    SecureBuffer newKey;
    QString newKeyFile;
};

// Parses --db, --key-file and --new-key-file (made when missing, 0600), and opens the
// database with the current key.
std::variant<int, Opened> openWithKeys(const QStringList &args, QCommandLineParser &p, const QString &description,
                                       const QList<QCommandLineOption> &extra)
{
    const QCommandLineOption db(u"db"_s, u"The database <file>."_s, u"file"_s);
    const QCommandLineOption keyFile(u"key-file"_s, u"Its current key: a 0600 file of 64 hex characters."_s, u"file"_s);
    const QCommandLineOption newKeyFile(u"new-key-file"_s,
                                        u"The new key: read from <file> if it exists, otherwise made and written "
                                        u"there (0600)."_s,
                                        u"file"_s);
    p.addOptions({db, keyFile, newKeyFile});
    p.addOptions(extra);
    if (const int rc = parseCommand(p, args, description); rc >= 0)
        return rc;
    if (!p.isSet(db) || !p.isSet(keyFile) || !p.isSet(newKeyFile))
        return commandFailure(args, u"--db, --key-file and --new-key-file are required (see --help)"_s, ExitUsage);
    Result<SecureBuffer> key = store::KeyFileSource(p.value(keyFile)).load();
    if (!key)
        return commandFailure(args, key.error().message);
    Opened o;
    o.newKeyFile = p.value(newKeyFile);
    if (QFileInfo::exists(o.newKeyFile)) {
        Result<SecureBuffer> k = store::KeyFileSource(o.newKeyFile).load();
        if (!k)
            return commandFailure(args, k.error().message);
        o.newKey = std::move(*k);
    } else {
        o.newKey = store::generateKey();
        if (Result<void> w = store::writeKeyFile(o.newKeyFile, o.newKey); !w)
            return commandFailure(args, w.error().message);
    }
    if (o.newKey.equals(*key))
        return commandFailure(args, u"the new key is the current key"_s, ExitUsage);
    Result<store::Database> opened = store::Database::open(p.value(db), *key, store::OpenMode::ReadWrite);
    if (!opened)
        return commandFailure(args, opened.error().message);
    o.db = std::move(*opened);
    return o;
}

} // namespace

int dbRekeyCommand(const QStringList &args)
{
    QCommandLineParser p;
    auto opened = openWithKeys(args, p,
                               u"Change a database's key in place, atomically: afterwards only the new key opens it. "
                               u"Stop the server first."_s,
                               {});
    if (const int *rc = std::get_if<int>(&opened))
        return *rc;
    Opened &o = std::get<Opened>(opened);
    if (Result<void> r = o.db.rekey(o.newKey); !r)
        return commandFailure(args, r.error().message);
    Result<QString> check = o.db.integrityCheck();
    if (!check || *check != u"ok"_s)
        return commandFailure(
            args, u"the integrity check after rekeying failed: %1"_s.arg(check ? *check : check.error().message));
    QTextStream(stdout) << "rekeyed " << o.db.path() << "; its key is now in " << o.newKeyFile << Qt::endl;
    return ExitOk;
}

int dbBackupCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption out(u"out"_s, u"Write the backup to <file> (must not exist)."_s, u"file"_s);
    auto opened = openWithKeys(args, p,
                               u"Copy a database, consistently, to a new file under a new key (ATTACH … KEY and "
                               u"sqlcipher_export). The server may keep running."_s,
                               {out});
    if (const int *rc = std::get_if<int>(&opened))
        return *rc;
    Opened &o = std::get<Opened>(opened);
    if (!p.isSet(out))
        return commandFailure(args, u"--out is required (see --help)"_s, ExitUsage);
    if (Result<void> r = o.db.backupTo(p.value(out), o.newKey); !r)
        return commandFailure(args, r.error().message);
    QTextStream(stdout) << "backed up " << o.db.path() << " to " << p.value(out) << " under the key in " << o.newKeyFile
                        << Qt::endl;
    return ExitOk;
}

} // namespace credvault::cli
