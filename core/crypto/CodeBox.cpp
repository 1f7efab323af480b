#include "crypto/CodeBox.h"

#include "crypto/EntryEnvelope.h"
#include "crypto/Hpke.h"
#include "crypto/Primitives.h"

using namespace Qt::Literals::StringLiterals;

namespace credvault {

namespace {
constexpr char kInfo[] = "credvault/v1/redeem";
constexpr qsizetype kMaxBox = 256; // enc + a 12-byte code + tag is 60 bytes
} // namespace

QByteArray CodeBox::aad(const QUuid &account, const crypto::X25519PublicKey &sessionKey)
{
    QByteArray a = canonicalUuid(account);
    a.append('\0');
    a.append(crypto::bytesView(sessionKey));
    return a;
}

Result<QByteArray> CodeBox::seal(const crypto::X25519PublicKey &redeemKey, const QUuid &account,
                                 const crypto::X25519PublicKey &sessionKey, const SecureBuffer &normalizedCode)
{
    return hpke::sealBaseBox(hpke::Aead::Aes256Gcm, redeemKey, QByteArrayView(kInfo), aad(account, sessionKey),
                             normalizedCode.view());
}

Result<SecureBuffer> CodeBox::open(const crypto::X25519PrivateKey &redeemKey, const QUuid &account,
                                   const crypto::X25519PublicKey &sessionKey, QByteArrayView box)
{
    if (box.size() < qsizetype(hpke::kEncSize + hpke::kTagSize))
        return fail(ErrorKind::InvalidInput, u"the code box is truncated"_s, u"truncated"_s);
    if (box.size() > kMaxBox)
        return fail(ErrorKind::InvalidInput, u"the code box is too large"_s, u"too_large"_s);
    Result<SecureBuffer> code =
        hpke::openBaseBox(hpke::Aead::Aes256Gcm, redeemKey, QByteArrayView(kInfo), aad(account, sessionKey), box);
    if (!code)
        return fail(ErrorKind::Crypto,
                    u"the code box does not open: it was made for another account or session key, or altered"_s,
                    u"authentication_failed"_s);
    return std::move(code).value();
}

} // namespace credvault
