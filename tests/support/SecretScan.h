#pragma once

// The suite-wide log scan (issue 12): every server log the tests collect is kept, and
// every secret the tests use (passwords, key files, codes, tokens, session ids) is noted,
// in CREDVAULT_SECRET_SCAN_DIR (set by CTest). When the tests are done, the
// logs_hold_no_secret test (scripts/lib/scan-logs-for-secrets.py) searches every kept log
// and CTest's own record of the tests' output for every noted secret. Without the
// variable (a test run by hand) nothing is kept.

#include <QtCore/QByteArray>
#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QString>

#include <mutex>

namespace credvault::test {

inline QString secretScanDir()
{
    return qEnvironmentVariable("CREDVAULT_SECRET_SCAN_DIR");
}

/// Notes a secret this test used (too short to search for: ignored).
inline void rememberSecret(QByteArrayView secret)
{
    const QString dir = secretScanDir();
    if (dir.isEmpty() || secret.trimmed().size() < 8)
        return;
    static std::mutex mutex;
    const std::lock_guard lock(mutex);
    QDir().mkpath(dir + QStringLiteral("/secrets"));
    QFile f(dir + QStringLiteral("/secrets/%1.txt").arg(QCoreApplication::applicationPid()));
    if (f.open(QIODevice::WriteOnly | QIODevice::Append))
        f.write(secret.trimmed().toByteArray().toBase64() + '\n');
}

/// Keeps a server's whole log so far under `name` (replacing what was kept before).
inline void keepLog(const QString &name, const QByteArray &log)
{
    const QString dir = secretScanDir();
    if (dir.isEmpty() || log.isEmpty())
        return;
    QDir().mkpath(dir + QStringLiteral("/logs"));
    QFile f(dir + QStringLiteral("/logs/") + name + QStringLiteral(".log"));
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(log);
}

} // namespace credvault::test
