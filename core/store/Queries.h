#pragma once

// The few shapes every repository query takes, in one place: run a statement, read all
// rows or at most one, and do a change together with its audit row in one transaction.

#include "common/Clock.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QtCore/QList>
#include <QtCore/QUuid>

#include <functional>
#include <optional>

namespace credvault::store {

using Binder = std::function<void(Statement &)>;

/// Canonical UUID text, as the stores keep ids.
inline QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

/// Prepares `sql`, binds, runs it; returns the number of rows changed.
inline Result<int> run(Database &db, const char *sql, const Binder &bind)
{
    Result<Statement> s = db.prepare(sql);
    if (!s)
        return fail(s.error());
    bind(*s);
    if (Result<void> r = s->run(); !r)
        return fail(r.error());
    return s->changes();
}

/// Prepares `sql` (one row, one integer column, e.g. a count), binds, returns the value.
inline Result<qint64> queryInteger(Database &db, const char *sql, const Binder &bind)
{
    Result<Statement> s = db.prepare(sql);
    if (!s)
        return fail(s.error());
    bind(*s);
    Result<bool> row = s->step();
    if (!row)
        return fail(row.error());
    return *row ? s->integer(0) : 0;
}

template<typename T, typename Read>
Result<QList<T>> queryAll(Database &db, const QByteArray &sql, const Binder &bind, Read read)
{
    Result<Statement> s = db.prepare(sql.constData());
    if (!s)
        return fail(s.error());
    bind(*s);
    QList<T> out;
    while (true) {
        Result<bool> row = s->step();
        if (!row)
            return fail(row.error());
        if (!*row)
            return out;
        out.append(read(*s));
    }
}

template<typename T, typename Read>
Result<std::optional<T>> queryOne(Database &db, const QByteArray &sql, const Binder &bind, Read read)
{
    Result<QList<T>> all = queryAll<T>(db, sql, bind, read);
    if (!all)
        return fail(all.error());
    return all->isEmpty() ? std::optional<T>() : std::optional<T>(all->first());
}

/// Runs `work`, then appends `event` to the audit log, in one transaction: both or neither.
inline Result<void> withAudit(Database &db, const Clock &clock, const AuditEvent &event,
                              const std::function<Result<void>()> &work)
{
    Result<Transaction> tx = Transaction::begin(db);
    if (!tx)
        return fail(tx.error());
    if (Result<void> r = work(); !r)
        return r;
    if (Result<AuditHead> a = AuditLog::append(db, event, clock); !a)
        return fail(a.error());
    return tx->commit();
}

} // namespace credvault::store
