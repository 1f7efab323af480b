#pragma once

// TokenStore: "Remember me" — the vault server's sign-in token kept in the desktop
// keychain (never in a file), one per vault server address and sign-in name, and the
// last sign-in name (not a secret) in the app's settings. Forgetting deletes both the
// keychain entry and the name.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QtCore/QString>
#include <QtCore/QUrl>

namespace credvault::ui {

class TokenStore {
public:
    /// `service`: the keychain service name (one per app).
    TokenStore(QString service, QUrl vault) : m_service(std::move(service)), m_vault(std::move(vault)) {}

    Result<void> remember(const QString &username, const QByteArray &token) const;
    /// The token of the last remembered sign-in, with its name; error `missing` when none.
    Result<std::pair<QString, SecureBuffer>> recall() const;
    Result<void> forget() const;

private:
    QString keyFor(const QString &username) const;
    QString m_service;
    QUrl m_vault;
};

} // namespace credvault::ui
