#include "StoreBench.h"

#include "BenchUtil.h"

#include "crypto/Primitives.h"
#include "store/Database.h"
#include "store/KeySource.h"
#include "store/Statement.h"
#include "store/Transaction.h"
#include "store/vault/SqlCipherVaultStore.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUuid>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace credvault::bench {

namespace {

using namespace store;

constexpr int kAccounts = 100;
constexpr int kEntries = 100000;
constexpr int kEnvelopeSize = 600;
constexpr int kBatch = 1000;
constexpr int kListRuns = 30;

// A layout without clustering, for contrast: rows in insertion order, an index to find
// an account's.
constexpr char kRowidTable[] =
    "CREATE TABLE entries_rowid (account_id TEXT NOT NULL, id TEXT NOT NULL, "
    "key_id BLOB NOT NULL, revision INTEGER NOT NULL, envelope BLOB, created_at INTEGER, "
    "created_by TEXT, updated_at INTEGER, updated_by TEXT, deleted INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX entries_rowid_account ON entries_rowid (account_id, id)";

struct Timings {
    double insertSeconds = 0;
    double listMs = 0;     // median of kListRuns, same account, page cache as configured
    double coldListMs = 0; // median of kListRuns, other accounts, 16-page cache
};

void die(const Error &e)
{
    std::fprintf(stderr, "credvault-bench store: %s\n", qPrintable(e.message));
    std::exit(1);
}

template<typename T> T must(Result<T> r)
{
    if (!r)
        die(r.error());
    return std::move(*r);
}
void must(Result<void> r)
{
    if (!r)
        die(r.error());
}

Timings run(const QString &path, const SecureBuffer &key, bool clustered, const std::vector<QString> &accounts)
{
    Database db = must(Database::open(path, key, OpenMode::ReadWriteCreate));
    must(migrate(db, vaultSchema()));
    must(db.exec(kRowidTable));
    {
        Transaction tx = must(Transaction::begin(db));
        Statement a =
            must(db.prepare("INSERT INTO accounts (id, display_name, email, created_at) VALUES (?1, 'A', 'a@x', 1)"));
        for (const QString &id : accounts) {
            a.bind(1, id);
            must(a.run());
        }
        must(tx.commit());
    }
    const char *insertSql =
        clustered ? "INSERT INTO entries (account_id, id, key_id, revision, envelope, created_at, created_by, "
                    "updated_at, updated_by) VALUES (?1, ?2, ?3, 1, ?4, 1, 'bench', 1, 'bench')"
                  : "INSERT INTO entries_rowid (account_id, id, key_id, revision, envelope, created_at, "
                    "created_by, updated_at, updated_by) VALUES (?1, ?2, ?3, 1, ?4, 1, 'bench', 1, 'bench')";
    QByteArray envelope(kEnvelopeSize, '\0');
    crypto::randomBytes(reinterpret_cast<unsigned char *>(envelope.data()), std::size_t(envelope.size()));
    const QByteArray keyId(16, 'k');
    Timings t;
    QElapsedTimer clock;
    clock.start();
    Statement ins = must(db.prepare(insertSql));
    for (int i = 0; i < kEntries; i += kBatch) {
        Transaction tx = must(Transaction::begin(db));
        for (int j = i; j < i + kBatch; ++j) {
            // Accounts take turns, as they would over time: the clustered key keeps each
            // account's entries together anyway.
            ins.bind(1, accounts[std::size_t(j % kAccounts)])
                .bind(2, QUuid::createUuid().toString(QUuid::WithoutBraces))
                .bind(3, QByteArrayView(keyId))
                .bind(4, QByteArrayView(envelope));
            must(ins.run());
        }
        must(tx.commit());
    }
    t.insertSeconds = double(clock.nsecsElapsed()) / 1e9;
    must(db.exec("PRAGMA wal_checkpoint(TRUNCATE)"));

    // List one account's 1,000 entries, as a customer's app does when it opens: the
    // median of repeated listings (the pages an account needs stay in the page cache),
    // and once more with a 16-page cache and another account each time (every page read
    // and, with a key, decrypted), as a server with far more accounts than cache would.
    const char *listSql =
        clustered ? "SELECT id, key_id, revision, envelope FROM entries WHERE account_id = ?1 ORDER BY id"
                  : "SELECT id, key_id, revision, envelope FROM entries_rowid WHERE account_id = ?1 ORDER BY id";
    const auto listOnce = [&](const QString &account) {
        Statement list = must(db.prepare(listSql));
        list.bind(1, account);
        qint64 bytes = 0;
        int rows = 0;
        QElapsedTimer c;
        c.start();
        while (must(list.step())) {
            bytes += list.blob(3).size();
            ++rows;
        }
        const double ms = double(c.nsecsElapsed()) / 1e6;
        if (rows != kEntries / kAccounts || bytes != qint64(rows) * kEnvelopeSize)
            die(Error(ErrorKind::Internal, QStringLiteral("listing returned the wrong rows")));
        return ms;
    };
    const auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::vector<double> runs;
    for (int r = 0; r < kListRuns; ++r)
        runs.push_back(listOnce(accounts[0]));
    t.listMs = median(runs);
    must(db.exec("PRAGMA cache_size = 16"));
    runs.clear();
    for (int r = 0; r < kListRuns; ++r)
        runs.push_back(listOnce(accounts[std::size_t(1 + r % (kAccounts - 1))]));
    t.coldListMs = median(runs);
    return t;
}

} // namespace

int runStoreBench()
{
    QTemporaryDir dir;
    std::vector<QString> accounts;
    for (int i = 0; i < kAccounts; ++i)
        accounts.push_back(QUuid::createUuid().toString(QUuid::WithoutBraces));
    const SecureBuffer key = generateKey();
    std::printf("# credvault-bench store: %d entries of %d bytes across %d accounts, batches of %d; "
                "listing one account's %d entries, median of %d\n",
                kEntries, kEnvelopeSize, kAccounts, kBatch, kEntries / kAccounts, kListRuns);
    const Timings plain = run(dir.filePath(QStringLiteral("plain.db")), SecureBuffer(), true, accounts);
    const Timings keyed = run(dir.filePath(QStringLiteral("keyed.db")), key, true, accounts);
    const Timings plainRowid = run(dir.filePath(QStringLiteral("plain-rowid.db")), SecureBuffer(), false, accounts);
    const Timings keyedRowid = run(dir.filePath(QStringLiteral("keyed-rowid.db")), key, false, accounts);
    print("insert_plain_per_s", kEntries / plain.insertSeconds);
    print("insert_encrypted_per_s", kEntries / keyed.insertSeconds);
    print("list_account_plain_ms", plain.listMs);
    print("list_account_encrypted_ms", keyed.listMs);
    print("ratio_insert_vs_plain", keyed.insertSeconds / plain.insertSeconds);
    print("ratio_list_account_vs_plain", keyed.listMs / plain.listMs);
    std::printf("# every page read and decrypted (16-page cache, another account each time):\n");
    print("list_account_cold_plain_ms", plain.coldListMs);
    print("list_account_cold_encrypted_ms", keyed.coldListMs);
    print("ratio_list_account_cold_vs_plain", keyed.coldListMs / plain.coldListMs);
    std::printf("# for contrast, the same with a rowid table and an index instead of the clustered key:\n");
    print("list_account_rowid_plain_ms", plainRowid.listMs);
    print("list_account_rowid_encrypted_ms", keyedRowid.listMs);
    print("ratio_insert_rowid_vs_plain", keyedRowid.insertSeconds / plainRowid.insertSeconds);
    print("ratio_list_account_rowid_vs_plain", keyedRowid.listMs / plainRowid.listMs);
    print("list_account_rowid_cold_plain_ms", plainRowid.coldListMs);
    print("list_account_rowid_cold_encrypted_ms", keyedRowid.coldListMs);
    print("ratio_list_account_rowid_cold_vs_plain", keyedRowid.coldListMs / plainRowid.coldListMs);
    return 0;
}

} // namespace credvault::bench
