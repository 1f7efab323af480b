#include "crypto/DecapBox.h"

#include "crypto/Hpke.h"
#include "crypto/Primitives.h"

using namespace Qt::Literals::StringLiterals;

namespace credvault {

namespace {
constexpr char kInfo[] = "credvault/v1/decap";
}

QByteArray DecapBox::aad(QByteArrayView concatenatedEncs)
{
    return crypto::bytesView(crypto::sha256({concatenatedEncs})).toByteArray();
}

Result<std::size_t> DecapBox::countEncs(QByteArrayView concatenatedEncs)
{
    const auto size = std::size_t(concatenatedEncs.size());
    if (size == 0)
        return fail(ErrorKind::InvalidInput, u"no encs given"_s, u"empty"_s);
    if (size % hpke::kEncSize != 0)
        return fail(ErrorKind::InvalidInput, u"encs must be 32 bytes each"_s, u"bad_length"_s);
    const std::size_t n = size / hpke::kEncSize;
    if (n > kMaxEncs)
        return fail(ErrorKind::InvalidInput, u"at most %1 encs per request, not %2"_s.arg(kMaxEncs).arg(n),
                    u"too_many"_s);
    return n;
}

void DecapBox::decapsulateRange(crypto::X25519Deriver &deriver, const crypto::X25519PublicKey &accountPublic,
                                QByteArrayView concatenatedEncs, std::size_t from, std::size_t to, unsigned char *out,
                                QList<int> &failed)
{
    const auto *encs = reinterpret_cast<const unsigned char *>(concatenatedEncs.data());
    for (std::size_t i = from; i < to; ++i) {
        if (!hpke::decapInto(deriver, accountPublic, encs + i * hpke::kEncSize, out + (i - from) * hpke::kSecretSize))
            failed.append(int(i));
    }
}

void DecapBox::decapsulateIndices(crypto::X25519Deriver &deriver, const crypto::X25519PublicKey &accountPublic,
                                  QByteArrayView concatenatedEncs, std::span<const std::uint32_t> indices,
                                  unsigned char *out, QList<int> &failed)
{
    const auto *encs = reinterpret_cast<const unsigned char *>(concatenatedEncs.data());
    for (const std::uint32_t i : indices) {
        if (!hpke::decapInto(deriver, accountPublic, encs + std::size_t(i) * hpke::kEncSize,
                             out + std::size_t(i) * hpke::kSecretSize))
            failed.append(int(i));
    }
}

Result<DecapBox::Batch> DecapBox::decapsulate(const crypto::X25519PrivateKey &account, QByteArrayView concatenatedEncs)
{
    Result<std::size_t> n = countEncs(concatenatedEncs);
    if (!n)
        return fail(n.error());
    crypto::X25519Deriver deriver(account);
    if (!deriver.isValid())
        return fail(ErrorKind::Crypto, u"cannot set up X25519"_s);
    Batch b;
    b.secrets = SecureBuffer(*n * hpke::kSecretSize);
    decapsulateRange(deriver, account.publicKey(), concatenatedEncs, 0, *n, b.secrets.data(), b.failed);
    return b;
}

Result<QByteArray> DecapBox::seal(const crypto::X25519PublicKey &sessionKey, QByteArrayView concatenatedEncs,
                                  const SecureBuffer &secrets)
{
    Result<std::size_t> n = countEncs(concatenatedEncs);
    if (!n)
        return fail(n.error());
    if (secrets.size() != *n * hpke::kSecretSize)
        return fail(ErrorKind::InvalidInput, u"one 32-byte secret per enc is needed"_s, u"bad_length"_s);
    return hpke::sealBaseBox(hpke::Aead::Aes256Gcm, sessionKey, QByteArrayView(kInfo), aad(concatenatedEncs),
                             secrets.view());
}

Result<SecureBuffer> DecapBox::open(const crypto::X25519PrivateKey &sessionKey, QByteArrayView concatenatedEncs,
                                    QByteArrayView box)
{
    Result<std::size_t> n = countEncs(concatenatedEncs);
    if (!n)
        return fail(n.error());
    const std::size_t expected = hpke::kEncSize + *n * hpke::kSecretSize + hpke::kTagSize;
    if (std::size_t(box.size()) < expected)
        return fail(ErrorKind::InvalidInput, u"the decapsulation box is truncated"_s, u"truncated"_s);
    if (std::size_t(box.size()) != expected)
        return fail(ErrorKind::InvalidInput, u"the decapsulation box does not hold one secret per enc"_s,
                    u"bad_length"_s);
    Result<SecureBuffer> secrets =
        hpke::openBaseBox(hpke::Aead::Aes256Gcm, sessionKey, QByteArrayView(kInfo), aad(concatenatedEncs), box);
    if (!secrets)
        return fail(ErrorKind::Crypto,
                    u"the decapsulation box does not open: it answers another request or session, or was altered"_s,
                    u"authentication_failed"_s);
    return std::move(secrets).value();
}

} // namespace credvault
