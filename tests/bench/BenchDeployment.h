#pragma once

// Set-up shared by the benchmarks that run the real servers (`server`, `client`): an
// init-demo deployment with both servers started on loopback, and sealed entries written
// through the vault server's api the way the apps write them.

#include "crypto/SecureBuffer.h"
#include "crypto/X25519.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>
#include <QtCore/QUuid>

#include <functional>

namespace credvault::test {
class DemoDeployment;
}

namespace credvault::bench {

/// `credvault-cli init-demo` in `dir`/demo, `keyserverSections` appended to its
/// keyserver.conf, then the keyserver and the vault server started with their logs in
/// `dir`/keyserver.log and `dir`/vault.log. An error text, or empty.
QString startDemo(test::DemoDeployment &demo, const QString &dir, const QByteArray &keyserverSections = {});

/// Writes `count` entries of `account` through the vault server's api (`POST
/// /v1/entries`, signed in with `token`), entry i's plaintext `plaintextOf(i)` sealed to
/// `accountKey` by EntryEnvelope::seal as the apps seal it. `connections` keep-alive TLS
/// connections, each on a thread of its own that also seals, share the work: the server's
/// workers overlap, and the set-up of 10,000 entries takes seconds, not a minute.
/// `plaintextOf` is called on those threads. An error text, or empty.
QString writeSealedEntries(test::DemoDeployment &demo, const QByteArray &token, const QUuid &account,
                           const crypto::X25519PublicKey &accountKey, int count,
                           const std::function<SecureBuffer(int)> &plaintextOf, int connections = 4);

} // namespace credvault::bench
