#include "store/KeySource.h"
#include "store/keyserver/SqlCipherKeyserverStore.h"

#include <QtCore/QDir>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace credvault;
using namespace credvault::store;
using namespace Qt::Literals::StringLiterals;

namespace {

WrappedKey keyFor(const QUuid &account, const QByteArray &wrapped = QByteArray(60, 'w'))
{
    return WrappedKey{account, QByteArray(16, 'i'), QByteArray(32, 'p'), wrapped, QByteArray(16, 'm'), {}};
}

KeyserverAccount accountWith(const std::optional<QString> &unlock)
{
    return KeyserverAccount{QUuid::createUuid(), unlock, u"notice@example.com"_s, std::nullopt, {}};
}

AuditEvent auditEvent(const QString &action, const QUuid &account)
{
    return AuditEvent{u"test"_s, action, account.toString(QUuid::WithoutBraces), {}};
}

QByteArray allFileBytes(const QString &dir, const QString &prefix)
{
    QByteArray out;
    for (const QString &f : QDir(dir).entryList({prefix + u"*"_s})) {
        QFile file(QDir(dir).filePath(f));
        if (file.open(QIODevice::ReadOnly))
            out += file.readAll();
    }
    return out;
}

} // namespace

class TestKeyserverStore : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    SecureBuffer m_key = generateKey();
    ManualClock m_clock;
    int m_n = 0;

    QString newPath() { return m_dir.filePath(u"ks-%1.db"_s.arg(++m_n)); }

    std::unique_ptr<SqlCipherKeyserverStore> open(const QString &path, const SecureBuffer &key)
    {
        Result<std::unique_ptr<SqlCipherKeyserverStore>> s = SqlCipherKeyserverStore::open(path, key, m_clock);
        if (!s)
            qFatal("%s", qPrintable(s.error().message));
        return std::move(*s);
    }

private Q_SLOTS:
    void accountsAndKeys()
    {
        auto s = open(newPath(), m_key);
        const KeyserverAccount a = accountWith(u"alice@example.com"_s);
        QVERIFY(s->createAccount(a, keyFor(a.id), u"service:vault"_s).ok());
        QCOMPARE(s->createAccount(a, keyFor(a.id), u"service:vault"_s).error().code, u"exists"_s);
        const std::optional<KeyserverAccount> got = s->account(a.id).value();
        QCOMPARE(got->unlockEmail, std::optional<QString>(u"alice@example.com"_s));
        QCOMPARE(got->noticeEmail, u"notice@example.com"_s);
        QVERIFY(!got->pending.has_value());
        QCOMPARE(s->key(a.id).value()->wrapped, QByteArray(60, 'w'));
        const KeyserverAccount writeOnly = accountWith(std::nullopt);
        QVERIFY(s->createAccount(writeOnly, keyFor(writeOnly.id), u"service:vault"_s).ok());
        QVERIFY(!s->account(writeOnly.id).value()->unlockEmail.has_value());
        QVERIFY(!s->account(QUuid::createUuid()).value().has_value());
        QCOMPARE(s->allKeys().value().size(), 2);
    }

    void rewrapIsAllOrNothing()
    {
        auto s = open(newPath(), m_key);
        const KeyserverAccount a = accountWith(u"a@example.com"_s);
        const KeyserverAccount b = accountWith(u"b@example.com"_s);
        QVERIFY(s->createAccount(a, keyFor(a.id), u"x"_s).ok());
        QVERIFY(s->createAccount(b, keyFor(b.id), u"x"_s).ok());
        QList<WrappedKey> keys = s->allKeys().value();
        for (WrappedKey &k : keys) {
            k.wrapped = QByteArray(60, 'n');
            k.masterKeyId = QByteArray(16, 'N');
        }
        QList<WrappedKey> broken = keys;
        broken.append(keyFor(QUuid::createUuid())); // an account without a key
        const QByteArray newId(16, 'N');
        QVERIFY(!s->rewrapAll(broken, newId, u"admin"_s).ok());
        QCOMPARE(s->key(a.id).value()->wrapped, QByteArray(60, 'w'));   // untouched
        QVERIFY(!s->rewrapAll(keys.mid(0, 1), newId, u"admin"_s).ok()); // one would stay behind
        QCOMPARE(s->keysNotUnder(newId).value(), 2);
        QVERIFY(s->putCode({a.id, QByteArray(32, 'h'), QDateTime::currentDateTimeUtc(),
                            QDateTime::currentDateTimeUtc().addSecs(60), u"x"_s},
                           {u"x"_s, u"code_issued"_s, {}, {}})
                    .ok());
        QVERIFY(s->rewrapAll(keys, newId, u"admin"_s).ok());
        QCOMPARE(s->keysNotUnder(newId).value(), 0);
        QVERIFY(!s->code(a.id).value().has_value()); // the pepper changed: live codes are void
        QCOMPARE(s->key(a.id).value()->wrapped, QByteArray(60, 'n'));
        QCOMPARE(s->key(b.id).value()->masterKeyId, QByteArray(16, 'N'));
    }

    void deletingAnAccountShredsItsKey()
    {
        // Without a key (plain pages), so the test can look for the bytes in the files.
        const QString p = newPath();
        const QByteArray marker = "WRAPPED-PRIVATE-KEY-MARKER-0123456789";
        {
            auto s = open(p, SecureBuffer());
            const KeyserverAccount a = accountWith(u"a@example.com"_s);
            QVERIFY(s->createAccount(a, keyFor(a.id, marker), u"service:vault"_s).ok());
            QVERIFY(s->putCode({a.id, QByteArray(32, 'h'), m_clock.nowUtc(), m_clock.nowUtc().addSecs(3600), u"x"_s},
                               auditEvent(u"code_issued"_s, a.id))
                        .ok());
            QVERIFY(s->addSession({QByteArray(32, 's'),
                                   a.id,
                                   QByteArray(32, 'k'),
                                   SessionKind::Code,
                                   u"customer"_s,
                                   {},
                                   {},
                                   m_clock.nowUtc(),
                                   m_clock.nowUtc().addSecs(3600),
                                   {}},
                                  auditEvent(u"session_opened"_s, a.id))
                        .ok());
            QVERIFY(allFileBytes(m_dir.path(), QFileInfo(p).fileName()).contains(marker));
            QVERIFY(s->deleteAccount(a.id, u"service:vault"_s).ok());
            QVERIFY(!s->account(a.id).value().has_value());
            QVERIFY(!s->key(a.id).value().has_value());
            QVERIFY(!s->code(a.id).value().has_value());
            QVERIFY(!s->session(QByteArray(32, 's')).value().has_value());
            // The audit keeps only that it happened.
            const QList<AuditRecord> rows = s->auditRecords(a.id.toString(QUuid::WithoutBraces), 0, 100).value();
            QCOMPARE(rows.last().action, u"account_deleted"_s);
            QVERIFY(AuditLog::verify(s->database())->ok);
            QCOMPARE(s->deleteAccount(a.id, u"x"_s).error().code, u"not_found"_s);
        }
        QVERIFY2(!allFileBytes(m_dir.path(), QFileInfo(p).fileName()).contains(marker),
                 "the wrapped key survived deletion");
    }

    void pendingEmailChanges()
    {
        auto s = open(newPath(), m_key);
        const KeyserverAccount a = accountWith(u"old@example.com"_s);
        QVERIFY(s->createAccount(a, keyFor(a.id), u"x"_s).ok());
        const QDateTime due = m_clock.nowUtc().addSecs(24 * 3600);
        QVERIFY(s->setPendingEmailChange(a.id, PendingEmailChange{u"new@example.com"_s, due, u"staff:sam"_s},
                                         auditEvent(u"unlock_email_change_requested"_s, a.id))
                    .ok());
        QCOMPARE(s->account(a.id).value()->pending->newEmail, std::optional<QString>(u"new@example.com"_s));
        QCOMPARE(s->applyDueEmailChanges(due.addSecs(-1)).value().size(), 0);
        // Cancelled, then asked again (to disable), then due.
        QVERIFY(
            s->setPendingEmailChange(a.id, std::nullopt, auditEvent(u"unlock_email_change_cancelled"_s, a.id)).ok());
        QVERIFY(!s->account(a.id).value()->pending.has_value());
        QVERIFY(s->setPendingEmailChange(a.id, PendingEmailChange{std::nullopt, due, u"staff:sam"_s},
                                         auditEvent(u"unlock_email_change_requested"_s, a.id))
                    .ok());
        const QList<KeyserverAccount> changed = s->applyDueEmailChanges(due).value();
        QCOMPARE(changed.size(), 1);
        QVERIFY(!changed.first().unlockEmail.has_value());
        const std::optional<KeyserverAccount> now = s->account(a.id).value();
        QVERIFY(!now->unlockEmail.has_value()); // write-only now
        QVERIFY(!now->pending.has_value());
        QCOMPARE(s->setPendingEmailChange(QUuid::createUuid(), std::nullopt, auditEvent(u"x"_s, a.id)).error().code,
                 u"not_found"_s);
    }

    void codesAndLimitsSurviveARestart()
    {
        const QString p = newPath();
        const KeyserverAccount a = accountWith(u"a@example.com"_s);
        const QDateTime t0 = m_clock.nowUtc();
        {
            auto s = open(p, m_key);
            QVERIFY(s->createAccount(a, keyFor(a.id), u"x"_s).ok());
            QVERIFY(s->putCode({a.id, QByteArray(32, '1'), t0, t0.addSecs(3600), u"customer"_s},
                               auditEvent(u"code_issued"_s, a.id))
                        .ok());
            QVERIFY(s->putCode({a.id, QByteArray(32, '2'), t0.addSecs(60), t0.addSecs(3660), u"customer"_s},
                               auditEvent(u"code_issued"_s, a.id))
                        .ok());
            QVERIFY(s->setLimits(a.id, {4, t0.addSecs(900)}).ok());
            QCOMPARE(s->putCode({QUuid::createUuid(), QByteArray(32, '3'), t0, t0, u"x"_s}, auditEvent(u"x"_s, a.id))
                         .error()
                         .code,
                     u"not_found"_s);
        }
        auto s = open(p, m_key); // a restart
        const std::optional<LiveCode> c = s->code(a.id).value();
        QCOMPARE(c->hash, QByteArray(32, '2')); // one live code: the newer replaced the older
        QCOMPARE(s->codesIssuedSince(a.id, t0).value(), 2);
        QCOMPARE(s->codesIssuedSince(a.id, t0.addSecs(30)).value(), 1);
        const CodeLimits l = s->limits(a.id).value();
        QCOMPARE(l.failures, 4);
        QCOMPARE(l.blockedUntil, t0.addSecs(900));
        QCOMPARE(s->limits(QUuid::createUuid()).value().failures, 0);
        QVERIFY(s->removeCode(a.id).ok());
        QVERIFY(!s->code(a.id).value().has_value());
    }

    void sessions()
    {
        auto s = open(newPath(), m_key);
        const KeyserverAccount a = accountWith(u"a@example.com"_s);
        QVERIFY(s->createAccount(a, keyFor(a.id), u"x"_s).ok());
        const QDateTime t0 = m_clock.nowUtc();
        UnlockSessionRecord r{QByteArray(32, 'S'), a.id,
                              QByteArray(32, 'K'), SessionKind::Staff,
                              u"staff:sam"_s,      u"Customer asked for help with the mail server"_s,
                              u"T-1234"_s,         t0,
                              t0.addSecs(1800),    {}};
        QVERIFY(s->addSession(r, auditEvent(u"staff_unlock"_s, a.id)).ok());
        const std::optional<UnlockSessionRecord> got = s->session(r.idHash).value();
        QCOMPARE(got->kind, SessionKind::Staff);
        QCOMPARE(got->ticket, u"T-1234"_s);
        QVERIFY(!got->endedAt.isValid());
        QVERIFY(s->endSession(r.idHash, t0.addSecs(60), auditEvent(u"locked"_s, a.id)).value());
        QVERIFY(!s->endSession(r.idHash, t0.addSecs(61), auditEvent(u"locked"_s, a.id)).value()); // already ended
        QCOMPARE(s->session(r.idHash).value()->endedAt, t0.addSecs(60));
        QCOMPARE(s->removeSessionsEndedBefore(t0.addSecs(120)).value(), 1);
        QVERIFY(!s->session(r.idHash).value().has_value());
        QVERIFY(AuditLog::verify(s->database())->ok);
    }

    void migratesFromEveryEarlierVersion()
    {
        const std::span<const Migration> schema = keyserverSchema();
        for (int from = 0; from < int(schema.size()); ++from) {
            const QString p = newPath();
            {
                Result<Database> db = Database::open(p, m_key, OpenMode::ReadWriteCreate);
                QCOMPARE(migrate(*db, schema, from).value(), from);
                if (from >= 1)
                    QVERIFY(
                        db->exec("INSERT INTO accounts (id, unlock_email, notice_email, created_at) VALUES "
                                 "('0f8fad5b-d9cb-469f-a165-70867728950e', 'a@x', 'a@x', 1); INSERT INTO keys VALUES "
                                 "('0f8fad5b-d9cb-469f-a165-70867728950e', zeroblob(16), zeroblob(32), x'77', "
                                 "zeroblob(16), 1)")
                            .ok());
                if (from >= 2)
                    QVERIFY(
                        db->exec("INSERT INTO code_limits VALUES ('0f8fad5b-d9cb-469f-a165-70867728950e', 3, 0)").ok());
            }
            auto s = open(p, m_key);
            QCOMPARE(s->database().userVersion().value(), int(schema.size()));
            const QUuid id(u"0f8fad5b-d9cb-469f-a165-70867728950e"_s);
            QCOMPARE(s->key(id).value().has_value(), from >= 1);
            QCOMPARE(s->limits(id).value().failures, from >= 2 ? 3 : 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestKeyserverStore)
#include "TestKeyserverStore.moc"
