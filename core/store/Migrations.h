#pragma once

// Numbered, forward-only schema migrations. The schema version lives in the database
// (PRAGMA user_version); each step runs in its own transaction together with the
// version bump, so a crash leaves the database at a whole version. A database whose
// version is newer than the code knows is refused (code `newer_schema`), never touched.

#include "common/Result.h"

#include <optional>
#include <span>

namespace credvault::store {

class Database;

struct Migration {
    int version;             // 1, 2, 3 … with no gaps
    const char *description; // for logs
    const char *sql;         // one or more statements
};

/// Brings `db` to `target` (default: the last migration). Returns the version reached.
Result<int> migrate(Database &db, std::span<const Migration> migrations, std::optional<int> target = {});

} // namespace credvault::store
