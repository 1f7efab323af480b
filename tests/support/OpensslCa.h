#pragma once

// Signs a certificate with a deployment's staff CA through the openssl CLI, for what our
// PKI refuses to make: one already expired, or one without a staff role. Writes
// PKI/NAME.pem and PKI/NAME.key; `work` holds the CA database. Empty on success, else
// what went wrong.

#include "support/Executables.h"
#include "support/TempDir.h"

#include <QtCore/QDir>
#include <QtCore/QString>

namespace credvault::test {

inline QString signWithStaffCa(const QString &pki, const QString &work, const QString &name, const QString &subject,
                               const QString &start, const QString &end)
{
    const QString ca = QDir(work).absoluteFilePath(QStringLiteral("ca-") + name);
    if (!QDir().mkpath(ca + QStringLiteral("/new")))
        return QStringLiteral("cannot make ") + ca;
    writeFile(ca, QStringLiteral("index.txt"), {});
    writeFile(ca, QStringLiteral("serial"), "1000\n");
    const QDir p(pki);
    const QByteArray cnf = "[ca]\ndefault_ca = d\n[d]\ndir = " + ca.toUtf8() +
                           "\ndatabase = $dir/index.txt\n"
                           "new_certs_dir = $dir/new\nserial = $dir/serial\ncertificate = " +
                           p.absoluteFilePath(QStringLiteral("staff-ca.pem")).toUtf8() +
                           "\nprivate_key = " + p.absoluteFilePath(QStringLiteral("staff-ca.key")).toUtf8() +
                           "\ndefault_md = sha256\npolicy = p\nx509_extensions = e\nunique_subject = no\n"
                           "[p]\ncommonName = supplied\norganizationalUnitName = optional\n"
                           "organizationName = optional\n"
                           "[e]\nbasicConstraints = critical,CA:FALSE\nkeyUsage = critical,digitalSignature\n"
                           "extendedKeyUsage = clientAuth\n";
    writeFile(ca, QStringLiteral("ca.cnf"), cnf);
    const QString csr = ca + QStringLiteral("/req.csr");
    RunResult r = run(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                       QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), p.absoluteFilePath(name + QStringLiteral(".key")),
                       QStringLiteral("-subj"), subject, QStringLiteral("-out"), csr});
    if (r.exitCode != 0)
        return QString::fromUtf8("openssl req: " + r.err);
    r = run(QStringLiteral("openssl"),
            {QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"), ca + QStringLiteral("/ca.cnf"),
             QStringLiteral("-in"), csr, QStringLiteral("-out"), p.absoluteFilePath(name + QStringLiteral(".pem")),
             QStringLiteral("-startdate"), start, QStringLiteral("-enddate"), end});
    return r.exitCode == 0 ? QString() : QString::fromUtf8("openssl ca: " + r.err);
}

} // namespace credvault::test
