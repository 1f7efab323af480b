#include "PkiCommands.h"

#include "CliIo.h"

#include "common/CommandLine.h"
#include "pki/DeploymentPki.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace credvault::cli {

namespace {

const QCommandLineOption kDir(u"dir"_s, u"The deployment PKI's folder."_s, u"folder"_s);
const QCommandLineOption kDays(u"days"_s,
                               u"Lifetime in days (default: the role's: server and service 365, staff 90)."_s, u"n"_s);

// Parses the options; -1 to go on, or the exit code. --dir is always required.
int parse(QCommandLineParser &p, const QStringList &args, const QString &description)
{
    if (const int rc = parseCommand(p, args, description); rc >= 0)
        return rc;
    if (!p.isSet(kDir))
        return commandFailure(args, u"--dir is required (see --help)"_s, ExitUsage);
    return -1;
}

int days(const QCommandLineParser &p, bool *ok)
{
    *ok = true;
    if (!p.isSet(kDays))
        return 0;
    const int d = p.value(kDays).toInt(ok);
    *ok = *ok && d > 0 && d <= 3650;
    return d;
}

void printIssued(const pki::Issued &i)
{
    QTextStream out(stdout);
    out << "certificate " << i.certificate << " (serial " << i.serialHex << ")\n"
        << "key         " << i.key << "\n"
        << "chain       " << i.chain << "\n";
    if (!i.pkcs12.isEmpty())
        out << "pkcs12      " << i.pkcs12 << " (passphrase in " << i.passphrase << ")\n";
    out.flush();
}

} // namespace

int pkiInitCommand(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(kDir);
    if (const int rc =
            parse(p, args, u"Make a deployment PKI: a root CA and the services and staff intermediate CAs."_s);
        rc >= 0)
        return rc;
    pki::DeploymentPki pki(p.value(kDir));
    if (Result<void> r = pki.init(); !r)
        return commandFailure(args, r.error().message);
    QTextStream(stdout) << "made " << pki.path(u"root.pem"_s) << ", " << pki.path(u"services-ca.pem"_s) << ", "
                        << pki.path(u"staff-ca.pem"_s) << " and their CRLs" << Qt::endl;
    return ExitOk;
}

int pkiIssueCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption role(u"role"_s, u"server, service or staff."_s, u"role"_s);
    const QCommandLineOption name(u"name"_s, u"The certificate's name (common name and file name)."_s, u"name"_s);
    const QCommandLineOption san(u"san"_s, u"Server names: DNS:NAME and IP:ADDRESS, comma-separated."_s, u"names"_s);
    const QCommandLineOption staffRole(u"staff-role"_s, u"support or admin (staff certificates)."_s, u"role"_s);
    p.addOptions({kDir, role, name, san, staffRole, kDays});
    if (const int rc = parse(p, args,
                             u"Issue a certificate: N.pem, N.key (0600) and N-chain.pem; for staff also N.p12 with a "
                             u"generated passphrase in N.p12.pass (0600)."_s);
        rc >= 0)
        return rc;
    if (!p.isSet(role) || !p.isSet(name))
        return commandFailure(args, u"--role and --name are required (see --help)"_s, ExitUsage);
    Result<pki::Role> r = pki::roleFromName(p.value(role));
    if (!r)
        return commandFailure(args, r.error().message, ExitUsage);
    bool ok = false;
    pki::IssueRequest req;
    req.role = *r;
    req.name = p.value(name);
    req.staffRole = p.value(staffRole);
    req.days = days(p, &ok);
    if (!ok)
        return commandFailure(args, u"--days takes a number from 1 to 3650"_s, ExitUsage);
    for (const QString &s : p.values(san))
        req.sans += s.split(u',', Qt::SkipEmptyParts);
    Result<pki::Issued> issued = pki::DeploymentPki(p.value(kDir)).issue(req);
    if (!issued)
        return commandFailure(args, issued.error().message,
                              issued.error().kind == ErrorKind::InvalidInput ? ExitUsage : ExitFailure);
    printIssued(*issued);
    return ExitOk;
}

int pkiRevokeCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption cert(u"cert"_s, u"The certificate <file> to revoke."_s, u"file"_s);
    p.addOptions({kDir, cert});
    if (const int rc =
            parse(p, args, u"Revoke a certificate and rewrite its CA's CRL. Send SIGHUP to the servers to load it."_s);
        rc >= 0)
        return rc;
    if (!p.isSet(cert))
        return commandFailure(args, u"--cert is required (see --help)"_s, ExitUsage);
    Result<QString> serial = pki::DeploymentPki(p.value(kDir)).revoke(p.value(cert));
    if (!serial)
        return commandFailure(args, serial.error().message);
    QTextStream(stdout) << "revoked serial " << *serial << Qt::endl;
    return ExitOk;
}

int pkiCrlCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption crlDays(u"days"_s,
                                     u"How long the CRLs are valid (default 30). Servers refuse every client "
                                     u"certificate once a CRL has expired."_s,
                                     u"n"_s);
    p.addOptions({kDir, crlDays});
    if (const int rc = parse(p, args, u"Rewrite the services and staff CRLs."_s); rc >= 0)
        return rc;
    bool ok = true;
    const int d = p.isSet(crlDays) ? p.value(crlDays).toInt(&ok) : 30;
    if (!ok)
        return commandFailure(args, u"--days takes a number"_s, ExitUsage);
    pki::DeploymentPki pki(p.value(kDir));
    if (Result<void> r = pki.writeCrls(d); !r)
        return commandFailure(args, r.error().message,
                              r.error().kind == ErrorKind::InvalidInput ? ExitUsage : ExitFailure);
    QTextStream(stdout) << "wrote " << pki.path(u"services-ca.crl"_s) << " and " << pki.path(u"staff-ca.crl"_s)
                        << ", valid for " << d << " days" << Qt::endl;
    return ExitOk;
}

int pkiRenewCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption name(u"name"_s, u"The issued certificate to renew."_s, u"name"_s);
    p.addOptions({kDir, name, kDays});
    if (const int rc =
            parse(p, args,
                  u"Renew a certificate: a new key and certificate with the same role, names and staff role, "
                  u"replacing the files."_s);
        rc >= 0)
        return rc;
    if (!p.isSet(name))
        return commandFailure(args, u"--name is required (see --help)"_s, ExitUsage);
    bool ok = false;
    const int d = days(p, &ok);
    if (!ok)
        return commandFailure(args, u"--days takes a number from 1 to 3650"_s, ExitUsage);
    Result<pki::Issued> issued = pki::DeploymentPki(p.value(kDir)).renew(p.value(name), d);
    if (!issued)
        return commandFailure(args, issued.error().message);
    printIssued(*issued);
    return ExitOk;
}

} // namespace credvault::cli
