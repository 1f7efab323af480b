#pragma once

// KeychainKeySource: a 256-bit key kept in the desktop's keychain through QtKeychain
// (the Secret Service on Linux: gnome-keyring, KWallet). For the desktop apps' local
// database key; the sign-in token uses the same keychain. Calls block in a local event
// loop until the keychain answers.

#include "store/KeySource.h"

#include <QtCore/QString>

namespace credvault::ui {

class KeychainKeySource final : public store::KeySource {
public:
    KeychainKeySource(QString service, QString account) : m_service(std::move(service)), m_account(std::move(account))
    {}

    /// Error code `key_missing` when the keychain has no such entry; `keychain` when the
    /// keychain itself is unavailable or refuses.
    Result<SecureBuffer> load() const override;
    QString describe() const override;

    Result<void> store(const SecureBuffer &key) const;
    Result<void> remove() const;
    /// The key if there is one, otherwise a new one, stored first.
    Result<SecureBuffer> loadOrCreate() const;

private:
    QString m_service;
    QString m_account;
};

} // namespace credvault::ui
