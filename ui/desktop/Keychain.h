#pragma once

// The desktop keychain through QtKeychain (the Secret Service on Linux: gnome-keyring,
// KWallet): read, write and delete one secret, each call blocking in a local event loop
// until the keychain answers. Errors: code `missing` (no such entry), `keychain` (the
// keychain is unavailable or refuses).

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QtCore/QString>

namespace credvault::ui {

Result<SecureBuffer> keychainRead(const QString &service, const QString &key);
Result<void> keychainWrite(const QString &service, const QString &key, QByteArrayView secret);
/// Deleting what is not there is not an error.
Result<void> keychainDelete(const QString &service, const QString &key);

} // namespace credvault::ui
