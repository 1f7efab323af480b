#pragma once

// MasterKey: what the keyserver wraps every account's private key under (DESIGN.md §3,
// Keys at rest). An interface, so a PKCS#11 token can take the place of the software
// key; SoftwareMasterKey holds 256 bits from a key file (0600) or the environment.
//
// Wrapped form: 0x01 ‖ nonce (12) ‖ AES-256-GCM ciphertext ‖ tag (16), with aad =
// account id (canonical UUID text) ‖ key id (16 bytes), so a wrapped key moved to another
// account or key id does not unwrap. The master key's id (first 16 bytes of
// HMAC-SHA256(master key, "credvault master key id")) is stored next to each wrapped key,
// so a rotation can tell which keys are done. The unlock codes' pepper derives from it.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"
#include "store/KeySource.h"
#include "store/keyserver/KeyserverStore.h"

#include <QtCore/QByteArray>
#include <QtCore/QUuid>

#include <memory>

namespace credvault::keyserver {

class MasterKey {
public:
    virtual ~MasterKey();
    /// 16 bytes that name this master key (not secret).
    virtual QByteArray id() const = 0;
    virtual Result<QByteArray> wrap(const SecureBuffer &secret, const QUuid &account,
                                    const QByteArray &keyId) const = 0;
    /// Error code `unwrap_failed` for a wrong master key, account or key id, or altered bytes.
    virtual Result<SecureBuffer> unwrap(QByteArrayView wrapped, const QUuid &account,
                                        const QByteArray &keyId) const = 0;
    /// HKDF(master key, "credvault code pepper"): the key of the codes' stored HMACs.
    virtual SecureBuffer codePepper() const = 0;
};

class SoftwareMasterKey final : public MasterKey {
public:
    static Result<std::unique_ptr<SoftwareMasterKey>> load(const store::KeySource &source);
    explicit SoftwareMasterKey(SecureBuffer key);

    QByteArray id() const override { return m_id; }
    Result<QByteArray> wrap(const SecureBuffer &secret, const QUuid &account, const QByteArray &keyId) const override;
    Result<SecureBuffer> unwrap(QByteArrayView wrapped, const QUuid &account, const QByteArray &keyId) const override;
    SecureBuffer codePepper() const override;

private:
    SecureBuffer m_key;
    QByteArray m_id;
};

/// Rewraps every account key from `from` to `to` in one transaction of `store` (live codes
/// are voided: their HMAC key derives from the master key). Returns how many keys moved.
/// Keys already under `to` (a rotation interrupted after its commit) are kept as they are.
Result<qsizetype> rotateMasterKey(store::KeyserverStore &store, const MasterKey &from, const MasterKey &to,
                                  const QString &actor);

} // namespace credvault::keyserver
