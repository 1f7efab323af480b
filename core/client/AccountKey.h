#pragma once

// AccountKey: the public key an app seals to, checked before it is used (DESIGN.md §2,
// §5). The vault server's answer (which also makes the keypair on first use) must be the
// keyserver's own answer for the account, the key id must be the first 16 bytes of
// SHA-256 of the key, and the key must be the one pinned for the account in this app
// (KeyPins). A first use is reported as such — the app shows the masked unlock address
// and pins the key once the person agrees; a changed key is refused: the app warns and
// never seals to it silently.
//
// Errors (ApiError, httpStatus 0 unless a server refused): "key_mismatch" (vault server
// and keyserver disagree), "bad_key" (malformed or key id not the key's), "key_changed"
// (not the pinned key; details: pinned_key_id, key_id).

#include "client/ApiClient.h"
#include "crypto/EntryEnvelope.h"
#include "crypto/X25519.h"

#include <QtCore/QHash>
#include <QtCore/QUuid>

#include <optional>

namespace credvault::client {

class VaultApi;

struct CheckedKey {
    QUuid account;
    crypto::X25519PublicKey publicKey{};
    KeyId keyId{};
    QString unlockEmailMasked; // empty when the vault is write-only
    bool writeOnly = false;    // no unlock e-mail: entries can be written, not read
    bool firstUse = false;     // nothing was pinned for the account yet
};

/// The account → key id pins of one app and user, in an INI file of their own.
class KeyPins {
public:
    explicit KeyPins(QString file) : m_file(std::move(file)) {}
    std::optional<KeyId> pinned(const QUuid &account) const;
    /// Pins (or, after the person accepted a change, re-pins) the account's key.
    Result<void> pin(const QUuid &account, const KeyId &keyId);
    const QString &file() const { return m_file; }

private:
    QString m_file;
};

/// The pure part of the check: both answers and the pin in, the checked key or the error out.
Result<CheckedKey, ApiError> compareKeys(const QUuid &account, const QJsonObject &fromVault,
                                         const QJsonObject &fromKeyserver, const std::optional<KeyId> &pinned);

/// Asks the vault server (which makes the keypair if needed), then the keyserver's public
/// listener, and compares both with `pinned` (KeyPins::pinned; nullopt: a first use, or a
/// change the person is about to accept).
void checkAccountKey(VaultApi &vault, ApiClient &keyserver, const std::optional<KeyId> &pinned, const QUuid &account,
                     std::function<void(Result<CheckedKey, ApiError>)> done, QObject *context = nullptr);

} // namespace credvault::client
