#pragma once

// Transaction: BEGIN IMMEDIATE on construction (so a writer learns of a busy database
// before it does any work), ROLLBACK on destruction unless commit() succeeded. Every
// write goes through one.

#include "common/Result.h"

namespace credvault::store {

class Database;

class Transaction {
public:
    static Result<Transaction> begin(Database &db);
    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    Result<void> commit();

private:
    explicit Transaction(Database *db) : m_db(db) {}
    Database *m_db = nullptr;
};

} // namespace credvault::store
