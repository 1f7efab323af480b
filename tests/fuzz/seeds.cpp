// credvault-fuzz-seeds: writes the generated seeds of tests/fuzz/corpus/ — the ones that
// need the project's own API to be valid (sealed envelopes and boxes, keys, a PKCS#12
// file, signed audit answers, hash chains) and the text ones, so every seed has one
// source. Run by hand after a format changes (see DEVELOPERS.md):
//
//     cmake --build build/fuzz --target credvault-fuzz-seeds
//     build/fuzz/bin/credvault-fuzz-seeds tests/fuzz/corpus
//
// It uses the fixed keys and ids of FuzzSupport.h, which the targets use too.

#include "FuzzSupport.h"

#include "crypto/CodeBox.h"
#include "crypto/DecapBox.h"
#include "crypto/EntryEnvelope.h"
#include "crypto/Hpke.h"
#include "crypto/KeyFile.h"
#include "crypto/UnlockCode.h"
#include "pki/DeploymentPki.h"
#include "protocol/Base64Url.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/KeySource.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>

#include <cstdio>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

namespace {

QString g_root;

void write(const QString &target, const QString &name, QByteArrayView bytes)
{
    const QString dir = g_root + u'/' + target;
    QDir().mkpath(dir);
    QFile f(dir + u'/' + name);
    fuzz::check(f.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                    f.write(bytes.data(), bytes.size()) == bytes.size(),
                "write a seed");
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    fuzz::check(f.open(QIODevice::ReadOnly), "read a file");
    return f.readAll();
}

QByteArray b64(QByteArrayView bytes)
{
    return toBase64Url(bytes);
}

void envelopes()
{
    const auto seal = [](QByteArrayView plaintext) {
        return EntryEnvelope::seal(fuzz::accountKey().publicKey(), fuzz::accountId(), fuzz::entryId(), plaintext)
            .value();
    };
    const QByteArray entry =
        R"({"host":"web1.example.net","kind":"ssh","port":22,"secret":"hunter2hunter2","tags":["prod"],"title":"web1","username":"deploy"})";
    write(u"entry_envelope"_s, u"entry"_s, seal(entry));
    write(u"entry_envelope"_s, u"empty"_s, seal({}));
    write(u"entry_envelope"_s, u"two-blocks"_s, seal(QByteArray(300, 'x')));
    const QByteArray sealed = seal(entry);
    write(u"entry_envelope"_s, u"truncated"_s, sealed.left(EntryEnvelope::kMinSize - 1));
    QByteArray wrongVersion = sealed;
    wrongVersion[0] = 2;
    write(u"entry_envelope"_s, u"version-2"_s, wrongVersion);
    // A padded plaintext on its own (the target also reads the input as one).
    write(u"entry_envelope"_s, u"padded"_s, EntryEnvelope::pad(entry).view());
}

void codeBoxes()
{
    const auto box = [](QByteArrayView code, const crypto::X25519PublicKey &session) {
        return CodeBox::seal(fuzz::redeemKey().publicKey(), fuzz::accountId(), session, SecureBuffer::copyOf(code))
            .value();
    };
    const crypto::X25519PublicKey &session = fuzz::sessionKey().publicKey();
    write(u"code_box"_s, u"code"_s, box("7K3M9QXR2F4T", session));
    write(u"code_box"_s, u"not-normalized"_s, box("7k3m-9qxr-2f4t", session));
    write(u"code_box"_s, u"empty-code"_s, box("", session));
    write(u"code_box"_s, u"other-session"_s, box("7K3M9QXR2F4T", fuzz::accountKey().publicKey()));
}

void decapBoxes()
{
    const auto seed = [](const QByteArray &encs) {
        const DecapBox::Batch batch = DecapBox::decapsulate(fuzz::accountKey(), encs).value();
        const QByteArray box = DecapBox::seal(fuzz::sessionKey().publicKey(), encs, batch.secrets).value();
        QByteArray out;
        out.append(char(encs.size() >> 8)).append(char(encs.size() & 0xff)).append(encs).append(box);
        return out;
    };
    QByteArray encs;
    for (int i = 0; i < 3; ++i)
        encs += crypto::bytesView(hpke::encap(fuzz::accountKey().publicKey())->enc).toByteArray();
    write(u"decap_box"_s, u"one"_s, seed(encs.left(32)));
    write(u"decap_box"_s, u"three"_s, seed(encs));
    // A low-order point (zero) among them: listed as failed, a zero secret.
    write(u"decap_box"_s, u"low-order"_s, seed(encs.left(32) + QByteArray(32, '\0') + encs.mid(64)));
}

void unlockCodes()
{
    const QList<std::pair<const char *, QByteArray>> codes{
        {"typed", QByteArray(1, '\0') + "7K3M-9QXR-2F4T"},
        {"lower-spaces", QByteArray(1, '\0') + "7k3m 9qxr\t2f4t"},
        {"look-alikes", QByteArray(1, '\0') + "O1IL-ol1i-0000"},
        {"too-long", QByteArray(1, '\0') + "7K3M-9QXR-2F4TX"},
        {"letter-u", QByteArray(1, '\0') + "7K3M-9QXR-2F4U"},
        {"utf16", QByteArray(1, '\1') + QByteArray::fromRawData(reinterpret_cast<const char *>(u"7K3M-9QXR-2F4T"), 28)},
        {"normalized", QByteArray(1, '\2') + "7K3M9QXR2F4T"},
    };
    for (const auto &[name, bytes] : codes)
        write(u"unlock_code"_s, QString::fromLatin1(name), bytes);
}

// Keys, a PKCS#12 file and configurations from a real deployment.
void fromDeployment()
{
    const QString dir = fuzz::deployment();
    write(u"pem"_s, u"x25519-private"_s, KeyFile::privatePem(fuzz::accountKey()).view());
    write(u"pem"_s, u"x25519-public"_s, KeyFile::publicPem(fuzz::accountKey().publicKey()));
    write(u"pem"_s, u"ed25519-private"_s, fuzz::auditKeyPem());
    write(u"pem"_s, u"p256-private"_s, readFile(dir + u"/pki/ks.key"_s));
    write(u"pem"_s, u"certificate"_s, readFile(dir + u"/pki/root.pem"_s));

    const auto p12Seed = [](const QByteArray &pass, const QByteArray &der) {
        return QByteArray(1, char(pass.size())) + pass + der;
    };
    const QByteArray pass = readFile(dir + u"/pki/sam.p12.pass"_s).trimmed();
    write(u"pkcs12"_s, u"staff-admin"_s, p12Seed(pass, readFile(dir + u"/pki/sam.p12"_s)));
    write(u"pkcs12"_s, u"wrong-passphrase"_s, p12Seed("wrong", readFile(dir + u"/pki/sam.p12"_s)));
    const QByteArray sue = readFile(dir + u"/pki/sue.p12.pass"_s).trimmed();
    write(u"pkcs12"_s, u"staff-support"_s, p12Seed(sue, readFile(dir + u"/pki/sue.p12"_s)));
    // Files in the legacy algorithms (RC2/3DES) and without a MAC, as older tools write them,
    for (const auto &[name, extra] :
         {std::pair{u"legacy"_s, QStringList{u"-legacy"_s}}, std::pair{u"no-mac"_s, QStringList{u"-nomac"_s}},
          // and one with nothing encrypted: mutations reach the key and certificate at once
          std::pair{u"plain"_s, QStringList{u"-nomac"_s, u"-keypbe"_s, u"NONE"_s, u"-certpbe"_s, u"NONE"_s}}}) {
        const QString out = dir + u'/' + name + u".p12"_s;
        QProcess openssl;
        openssl.start(u"openssl"_s,
                      QStringList{u"pkcs12"_s, u"-export"_s, u"-in"_s, dir + u"/pki/sue.pem"_s, u"-inkey"_s,
                                  dir + u"/pki/sue.key"_s, u"-out"_s, out, u"-passout"_s, u"pass:fuzz"_s}
                          << extra);
        if (openssl.waitForFinished(30000) && openssl.exitCode() == 0)
            write(u"pkcs12"_s, name, p12Seed("fuzz", readFile(out)));
        else
            std::fprintf(stderr, "openssl pkcs12 %s failed: skipped\n", qPrintable(extra.join(u' ')));
    }

    // The staff listener written by hand: quoted values, IPv6, a comment.
    const QByteArray listeners = "\n" + fuzz::listenerSection("public", "127.0.0.1", 8443) +
                                 fuzz::listenerSection("services", "127.0.0.1", 8444, "services-ca") +
                                 R"([listener.staff]
address = ::1
port = 8445
certificate = "pki/ks-chain.pem"
private_key = pki/ks.key ; the server's key
client_ca = pki/staff-ca.pem
crl = pki/staff-ca.crl
)";
    write(u"config"_s, u"keyserver"_s, QByteArray(1, '\0') + R"(# the keyserver
[server]
threads = 2
idle_timeout = 10
max_connections = 512
)" + fuzz::keyserverFileSections() + R"([codes]
lifetime = 60m
max_failures = 5
block = 15m
max_per_window = 3
window = 15m
[sessions]
code = 60m
staff = 30m
[email]
change_delay = 24h
[mail]
from = keys@example.net
maildir = outbox
)" + listeners);
    write(u"config"_s, u"keyserver-smtp"_s, QByteArray(1, '\0') + R"([database]
path = keyserver.db
key_env = CREDVAULT_DB_KEY
[keys]
master_key_env = CREDVAULT_MASTER_KEY
redeem_key = redeem.pem
audit_key = audit.pem
[mail]
from = "CredVault <keys@example.net>"
smtp_host = mail.example.net
smtp_port = 587
smtp_tls = starttls
smtp_user = credvault
smtp_password_file = db.key
smtp_ca = pki/root.pem
timeout = 20s
)" + listeners);
    write(u"config"_s, u"vault"_s, QByteArray(1, '\1') + R"([server]
threads = 4
[database]
path = vault.db
key_file = db.key
[keyserver]
url = https://127.0.0.1:8444
ca = pki/root.pem
certificate = pki/vault-chain.pem
private_key = pki/vault.key
timeout = 15s
[sign_in]
token_lifetime = 12h
max_failures = 5
lockout = 15m
)" + fuzz::listenerSection("api", "0.0.0.0", 9443));
    const QByteArray client = "[vault]\nurl = https://vault.example.net:9443\nca = pki/root.pem\n"
                              "[keyserver]\nurl = https://[::1]:8443/\nca = pki/root.pem\nredeem_key = " +
                              b64(crypto::bytesView(fuzz::redeemKey().publicKey())) +
                              "\naudit_key = " + b64(crypto::bytesView(fuzz::auditSigner().publicKey())) + "\n";
    write(u"config"_s, u"client"_s, QByteArray(1, '\2') + client);
    write(u"config"_s, u"support"_s,
          QByteArray(1, '\3') + client + "staff_url = https://127.0.0.1:8445\n[staff]\ncertificate = pki/sam.p12\n");
}

// Audit logs as rows of text (see audit_log.cpp), made by AuditLog::append.
void auditLogs()
{
    const QString path = fuzz::tempDir() + u"/seed-audit.db"_s;
    store::Database db = store::Database::open(path, store::generateKey(), store::OpenMode::ReadWriteCreate).value();
    fuzz::check(db.exec(store::AuditLog::schemaSql()).ok(), "schema");
    const QString account = u"5b0c5d4e-8a7f-4f0e-9d4c-1a2b3c4d5e6f"_s;
    const QList<store::AuditEvent> events{
        {u"service:vault"_s, u"account_created"_s, account, QJsonObject{{u"key_id"_s, u"3f1a"_s}}},
        {u"service:vault"_s, u"code_issued"_s, account, QJsonObject{{u"expires_at"_s, u"2026-11-23T11:00:00Z"_s}}},
        {u"public"_s, u"unlock"_s, account, QJsonObject{{u"session"_s, u"a1b2c3d4"_s}, {u"kind"_s, u"code"_s}}},
        {u"system"_s, u"master_key_rotated"_s, {}, {}},
        {u"staff:sam"_s, u"staff_unlock"_s, account,
         QJsonObject{{u"reason"_s, u"ticket asks for it, \"quoted\"\ttab"_s}, {u"ticket"_s, u"T-1"_s}}},
    };
    for (const store::AuditEvent &e : events)
        fuzz::check(store::AuditLog::append(db, e).ok(), "append");
    const QList<store::AuditRecord> rows = store::AuditLog::records(db).value();
    const auto rowText = [](const store::AuditRecord &r) {
        return QByteArray::number(r.seq) + '\t' + r.at.toUTC().toString(Qt::ISODateWithMs).toUtf8() + '\t' +
               r.actor.toUtf8() + '\t' + r.action.toUtf8() + '\t' + r.accountId.toUtf8() + '\t' + r.details + '\t' +
               crypto::bytesView(r.hash).toByteArray().toHex() + '\n';
    };
    QByteArray all;
    for (const store::AuditRecord &r : rows)
        all += rowText(r);
    const store::AuditHead head = store::AuditLog::head(db).value();
    write(u"audit_log"_s, u"chain"_s, head.toString().toLatin1() + '\n' + all);
    write(u"audit_log"_s, u"chain-no-head"_s, "-\n" + all);
    const store::AuditHead third{3, rows[2].hash};
    write(u"audit_log"_s, u"chain-head-seen-at-3"_s, third.toString().toLatin1() + '\n' + all);
    QByteArray edited = all;
    edited.replace("staff_unlock", "staff_unlocK");
    write(u"audit_log"_s, u"edited-row"_s, head.toString().toLatin1() + '\n' + edited);
    write(u"audit_log"_s, u"truncated"_s, head.toString().toLatin1() + '\n' + all.left(all.lastIndexOf('\n', -2) + 1));
    QFile::remove(path);
}

// Access-history answers as the keyserver signs them (see access_history.cpp).
void accessHistories()
{
    const auto row = [](qint64 seq, const QString &at, const QString &actor, const QString &action,
                        const QJsonObject &details) {
        return QJsonObject{
            {u"seq"_s, seq},         {u"at"_s, at},
            {u"actor"_s, actor},     {u"action"_s, action},
            {u"details"_s, details}, {u"hash"_s, QString::fromLatin1(QByteArray(32, char(seq)).toHex())}};
    };
    const QJsonArray items{
        row(2, u"2026-11-23T10:00:00Z"_s, u"service:vault"_s, u"code_issued"_s,
            {{u"expires_at"_s, u"2026-11-23T11:00:00Z"_s}}),
        row(3, u"2026-11-23T10:01:00Z"_s, u"public"_s, u"unlock"_s,
            {{u"session"_s, u"a1b2c3d4"_s}, {u"kind"_s, u"code"_s}, {u"expires_at"_s, u"2026-11-23T11:01:00Z"_s}}),
        row(5, u"2026-11-23T10:02:00Z"_s, u"public"_s, u"decapsulated"_s,
            {{u"session"_s, u"a1b2c3d4"_s}, {u"count"_s, 12}, {u"failed"_s, 1}}),
        row(6, u"2026-11-23T10:03:00Z"_s, u"public"_s, u"locked"_s, {{u"session"_s, u"a1b2c3d4"_s}}),
        row(8, u"2026-11-23T12:00:00Z"_s, u"staff:sam"_s, u"staff_unlock"_s,
            {{u"session"_s, u"e5f6a7b8"_s},
             {u"kind"_s, u"staff"_s},
             {u"engineer"_s, u"sam"_s},
             {u"reason"_s, u"=HYPERLINK(\"x\")"_s},
             {u"ticket"_s, u"T-42"_s},
             {u"expires_at"_s, u"2026-11-23T12:30:00Z"_s}}),
    };
    const QByteArray headHash(32, char(8));
    const QJsonObject answer{
        {u"items"_s, items},
        {u"head"_s,
         QJsonObject{{u"count"_s, 8},
                     {u"hash"_s, QString::fromLatin1(headHash.toHex())},
                     {u"signature"_s, QString::fromLatin1(b64(fuzz::auditSigner().signHead(8, headHash).value()))}}}};
    const QByteArray json = QJsonDocument(answer).toJson(QJsonDocument::Compact);
    write(u"access_history"_s, u"signed"_s, QByteArray(1, '\0') + json);
    write(u"access_history"_s, u"resigned"_s, QByteArray(1, '\1') + json);
    QJsonObject longer = answer;
    QJsonObject head = answer.value(u"head"_s).toObject();
    head.insert(u"count"_s, 9);
    longer.insert(u"head"_s, head);
    write(u"access_history"_s, u"bad-signature"_s,
          QByteArray(1, '\0') + QJsonDocument(longer).toJson(QJsonDocument::Compact));
    const QJsonObject vault{{u"items"_s, QJsonArray{row(1, u"2026-11-23T09:59:59.123Z"_s, u"customer:alice"_s,
                                                        u"entry_created"_s, {{u"entry"_s, u"0f8fad5b"_s}})}}};
    write(u"access_history"_s, u"vault-audit"_s,
          QByteArray(1, '\1') + QJsonDocument(vault).toJson(QJsonDocument::Compact));
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: credvault-fuzz-seeds CORPUS-FOLDER (tests/fuzz/corpus)\n");
        return 2;
    }
    fuzz::setUp();
    g_root = QString::fromLocal8Bit(argv[1]);
    envelopes();
    codeBoxes();
    decapBoxes();
    unlockCodes();
    fromDeployment();
    auditLogs();
    accessHistories();
    std::printf("seeds written to %s\n", argv[1]);
    return 0;
}
