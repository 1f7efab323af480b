#pragma once

// Runs Debian's stock `sqlcipher` shell on a database, the key given on standard input
// (never on the command line), as an operator or an attacker with the key would.

#include "crypto/SecureBuffer.h"
#include "store/KeySource.h"
#include "support/Executables.h"

namespace credvault::test {

/// `key` empty: no PRAGMA key at all.
inline RunResult sqlcipherShell(const QString &db, const SecureBuffer &key, const QByteArray &sql)
{
    QByteArray input;
    if (!key.isEmpty()) {
        const SecureBuffer hex = store::hexKey(key);
        input = "PRAGMA key = \"x'" + hex.view().first(64).toByteArray() + "'\";\n";
    }
    input += sql;
    if (!input.endsWith('\n'))
        input += '\n';
    return run(QStringLiteral("sqlcipher"), {QStringLiteral("-batch"), db}, input);
}

} // namespace credvault::test
