#pragma once

// What the fuzz targets share: fixed keys and ids (the seeds in corpus/ were made with
// the same ones by credvault-fuzz-seeds, so they still open), a reader that splits an
// input into parts, and a temporary folder for the process. Every target defines
// LLVMFuzzerTestOneInput: libFuzzer calls it in the fuzz build, ReplayMain.cpp in the
// replay tests. Nothing here is a secret: these keys exist only for the fuzzers.

#include "crypto/AuditSignature.h"
#include "crypto/X25519.h"

#include <QtCore/QByteArray>
#include <QtCore/QString>
#include <QtCore/QUuid>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace credvault::fuzz {

/// The account keypair entries are sealed to.
const crypto::X25519PrivateKey &accountKey();
/// The keyserver's redemption key (code boxes are sealed to it).
const crypto::X25519PrivateKey &redeemKey();
/// An app's session key (decapsulation boxes are sealed to it).
const crypto::X25519PrivateKey &sessionKey();
/// The keyserver's audit key (signs audit heads).
const AuditSigner &auditSigner();
/// Its PKCS#8 PEM, for a server's audit_key file.
QByteArray auditKeyPem();

QUuid accountId();
QUuid entryId();

/// A folder of this process, removed at exit (in /dev/shm when there is one: the
/// servers' databases sync every write).
QString tempDir();
/// A small deployment in tempDir(), made once: pki/ (DeploymentPki: root, ks (server),
/// vault (service), sam (staff, admin), sue (staff, support)), db.key, master.key,
/// redeem.pem, audit.pem, outbox/. Returns tempDir().
QString deployment();
/// A keyserver configuration's [database] and [keys] sections, naming deployment()'s files.
QByteArray keyserverFileSections();
/// A server configuration's [listener.NAME] section with deployment()'s server certificate;
/// with `clientCa` (services-ca, staff-ca), client certificates of that CA and its CRL.
QByteArray listenerSection(QByteArrayView name, QByteArrayView address, int port, QByteArrayView clientCa = {});
/// Writes `bytes` to `name` in tempDir() and returns the path.
QString writeTempFile(const QString &name, QByteArrayView bytes, bool ownerOnly = false);

/// Process-wide set-up: Qt's messages dropped (a fuzzer calls millions of times). The
/// secure heap is left off on purpose: SecureBuffers then come from the normal heap, where
/// AddressSanitizer sees every byte. Call first in every target; cheap after the first call.
void setUp();

/// A property the target checks that does not hold: names it on stderr and aborts, which
/// libFuzzer reports as a crash like any other.
void check(bool ok, const char *what);

/// Splits an input: bytes and lengths taken from the front, the rest at the end.
class Input {
public:
    Input(const std::uint8_t *data, std::size_t size) : m_data(reinterpret_cast<const char *>(data)), m_size(size) {}

    bool atEnd() const { return m_pos >= m_size; }
    std::uint8_t byte();
    /// Up to `n` bytes.
    QByteArrayView take(std::size_t n);
    /// Up to the next '\n' (excluded), or the rest.
    QByteArrayView line();
    /// A part whose length is the next byte.
    QByteArrayView shortPart() { return take(byte()); }
    QByteArrayView rest();

private:
    const char *m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
};

} // namespace credvault::fuzz
