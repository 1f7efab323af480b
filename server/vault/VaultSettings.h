#pragma once

// The vault server's own configuration sections (after [server], [database] and
// [listener.api], which ServiceConfig reads):
//
//   [keyserver]                       ; the keyserver's `services` listener
//   url = https://127.0.0.1:8444
//   ca = root-ca.pem                  ; trusts the keyserver's server certificate
//   certificate = vault-service.pem   ; the vault server's service certificate and chain
//   private_key = vault-service.key
//   timeout = 15s                     ; per call (connect, mail sending included)
//   [sign_in]
//   token_lifetime = 12h
//   max_failures = 5                  ; wrong passwords or TOTP codes in a row, then:
//   lockout = 15m

#include "common/Result.h"
#include "service/ServiceConfig.h"

#include <QtCore/QString>

namespace credvault::vault {

struct KeyserverEndpoint {
    QString url; // https://HOST:PORT, no trailing slash
    QString ca;
    QString certificate;
    QString privateKey;
    qint64 timeoutSeconds = 15;
};

struct VaultSettings {
    KeyserverEndpoint keyserver;
    qint64 tokenLifetime = 12 * 3600; // seconds
    int maxFailures = 5;
    qint64 lockout = 15 * 60; // seconds

    /// Reads the sections above; errors name the file, line and key.
    static Result<VaultSettings> read(const ServiceConfig &config);
    static QMap<QString, QStringList> sections();
};

} // namespace credvault::vault
