#pragma once

// Pkcs12: reads a PKCS#12 file (a staff certificate, its key and its chain) with
// OpenSSL's PKCS12_parse (DESIGN.md §3). Files written with OpenSSL 3's defaults
// (AES-256-CBC, PBKDF2, an HMAC-SHA256 MAC) are read as they are; for an old file in the
// legacy algorithms (RC2, 3DES) OpenSSL's legacy provider is loaded, once, into the
// process's default library context (the TLS settings, TLS 1.2+ with their own cipher
// lists, never pick those algorithms). The
// passphrase is checked on the MAC first, so a wrong one is told apart from a damaged
// file. The key comes out as PKCS#8 PEM in a SecureBuffer; nothing here writes a file.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QtCore/QByteArray>
#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QString>

namespace credvault::crypto {

struct Pkcs12Contents {
    SecureBuffer keyPem;        // PKCS#8 PEM, unencrypted: keep it in the SecureBuffer
    QByteArray certificateDer;  // the leaf
    QList<QByteArray> chainDer; // the CAs the file carries, as they come
    QString commonName;         // of the leaf's subject
    QString organizationalUnit; // of the leaf's subject (a staff certificate's role)
    QDateTime notBefore;        // UTC
    QDateTime notAfter;         // UTC
    bool clientAuth = false;    // the extended key usage allows TLS client authentication
};

/// Errors: InvalidInput "not_pkcs12" (not a PKCS#12 file), WrongKey "wrong_passphrase",
/// InvalidInput "no_certificate"/"no_key" (a file without them), Crypto otherwise.
Result<Pkcs12Contents> readPkcs12(QByteArrayView der, QByteArrayView passphrase);

} // namespace credvault::crypto
