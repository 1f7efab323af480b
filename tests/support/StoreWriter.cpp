// credvault-test-store-writer DB KEYFILE FIRST COUNT
// Writes entries FIRST … FIRST+COUNT-1 (600-byte envelopes) into a vault database, each
// in its own transaction, and prints "committed N" after each commit — the crash-safety
// test kills it at random moments and checks that every reported write survived.
#include "store/KeySource.h"
#include "store/vault/SqlCipherVaultStore.h"

#include <QtCore/QCoreApplication>

#include <cstdio>

using namespace credvault;
using namespace credvault::store;

namespace {
const QUuid kAccount(QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e"));

QUuid entryId(long n)
{
    return QUuid::createUuidV5(kAccount, QString::number(n));
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s DB KEYFILE FIRST COUNT\n", argv[0]);
        return 2;
    }
    Result<SecureBuffer> key = KeyFileSource(QString::fromLocal8Bit(argv[2])).load();
    if (!key) {
        std::fprintf(stderr, "%s\n", qPrintable(key.error().message));
        return 1;
    }
    Result<std::unique_ptr<SqlCipherVaultStore>> store =
        SqlCipherVaultStore::open(QString::fromLocal8Bit(argv[1]), *key);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return 1;
    }
    if (!(*store)->account(kAccount).value().has_value()) {
        User u;
        u.id = QUuid::createUuidV5(kAccount, QStringLiteral("user"));
        u.username = QStringLiteral("writer");
        u.displayName = QStringLiteral("Writer");
        u.passwordHash = QStringLiteral("x");
        if (!(*store)->createCustomer({kAccount, QStringLiteral("Writer"), QStringLiteral("w@example.com"), {}, {}}, u,
                                      QStringLiteral("system")))
            return 1;
    }
    const long first = std::atol(argv[3]);
    const long count = std::atol(argv[4]);
    for (long n = first; n < first + count; ++n) {
        Entry e;
        e.id = entryId(n);
        e.accountId = kAccount;
        e.keyId = QByteArray(16, 'k');
        e.envelope = QByteArray(600, char('a' + n % 26));
        e.createdBy = QStringLiteral("customer:writer");
        Result<Entry> r = (*store)->createEntry(e);
        if (!r) {
            std::fprintf(stderr, "entry %ld: %s\n", n, qPrintable(r.error().message));
            return 1;
        }
        std::printf("committed %ld\n", n);
        std::fflush(stdout);
    }
    return 0;
}
