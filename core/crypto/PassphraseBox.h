#pragma once

// PassphraseBox: a secret sealed under a passphrase, as a small text file an operator
// can keep offline or print (the master key backup of DESIGN.md §3):
//
//     credvault-backup v1 KIND
//     id: TEXT                        (what the secret is, e.g. the master key's id)
//     argon2id: m=65536,t=3,p=1
//     salt: BASE64URL (16 bytes)
//     sealed: BASE64URL (AES-256-GCM box: nonce ‖ ciphertext ‖ tag)
//
// The key is Argon2id(passphrase, salt) with the parameters written in the file (at
// least those above); the aad is every byte before "sealed:", so no line can be altered.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QtCore/QByteArray>

namespace credvault::crypto {

struct PassphraseBoxContent {
    QByteArray kind;
    QByteArray id;
    SecureBuffer secret;
};

class PassphraseBox {
public:
    static constexpr qsizetype kMinPassphrase = 12;

    /// Error `weak_passphrase` for a passphrase under kMinPassphrase bytes.
    static Result<QByteArray> seal(QByteArrayView secret, QByteArrayView passphrase, const QByteArray &kind,
                                   const QByteArray &id);
    /// Error `not_a_backup` for anything malformed (or of another kind), `wrong_passphrase`
    /// when the passphrase is wrong or a byte was altered.
    static Result<PassphraseBoxContent> open(QByteArrayView text, QByteArrayView passphrase, const QByteArray &kind);
};

} // namespace credvault::crypto
