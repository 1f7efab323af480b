#pragma once

// KeyserverClient: the vault server's calls to the keyserver's `services` listener
// (DESIGN.md §5) over mutual TLS — its service certificate on one side, the deployment
// CA pinned on the other. Blocking (libcurl), so callers run it on the worker pool or in
// the command-line tool; one call per request, with the configured timeout.

#include "vault/VaultSettings.h"

#include "common/Result.h"

#include <QtCore/QByteArray>
#include <QtCore/QJsonObject>

namespace credvault::vault {

struct KeyserverReply {
    int status = 0;
    QByteArray body;

    /// The body as a JSON object (empty when it is not one).
    QJsonObject json() const;
};

class KeyserverClient {
public:
    explicit KeyserverClient(KeyserverEndpoint endpoint);

    /// `path` starts with /v1/. Errors: Network `keyserver_unavailable` when the
    /// keyserver cannot be reached, refuses the TLS handshake or does not answer in time.
    Result<KeyserverReply> call(const QByteArray &method, const QString &path, const QByteArray &jsonBody = {}) const;

    const KeyserverEndpoint &endpoint() const { return m_endpoint; }

private:
    KeyserverEndpoint m_endpoint;
};

} // namespace credvault::vault
