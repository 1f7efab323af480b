#include "AuditCommands.h"

#include "CliIo.h"

#include "common/CommandLine.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/KeySource.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace credvault::cli {

int auditVerifyCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption db(u"db"_s, u"The server's database <file>."_s, u"file"_s);
    const QCommandLineOption keyFile(u"key-file"_s, u"The database key: a 0600 file of 64 hex characters."_s,
                                     u"file"_s);
    const QCommandLineOption expect(u"expect-head"_s,
                                    u"A head seen before (COUNT:HASH): also report a log truncated or rewritten "
                                    u"since."_s,
                                    u"head"_s);
    p.addOptions({db, keyFile, expect});
    if (const int rc = parseCommand(p, args,
                                    u"Verify a server's audit log: print the first broken row, or ok with the row "
                                    u"count and head. Exit 0 when intact, 1 when not."_s);
        rc >= 0)
        return rc;
    if (!p.isSet(db) || !p.isSet(keyFile))
        return commandFailure(args, u"--db and --key-file are required (see --help)"_s, ExitUsage);
    std::optional<store::AuditHead> expected;
    if (p.isSet(expect)) {
        Result<store::AuditHead> h = store::AuditHead::parse(p.value(expect));
        if (!h)
            return commandFailure(args, h.error().message, ExitUsage);
        expected = *h;
    }
    Result<SecureBuffer> key = store::KeyFileSource(p.value(keyFile)).load();
    if (!key)
        return commandFailure(args, key.error().message);
    Result<store::Database> database = store::Database::open(p.value(db), *key, store::OpenMode::ReadOnly);
    if (!database)
        return commandFailure(args, database.error().message);
    Result<store::AuditVerification> v = store::AuditLog::verify(*database, expected);
    if (!v)
        return commandFailure(args, v.error().message);
    QTextStream out(stdout);
    if (v->ok) {
        out << "ok: " << v->rows << " rows, head " << v->head.toString() << Qt::endl;
        return ExitOk;
    }
    out << "broken at row " << v->firstBadRow << ": " << v->problem << Qt::endl;
    return ExitFailure;
}

} // namespace credvault::cli
