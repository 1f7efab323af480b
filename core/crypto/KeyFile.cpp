#include "crypto/KeyFile.h"

#include "common/Files.h"
#include "crypto/Primitives.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace credvault {

namespace {

struct BioDeleter {
    void operator()(BIO *b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

struct PkeyDeleter {
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
};

// A passphrase callback that never prompts: encrypted PEM simply fails to load.
int noPassphrase(char *, int, int, void *)
{
    return 0;
}

BioPtr readBio(QByteArrayView pem)
{
    return BioPtr(BIO_new_mem_buf(pem.data(), int(pem.size())));
}

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(n));
}

} // namespace

Result<crypto::X25519PrivateKey> KeyFile::parsePrivatePem(QByteArrayView pem)
{
    if (pem.contains("ENCRYPTED"))
        return fail(ErrorKind::InvalidInput, u"the private key is encrypted; give an unencrypted PKCS#8 PEM file"_s,
                    u"encrypted_key"_s);
    BioPtr bio = readBio(pem);
    EVP_PKEY *pkey =
        bio ? PEM_read_bio_PrivateKey_ex(bio.get(), nullptr, noPassphrase, nullptr, nullptr, nullptr) : nullptr;
    if (!pkey)
        return fail(ErrorKind::InvalidInput, u"not a PEM private key (%1)"_s.arg(crypto::takeOpenSslError()),
                    u"bad_pem"_s);
    if (EVP_PKEY_get_base_id(pkey) != EVP_PKEY_X25519) {
        EVP_PKEY_free(pkey);
        return fail(ErrorKind::InvalidInput, u"the private key is not an X25519 key"_s, u"wrong_key_type"_s);
    }
    return crypto::X25519PrivateKey::fromEvp(pkey);
}

Result<crypto::X25519PublicKey> KeyFile::parsePublicPem(QByteArrayView pem)
{
    BioPtr bio = readBio(pem);
    std::unique_ptr<EVP_PKEY, PkeyDeleter> pkey(
        bio ? PEM_read_bio_PUBKEY_ex(bio.get(), nullptr, noPassphrase, nullptr, nullptr, nullptr) : nullptr);
    if (!pkey)
        return fail(ErrorKind::InvalidInput, u"not a PEM public key (%1)"_s.arg(crypto::takeOpenSslError()),
                    u"bad_pem"_s);
    if (EVP_PKEY_get_base_id(pkey.get()) != EVP_PKEY_X25519)
        return fail(ErrorKind::InvalidInput, u"the public key is not an X25519 key"_s, u"wrong_key_type"_s);
    crypto::X25519PublicKey out{};
    std::size_t len = out.size();
    if (EVP_PKEY_get_raw_public_key(pkey.get(), out.data(), &len) != 1 || len != out.size())
        return fail(ErrorKind::InvalidInput, u"cannot read the X25519 public key"_s, u"bad_pem"_s);
    return out;
}

SecureBuffer KeyFile::privatePem(const crypto::X25519PrivateKey &key)
{
    // A secure-memory BIO: the PEM text holds the key.
    BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key.evp(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return SecureBuffer::copyOf(QByteArrayView(data, qsizetype(n)));
}

QByteArray KeyFile::publicPem(const crypto::X25519PublicKey &key)
{
    std::unique_ptr<EVP_PKEY, PkeyDeleter> pkey(
        EVP_PKEY_new_raw_public_key_ex(nullptr, "X25519", nullptr, key.data(), key.size()));
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!pkey || !bio || PEM_write_bio_PUBKEY(bio.get(), pkey.get()) != 1)
        return {};
    return drain(bio.get());
}

Result<crypto::X25519PrivateKey> KeyFile::loadPrivate(const QString &path)
{
    Result<SecureBuffer> pem = readSecretFile(path);
    if (!pem)
        return fail(pem.error());
    Result<crypto::X25519PrivateKey> key = parsePrivatePem(pem->view());
    if (!key)
        return fail(key.error().kind, path + u": "_s + key.error().message, key.error().code);
    return key;
}

Result<crypto::X25519PublicKey> KeyFile::loadPublic(const QString &path)
{
    Result<QByteArray> pem = readSmallFile(path, 64 * 1024);
    if (!pem)
        return fail(pem.error());
    Result<crypto::X25519PublicKey> key = parsePublicPem(*pem);
    if (!key)
        return fail(key.error().kind, path + u": "_s + key.error().message, key.error().code);
    return key;
}

Result<void> KeyFile::savePrivate(const QString &path, const crypto::X25519PrivateKey &key)
{
    const SecureBuffer pem = privatePem(key);
    if (pem.isEmpty())
        return fail(ErrorKind::Crypto, u"cannot encode the private key: %1"_s.arg(crypto::takeOpenSslError()));
    return writeFileAtomically(path, pem.view(), kOwnerOnly);
}

Result<void> KeyFile::savePublic(const QString &path, const crypto::X25519PublicKey &key)
{
    const QByteArray pem = publicPem(key);
    if (pem.isEmpty())
        return fail(ErrorKind::Crypto, u"cannot encode the public key: %1"_s.arg(crypto::takeOpenSslError()));
    return writeFileAtomically(path, pem, kWorldReadable);
}

} // namespace credvault
