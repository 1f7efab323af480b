#pragma once

// X25519 key files in the formats the openssl CLI reads and writes: private keys as
// PKCS#8 PEM ("BEGIN PRIVATE KEY", as `openssl genpkey -algorithm X25519` writes), public
// keys as SPKI PEM ("BEGIN PUBLIC KEY", as `openssl pkey -pubout` writes). Encrypted PEM
// is refused (never prompts on a terminal). Private key files are written 0600.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"
#include "crypto/X25519.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>

namespace credvault {

class KeyFile {
public:
    static Result<crypto::X25519PrivateKey> parsePrivatePem(QByteArrayView pem);
    static Result<crypto::X25519PublicKey> parsePublicPem(QByteArrayView pem);
    static SecureBuffer privatePem(const crypto::X25519PrivateKey &key);
    static QByteArray publicPem(const crypto::X25519PublicKey &key);

    static Result<crypto::X25519PrivateKey> loadPrivate(const QString &path);
    static Result<crypto::X25519PublicKey> loadPublic(const QString &path);
    static Result<void> savePrivate(const QString &path, const crypto::X25519PrivateKey &key);
    static Result<void> savePublic(const QString &path, const crypto::X25519PublicKey &key);
};

} // namespace credvault
