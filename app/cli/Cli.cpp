#include "Cli.h"

#include "AdminCommands.h"
#include "AuditCommands.h"
#include "CryptoCommands.h"
#include "DatabaseCommands.h"
#include "DemoCommands.h"
#include "KeyserverCommands.h"
#include "PkiCommands.h"

#include "common/CommandLine.h"
#include "common/Hardening.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace credvault::cli {

const QList<Command> &commands()
{
    static const QList<Command> list{
        {u"keygen"_s, u"Make an X25519 key pair (PEM files the openssl CLI reads)."_s, keygenCommand},
        {u"seal"_s, u"Seal an entry's JSON (stdin) to a public key: the envelope on stdout."_s, sealCommand},
        {u"open"_s, u"Open an envelope (stdin) with a private key: the entry's JSON on stdout."_s, openCommand},
        {u"audit verify"_s, u"Verify a server's hash-chained audit log."_s, auditVerifyCommand},
        {u"db rekey"_s, u"Change a server database's key in place."_s, dbRekeyCommand},
        {u"db backup"_s, u"Copy a server database to a new file under a new key."_s, dbBackupCommand},
        {u"pki init"_s, u"Make a deployment PKI (root, services and staff CAs)."_s, pkiInitCommand},
        {u"pki issue"_s, u"Issue a server, service or staff certificate."_s, pkiIssueCommand},
        {u"pki revoke"_s, u"Revoke a certificate and rewrite its CA's CRL."_s, pkiRevokeCommand},
        {u"pki crl"_s, u"Rewrite the CRLs."_s, pkiCrlCommand},
        {u"pki renew"_s, u"Renew an issued certificate with a new key."_s, pkiRenewCommand},
        {u"admin add-customer"_s, u"Add a customer account and its sign-in user."_s, adminAddCustomerCommand},
        {u"admin add-staff"_s, u"Add a support engineer (support or admin)."_s, adminAddStaffCommand},
        {u"admin list"_s, u"List customers and staff."_s, adminListCommand},
        {u"admin disable"_s, u"Disable a user."_s, adminDisableCommand},
        {u"admin enable"_s, u"Enable a disabled user."_s, adminEnableCommand},
        {u"admin reset-password"_s, u"Set a user's password."_s, adminResetPasswordCommand},
        {u"admin enrol-totp"_s, u"Enrol a user in TOTP; prints the otpauth:// URI."_s, adminEnrolTotpCommand},
        {u"admin delete-account"_s, u"Delete a customer's account; the keyserver destroys its keypair."_s,
         adminDeleteAccountCommand},
        {u"keyserver master-key backup"_s, u"Back the master key up under a passphrase."_s, masterKeyBackupCommand},
        {u"keyserver master-key restore"_s, u"Restore a master key from its backup."_s, masterKeyRestoreCommand},
        {u"keyserver master-key rotate"_s, u"Rewrap every account key under a new master key."_s,
         masterKeyRotateCommand},
        {u"init-demo"_s, u"Make a complete local deployment (PKI, keys, configs, demo users) in a folder."_s,
         initDemoCommand},
        {u"demo-entries"_s, u"Add a few sealed demo entries to alice's vault in a running demo deployment."_s,
         demoEntriesCommand},
    };
    return list;
}

namespace {

QString usage()
{
    QString text;
    QTextStream out(&text);
    out << "Usage: credvault-cli COMMAND [options]\n"
        << "CredVault command line: administration and scripting.\n\n"
        << "Options:\n"
        << "  -h, --help     Show this help (or a command's: credvault-cli COMMAND --help).\n"
        << "  -v, --version  Show the version.\n\n"
        << "Commands:\n";
    if (commands().isEmpty())
        out << "  (none in this build)\n";
    for (const Command &c : commands())
        out << "  " << c.name.leftJustified(28) << ' ' << c.summary << '\n';
    return text;
}

} // namespace

int run(int argc, char **argv)
{
    initApplicationInfo(u"credvault-cli"_s);
    // Before any key or passphrase is read: no core dumps, not dumpable.
    const Result<void> hardened = hardenProcess();
    QCoreApplication app(argc, argv);
    if (!hardened)
        qWarning("credvault-cli: %s", qPrintable(hardened.error().message));
    const QStringList args = QCoreApplication::arguments();
    QTextStream out(stdout);

    if (args.size() < 2)
        return reportFailure(u"no command given (see --help)"_s, ExitUsage);
    const QString &first = args.at(1);
    if (first == u"-h"_s || first == u"--help"_s || first == u"help"_s) {
        out << usage();
        return ExitOk;
    }
    if (first == u"-v"_s || first == u"--version"_s) {
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitOk;
    }
    // Longest match first: "audit verify" before "audit".
    const Command *best = nullptr;
    qsizetype bestWords = 0;
    for (const Command &c : commands()) {
        const QStringList words = c.name.split(u' ');
        if (words.size() + 1 > args.size() || words.size() <= bestWords)
            continue;
        if (args.mid(1, words.size()) == words) {
            best = &c;
            bestWords = words.size();
        }
    }
    if (!best)
        return reportFailure(u"unknown command '%1' (see --help)"_s.arg(first), ExitUsage);
    QStringList rest{u"credvault-cli "_s + best->name};
    rest += args.mid(1 + bestWords);
    return best->run(rest);
}

} // namespace credvault::cli
