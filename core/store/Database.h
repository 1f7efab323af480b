#pragma once

// Database: one connection to a SQLCipher 4 database through its C API (not QtSql).
// Opening applies the raw 256-bit key, proves it on the first statement (a wrong key,
// or a file that is not a database, is one clear error: SQLCipher itself logs nothing),
// and sets WAL, foreign keys, secure delete, synchronous=FULL and a busy timeout. Every
// failure is a Result with ErrorKind::Database or WrongKey and a stable code:
//
//   wrong_key    the key does not open the file, or the file is not a database
//   newer_schema the file was made by a newer CredVault
//   busy         another connection holds the lock past the timeout
//   full         the disk or a file size limit is full
//   readonly     the file or its folder cannot be written
//   corrupt      the file is damaged
//   constraint   a uniqueness or foreign-key rule refused a write
//   io, misuse, error   anything else SQLite reports
//
// Move-only; not thread-safe (one connection per thread, as SQLite wants).

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QtCore/QString>

#include <chrono>

struct sqlite3;

namespace credvault::store {

class Statement;

enum class OpenMode {
    ReadWrite,       // the file must exist
    ReadWriteCreate, // made if missing
    ReadOnly,
};

/// A 256-bit SQLCipher key, raw (no passphrase derivation).
inline constexpr std::size_t kDatabaseKeySize = 32;

class Database {
public:
    Database() = default;
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    /// `key` of 32 bytes encrypts the file; an empty key opens a plain SQLite file (for
    /// the storage benchmark's baseline only).
    static Result<Database> open(const QString &path, const SecureBuffer &key, OpenMode mode,
                                 std::chrono::milliseconds busyTimeout = std::chrono::seconds(5));

    bool isOpen() const { return m_db != nullptr; }
    const QString &path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }

    /// Runs one or more statements without results.
    Result<void> exec(const char *sql);
    Result<Statement> prepare(const char *sql);

    /// PRAGMA user_version: the schema version.
    Result<int> userVersion();
    Result<void> setUserVersion(int version);
    /// A value that changes whenever a change is committed, by this connection or any
    /// other (another process included): the key for caches of query results.
    Result<qint64> changeCounter();

    /// Changes the key in place (PRAGMA rekey): atomic, the old key stops working.
    Result<void> rekey(const SecureBuffer &newKey);
    /// A consistent copy under another key in a new file (ATTACH … KEY + sqlcipher_export);
    /// refuses to overwrite an existing file.
    Result<void> backupTo(const QString &path, const SecureBuffer &key);
    /// PRAGMA integrity_check: "ok" or the first problem.
    Result<QString> integrityCheck();

    /// The Result for the connection's last error, with `what` in the message.
    Unexpected<Error> lastError(const QString &what) const;

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
};

/// Maps an SQLite result code to our error.
Error sqliteError(int rc, const QString &message);

} // namespace credvault::store
