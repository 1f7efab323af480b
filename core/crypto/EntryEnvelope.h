#pragma once

// EntryEnvelope: a sealed entry, byte for byte as DESIGN.md §3 defines version 1:
//
//     0x01 ‖ key_id (16) ‖ enc (32) ‖ AEAD ciphertext with tag
//
// HPKE base mode, AES-256-GCM, info "credvault/v1/entry", aad "credvault/v1" ‖ 0x00 ‖
// account id ‖ 0x00 ‖ entry id (canonical lower-case UUID text), so an envelope moved to
// another entry or account does not open. key_id is the first 16 bytes of SHA-256 of the
// account's raw public key. The plaintext (the entry's JSON) is padded ISO/IEC 7816-4
// style (0x80, then zeros) to a multiple of 256 bytes so sizes reveal little.
//
// Opening works with the account's private key (offline: credvault-cli open) or with the
// shared secret the keyserver decapsulated (the apps).

#include "common/Result.h"
#include "crypto/SecureBuffer.h"
#include "crypto/X25519.h"

#include <QtCore/QByteArray>
#include <QtCore/QUuid>

#include <array>

namespace credvault {

using KeyId = std::array<unsigned char, 16>;

/// First 16 bytes of SHA-256 of the raw public key.
KeyId keyIdOf(const crypto::X25519PublicKey &publicKey);
QString keyIdHex(const KeyId &id);

/// Canonical UUID text: lower case, no braces ("0f8fad5b-d9cb-469f-a165-70867728950e").
QByteArray canonicalUuid(const QUuid &id);

class EntryEnvelope {
public:
    static constexpr unsigned char kVersion1 = 0x01;
    static constexpr std::size_t kKeyIdSize = 16;
    static constexpr std::size_t kHeaderSize = 1 + kKeyIdSize + 32;
    static constexpr std::size_t kPadBlock = 256;
    static constexpr std::size_t kMaxSize = 64 * 1024;
    /// The smallest valid envelope: header, one padded block, tag.
    static constexpr std::size_t kMinSize = kHeaderSize + kPadBlock + 16;

    struct Parts {
        unsigned char version = 0;
        KeyId keyId{};
        crypto::X25519PublicKey enc{};
        QByteArrayView ciphertext; // points into the parsed bytes
    };

    /// Splits an envelope into its parts, checking version and sizes. Error codes:
    /// truncated, too_large, wrong_version, bad_length.
    static Result<Parts> parse(QByteArrayView envelope);

    static QByteArray aad(const QUuid &account, const QUuid &entry);

    /// Seals the entry's plaintext JSON to the account's public key.
    static Result<QByteArray> seal(const crypto::X25519PublicKey &accountKey, const QUuid &account, const QUuid &entry,
                                   QByteArrayView plaintext);
    /// Opens with the account's private key. Error codes: the parse ones, wrong_key_id,
    /// authentication_failed (moved, tampered), bad_padding.
    static Result<SecureBuffer> open(const crypto::X25519PrivateKey &accountKey, const QUuid &account,
                                     const QUuid &entry, QByteArrayView envelope);
    /// Opens with the KEM shared secret for this envelope's enc, decapsulated by the
    /// keyserver; `expectedKeyId` is the account key the app has pinned.
    static Result<SecureBuffer> openWithSharedSecret(QByteArrayView sharedSecret, const KeyId &expectedKeyId,
                                                     const QUuid &account, const QUuid &entry, QByteArrayView envelope);

    /// ISO/IEC 7816-4 padding to a multiple of kPadBlock, and its removal.
    static SecureBuffer pad(QByteArrayView plaintext);
    static Result<std::size_t> unpaddedSize(const SecureBuffer &padded);
};

} // namespace credvault
