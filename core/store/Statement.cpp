#include "store/Statement.h"

#include "store/Database.h"

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace credvault::store {

Statement::Statement(Statement &&other) noexcept
    : m_db(other.m_db), m_stmt(other.m_stmt), m_bindError(other.m_bindError)
{
    other.m_stmt = nullptr;
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = other.m_stmt;
        m_bindError = other.m_bindError;
        other.m_stmt = nullptr;
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement &Statement::bind(int index, qint64 value)
{
    if (const int rc = sqlite3_bind_int64(m_stmt, index, value); rc != SQLITE_OK)
        m_bindError = rc;
    return *this;
}

Statement &Statement::bind(int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    if (const int rc = sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        rc != SQLITE_OK)
        m_bindError = rc;
    return *this;
}

Statement &Statement::bind(int index, QByteArrayView blob)
{
    // An empty view still binds an empty blob, not NULL.
    static const char empty = 0;
    if (const int rc =
            sqlite3_bind_blob(m_stmt, index, blob.isEmpty() ? &empty : blob.data(), int(blob.size()), SQLITE_TRANSIENT);
        rc != SQLITE_OK)
        m_bindError = rc;
    return *this;
}

Statement &Statement::bindSecret(int index, const SecureBuffer &blob)
{
    if (const int rc = sqlite3_bind_blob(m_stmt, index, blob.data(), int(blob.size()), SQLITE_STATIC); rc != SQLITE_OK)
        m_bindError = rc;
    return *this;
}

Statement &Statement::bindNull(int index)
{
    if (const int rc = sqlite3_bind_null(m_stmt, index); rc != SQLITE_OK)
        m_bindError = rc;
    return *this;
}

Result<bool> Statement::step()
{
    if (m_bindError != SQLITE_OK)
        return fail(
            sqliteError(m_bindError, u"cannot bind a value: %1"_s.arg(QString::fromUtf8(sqlite3_errstr(m_bindError)))));
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const QString sql = QString::fromUtf8(sqlite3_sql(m_stmt)).simplified().left(60);
    const int sys = sqlite3_system_errno(m_db);
    sqlite3_reset(m_stmt);
    if ((rc & 0xff) == SQLITE_NOTADB)
        return fail(ErrorKind::WrongKey, u"wrong database key, or not a CredVault database"_s, u"wrong_key"_s);
    if ((rc & 0xff) == SQLITE_FULL || ((rc & 0xff) == SQLITE_IOERR && (sys == ENOSPC || sys == EFBIG)))
        return fail(ErrorKind::Database, u"the disk is full or the file size limit is reached"_s, u"full"_s);
    return fail(sqliteError(rc, u"\"%1\": %2"_s.arg(sql, QString::fromUtf8(sqlite3_errmsg(m_db)))));
}

Result<void> Statement::run()
{
    Result<bool> r = step();
    if (!r)
        return fail(r.error());
    sqlite3_reset(m_stmt);
    return {};
}

Result<void> Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bindError = SQLITE_OK;
    return {};
}

int Statement::changes() const
{
    return sqlite3_changes(m_db);
}

qint64 Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column)) : QString();
}

QByteArray Statement::blob(int column) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return p ? QByteArray(p, sqlite3_column_bytes(m_stmt, column)) : QByteArray();
}

SecureBuffer Statement::secretBlob(int column) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return p ? SecureBuffer::copyOf(QByteArrayView(p, sqlite3_column_bytes(m_stmt, column))) : SecureBuffer();
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

} // namespace credvault::store
