#include "AdminCommands.h"

#include "CliIo.h"

#include "auth/Password.h"
#include "auth/Totp.h"
#include "common/CommandLine.h"
#include "store/Queries.h"
#include "store/vault/SqlCipherVaultStore.h"
#include "vault/KeyserverClient.h"
#include "vault/VaultService.h"
#include "vault/VaultSettings.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace credvault::cli {

namespace {

const QString kActor = u"system:credvault-cli"_s;

// Parses the command's options plus --config, and opens the vault server's database.
struct Admin {
    QCommandLineParser parser;
    ServiceConfig config;
    std::unique_ptr<store::SqlCipherVaultStore> store;
};

int openAdmin(Admin &a, const QStringList &args, const QString &description, const QList<QCommandLineOption> &options,
              const QList<QCommandLineOption> &required)
{
    const QCommandLineOption config(u"config"_s, u"The vault server's configuration <file>."_s, u"file"_s);
    a.parser.addOption(config);
    a.parser.addOptions(options);
    if (const int rc = parseCommand(a.parser, args, description); rc >= 0)
        return rc;
    if (!a.parser.isSet(config))
        return commandFailure(args, u"--config is required (see --help)"_s, ExitUsage);
    for (const QCommandLineOption &o : required) {
        if (!a.parser.isSet(o))
            return commandFailure(args, u"--%1 is required (see --help)"_s.arg(o.names().constLast()), ExitUsage);
    }
    Result<ServiceConfig> c = ServiceConfig::load(a.parser.value(config), vault::serviceSpec());
    if (!c)
        return commandFailure(args, c.error().message, ExitConfig);
    Result<SecureBuffer> key = c->loadDatabaseKey();
    if (!key)
        return commandFailure(args, key.error().message);
    Result<std::unique_ptr<store::SqlCipherVaultStore>> st = store::SqlCipherVaultStore::open(c->databasePath, *key);
    if (!st)
        return commandFailure(args, st.error().message);
    a.store = std::move(*st);
    a.config = std::move(*c);
    return -1;
}

// The password from --password-file (a file, or '-' for standard input), hashed.
Result<QString> passwordHash(const QString &file)
{
    Result<SecureBuffer> pass = readPassphrase(file, true);
    if (!pass)
        return fail(pass.error());
    return auth::Password::hash(pass->view());
}

Result<store::User> userNamed(store::VaultStore &store, const QString &username)
{
    Result<std::optional<store::User>> u = store.userByName(username);
    if (!u)
        return fail(u.error());
    if (!*u)
        return fail(ErrorKind::NotFound, u"no user '%1'"_s.arg(username), u"not_found"_s);
    return **u;
}

QCommandLineOption usernameOption()
{
    return QCommandLineOption(u"username"_s, u"The sign-in <name>."_s, u"name"_s);
}

QCommandLineOption passwordOption()
{
    return passphraseFileOption(u"password-file"_s, u"password (at least 10 characters)"_s, true);
}

// openAdmin for commands about one user, named by --username: the user, or the exit code.
std::variant<int, store::User> openUserAdmin(Admin &a, const QStringList &args, const QString &description,
                                             const QList<QCommandLineOption> &extra = {})
{
    const QCommandLineOption username = usernameOption();
    if (const int rc = openAdmin(a, args, description, QList{username} + extra, {username}); rc >= 0)
        return rc;
    Result<store::User> u = userNamed(*a.store, a.parser.value(username));
    if (!u)
        return commandFailure(args, u.error().message);
    return *u;
}

int setDisabled(const QStringList &args, bool disabled)
{
    Admin a;
    auto found = openUserAdmin(a, args,
                               disabled ? u"Disable a user: sign-in is refused and open sign-ins end."_s
                                        : u"Enable a disabled user again."_s);
    if (const int *rc = std::get_if<int>(&found))
        return *rc;
    const store::User *u = &std::get<store::User>(found);
    if (Result<void> r = a.store->setDisabled(u->id, disabled, kActor); !r)
        return commandFailure(args, r.error().message);
    QTextStream(stdout) << u->username << (disabled ? " disabled" : " enabled") << Qt::endl;
    return ExitOk;
}

} // namespace

int adminAddCustomerCommand(const QStringList &args)
{
    Admin a;
    const QCommandLineOption username = usernameOption();
    const QCommandLineOption name(u"name"_s, u"The customer's display <name>."_s, u"name"_s);
    const QCommandLineOption email(u"email"_s, u"The e-mail <address> (becomes the vault's unlock address)."_s,
                                   u"address"_s);
    const QCommandLineOption pass = passwordOption();
    if (const int rc = openAdmin(a, args, u"Add a customer account with its sign-in user; prints the account id."_s,
                                 {username, name, email, pass}, {username, name, email});
        rc >= 0)
        return rc;
    Result<QString> hash = passwordHash(a.parser.value(pass));
    if (!hash)
        return commandFailure(args, hash.error().message, ExitUsage);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const store::Account account{
        QUuid::createUuid(), a.parser.value(name).trimmed(), a.parser.value(email).trimmed(), now, {}};
    store::User user;
    user.id = QUuid::createUuid();
    user.kind = store::UserKind::Customer;
    user.username = a.parser.value(username).trimmed();
    user.displayName = account.displayName;
    user.accountId = account.id;
    user.passwordHash = *hash;
    user.createdAt = now;
    if (user.username.isEmpty() || account.displayName.isEmpty() || !account.email.contains(u'@'))
        return commandFailure(args, u"--username, --name and an --email address are needed"_s, ExitUsage);
    Result<store::Account> r = a.store->createCustomer(account, user, kActor);
    if (!r)
        return commandFailure(args, r.error().message);
    QTextStream(stdout) << "customer " << user.username << " added: account "
                        << account.id.toString(QUuid::WithoutBraces) << Qt::endl;
    return ExitOk;
}

int adminAddStaffCommand(const QStringList &args)
{
    Admin a;
    const QCommandLineOption username = usernameOption();
    const QCommandLineOption name(u"name"_s, u"The engineer's display <name>."_s, u"name"_s);
    const QCommandLineOption role(u"role"_s, u"support or admin."_s, u"role"_s);
    const QCommandLineOption pass = passwordOption();
    if (const int rc = openAdmin(a, args, u"Add a support engineer (role support or admin)."_s,
                                 {username, name, role, pass}, {username, name, role});
        rc >= 0)
        return rc;
    const QString r = a.parser.value(role);
    if (r != u"support"_s && r != u"admin"_s)
        return commandFailure(args, u"--role is support or admin"_s, ExitUsage);
    Result<QString> hash = passwordHash(a.parser.value(pass));
    if (!hash)
        return commandFailure(args, hash.error().message, ExitUsage);
    store::User user;
    user.id = QUuid::createUuid();
    user.kind = store::UserKind::Staff;
    user.username = a.parser.value(username).trimmed();
    user.displayName = a.parser.value(name).trimmed();
    user.role = r;
    user.passwordHash = *hash;
    user.createdAt = QDateTime::currentDateTimeUtc();
    if (user.username.isEmpty() || user.displayName.isEmpty())
        return commandFailure(args, u"--username and --name are needed"_s, ExitUsage);
    if (Result<store::User> added = a.store->createStaff(user, kActor); !added)
        return commandFailure(args, added.error().message);
    QTextStream(stdout) << "staff " << user.username << " (" << r << ") added" << Qt::endl;
    return ExitOk;
}

int adminListCommand(const QStringList &args)
{
    Admin a;
    const QCommandLineOption staff(u"staff"_s, u"Only staff."_s);
    const QCommandLineOption customers(u"customers"_s, u"Only customers."_s);
    if (const int rc =
            openAdmin(a, args, u"List users: kind, sign-in name, role or account id, state."_s, {staff, customers}, {});
        rc >= 0)
        return rc;
    std::optional<store::UserKind> kind;
    if (a.parser.isSet(staff) != a.parser.isSet(customers))
        kind = a.parser.isSet(staff) ? store::UserKind::Staff : store::UserKind::Customer;
    Result<QList<store::User>> users = a.store->users(kind);
    if (!users)
        return commandFailure(args, users.error().message);
    QTextStream out(stdout);
    for (const store::User &u : *users) {
        const bool isStaff = u.kind == store::UserKind::Staff;
        out << (isStaff ? "staff    " : "customer ") << u.username.leftJustified(20) << ' '
            << (isStaff ? u.role.leftJustified(36) : u.accountId.toString(QUuid::WithoutBraces)) << ' '
            << (u.disabled ? "disabled" : "active") << (u.hasTotp ? " totp" : "") << Qt::endl;
    }
    return ExitOk;
}

int adminDisableCommand(const QStringList &args)
{
    return setDisabled(args, true);
}

int adminEnableCommand(const QStringList &args)
{
    return setDisabled(args, false);
}

int adminResetPasswordCommand(const QStringList &args)
{
    Admin a;
    const QCommandLineOption pass = passwordOption();
    auto found = openUserAdmin(a, args, u"Set a user's password (their open sign-ins end)."_s, {pass});
    if (const int *rc = std::get_if<int>(&found))
        return *rc;
    const store::User *u = &std::get<store::User>(found);
    Result<QString> hash = passwordHash(a.parser.value(pass));
    if (!hash)
        return commandFailure(args, hash.error().message, ExitUsage);
    if (Result<void> r = a.store->setPasswordHash(u->id, *hash, kActor); !r)
        return commandFailure(args, r.error().message);
    QTextStream(stdout) << "password of " << u->username << " set" << Qt::endl;
    return ExitOk;
}

int adminEnrolTotpCommand(const QStringList &args)
{
    Admin a;
    auto found = openUserAdmin(a, args,
                               u"Enrol a user in TOTP (RFC 6238): prints the otpauth:// URI for their authenticator "
                               u"app, once. From then on sign-in needs the code."_s);
    if (const int *rc = std::get_if<int>(&found))
        return *rc;
    const store::User *u = &std::get<store::User>(found);
    const SecureBuffer secret = auth::Totp::generateSecret();
    if (Result<void> r = a.store->setTotpSecret(u->id, secret, kActor); !r)
        return commandFailure(args, r.error().message);
    const SecureBuffer uri = auth::Totp::uri(secret, u"CredVault"_s, u->username);
    return writeStdout(uri.view()) && writeStdout("\n") ? ExitOk : ExitFailure;
}

int adminDeleteAccountCommand(const QStringList &args)
{
    Admin a;
    const QCommandLineOption yes(u"yes"_s, u"Confirm: the account and every entry in it go for good."_s);
    auto found = openUserAdmin(a, args,
                               u"Delete a customer's account: the keyserver destroys its keypair first (every sealed "
                               u"entry becomes unreadable for good), then the account, its sign-in and its entries "
                               u"go from the vault server's database. The audit keeps that it happened."_s,
                               {yes});
    if (const int *rc = std::get_if<int>(&found))
        return *rc;
    const store::User u = std::get<store::User>(found);
    if (u.kind != store::UserKind::Customer)
        return commandFailure(args, u"%1 is staff, not a customer: use admin disable"_s.arg(u.username), ExitUsage);
    if (!a.parser.isSet(yes))
        return commandFailure(
            args, u"this destroys every entry of %1's account for good; add --yes to go on"_s.arg(u.username),
            ExitUsage);
    Result<vault::VaultSettings> settings = vault::VaultSettings::read(a.config);
    if (!settings)
        return commandFailure(args, settings.error().message, ExitConfig);
    // Keyserver first: if it cannot shred, nothing is deleted here either.
    const vault::KeyserverClient keyserver(settings->keyserver);
    const QString id = store::uuidText(u.accountId);
    Result<vault::KeyserverReply> shred = keyserver.call("DELETE", u"/v1/accounts/"_s + id);
    if (!shred)
        return commandFailure(args, shred.error().message + u"; nothing was deleted"_s);
    if (shred->status != 200 && shred->status != 404) // 404: no keypair was ever made
        return commandFailure(
            args, u"the keyserver refused to delete the keypair (HTTP %1); nothing was deleted"_s.arg(shred->status));
    if (Result<void> r = a.store->deleteAccount(u.accountId, kActor); !r)
        return commandFailure(args, u"the keypair is destroyed but the account could not be removed: %1 (run the "
                                    u"command again)"_s.arg(r.error().message));
    QTextStream(stdout) << "account " << id << " of " << u.username << " deleted"
                        << (shred->status == 200 ? " (keypair destroyed at the keyserver)" : " (it had no keypair)")
                        << Qt::endl;
    return ExitOk;
}

} // namespace credvault::cli
