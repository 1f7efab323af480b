// Fuzz target: PEM key import. The input is read as each kind of PEM key file CredVault
// loads: an X25519 private key (KeyFile: credvault-cli, the keyserver's redemption key),
// an X25519 public key (KeyFile), and an Ed25519 private key (AuditSigner: the keyserver's
// audit key). A key that loads writes back to PEM that loads to the same key.

#include "FuzzSupport.h"

#include "crypto/AuditSignature.h"
#include "crypto/KeyFile.h"

using namespace credvault;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::setUp();
    const QByteArrayView pem(reinterpret_cast<const char *>(data), qsizetype(size));

    if (const Result<crypto::X25519PrivateKey> key = KeyFile::parsePrivatePem(pem); key) {
        const SecureBuffer out = KeyFile::privatePem(*key);
        const Result<crypto::X25519PrivateKey> again = KeyFile::parsePrivatePem(out.view());
        fuzz::check(again && again->publicKey() == key->publicKey(), "a private key round-trips");
    }
    if (const Result<crypto::X25519PublicKey> key = KeyFile::parsePublicPem(pem); key) {
        const Result<crypto::X25519PublicKey> again = KeyFile::parsePublicPem(KeyFile::publicPem(*key));
        fuzz::check(again && *again == *key, "a public key round-trips");
    }
    if (const Result<AuditSigner> signer = AuditSigner::fromPem(pem); signer) {
        const SecureBuffer out = signer->privatePem();
        const Result<AuditSigner> again = AuditSigner::fromPem(out.view());
        fuzz::check(again && again->publicKey() == signer->publicKey(), "an audit key round-trips");
        const QByteArray hash(32, '\x5a');
        const Result<QByteArray> sig = signer->signHead(7, hash);
        fuzz::check(sig && verifyAuditHead(signer->publicKey(), 7, hash, *sig), "an audit key signs");
    }
    return 0;
}
