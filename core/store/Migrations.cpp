#include "store/Migrations.h"

#include "store/Database.h"
#include "store/Transaction.h"

using namespace Qt::Literals::StringLiterals;

namespace credvault::store {

Result<int> migrate(Database &db, std::span<const Migration> migrations, std::optional<int> target)
{
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        if (migrations[i].version != int(i) + 1)
            return fail(ErrorKind::Internal, u"migrations must be numbered 1, 2, 3 … without gaps"_s);
    }
    const int want = target.value_or(latest);
    if (want < 0 || want > latest)
        return fail(ErrorKind::Internal, u"no migration to version %1"_s.arg(want));
    Result<int> current = db.userVersion();
    if (!current)
        return fail(current.error());
    if (*current > latest)
        return fail(
            ErrorKind::Database,
            u"%1: schema version %2 was written by a newer CredVault (this one knows up to %3); not touching it"_s
                .arg(db.path())
                .arg(*current)
                .arg(latest),
            u"newer_schema"_s);
    for (int v = *current + 1; v <= want; ++v) {
        const Migration &m = migrations[std::size_t(v - 1)];
        Result<Transaction> tx = Transaction::begin(db);
        if (!tx)
            return fail(tx.error());
        if (Result<void> r = db.exec(m.sql); !r)
            return fail(
                r.error().kind,
                u"migration %1 (%2) failed: %3"_s.arg(v).arg(QString::fromUtf8(m.description), r.error().message),
                r.error().code);
        if (Result<void> r = db.setUserVersion(v); !r)
            return fail(r.error());
        if (Result<void> r = tx->commit(); !r)
            return fail(r.error());
    }
    return std::max(*current, want);
}

} // namespace credvault::store
