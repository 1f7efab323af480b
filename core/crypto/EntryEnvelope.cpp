#include "crypto/EntryEnvelope.h"

#include "crypto/Hpke.h"
#include "crypto/Primitives.h"

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace credvault {

namespace {

constexpr char kInfo[] = "credvault/v1/entry";

const hpke::ScheduleInput &entrySchedule()
{
    // info is constant: its part of the key schedule is computed once per process.
    static const hpke::ScheduleInput in =
        hpke::ScheduleInput::make(hpke::Aead::Aes256Gcm, hpke::Mode::Base, QByteArrayView(kInfo)).value();
    return in;
}

Result<SecureBuffer> openParts(QByteArrayView sharedSecret, const EntryEnvelope::Parts &parts, const QUuid &account,
                               const QUuid &entry)
{
    Result<hpke::Context> ctx = hpke::keySchedule(entrySchedule(), sharedSecret);
    if (!ctx)
        return fail(ctx.error());
    Result<SecureBuffer> padded = ctx->open(EntryEnvelope::aad(account, entry), parts.ciphertext);
    if (!padded)
        return fail(ErrorKind::Crypto,
                    u"the envelope does not open: it belongs to another entry or account, or was altered"_s,
                    u"authentication_failed"_s);
    Result<std::size_t> size = EntryEnvelope::unpaddedSize(*padded);
    if (!size)
        return fail(size.error());
    padded->truncate(*size);
    return std::move(padded).value();
}

} // namespace

KeyId keyIdOf(const crypto::X25519PublicKey &publicKey)
{
    const crypto::Digest d = crypto::sha256({crypto::bytesView(publicKey)});
    KeyId id{};
    std::memcpy(id.data(), d.data(), id.size());
    return id;
}

QString keyIdHex(const KeyId &id)
{
    return QString::fromLatin1(crypto::bytesView(id).toByteArray().toHex());
}

QByteArray canonicalUuid(const QUuid &id)
{
    return id.toByteArray(QUuid::WithoutBraces).toLower();
}

QByteArray EntryEnvelope::aad(const QUuid &account, const QUuid &entry)
{
    QByteArray a("credvault/v1");
    a.append('\0');
    a.append(canonicalUuid(account));
    a.append('\0');
    a.append(canonicalUuid(entry));
    return a;
}

SecureBuffer EntryEnvelope::pad(QByteArrayView plaintext)
{
    const std::size_t n = std::size_t(plaintext.size());
    const std::size_t padded = (n / kPadBlock + 1) * kPadBlock; // always room for 0x80
    SecureBuffer out(padded);
    if (n > 0)
        std::memcpy(out.data(), plaintext.data(), n);
    out.data()[n] = 0x80;
    return out;
}

Result<std::size_t> EntryEnvelope::unpaddedSize(const SecureBuffer &padded)
{
    if (padded.isEmpty() || padded.size() % kPadBlock != 0)
        return fail(ErrorKind::Crypto, u"the padded plaintext has a wrong length"_s, u"bad_padding"_s);
    std::size_t i = padded.size();
    while (i > 0 && padded.data()[i - 1] == 0x00)
        --i;
    if (i == 0 || padded.data()[i - 1] != 0x80 || padded.size() - (i - 1) > kPadBlock)
        return fail(ErrorKind::Crypto, u"the plaintext is not padded as version 1 requires"_s, u"bad_padding"_s);
    return i - 1;
}

Result<EntryEnvelope::Parts> EntryEnvelope::parse(QByteArrayView envelope)
{
    const auto size = std::size_t(envelope.size());
    if (size == 0)
        return fail(ErrorKind::InvalidInput, u"the envelope is empty"_s, u"truncated"_s);
    const auto version = static_cast<unsigned char>(envelope.at(0));
    if (version != kVersion1)
        return fail(ErrorKind::InvalidInput, u"envelope version %1 is not supported (this is version 1)"_s.arg(version),
                    u"wrong_version"_s);
    if (size > kMaxSize)
        return fail(ErrorKind::InvalidInput, u"the envelope is larger than 64 KiB"_s, u"too_large"_s);
    if (size < kMinSize)
        return fail(ErrorKind::InvalidInput,
                    u"the envelope is truncated (%1 bytes, at least %2 needed)"_s.arg(size).arg(kMinSize),
                    u"truncated"_s);
    if ((size - kHeaderSize - 16) % kPadBlock != 0)
        return fail(ErrorKind::InvalidInput, u"the envelope's length is not header + 256·n + tag"_s, u"bad_length"_s);
    Parts p;
    p.version = version;
    std::memcpy(p.keyId.data(), envelope.data() + 1, kKeyIdSize);
    std::memcpy(p.enc.data(), envelope.data() + 1 + kKeyIdSize, p.enc.size());
    p.ciphertext = envelope.sliced(qsizetype(kHeaderSize));
    return p;
}

Result<QByteArray> EntryEnvelope::seal(const crypto::X25519PublicKey &accountKey, const QUuid &account,
                                       const QUuid &entry, QByteArrayView plaintext)
{
    if (account.isNull() || entry.isNull())
        return fail(ErrorKind::InvalidInput, u"account and entry ids must not be null"_s);
    const SecureBuffer padded = pad(plaintext);
    if (kHeaderSize + padded.size() + hpke::kTagSize > kMaxSize)
        return fail(ErrorKind::InvalidInput, u"the entry is too large to seal (an envelope is at most 64 KiB)"_s,
                    u"too_large"_s);
    Result<hpke::Encapsulation> e = hpke::encap(accountKey);
    if (!e)
        return fail(e.error());
    Result<hpke::Context> ctx = hpke::keySchedule(entrySchedule(), e->sharedSecret.view());
    if (!ctx)
        return fail(ctx.error());
    Result<QByteArray> ct = ctx->seal(aad(account, entry), padded.view());
    if (!ct)
        return fail(ct.error());
    const KeyId id = keyIdOf(accountKey);
    QByteArray out;
    out.reserve(qsizetype(kHeaderSize) + ct->size());
    out.append(char(kVersion1));
    out.append(crypto::bytesView(id));
    out.append(crypto::bytesView(e->enc));
    out.append(*ct);
    return out;
}

Result<SecureBuffer> EntryEnvelope::open(const crypto::X25519PrivateKey &accountKey, const QUuid &account,
                                         const QUuid &entry, QByteArrayView envelope)
{
    Result<Parts> parts = parse(envelope);
    if (!parts)
        return fail(parts.error());
    const KeyId mine = keyIdOf(accountKey.publicKey());
    if (parts->keyId != mine)
        return fail(
            ErrorKind::WrongKey,
            u"the envelope was sealed to key %1, not to this key (%2)"_s.arg(keyIdHex(parts->keyId), keyIdHex(mine)),
            u"wrong_key_id"_s);
    Result<SecureBuffer> ss = hpke::decap(parts->enc, accountKey);
    if (!ss)
        return fail(ss.error());
    return openParts(ss->view(), *parts, account, entry);
}

Result<SecureBuffer> EntryEnvelope::openWithSharedSecret(QByteArrayView sharedSecret, const KeyId &expectedKeyId,
                                                         const QUuid &account, const QUuid &entry,
                                                         QByteArrayView envelope)
{
    Result<Parts> parts = parse(envelope);
    if (!parts)
        return fail(parts.error());
    if (parts->keyId != expectedKeyId)
        return fail(ErrorKind::WrongKey,
                    u"the envelope was sealed to key %1, not to the account's key %2"_s.arg(keyIdHex(parts->keyId),
                                                                                            keyIdHex(expectedKeyId)),
                    u"wrong_key_id"_s);
    return openParts(sharedSecret, *parts, account, entry);
}

} // namespace credvault
