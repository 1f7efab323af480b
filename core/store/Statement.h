#pragma once

// Statement: a prepared SQLite statement (RAII). Bind by 1-based index, step, read
// columns of the current row. Blobs bound from a SecureBuffer are not copied by SQLite
// (SQLITE_STATIC): the buffer must outlive the step.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

struct sqlite3;
struct sqlite3_stmt;

namespace credvault::store {

class Statement {
public:
    Statement() = default;
    Statement(sqlite3 *db, sqlite3_stmt *stmt) : m_db(db), m_stmt(stmt) {}
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, const QString &text);
    Statement &bind(int index, QByteArrayView blob);            // copied by SQLite
    Statement &bindSecret(int index, const SecureBuffer &blob); // not copied
    Statement &bindNull(int index);

    /// true: a row is ready; false: done. Errors as Database describes.
    Result<bool> step();
    /// Steps a statement that returns no rows.
    Result<void> run();
    Result<void> reset();
    /// Rows changed by the last run (sqlite3_changes).
    int changes() const;

    qint64 integer(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    SecureBuffer secretBlob(int column) const;
    bool isNull(int column) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    int m_bindError = 0;
};

} // namespace credvault::store
