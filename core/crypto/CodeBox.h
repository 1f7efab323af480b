#pragma once

// CodeBox: how an app hands an unlock code to the keyserver (DESIGN.md §3, Redeeming).
// The normalized 12-character code is sealed (HPKE base mode, AES-256-GCM, info
// "credvault/v1/redeem") to the keyserver's redemption key, with aad = account id
// (canonical UUID text) ‖ 0x00 ‖ the raw 32-byte session public key. A relay that swaps
// in its own session key breaks the aad; one that replays the box gets a session only
// the holder of the session private key can use. Wire form: enc (32) ‖ ciphertext.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"
#include "crypto/X25519.h"

#include <QtCore/QByteArray>
#include <QtCore/QUuid>

namespace credvault {

class CodeBox {
public:
    static QByteArray aad(const QUuid &account, const crypto::X25519PublicKey &sessionKey);
    static Result<QByteArray> seal(const crypto::X25519PublicKey &redeemKey, const QUuid &account,
                                   const crypto::X25519PublicKey &sessionKey, const SecureBuffer &normalizedCode);
    /// The normalized code inside, or: truncated, too_large, authentication_failed.
    static Result<SecureBuffer> open(const crypto::X25519PrivateKey &redeemKey, const QUuid &account,
                                     const crypto::X25519PublicKey &sessionKey, QByteArrayView box);
};

} // namespace credvault
