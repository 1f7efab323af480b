#include "store/Transaction.h"

#include "store/Database.h"

namespace credvault::store {

Result<Transaction> Transaction::begin(Database &db)
{
    if (Result<void> r = db.exec("BEGIN IMMEDIATE"); !r)
        return fail(r.error());
    return Transaction(&db);
}

Transaction::Transaction(Transaction &&other) noexcept : m_db(other.m_db)
{
    other.m_db = nullptr;
}

Transaction::~Transaction()
{
    if (m_db)
        (void)m_db->exec("ROLLBACK");
}

Result<void> Transaction::commit()
{
    if (!m_db)
        return fail(ErrorKind::Internal, QStringLiteral("commit of a finished transaction"));
    Result<void> r = m_db->exec("COMMIT");
    if (r)
        m_db = nullptr; // on failure the destructor rolls back
    return r;
}

} // namespace credvault::store
