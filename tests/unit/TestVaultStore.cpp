#include "store/KeySource.h"
#include "store/Statement.h"
#include "store/vault/SqlCipherVaultStore.h"

#include "support/SqlcipherShell.h"

#include <QtCore/QDir>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace credvault;
using namespace credvault::store;
using namespace Qt::Literals::StringLiterals;

namespace {

User customerUser(const QString &name)
{
    User u;
    u.id = QUuid::createUuid();
    u.username = name;
    u.displayName = name;
    u.passwordHash = u"$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA"_s;
    return u;
}

Entry newEntry(const QUuid &account, const QByteArray &envelope)
{
    Entry e;
    e.id = QUuid::createUuid();
    e.accountId = account;
    e.keyId = QByteArray(16, 'k');
    e.envelope = envelope;
    e.createdBy = u"customer:alice"_s;
    return e;
}

} // namespace

class TestVaultStore : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    SecureBuffer m_key = generateKey();
    ManualClock m_clock;
    int m_n = 0;

    std::unique_ptr<SqlCipherVaultStore> fresh()
    {
        Result<std::unique_ptr<SqlCipherVaultStore>> s =
            SqlCipherVaultStore::open(m_dir.filePath(u"vault-%1.db"_s.arg(++m_n)), m_key, m_clock);
        if (!s)
            qFatal("%s", qPrintable(s.error().message));
        return std::move(*s);
    }

    Account addCustomer(VaultStore &s, const QString &name)
    {
        Account a{QUuid::createUuid(), name + u" Ltd"_s, name + u"@example.com"_s, {}, {}};
        Result<Account> made = s.createCustomer(a, customerUser(name), u"system"_s);
        if (!made)
            qFatal("%s", qPrintable(made.error().message));
        return *made;
    }

private Q_SLOTS:
    void accountsAndUsers()
    {
        auto s = fresh();
        const Account alice = addCustomer(*s, u"alice"_s);
        User sam = customerUser(u"sam"_s);
        sam.role = u"admin"_s;
        QVERIFY(s->createStaff(sam, u"system"_s).ok());
        // Sign-in names are unique across customers and staff, whatever the case.
        Account other{QUuid::createUuid(), u"Other"_s, u"o@example.com"_s, {}, {}};
        Result<Account> dup = s->createCustomer(other, customerUser(u"ALICE"_s), u"system"_s);
        QCOMPARE(dup.error().code, u"exists"_s);
        QVERIFY(!s->account(other.id).value().has_value()); // nothing half-made
        QCOMPARE(s->createStaff(customerUser(u"Sam"_s), u"system"_s).error().code, u"bad_role"_s);
        User sam2 = customerUser(u"Sam"_s);
        sam2.role = u"support"_s;
        QCOMPARE(s->createStaff(sam2, u"system"_s).error().code, u"exists"_s);

        const std::optional<User> found = s->userByName(u"Alice"_s).value();
        QVERIFY(found.has_value());
        QCOMPARE(found->kind, UserKind::Customer);
        QCOMPARE(found->accountId, alice.id);
        QCOMPARE(s->userByName(u"sam"_s).value()->role, u"admin"_s);
        QCOMPARE(s->users(UserKind::Staff).value().size(), 1);
        QCOMPARE(s->users({}).value().size(), 2);

        // Search by name, sign-in name, e-mail and id.
        addCustomer(*s, u"bob"_s);
        QCOMPARE(s->searchCustomers(u"ALI"_s, 10).value().size(), 1);
        QCOMPARE(s->searchCustomers(u"example.com"_s, 10).value().size(), 2);
        QCOMPARE(s->searchCustomers(alice.id.toString(QUuid::WithoutBraces), 10).value().first().first.id, alice.id);
        QCOMPARE(s->searchCustomers(u"nobody"_s, 10).value().size(), 0);

        // Lockout bookkeeping, password, TOTP, disabling.
        const QUuid uid = found->id;
        QVERIFY(s->recordLoginFailure(uid, {}).ok());
        QVERIFY(s->recordLoginFailure(uid, {}).ok());
        QCOMPARE(s->user(uid).value()->failedLogins, 2);
        // The failure that locks restarts the count (after the lock, all tries again).
        QVERIFY(s->recordLoginFailure(uid, m_clock.nowUtc().addSecs(900)).ok());
        std::optional<User> u = s->user(uid).value();
        QCOMPARE(u->failedLogins, 0);
        QCOMPARE(u->lockedUntil, m_clock.nowUtc().addSecs(900));
        QVERIFY(s->recordLoginFailure(uid, {}).ok());
        // Success clears the count and the lock, and remembers the TOTP step (never backwards).
        QVERIFY(s->recordLoginSuccess(uid, 1000).ok());
        QCOMPARE(s->user(uid).value()->failedLogins, 0);
        QVERIFY(!s->user(uid).value()->lockedUntil.isValid());
        QCOMPARE(s->user(uid).value()->totpLastStep, 1000);
        QVERIFY(s->recordLoginSuccess(uid, 999).ok());
        QCOMPARE(s->user(uid).value()->totpLastStep, 1000);

        // The account's key id: empty until recorded; recorded (and audited) once per change.
        const QUuid accountId = found->accountId;
        QVERIFY(s->account(accountId).value()->keyId.isEmpty());
        QCOMPARE(s->setAccountKeyId(accountId, QByteArray(16, 'k'), u"system"_s).value(), true);
        QCOMPARE(s->setAccountKeyId(accountId, QByteArray(16, 'k'), u"system"_s).value(), false);
        QCOMPARE(s->account(accountId).value()->keyId, QByteArray(16, 'k'));
        QCOMPARE(s->searchCustomers(accountId.toString(QUuid::WithoutBraces).toUpper(), 10).value().first().first.keyId,
                 QByteArray(16, 'k'));
        int recorded = 0;
        const QList<store::AuditRecord> records =
            s->auditRecords(accountId.toString(QUuid::WithoutBraces), 0, 100).value();
        for (const store::AuditRecord &r : records)
            recorded += r.action == u"public_key_recorded"_s;
        QCOMPARE(recorded, 1);
        QVERIFY(s->setPasswordHash(uid, u"$argon2id$new"_s, u"customer:alice"_s).ok());
        QCOMPARE(s->user(uid).value()->passwordHash, u"$argon2id$new"_s);
        QVERIFY(s->setTotpSecret(uid, SecureBuffer::copyOf(QByteArray(20, 't')), u"customer:alice"_s).ok());
        QVERIFY(s->user(uid).value()->hasTotp);
        QVERIFY(s->totpSecret(uid)->equals(QByteArray(20, 't')));
        QVERIFY(s->setDisabled(uid, true, u"staff:sam"_s).ok());
        QVERIFY(s->user(uid).value()->disabled);
        QCOMPARE(s->setDisabled(QUuid::createUuid(), true, u"staff:sam"_s).error().code, u"not_found"_s);
    }

    void entries()
    {
        auto s = fresh();
        const Account alice = addCustomer(*s, u"alice"_s);
        const Account bob = addCustomer(*s, u"bob"_s);
        QList<QUuid> ids;
        for (int i = 0; i < 25; ++i) {
            Result<Entry> e =
                s->createEntry(newEntry(i % 5 == 4 ? bob.id : alice.id, QByteArray(400, char('a' + i % 26))));
            QVERIFY(e.ok());
            QCOMPARE(e->revision, 1);
            if (i % 5 != 4)
                ids.append(e->id);
        }
        // The same id again, or for an account that does not exist, is refused.
        Entry again = newEntry(alice.id, "x");
        again.id = ids.first();
        QCOMPARE(s->createEntry(again).error().code, u"exists"_s);
        QCOMPARE(s->createEntry(newEntry(QUuid::createUuid(), "x")).error().code, u"exists"_s);

        // Paging over alice's 20 entries, in id order, none of bob's.
        QList<QUuid> seen;
        std::optional<QUuid> after;
        do {
            Result<EntryPage> page = s->entries(alice.id, after, 7);
            QVERIFY(page.ok());
            QVERIFY(page->items.size() <= 7);
            for (const Entry &e : page->items) {
                QCOMPARE(e.accountId, alice.id);
                seen.append(e.id);
            }
            after = page->next;
        } while (after);
        std::sort(ids.begin(), ids.end(), [](const QUuid &a, const QUuid &b) {
            return a.toString(QUuid::WithoutBraces) < b.toString(QUuid::WithoutBraces);
        });
        QCOMPARE(seen, ids);

        // Compare-and-swap updates.
        const QUuid id = ids.first();
        Result<Entry> up = s->updateEntry(id, 1, QByteArray(16, 'k'), "new envelope", u"staff:sam"_s, {});
        QVERIFY(up.ok());
        QCOMPARE(up->revision, 2);
        QCOMPARE(up->updatedBy, u"staff:sam"_s);
        Result<Entry> stale = s->updateEntry(id, 1, QByteArray(16, 'k'), "lost update", u"customer:alice"_s, {});
        QCOMPARE(stale.error().code, u"stale_revision"_s);
        QCOMPARE(stale.error().kind, ErrorKind::Conflict);
        QCOMPARE(s->entry(id).value()->envelope, QByteArray("new envelope"));

        // Tombstones.
        Result<Entry> gone = s->deleteEntry(id, u"customer:alice"_s, {});
        QVERIFY(gone.ok());
        QVERIFY(gone->deleted);
        QCOMPARE(gone->revision, 3);
        const std::optional<Entry> tomb = s->entry(id).value();
        QVERIFY(tomb->deleted);
        QVERIFY(tomb->envelope.isEmpty());
        QCOMPARE(s->entries(alice.id, {}, 100).value().items.size(), 19);
        QCOMPARE(s->entries(alice.id, {}, 100, true).value().items.size(), 20);
        QCOMPARE(s->deleteEntry(id, u"x"_s, {}).error().code, u"not_found"_s);
        QCOMPARE(s->updateEntry(id, 3, QByteArray(16, 'k'), "zombie", u"x"_s, {}).error().code, u"not_found"_s);

        // What an unlock will decapsulate: bytes 17–48 of every live envelope under the
        // key id, in id order; none of bob's, none of the tombstone's, none of another key's.
        QByteArray expected;
        const EntryPage live = s->entries(alice.id, {}, 100).value();
        for (const Entry &e : live.items)
            expected += e.envelope.mid(17, 32);
        QCOMPARE(expected.size(), 19 * 32);
        QCOMPARE(s->entryEncs(alice.id, QByteArray(16, 'k'), 100).value(), expected);
        QCOMPARE(s->entryEncs(alice.id, QByteArray(16, 'k'), 5).value(), expected.first(5 * 32));
        QCOMPARE(s->entryEncs(alice.id, QByteArray(16, 'x'), 100).value(), QByteArray());
        Entry otherKey = newEntry(alice.id, QByteArray(400, 'z'));
        otherKey.keyId = QByteArray(16, 'x');
        QVERIFY(s->createEntry(otherKey).ok());
        QCOMPARE(s->entryEncs(alice.id, QByteArray(16, 'x'), 100).value(), QByteArray(32, 'z'));
        QCOMPARE(s->entryEncs(alice.id, QByteArray(16, 'k'), 100).value(), expected);
        QVERIFY(s->deleteEntry(otherKey.id, u"customer:alice"_s, {}).ok());

        // Every change is on the audit chain, which verifies.
        Result<AuditVerification> v = AuditLog::verify(s->database());
        QVERIFY(v->ok);
        QCOMPARE(v->rows, 2 + 25 + 1 + 1 + 2);
        QCOMPARE(s->auditRecords(bob.id.toString(QUuid::WithoutBraces), 0, 100).value().size(), 1 + 5);

        // Deleting an account takes its users, tokens and entries with it.
        const QUuid bobUser = s->userByName(u"bob"_s).value()->id;
        QVERIFY(s->addToken({QByteArray(32, 'b'), bobUser, m_clock.nowUtc(), m_clock.nowUtc().addSecs(3600)}).ok());
        QVERIFY(s->deleteAccount(bob.id, u"staff:sam"_s).ok());
        QVERIFY(!s->account(bob.id).value().has_value());
        QVERIFY(!s->userByName(u"bob"_s).value().has_value());
        QVERIFY(!s->token(QByteArray(32, 'b')).value().has_value());
        QCOMPARE(s->entries(bob.id, {}, 100, true).value().items.size(), 0);
        QCOMPARE(s->deleteAccount(bob.id, u"staff:sam"_s).error().code, u"not_found"_s);
    }

    void tokens()
    {
        auto s = fresh();
        addCustomer(*s, u"alice"_s);
        const QUuid uid = s->userByName(u"alice"_s).value()->id;
        const QDateTime now = m_clock.nowUtc();
        QVERIFY(s->addToken({QByteArray(32, '1'), uid, now, now.addSecs(60)}).ok());
        QVERIFY(s->addToken({QByteArray(32, '2'), uid, now, now.addSecs(3600)}).ok());
        QCOMPARE(s->token(QByteArray(32, '1')).value()->userId, uid);
        QCOMPARE(s->removeExpiredTokens(now.addSecs(61)).value(), 1);
        QVERIFY(!s->token(QByteArray(32, '1')).value().has_value());
        QVERIFY(s->removeToken(QByteArray(32, '2')).ok());
        QVERIFY(!s->token(QByteArray(32, '2')).value().has_value());
        // A new password or disabling ends every sign-in of that user; enabling does not.
        QVERIFY(s->addToken({QByteArray(32, '3'), uid, now, now.addSecs(3600)}).ok());
        QVERIFY(s->setDisabled(uid, false, u"x"_s).ok());
        QVERIFY(s->token(QByteArray(32, '3')).value().has_value());
        QVERIFY(s->setPasswordHash(uid, u"$argon2id$other"_s, u"x"_s).ok());
        QVERIFY(!s->token(QByteArray(32, '3')).value().has_value());
        QVERIFY(s->addToken({QByteArray(32, '4'), uid, now, now.addSecs(3600)}).ok());
        QVERIFY(s->setDisabled(uid, true, u"x"_s).ok());
        QVERIFY(!s->token(QByteArray(32, '4')).value().has_value());
    }

    void migratesFromEveryEarlierVersion()
    {
        const std::span<const Migration> schema = vaultSchema();
        for (int from = 0; from < int(schema.size()); ++from) {
            const QString p = m_dir.filePath(u"old-v%1.db"_s.arg(from));
            {
                Result<Database> db = Database::open(p, m_key, OpenMode::ReadWriteCreate);
                QVERIFY(db.ok());
                QCOMPARE(migrate(*db, schema, from).value(), from);
                // Data as a version `from` server would have written it.
                if (from >= 1)
                    QVERIFY(
                        db->exec(
                              "INSERT INTO accounts VALUES ('0f8fad5b-d9cb-469f-a165-70867728950e', 'Old', "
                              "'old@example.com', 1); INSERT INTO users (id, kind, username, display_name, "
                              "account_id, password_hash, created_at) VALUES ('7c9e6679-7425-40de-944b-e07fc1f90ae7', "
                              "'customer', 'old', 'Old', '0f8fad5b-d9cb-469f-a165-70867728950e', 'h', 1)")
                            .ok());
                if (from >= 2)
                    QVERIFY(
                        db->exec("INSERT INTO entries VALUES ('0f8fad5b-d9cb-469f-a165-70867728950e', "
                                 "'11111111-1111-4111-8111-111111111111', zeroblob(16), 1, x'01', 1, 'x', 1, 'x', 0)")
                            .ok());
            }
            Result<std::unique_ptr<SqlCipherVaultStore>> s = SqlCipherVaultStore::open(p, m_key, m_clock);
            QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
            QCOMPARE((*s)->database().userVersion().value(), int(schema.size()));
            QCOMPARE((*s)->userByName(u"old"_s).value().has_value(), from >= 1);
            QCOMPARE((*s)->entry(QUuid(u"11111111-1111-4111-8111-111111111111"_s)).value().has_value(), from >= 2);
            QVERIFY((*s)->createEntry(newEntry(QUuid(u"0f8fad5b-d9cb-469f-a165-70867728950e"_s), "new")).ok() ==
                    (from >= 1));
        }
    }

    void theFileRevealsNothing()
    {
        const QString p = m_dir.filePath(u"strings.db"_s);
        {
            Result<std::unique_ptr<SqlCipherVaultStore>> s = SqlCipherVaultStore::open(p, m_key, m_clock);
            Account a{QUuid::createUuid(), u"Distinctive Company Name"_s, u"distinctive@example.org"_s, {}, {}};
            QVERIFY((*s)->createCustomer(a, customerUser(u"distinctive-login"_s), u"system"_s).ok());
            QVERIFY((*s)->createEntry(newEntry(a.id, "DISTINCTIVE-ENVELOPE-BYTES")).ok());
        }
        for (const QString &f : QDir(m_dir.path()).entryList({u"strings.db*"_s})) {
            QFile file(m_dir.filePath(f));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            for (const char *needle : {"Distinctive", "distinctive", "DISTINCTIVE", "argon2", "CREATE TABLE"})
                QVERIFY2(!bytes.contains(needle), needle);
        }
        // With the key, the stock shell shows the tables.
        const test::RunResult r = test::sqlcipherShell(p, m_key, ".tables");
        for (const char *t : {"accounts", "users", "tokens", "entries", "audit"})
            QVERIFY2(r.out.contains(t), r.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestVaultStore)
#include "TestVaultStore.moc"
