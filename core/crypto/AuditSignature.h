#pragma once

// AuditSignature: the keyserver signs the head of its audit log (row count and last
// hash) with its Ed25519 audit key in every audit answer; the apps check it against the
// public half pinned in client.conf and remember the last head they saw (DESIGN.md §3).
// Signed bytes: "credvault/v1/audit-head" ‖ 0x00 ‖ count (u64 big-endian) ‖ hash (32).

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QtCore/QByteArray>

#include <array>

typedef struct evp_pkey_st EVP_PKEY;

namespace credvault {

using AuditKeyPublic = std::array<unsigned char, 32>;

QByteArray auditHeadMessage(qint64 count, QByteArrayView hash);

class AuditSigner {
public:
    AuditSigner() = default;
    AuditSigner(AuditSigner &&other) noexcept;
    AuditSigner &operator=(AuditSigner &&other) noexcept;
    AuditSigner(const AuditSigner &) = delete;
    AuditSigner &operator=(const AuditSigner &) = delete;
    ~AuditSigner();

    static AuditSigner generate();
    /// An Ed25519 private key as PKCS#8 PEM (as `openssl genpkey -algorithm ED25519` writes).
    static Result<AuditSigner> fromPem(QByteArrayView pem);
    SecureBuffer privatePem() const;
    const AuditKeyPublic &publicKey() const { return m_public; }

    /// 64-byte Ed25519 signature of auditHeadMessage(count, hash).
    Result<QByteArray> signHead(qint64 count, QByteArrayView hash) const;

private:
    EVP_PKEY *m_key = nullptr;
    AuditKeyPublic m_public{};
};

/// Checks a head's signature with the pinned public key.
bool verifyAuditHead(const AuditKeyPublic &publicKey, qint64 count, QByteArrayView hash, QByteArrayView signature);

} // namespace credvault
