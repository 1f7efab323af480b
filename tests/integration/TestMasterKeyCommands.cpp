// credvault-cli keyserver master-key backup|restore|rotate against a real keyserver and
// its SQLCipher database: a rotation is refused while the keyserver runs; afterwards the
// keyserver opens entries sealed before it, the old code is void, the previous key is
// kept; a backup restores the exact key, refuses a wrong passphrase and altered bytes;
// the keyserver refuses to start on a master key its database is not under.
#include "crypto/CodeBox.h"
#include "crypto/DecapBox.h"
#include "crypto/EntryEnvelope.h"
#include "crypto/UnlockCode.h"
#include "protocol/Base64Url.h"

#include "support/KeyserverFixture.h"

#include <QtCore/QJsonArray>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;
using test::errorCode;
using test::json;
using test::object;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString b64(QByteArrayView bytes)
{
    return QString::fromLatin1(toBase64Url(bytes));
}

} // namespace

class TestMasterKeyCommands : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    test::KeyserverFixture m_ks;
    std::unique_ptr<test::Outbox> m_outbox;
    QUuid m_alice = QUuid::createUuid();
    QUuid m_entry = QUuid::createUuid();
    QByteArray m_envelope;
    crypto::X25519PublicKey m_aliceKey{};
    QString m_oldCode;
    QByteArray m_oldMasterKey;

    test::RunResult cli(const QStringList &args, const QByteArray &input = {})
    {
        return test::run(test::binary(u"credvault-cli"_s), args, input);
    }

    QString config() const { return m_ks.path(u"keyserver.conf"_s); }

    QString askForCode()
    {
        const test::HttpReply r =
            m_ks.call(u"services"_s, "POST",
                      (u"/v1/accounts/"_s + m_alice.toString(QUuid::WithoutBraces) + u"/unlock-codes"_s).toUtf8());
        const QList<QByteArray> mails = r.status == 200 ? m_outbox->waitFor(1) : QList<QByteArray>();
        return mails.isEmpty() ? QString() : test::unlockCodeIn(mails.last());
    }

    test::HttpReply redeem(const QString &code, const crypto::X25519PrivateKey &session)
    {
        const QByteArray box = CodeBox::seal(m_ks.redeemPublic(), m_alice, session.publicKey(),
                                             UnlockCode::parse(code).value().normalized())
                                   .value();
        return m_ks.call(u"public"_s, "POST", "/v1/unlock-sessions",
                         json({{u"account_id"_s, m_alice.toString(QUuid::WithoutBraces)},
                               {u"code_box"_s, b64(box)},
                               {u"session_public_key"_s, b64(crypto::bytesView(session.publicKey()))}}));
    }

    // Unlocks alice with a fresh code and opens the entry sealed at the start.
    QByteArray openTheEntry()
    {
        const crypto::X25519PrivateKey session = crypto::X25519PrivateKey::generate();
        const test::HttpReply unlocked = redeem(askForCode(), session);
        if (unlocked.status != 201)
            return "redeem: " + unlocked.body;
        const QByteArray enc = m_envelope.mid(17, 32);
        const test::HttpReply r = m_ks.call(
            u"public"_s, "POST", "/v1/unlock-session/decapsulate", json({{u"encs"_s, QJsonArray{b64(enc)}}}),
            "Authorization: Session " + object(unlocked).value(u"session_id"_s).toString().toLatin1() + "\r\n");
        Result<SecureBuffer> secret =
            DecapBox::open(session, enc, fromBase64Url(object(r).value(u"sealed"_s).toString().toLatin1()).value());
        if (!secret)
            return "decapsulate: " + r.body;
        Result<SecureBuffer> pt =
            EntryEnvelope::openWithSharedSecret(secret->view(), keyIdOf(m_aliceKey), m_alice, m_entry, m_envelope);
        return pt ? pt->view().toByteArray() : QByteArray("open failed");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString prepared = m_ks.prepare(m_dir.path());
        QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
        m_ks.writeConfig({});
        const QString started = m_ks.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_outbox = std::make_unique<test::Outbox>(m_ks.path(u"outbox"_s));
        for (const QUuid &id : {m_alice, QUuid::createUuid(), QUuid::createUuid()}) {
            const test::HttpReply r =
                m_ks.call(u"services"_s, "PUT", (u"/v1/accounts/"_s + id.toString(QUuid::WithoutBraces)).toUtf8(),
                          json({{u"email"_s, u"someone@example.com"_s}}));
            QCOMPARE(r.status, 201);
            if (id == m_alice)
                m_aliceKey = crypto::x25519PublicKeyFrom(
                                 fromBase64Url(object(r).value(u"public_key"_s).toString().toLatin1()).value())
                                 .value();
        }
        m_outbox->waitFor(3);
        m_envelope = EntryEnvelope::seal(m_aliceKey, m_alice, m_entry, "{\"title\":\"before the rotation\"}").value();
        QCOMPARE(openTheEntry(), QByteArray("{\"title\":\"before the rotation\"}"));
        m_oldCode = askForCode(); // live across the rotation
        QVERIFY(!m_oldCode.isEmpty());
        m_oldMasterKey = fileBytes(m_ks.path(u"master.key"_s));
        test::writeFile(m_dir.path(), u"pass"_s, "correct horse battery staple\n");
        test::writeFile(m_dir.path(), u"weak"_s, "short\n");
    }

    void backupNeedsAGoodPassphraseAndANewFile()
    {
        const QString out = m_dir.filePath(u"mk.backup"_s);
        test::RunResult r = cli({u"keyserver"_s, u"master-key"_s, u"backup"_s, u"--config"_s, config(), u"--out"_s, out,
                                 u"--passphrase-file"_s, m_dir.filePath(u"weak"_s)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("at least 12"));
        QVERIFY(!QFile::exists(out));
        // The passphrase may come on standard input, too.
        r = cli({u"keyserver"_s, u"master-key"_s, u"backup"_s, u"--config"_s, config(), u"--out"_s, out,
                 u"--passphrase-file"_s, u"-"_s},
                "correct horse battery staple\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.startsWith("master key "));
        QCOMPARE(QFile::permissions(out) & 0x077, QFileDevice::Permissions());
        const QByteArray backup = fileBytes(out);
        QVERIFY(backup.startsWith("credvault-backup v1 master-key\n"));
        QVERIFY(!backup.contains(m_oldMasterKey.trimmed()));
        r = cli({u"keyserver"_s, u"master-key"_s, u"backup"_s, u"--config"_s, config(), u"--out"_s, out,
                 u"--passphrase-file"_s, m_dir.filePath(u"pass"_s)});
        QCOMPARE(r.exitCode, 2); // never overwrites
        QCOMPARE(fileBytes(out), backup);
    }

    void rotationWaitsForTheKeyserverToStop()
    {
        const test::RunResult r = cli({u"keyserver"_s, u"master-key"_s, u"rotate"_s, u"--config"_s, config()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("stop the keyserver first"), r.err.constData());
        QCOMPARE(fileBytes(m_ks.path(u"master.key"_s)), m_oldMasterKey);
        QVERIFY(!QFile::exists(m_ks.path(u"master.key.new"_s)));
    }

    void rotationRewrapsEveryKey()
    {
        QVERIFY(m_ks.stop());
        const test::RunResult r = cli({u"keyserver"_s, u"master-key"_s, u"rotate"_s, u"--config"_s, config()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.startsWith("rewrapped 3 account keys under master key "), r.out.constData());
        const QByteArray now = fileBytes(m_ks.path(u"master.key"_s));
        QVERIFY(!now.isEmpty() && now != m_oldMasterKey);
        QVERIFY(!QFile::exists(m_ks.path(u"master.key.new"_s)));
        const QStringList previous = QDir(m_dir.path()).entryList({u"master.key.previous-*"_s});
        QCOMPARE(previous.size(), 1);
        QCOMPARE(fileBytes(m_dir.filePath(previous[0])), m_oldMasterKey);
        QCOMPARE(QFile::permissions(m_dir.filePath(previous[0])) & 0x077, QFileDevice::Permissions());

        const QString started = m_ks.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        // The code issued before is void (its HMAC key changed); entries open as before.
        QCOMPARE(errorCode(redeem(m_oldCode, crypto::X25519PrivateKey::generate())), u"no_code"_s);
        QCOMPARE(openTheEntry(), QByteArray("{\"title\":\"before the rotation\"}"));
        const test::HttpReply audit = m_ks.call(
            u"services"_s, "GET", (u"/v1/accounts/"_s + m_alice.toString(QUuid::WithoutBraces) + u"/audit"_s).toUtf8());
        QCOMPARE(audit.status, 200);
    }

    void restoreGivesBackTheExactKey()
    {
        const QString backup = m_dir.filePath(u"mk.backup"_s);
        const QString out = m_dir.filePath(u"restored.key"_s);
        test::writeFile(m_dir.path(), u"wrongpass"_s, "correct horse battery stapler\n");
        test::RunResult r = cli({u"keyserver"_s, u"master-key"_s, u"restore"_s, u"--in"_s, backup, u"--out"_s, out,
                                 u"--passphrase-file"_s, m_dir.filePath(u"wrongpass"_s)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("wrong passphrase"));
        QVERIFY(!QFile::exists(out));
        // One altered byte in the header, and the backup does not open.
        QByteArray altered = fileBytes(backup);
        altered.replace("m=65536", "m=65537");
        const QString alteredPath = test::writeFile(m_dir.path(), u"altered.backup"_s, altered);
        r = cli({u"keyserver"_s, u"master-key"_s, u"restore"_s, u"--in"_s, alteredPath, u"--out"_s, out,
                 u"--passphrase-file"_s, m_dir.filePath(u"pass"_s)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!QFile::exists(out));
        r = cli({u"keyserver"_s, u"master-key"_s, u"restore"_s, u"--in"_s, m_dir.filePath(u"pass"_s), u"--out"_s, out,
                 u"--passphrase-file"_s, m_dir.filePath(u"pass"_s)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("not a CredVault backup"));

        r = cli({u"keyserver"_s, u"master-key"_s, u"restore"_s, u"--in"_s, backup, u"--out"_s, out,
                 u"--passphrase-file"_s, m_dir.filePath(u"pass"_s)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(fileBytes(out), m_oldMasterKey);
        QCOMPARE(QFile::permissions(out) & 0x077, QFileDevice::Permissions());
    }

    void theKeyserverRefusesAMasterKeyItsDatabaseIsNotUnder()
    {
        QVERIFY(m_ks.stop());
        const QByteArray current = fileBytes(m_ks.path(u"master.key"_s));
        test::writeFile(m_dir.path(), u"master.key"_s, m_oldMasterKey);
        const test::RunResult r =
            test::run(test::binary(u"credvault-keyserver"_s), {u"--config"_s, config()}, {}, 15000);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("wrapped under another master key"), r.err.constData());
        test::writeFile(m_dir.path(), u"master.key"_s, current);
    }

    void anEnvironmentKeyNeedsANewKeyFile()
    {
        QByteArray conf = fileBytes(config());
        conf.replace("master_key_file = master.key", "master_key_env = CREDVAULT_TEST_MASTER_KEY");
        const QString envConfig = test::writeFile(m_dir.path(), u"env.conf"_s, conf);
        const test::RunResult r = cli({u"keyserver"_s, u"master-key"_s, u"rotate"_s, u"--config"_s, envConfig});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--new-key-file is required"));
    }

    void cleanupTestCase()
    {
        QVERIFY(m_ks.stop());
        const QByteArray leak = m_ks.leakIn({m_oldCode});
        QVERIFY2(leak.isEmpty(), leak.constData());
    }
};

QTEST_GUILESS_MAIN(TestMasterKeyCommands)
#include "TestMasterKeyCommands.moc"
