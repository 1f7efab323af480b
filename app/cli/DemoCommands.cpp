#include "DemoCommands.h"

#include "CliIo.h"

#include "auth/Password.h"
#include "common/CommandLine.h"
#include "common/Files.h"
#include "crypto/AuditSignature.h"
#include "crypto/KeyFile.h"
#include "crypto/Primitives.h"
#include "pki/DeploymentPki.h"
#include "protocol/Base64Url.h"
#include "store/KeySource.h"
#include "store/vault/SqlCipherVaultStore.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QTextStream>
#include <QtNetwork/QTcpServer>

using namespace Qt::Literals::StringLiterals;

namespace credvault::cli {

namespace {

const QString kActor = u"system:credvault-cli init-demo"_s;
const QString kCredentials = u"demo-credentials.txt"_s;

// Every file a complete demo folder has (relative to it).
const QStringList kFiles{
    u"pki/root.pem"_s,         u"pki/keyserver-chain.pem"_s,
    u"pki/keyserver.key"_s,    u"pki/vault-server-chain.pem"_s,
    u"pki/vault-server.key"_s, u"pki/vault-chain.pem"_s,
    u"pki/vault.key"_s,        u"pki/sam.p12"_s,
    u"pki/sam.p12.pass"_s,     u"keys/keyserver-db.key"_s,
    u"keys/master.key"_s,      u"keys/redeem.pem"_s,
    u"keys/audit.pem"_s,       u"keys/vault-db.key"_s,
    u"data/vault.db"_s,        u"keyserver.conf"_s,
    u"server.conf"_s,          u"client.conf"_s,
    u"support.conf"_s,         kCredentials,
};

struct Ports {
    quint16 publicPort = 0, services = 0, staff = 0, api = 0;
};

// Four distinct free loopback ports: all held open at once, then released.
Result<Ports> freePorts()
{
    QTcpServer servers[4];
    quint16 ports[4] = {};
    for (int i = 0; i < 4; ++i) {
        if (!servers[i].listen(QHostAddress::LocalHost, 0))
            return fail(ErrorKind::Io, u"cannot find a free loopback port: %1"_s.arg(servers[i].errorString()));
        ports[i] = servers[i].serverPort();
    }
    return Ports{ports[0], ports[1], ports[2], ports[3]};
}

// A password people can type: 4 groups of 4 from an alphabet without look-alikes.
QByteArray demoPassword()
{
    static const char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789"; // 31 symbols
    QByteArray out;
    unsigned char r[1];
    while (out.size() < 19) {
        if (out.size() % 5 == 4) {
            out += '-';
            continue;
        }
        crypto::randomBytes(r, 1);
        if (r[0] < 248) // 248 = 8 × 31: keeps the choice uniform
            out += alphabet[r[0] % 31];
    }
    return out;
}

Result<void> write(const QString &path, const QByteArray &bytes, QFileDevice::Permissions mode = kWorldReadable)
{
    return writeFileAtomically(path, bytes, mode);
}

QByteArray listener(const char *name, quint16 port, const char *cert, const char *key, const char *clientCa = nullptr,
                    const char *crl = nullptr)
{
    QByteArray s = "\n[listener." + QByteArray(name) + "]\naddress = 127.0.0.1\nport = " + QByteArray::number(port) +
                   "\ncertificate = " + cert + "\nprivate_key = " + key + "\n";
    if (clientCa)
        s += "client_ca = " + QByteArray(clientCa) + "\ncrl = " + crl + "\n";
    return s;
}

struct DemoUser {
    QString role; // customer or staff
    QString username;
    QString displayName;
    QString email; // customers
    QString staffRole;
    QByteArray password;
    QUuid accountId;
};

// Makes the whole deployment in `dir` (empty, existing).
Result<QList<DemoUser>> build(const QString &dir, const Ports &ports)
{
    const QDir d(dir);
    for (const char *sub : {"pki", "keys", "data", "outbox/new", "outbox/cur", "outbox/tmp"}) {
        if (!d.mkpath(QString::fromLatin1(sub)))
            return fail(ErrorKind::Io, u"cannot make %1"_s.arg(d.filePath(QString::fromLatin1(sub))));
    }
    QFile::setPermissions(d.filePath(u"keys"_s),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    // PKI: root, the two intermediates, the servers' TLS certificates, the vault server's
    // service certificate, sam's staff certificate (admin) as PKCS#12.
    pki::DeploymentPki pki(d.filePath(u"pki"_s));
    if (Result<void> r = pki.init(); !r)
        return fail(r.error());
    const QStringList sans{u"IP:127.0.0.1"_s, u"DNS:localhost"_s};
    for (const pki::IssueRequest &req : {pki::IssueRequest{pki::Role::Server, u"keyserver"_s, sans, {}, 0},
                                         pki::IssueRequest{pki::Role::Server, u"vault-server"_s, sans, {}, 0},
                                         pki::IssueRequest{pki::Role::Service, u"vault"_s, {}, {}, 0},
                                         pki::IssueRequest{pki::Role::Staff, u"sam"_s, {}, u"admin"_s, 0}}) {
        if (Result<pki::Issued> r = pki.issue(req); !r)
            return fail(r.error());
    }

    // Keys: database keys, the master key, the redemption key (X25519) and the audit key
    // (Ed25519). Every private one 0600.
    for (const char *k : {"keys/keyserver-db.key", "keys/master.key", "keys/vault-db.key"}) {
        if (Result<void> r = store::writeKeyFile(d.filePath(QString::fromLatin1(k)), store::generateKey()); !r)
            return fail(r.error());
    }
    const crypto::X25519PrivateKey redeem = crypto::X25519PrivateKey::generate();
    if (Result<void> r = KeyFile::savePrivate(d.filePath(u"keys/redeem.pem"_s), redeem); !r)
        return fail(r.error());
    const AuditSigner audit = AuditSigner::generate();
    if (Result<void> r = write(d.filePath(u"keys/audit.pem"_s), audit.privatePem().view().toByteArray(), kOwnerOnly);
        !r)
        return fail(r.error());

    // Configurations, all on the same four ports.
    const QByteArray keyserverConf =
        "; credvault-keyserver configuration of a local demo (credvault-cli init-demo)\n"
        "[database]\npath = data/keyserver.db\nkey_file = keys/keyserver-db.key\n"
        "\n[keys]\nmaster_key_file = keys/master.key\nredeem_key = keys/redeem.pem\naudit_key = keys/audit.pem\n"
        "\n[mail]\nfrom = credvault@localhost\nmaildir = outbox\n" +
        listener("public", ports.publicPort, "pki/keyserver-chain.pem", "pki/keyserver.key") +
        listener("services", ports.services, "pki/keyserver-chain.pem", "pki/keyserver.key", "pki/services-ca.pem",
                 "pki/services-ca.crl") +
        listener("staff", ports.staff, "pki/keyserver-chain.pem", "pki/keyserver.key", "pki/staff-ca.pem",
                 "pki/staff-ca.crl");
    const QByteArray serverConf =
        "; credvault-server configuration of a local demo (credvault-cli init-demo)\n"
        "[database]\npath = data/vault.db\nkey_file = keys/vault-db.key\n" +
        listener("api", ports.api, "pki/vault-server-chain.pem", "pki/vault-server.key") +
        "\n[keyserver]\nurl = https://127.0.0.1:" + QByteArray::number(ports.services) +
        "\nca = pki/root.pem\ncertificate = pki/vault-chain.pem\nprivate_key = pki/vault.key\n";
    const QByteArray keyserverPublic =
        "[keyserver]\nurl = https://127.0.0.1:" + QByteArray::number(ports.publicPort) +
        "\nca = pki/root.pem\nredeem_key = " + toBase64Url(crypto::bytesView(redeem.publicKey())) +
        "\naudit_key = " + toBase64Url(crypto::bytesView(audit.publicKey())) + "\n";
    const QByteArray vault =
        "[vault]\nurl = https://127.0.0.1:" + QByteArray::number(ports.api) + "\nca = pki/root.pem\n";
    const QByteArray clientConf =
        "; CredVault customer app configuration of a local demo\n" + vault + "\n" + keyserverPublic;
    const QByteArray supportConf =
        "; CredVault support app configuration of a local demo\n" + vault + "\n" + keyserverPublic +
        "staff_url = https://127.0.0.1:" + QByteArray::number(ports.staff) + "\n\n[staff]\ncertificate = pki/sam.p12\n";
    for (const auto &[name, text] :
         {std::pair{u"keyserver.conf"_s, keyserverConf}, std::pair{u"server.conf"_s, serverConf},
          std::pair{u"client.conf"_s, clientConf}, std::pair{u"support.conf"_s, supportConf}}) {
        if (Result<void> r = write(d.filePath(name), text); !r)
            return fail(r.error());
    }

    // Demo users in the vault server's database.
    QList<DemoUser> users{
        {u"customer"_s,
         u"alice"_s,
         u"Alice Example"_s,
         u"alice@example.com"_s,
         {},
         demoPassword(),
         QUuid::createUuid()},
        {u"customer"_s, u"bob"_s, u"Bob Example"_s, u"bob@example.com"_s, {}, demoPassword(), QUuid::createUuid()},
        {u"staff"_s, u"sam"_s, u"Sam Support"_s, {}, u"admin"_s, demoPassword(), {}},
    };
    Result<SecureBuffer> dbKey = store::KeyFileSource(d.filePath(u"keys/vault-db.key"_s)).load();
    if (!dbKey)
        return fail(dbKey.error());
    {
        Result<std::unique_ptr<store::SqlCipherVaultStore>> st =
            store::SqlCipherVaultStore::open(d.filePath(u"data/vault.db"_s), *dbKey);
        if (!st)
            return fail(st.error());
        for (const DemoUser &u : users) {
            Result<QString> hash = auth::Password::hash(u.password);
            if (!hash)
                return fail(hash.error());
            store::User user;
            user.id = QUuid::createUuid();
            user.username = u.username;
            user.displayName = u.displayName;
            user.passwordHash = *hash;
            if (u.role == u"customer"_s) {
                user.kind = store::UserKind::Customer;
                user.accountId = u.accountId;
                const store::Account account{u.accountId, u.displayName, u.email, QDateTime::currentDateTimeUtc(), {}};
                if (Result<store::Account> r = (*st)->createCustomer(account, user, kActor); !r)
                    return fail(r.error());
            } else {
                user.kind = store::UserKind::Staff;
                user.role = u.staffRole;
                if (Result<store::User> r = (*st)->createStaff(user, kActor); !r)
                    return fail(r.error());
            }
        }
    }

    // Last: the credentials file marks the folder complete.
    QByteArray lines = "# ROLE USERNAME PASSWORD ACCOUNT_ID — demo sign-ins (credvault-cli init-demo)\n";
    for (const DemoUser &u : users)
        lines += u.role.toLatin1() + ' ' + u.username.toLatin1() + ' ' + u.password + ' ' +
                 (u.accountId.isNull() ? QByteArray("-") : u.accountId.toByteArray(QUuid::WithoutBraces)) + '\n';
    if (Result<void> r = write(d.filePath(kCredentials), lines, kOwnerOnly); !r)
        return fail(r.error());
    return users;
}

} // namespace

int parseDemoDir(const QStringList &args, const QString &description, const QString &dirHelp, QString &dir)
{
    QCommandLineParser p;
    const QCommandLineOption dirOption(u"dir"_s, dirHelp, u"folder"_s);
    p.addOption(dirOption);
    if (const int rc = parseCommand(p, args, description); rc >= 0)
        return rc;
    if (!p.isSet(dirOption))
        return commandFailure(args, u"--dir is required (see --help)"_s, ExitUsage);
    dir = QFileInfo(p.value(dirOption)).absoluteFilePath();
    return -1;
}

int initDemoCommand(const QStringList &args)
{
    QString dir;
    if (const int rc = parseDemoDir(
            args,
            u"Make a complete local deployment in a folder: the PKI, every key (0600), keyserver.conf, "
            u"server.conf, client.conf, support.conf, a Maildir outbox and the demo users alice and bob "
            u"(customers) and sam (staff, admin), listed in demo-credentials.txt. Picks free loopback ports. "
            u"Run again on a complete folder, it changes nothing."_s,
            u"The <folder> to make the deployment in (made if missing)."_s, dir);
        rc >= 0)
        return rc;
    QTextStream out(stdout);

    const QDir d(dir);
    if (d.exists() && !d.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        QStringList missing;
        for (const QString &f : kFiles) {
            if (!QFileInfo::exists(d.filePath(f)))
                missing.append(f);
        }
        if (missing.isEmpty()) {
            out << dir << " already holds a complete demo deployment: nothing changed." << Qt::endl;
            return ExitOk;
        }
        return commandFailure(args,
                              u"%1 is not empty and is not a complete demo deployment (missing %2): choose another "
                              u"folder, or empty this one"_s.arg(dir, missing.first()));
    }

    // Built beside, then moved into place: an interrupted run leaves no half-made folder.
    const QString staging = dir + u".partial-"_s + QString::number(QCoreApplication::applicationPid());
    QDir(staging).removeRecursively();
    if (!QDir().mkpath(staging))
        return commandFailure(args, u"cannot make %1"_s.arg(staging));
    Result<Ports> ports = freePorts();
    Result<QList<DemoUser>> users = ports ? build(staging, *ports) : Result<QList<DemoUser>>(fail(ports.error()));
    if (!users) {
        QDir(staging).removeRecursively();
        return commandFailure(args, users.error().message);
    }
    if (d.exists())
        QDir().rmdir(dir);
    if (!QDir().rename(staging, dir)) {
        QDir(staging).removeRecursively();
        return commandFailure(args, u"cannot move the deployment into %1"_s.arg(dir));
    }

    out << "demo deployment made in " << dir << "\n"
        << "  keyserver:    credvault-keyserver --config " << d.filePath(u"keyserver.conf"_s) << "\n"
        << "                (public " << ports->publicPort << ", services " << ports->services << ", staff "
        << ports->staff << " on 127.0.0.1)\n"
        << "  vault server: credvault-server --config " << d.filePath(u"server.conf"_s) << "\n"
        << "                (api " << ports->api << " on 127.0.0.1)\n"
        << "  customer app: credvault --config " << d.filePath(u"client.conf"_s) << "\n"
        << "  support app:  credvault-support --config " << d.filePath(u"support.conf"_s) << "\n"
        << "  sign-ins:     " << d.filePath(kCredentials) << " (alice, bob, sam)\n"
        << "  unlock mail:  " << d.filePath(u"outbox/new"_s) << "\n";
    out.flush();
    return ExitOk;
}

} // namespace credvault::cli
