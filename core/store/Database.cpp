#include "store/Database.h"

#include "store/Statement.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace credvault::store {

namespace {

// "x'…'": SQLCipher's syntax for a raw key (no PBKDF2), built in secure memory.
SecureBuffer rawKeyLiteral(const SecureBuffer &key)
{
    static const char hex[] = "0123456789abcdef";
    SecureBuffer lit(3 + 2 * key.size());
    unsigned char *p = lit.data();
    *p++ = 'x';
    *p++ = '\'';
    for (std::size_t i = 0; i < key.size(); ++i) {
        *p++ = static_cast<unsigned char>(hex[key.data()[i] >> 4]);
        *p++ = static_cast<unsigned char>(hex[key.data()[i] & 0x0f]);
    }
    *p = '\'';
    return lit;
}

// Creates an empty file readable and writable by its owner only: SQLite would create it
// with the umask's mode, and gives its -wal and -shm files the database file's mode.
Result<void> createPrivateFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int e = errno;
        return fail(e == EEXIST                   ? ErrorKind::Conflict
                    : (e == EACCES || e == EROFS) ? ErrorKind::Permission
                                                  : ErrorKind::Io,
                    u"%1: cannot create: %2"_s.arg(path, QString::fromLocal8Bit(std::strerror(e))),
                    e == EEXIST                   ? u"exists"_s
                    : (e == EACCES || e == EROFS) ? u"readonly"_s
                                                  : u"io"_s);
    }
    ::close(fd);
    return {};
}

Result<void> applyKey(sqlite3 *db, const SecureBuffer &key, int (*fn)(sqlite3 *, const void *, int))
{
    if (key.size() != kDatabaseKeySize)
        return fail(ErrorKind::InvalidInput, u"a database key has 32 bytes, not %1"_s.arg(key.size()), u"bad_key"_s);
    const SecureBuffer lit = rawKeyLiteral(key);
    const int rc = fn(db, lit.data(), int(lit.size()));
    if (rc != SQLITE_OK)
        return fail(sqliteError(rc, u"cannot apply the database key"_s));
    return {};
}

} // namespace

Error sqliteError(int rc, const QString &message)
{
    switch (rc & 0xff) {
    case SQLITE_NOTADB: return Error(ErrorKind::WrongKey, message, u"wrong_key"_s);
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Error(ErrorKind::Database, message, u"busy"_s);
    case SQLITE_FULL: return Error(ErrorKind::Database, message, u"full"_s);
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN: return Error(ErrorKind::Permission, message, u"readonly"_s);
    case SQLITE_CORRUPT: return Error(ErrorKind::Database, message, u"corrupt"_s);
    case SQLITE_CONSTRAINT: return Error(ErrorKind::Conflict, message, u"constraint"_s);
    case SQLITE_IOERR: return Error(ErrorKind::Io, message, u"io"_s);
    case SQLITE_MISUSE: return Error(ErrorKind::Internal, message, u"misuse"_s);
    default: return Error(ErrorKind::Database, message, u"error"_s);
    }
}

Database::Database(Database &&other) noexcept : m_db(other.m_db), m_path(std::move(other.m_path))
{
    other.m_db = nullptr;
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_db = other.m_db;
        m_path = std::move(other.m_path);
        other.m_db = nullptr;
    }
    return *this;
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

Unexpected<Error> Database::lastError(const QString &what) const
{
    if (!m_db)
        return fail(ErrorKind::Internal, what + u": the database is not open"_s);
    const int rc = sqlite3_extended_errcode(m_db);
    const int sys = sqlite3_system_errno(m_db);
    QString detail = QString::fromUtf8(sqlite3_errmsg(m_db));
    if ((rc & 0xff) == SQLITE_NOTADB)
        return fail(ErrorKind::WrongKey,
                    u"%1: wrong database key, or not a CredVault database (%2)"_s.arg(m_path, what), u"wrong_key"_s);
    // A write refused for space (ENOSPC) or a file size limit (EFBIG) is "full", whatever
    // SQLite's code for it.
    if ((rc & 0xff) == SQLITE_FULL || ((rc & 0xff) == SQLITE_IOERR && (sys == ENOSPC || sys == EFBIG)))
        return fail(ErrorKind::Database,
                    u"%1: %2: the disk is full or the file size limit is reached"_s.arg(m_path, what), u"full"_s);
    if (sys != 0 && (rc & 0xff) == SQLITE_IOERR)
        detail += u" (%1)"_s.arg(QString::fromLocal8Bit(std::strerror(sys)));
    return fail(sqliteError(rc, u"%1: %2: %3"_s.arg(m_path, what, detail)));
}

Result<Database> Database::open(const QString &path, const SecureBuffer &key, OpenMode mode,
                                std::chrono::milliseconds busyTimeout)
{
    const QFileInfo fi(path);
    if (mode != OpenMode::ReadWriteCreate && !fi.exists())
        return fail(ErrorKind::NotFound, u"%1: no such database"_s.arg(path), u"not_found"_s);
    if (fi.exists() && !fi.isFile())
        return fail(ErrorKind::InvalidInput, u"%1: not a file"_s.arg(path), u"not_a_file"_s);
    // SQLite takes a file shorter than a page for an empty database and would write into
    // it; a CredVault database is at least one 4096-byte SQLCipher page.
    if (fi.exists() && fi.size() > 0 && fi.size() < 4096)
        return fail(ErrorKind::WrongKey, u"%1: wrong database key, or not a CredVault database (too short)"_s.arg(path),
                    u"wrong_key"_s);
    if (!fi.exists()) {
        if (Result<void> made = createPrivateFile(path); !made)
            return fail(made.error().kind, u"%1: cannot create the database: the folder is not writable"_s.arg(path),
                        made.error().code);
    }

    Database db;
    db.m_path = path;
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    flags |= mode == OpenMode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (mode == OpenMode::ReadWriteCreate)
        flags |= SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db.m_db, flags, nullptr);
    if (rc != SQLITE_OK)
        return db.lastError(u"cannot open"_s);
    if (!key.isEmpty()) {
        if (Result<void> r = applyKey(db.m_db, key, sqlite3_key); !r)
            return fail(r.error());
    }
    // SQLCipher logs failed HMAC checks to stderr by itself; our one error says it all.
    // The pragma only takes effect once the connection has its codec, after the key, and
    // it must come before the first read.
    if (Result<void> r = db.exec("PRAGMA cipher_log_level = NONE"); !r)
        return fail(r.error());
    // The first statement reads page 1: a wrong key shows up here as SQLITE_NOTADB.
    if (sqlite3_exec(db.m_db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) != SQLITE_OK)
        return db.lastError(u"cannot read"_s);
    sqlite3_busy_timeout(db.m_db, int(busyTimeout.count()));
    const char *pragmas = mode == OpenMode::ReadOnly ? "PRAGMA foreign_keys = ON; PRAGMA query_only = ON"
                                                     : "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                                                       "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; "
                                                       "PRAGMA cache_size = -32768";
    if (Result<void> r = db.exec(pragmas); !r)
        return fail(r.error());
    return db;
}

Result<void> Database::exec(const char *sql)
{
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return lastError(QString::fromUtf8(sql).section(u' ', 0, 2));
    return {};
}

Result<Statement> Database::prepare(const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        return lastError(u"cannot prepare \"%1\""_s.arg(QString::fromUtf8(sql).simplified().left(60)));
    return Statement(m_db, stmt);
}

Result<int> Database::userVersion()
{
    Result<Statement> s = prepare("PRAGMA user_version");
    if (!s)
        return fail(s.error());
    Result<bool> row = s->step();
    if (!row)
        return fail(row.error());
    return int(s->integer(0));
}

Result<qint64> Database::changeCounter()
{
    Result<Statement> s = prepare("PRAGMA data_version");
    if (!s)
        return fail(s.error());
    Result<bool> row = s->step();
    if (!row)
        return fail(row.error());
    // data_version moves on commits of other connections, total_changes on our own.
    return (s->integer(0) << 40) ^ qint64(sqlite3_total_changes64(m_db));
}

Result<void> Database::setUserVersion(int version)
{
    const QByteArray sql = "PRAGMA user_version = " + QByteArray::number(version);
    return exec(sql.constData());
}

Result<void> Database::rekey(const SecureBuffer &newKey)
{
    return applyKey(m_db, newKey, sqlite3_rekey);
}

Result<void> Database::backupTo(const QString &path, const SecureBuffer &key)
{
    if (QFileInfo::exists(path))
        return fail(ErrorKind::Conflict, u"%1 already exists; not overwriting it"_s.arg(path), u"exists"_s);
    if (key.size() != kDatabaseKeySize)
        return fail(ErrorKind::InvalidInput, u"a database key has 32 bytes"_s, u"bad_key"_s);
    Result<int> version = userVersion();
    if (!version)
        return fail(version.error());
    if (Result<void> made = createPrivateFile(path); !made)
        return made;
    Result<Statement> attach = prepare("ATTACH DATABASE ?1 AS backup KEY ?2");
    if (!attach) {
        QFile::remove(path);
        return fail(attach.error());
    }
    const SecureBuffer lit = rawKeyLiteral(key);
    // The key literal is bound as a blob straight from secure memory; SQLCipher reads the
    // x'…' form from a blob as from text.
    attach->bind(1, path).bindSecret(2, lit);
    if (Result<void> r = attach->run(); !r) {
        QFile::remove(path);
        return fail(r.error());
    }
    Result<void> exported = exec("SELECT sqlcipher_export('backup')");
    Result<void> versioned =
        exported ? exec(("PRAGMA backup.user_version = " + QByteArray::number(*version)).constData()) : exported;
    Result<void> detached = exec("DETACH DATABASE backup");
    // A failed backup leaves no half-written file behind.
    Result<void> outcome = !exported ? exported : !versioned ? versioned : detached;
    if (!outcome)
        QFile::remove(path);
    return outcome;
}

Result<QString> Database::integrityCheck()
{
    Result<Statement> s = prepare("PRAGMA integrity_check");
    if (!s)
        return fail(s.error());
    Result<bool> row = s->step();
    if (!row)
        return fail(row.error());
    return *row ? s->text(0) : u"no answer"_s;
}

} // namespace credvault::store
