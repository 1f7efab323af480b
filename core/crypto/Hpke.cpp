#include "crypto/Hpke.h"

#include "crypto/Primitives.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cstring>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace credvault::hpke {

using crypto::algorithms;
using crypto::bytesView;
using crypto::hmacSha256;

namespace {

constexpr char kVersionLabel[] = "HPKE-v1";
// "KEM" ‖ I2OSP(kem_id, 2)
constexpr char kKemSuiteId[] = {'K', 'E', 'M', 0x00, 0x20};

QByteArray hpkeSuiteId(Aead aead)
{
    const auto a = std::uint16_t(aead);
    const char id[] = {'H', 'P', 'K', 'E', 0x00, 0x20, 0x00, 0x01, char(a >> 8), char(a & 0xff)};
    return QByteArray(id, sizeof id);
}

QByteArrayView kemSuite()
{
    return QByteArrayView(kKemSuiteId, sizeof kKemSuiteId);
}

// LabeledExtract(salt, label, ikm) = HMAC(salt, "HPKE-v1" ‖ suite_id ‖ label ‖ ikm)
void labeledExtract(QByteArrayView suite, QByteArrayView salt, QByteArrayView label, QByteArrayView ikm,
                    unsigned char *out)
{
    hmacSha256(salt, {QByteArrayView(kVersionLabel, 7), suite, label, ikm}, out);
}

// LabeledExpand(prk, label, info, L) = HKDF-Expand(prk, I2OSP(L, 2) ‖ "HPKE-v1" ‖ suite_id ‖
// label ‖ info, L), L ≤ 255 · 32.
void labeledExpand(QByteArrayView suite, QByteArrayView prk, QByteArrayView label, QByteArrayView info,
                   std::size_t length, unsigned char *out)
{
    const char l[2] = {char((length >> 8) & 0xff), char(length & 0xff)};
    unsigned char t[crypto::kSha256Size];
    std::size_t done = 0;
    for (unsigned counter = 1; done < length; ++counter) {
        const char c = char(counter);
        const QByteArrayView previous = counter == 1 ? QByteArrayView() : bytesView(t, sizeof t);
        hmacSha256(prk,
                   {previous, QByteArrayView(l, 2), QByteArrayView(kVersionLabel, 7), suite, label, info,
                    QByteArrayView(&c, 1)},
                   t);
        const std::size_t n = std::min(sizeof t, length - done);
        std::memcpy(out + done, t, n);
        done += n;
    }
    OPENSSL_cleanse(t, sizeof t);
}

// ExtractAndExpand(dh, kem_context) of DHKEM.
void extractAndExpand(QByteArrayView dh, QByteArrayView kemContext, unsigned char *sharedSecret)
{
    unsigned char prk[crypto::kSha256Size];
    labeledExtract(kemSuite(), {}, "eae_prk", dh, prk);
    labeledExpand(kemSuite(), bytesView(prk, sizeof prk), "shared_secret", kemContext, kSecretSize, sharedSecret);
    OPENSSL_cleanse(prk, sizeof prk);
}

const EVP_CIPHER *cipherFor(Aead aead)
{
    switch (aead) {
    case Aead::Aes128Gcm: return algorithms().aes128gcm;
    case Aead::Aes256Gcm: return algorithms().aes256gcm;
    case Aead::ChaCha20Poly1305: return algorithms().chacha20poly1305;
    case Aead::ExportOnly: return nullptr;
    }
    return nullptr;
}

Result<Encapsulation> encapsulate(const X25519PublicKey &pkR, const X25519PrivateKey *skS,
                                  const X25519PrivateKey *ephemeral)
{
    X25519PrivateKey fresh;
    if (!ephemeral) {
        fresh = X25519PrivateKey::generate();
        ephemeral = &fresh;
    }
    Result<SecureBuffer> dhE = ephemeral->dh(pkR);
    if (!dhE)
        return fail(dhE.error());
    Encapsulation out;
    out.enc = ephemeral->publicKey();
    SecureBuffer dh = std::move(*dhE);
    QByteArray kemContext = bytesView(out.enc).toByteArray() + bytesView(pkR).toByteArray();
    if (skS) {
        Result<SecureBuffer> dhS = skS->dh(pkR);
        if (!dhS)
            return fail(dhS.error());
        SecureBuffer both(2 * kSecretSize);
        std::memcpy(both.data(), dh.data(), kSecretSize);
        std::memcpy(both.data() + kSecretSize, dhS->data(), kSecretSize);
        dh = std::move(both);
        kemContext += bytesView(skS->publicKey()).toByteArray();
    }
    out.sharedSecret = SecureBuffer(kSecretSize);
    extractAndExpand(dh.view(), kemContext, out.sharedSecret.data());
    return out;
}

} // namespace

std::size_t keySize(Aead aead)
{
    switch (aead) {
    case Aead::Aes128Gcm: return 16;
    case Aead::Aes256Gcm: return 32;
    case Aead::ChaCha20Poly1305: return 32;
    case Aead::ExportOnly: return 0;
    }
    return 0;
}

std::size_t nonceSize(Aead aead)
{
    return aead == Aead::ExportOnly ? 0 : 12;
}

bool isSupported(std::uint16_t kemId, std::uint16_t kdfId, std::uint16_t aeadId)
{
    return kemId == kKemId && kdfId == kKdfId &&
           (aeadId == 1 || aeadId == 2 || aeadId == 3 || aeadId == std::uint16_t(Aead::ExportOnly));
}

Result<X25519PrivateKey> deriveKeyPair(QByteArrayView ikm)
{
    if (ikm.size() < qsizetype(kSecretSize))
        return fail(ErrorKind::InvalidInput, u"DeriveKeyPair needs at least 32 bytes of input keying material"_s);
    unsigned char prk[crypto::kSha256Size];
    labeledExtract(kemSuite(), {}, "dkp_prk", ikm, prk);
    SecureBuffer sk(crypto::kX25519KeySize);
    labeledExpand(kemSuite(), bytesView(prk, sizeof prk), "sk", {}, sk.size(), sk.data());
    OPENSSL_cleanse(prk, sizeof prk);
    return X25519PrivateKey::fromRaw(sk.view());
}

Result<Encapsulation> encap(const X25519PublicKey &pkR, const X25519PrivateKey *ephemeral)
{
    return encapsulate(pkR, nullptr, ephemeral);
}

Result<Encapsulation> authEncap(const X25519PublicKey &pkR, const X25519PrivateKey &skS,
                                const X25519PrivateKey *ephemeral)
{
    return encapsulate(pkR, &skS, ephemeral);
}

bool decapInto(X25519Deriver &skR, const X25519PublicKey &pkR, const unsigned char *enc, unsigned char *out)
{
    unsigned char dh[crypto::kX25519KeySize];
    if (!skR.derive(enc, dh)) {
        std::memset(out, 0, kSecretSize);
        return false;
    }
    unsigned char kemContext[2 * crypto::kX25519KeySize];
    std::memcpy(kemContext, enc, kEncSize);
    std::memcpy(kemContext + kEncSize, pkR.data(), pkR.size());
    extractAndExpand(bytesView(dh, sizeof dh), bytesView(kemContext, sizeof kemContext), out);
    OPENSSL_cleanse(dh, sizeof dh);
    return true;
}

Result<SecureBuffer> decap(const X25519PublicKey &enc, const X25519PrivateKey &skR)
{
    X25519Deriver d(skR);
    SecureBuffer out(kSecretSize);
    if (!d.isValid())
        return fail(ErrorKind::Crypto, u"cannot set up X25519"_s);
    if (!decapInto(d, skR.publicKey(), enc.data(), out.data()))
        return fail(ErrorKind::Crypto, u"decapsulation failed: enc is a low-order key"_s, u"low_order_key"_s);
    return out;
}

Result<SecureBuffer> authDecap(const X25519PublicKey &enc, const X25519PrivateKey &skR, const X25519PublicKey &pkS)
{
    Result<SecureBuffer> dhE = skR.dh(enc);
    if (!dhE)
        return fail(dhE.error());
    Result<SecureBuffer> dhS = skR.dh(pkS);
    if (!dhS)
        return fail(dhS.error());
    SecureBuffer dh(2 * kSecretSize);
    std::memcpy(dh.data(), dhE->data(), kSecretSize);
    std::memcpy(dh.data() + kSecretSize, dhS->data(), kSecretSize);
    const QByteArray kemContext =
        bytesView(enc).toByteArray() + bytesView(skR.publicKey()).toByteArray() + bytesView(pkS).toByteArray();
    SecureBuffer out(kSecretSize);
    extractAndExpand(dh.view(), kemContext, out.data());
    return out;
}

// --- ScheduleInput

Result<ScheduleInput> ScheduleInput::make(Aead aead, Mode mode, QByteArrayView info, QByteArrayView pskId)
{
    if (!isSupported(kKemId, kKdfId, std::uint16_t(aead)))
        return fail(ErrorKind::InvalidInput, u"unsupported AEAD %1"_s.arg(std::uint16_t(aead)));
    ScheduleInput in;
    in.m_aead = aead;
    in.m_mode = mode;
    in.m_hasPskId = !pskId.isEmpty();
    const QByteArray suite = hpkeSuiteId(aead);
    unsigned char pskIdHash[crypto::kSha256Size];
    unsigned char infoHash[crypto::kSha256Size];
    labeledExtract(suite, {}, "psk_id_hash", pskId, pskIdHash);
    labeledExtract(suite, {}, "info_hash", info, infoHash);
    in.m_context.reserve(1 + 2 * crypto::kSha256Size);
    in.m_context.append(char(mode));
    in.m_context.append(reinterpret_cast<const char *>(pskIdHash), sizeof pskIdHash);
    in.m_context.append(reinterpret_cast<const char *>(infoHash), sizeof infoHash);
    return in;
}

// --- Context

Result<Context> keySchedule(const ScheduleInput &input, QByteArrayView sharedSecret, QByteArrayView psk)
{
    // VerifyPSKInputs (RFC 9180 §5.1)
    const bool gotPsk = !psk.isEmpty();
    if (gotPsk != input.hasPskId())
        return fail(ErrorKind::InvalidInput, u"a PSK and a PSK id must be given together"_s, u"inconsistent_psk"_s);
    const bool pskMode = input.mode() == Mode::Psk || input.mode() == Mode::AuthPsk;
    if (gotPsk != pskMode)
        return fail(ErrorKind::InvalidInput,
                    pskMode ? u"this mode needs a PSK"_s : u"a PSK was given for a mode without one"_s,
                    u"inconsistent_psk"_s);
    if (sharedSecret.size() != qsizetype(kSecretSize))
        return fail(ErrorKind::InvalidInput, u"a shared secret has 32 bytes"_s);

    const QByteArray suite = hpkeSuiteId(input.aead());
    Context c;
    c.m_aead = input.aead();
    c.m_ksc = input.keyScheduleContext();
    const std::size_t nk = keySize(c.m_aead);
    const std::size_t nn = nonceSize(c.m_aead);
    c.m_material = SecureBuffer(kSecretSize + nk + nn);
    unsigned char *secret = c.m_material.data();
    labeledExtract(suite, sharedSecret, "secret", psk, secret);
    if (nk > 0) {
        const QByteArrayView prk = crypto::bytesView(secret, kSecretSize);
        labeledExpand(suite, prk, "key", c.m_ksc, nk, secret + kSecretSize);
        labeledExpand(suite, prk, "base_nonce", c.m_ksc, nn, secret + kSecretSize + nk);
    }
    return c;
}

Result<Context> keySchedule(Aead aead, Mode mode, QByteArrayView sharedSecret, QByteArrayView info, QByteArrayView psk,
                            QByteArrayView pskId)
{
    Result<ScheduleInput> in = ScheduleInput::make(aead, mode, info, pskId);
    if (!in)
        return fail(in.error());
    return keySchedule(*in, sharedSecret, psk);
}

Context::Context(Context &&other) noexcept
    : m_aead(other.m_aead),
      m_material(std::move(other.m_material)),
      m_ksc(std::move(other.m_ksc)),
      m_exporterSecret(std::move(other.m_exporterSecret)),
      m_seq(other.m_seq),
      m_encrypt(other.m_encrypt),
      m_decrypt(other.m_decrypt)
{
    other.m_encrypt = nullptr;
    other.m_decrypt = nullptr;
}

Context &Context::operator=(Context &&other) noexcept
{
    if (this != &other) {
        release();
        m_aead = other.m_aead;
        m_material = std::move(other.m_material);
        m_ksc = std::move(other.m_ksc);
        m_exporterSecret = std::move(other.m_exporterSecret);
        m_seq = other.m_seq;
        m_encrypt = other.m_encrypt;
        m_decrypt = other.m_decrypt;
        other.m_encrypt = nullptr;
        other.m_decrypt = nullptr;
    }
    return *this;
}

Context::~Context()
{
    release();
}

void Context::release() noexcept
{
    EVP_CIPHER_CTX_free(m_encrypt); // frees and cleanses the expanded key
    EVP_CIPHER_CTX_free(m_decrypt);
    m_encrypt = nullptr;
    m_decrypt = nullptr;
}

void Context::computeNonce(unsigned char *nonce) const
{
    // base_nonce XOR I2OSP(seq, Nn)
    const std::size_t nn = nonceSize(m_aead);
    std::memcpy(nonce, nonceData(), nn);
    for (std::size_t i = 0; i < 8; ++i)
        nonce[nn - 1 - i] ^= static_cast<unsigned char>(m_seq >> (8 * i));
}

Result<QByteArray> Context::seal(QByteArrayView aad, QByteArrayView plaintext)
{
    if (m_aead == Aead::ExportOnly)
        return fail(ErrorKind::InvalidInput, u"an export-only context cannot seal"_s, u"export_only"_s);
    if (m_seq == std::numeric_limits<std::uint64_t>::max())
        return fail(ErrorKind::Crypto, u"message limit reached"_s, u"message_limit"_s);
    if (plaintext.size() > std::numeric_limits<int>::max() - qsizetype(kTagSize) ||
        aad.size() > std::numeric_limits<int>::max())
        return fail(ErrorKind::InvalidInput, u"message too large"_s);
    if (!m_encrypt) {
        m_encrypt = EVP_CIPHER_CTX_new();
        if (!m_encrypt || EVP_EncryptInit_ex2(m_encrypt, cipherFor(m_aead), keyData(), nullptr, nullptr) != 1)
            return fail(ErrorKind::Crypto, u"cannot set up the AEAD: %1"_s.arg(crypto::takeOpenSslError()));
    }
    unsigned char nonce[12];
    computeNonce(nonce);
    QByteArray out(plaintext.size() + qsizetype(kTagSize), Qt::Uninitialized);
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    int len = 0;
    int fin = 0;
    const bool ok = EVP_EncryptInit_ex2(m_encrypt, nullptr, nullptr, nonce, nullptr) == 1 &&
                    (aad.isEmpty() ||
                     EVP_EncryptUpdate(m_encrypt, nullptr, &len, reinterpret_cast<const unsigned char *>(aad.data()),
                                       int(aad.size())) == 1) &&
                    EVP_EncryptUpdate(m_encrypt, o, &len, reinterpret_cast<const unsigned char *>(plaintext.data()),
                                      int(plaintext.size())) == 1 &&
                    EVP_EncryptFinal_ex(m_encrypt, o + len, &fin) == 1 &&
                    EVP_CIPHER_CTX_ctrl(m_encrypt, EVP_CTRL_AEAD_GET_TAG, int(kTagSize), o + plaintext.size()) == 1;
    if (!ok)
        return fail(ErrorKind::Crypto, u"AEAD seal failed: %1"_s.arg(crypto::takeOpenSslError()));
    ++m_seq;
    return out;
}

Result<void> Context::openInto(QByteArrayView aad, QByteArrayView ciphertext, unsigned char *out)
{
    if (m_aead == Aead::ExportOnly)
        return fail(ErrorKind::InvalidInput, u"an export-only context cannot open"_s, u"export_only"_s);
    if (ciphertext.size() < qsizetype(kTagSize))
        return fail(ErrorKind::InvalidInput, u"ciphertext shorter than its tag"_s, u"truncated"_s);
    if (m_seq == std::numeric_limits<std::uint64_t>::max())
        return fail(ErrorKind::Crypto, u"message limit reached"_s, u"message_limit"_s);
    if (ciphertext.size() > std::numeric_limits<int>::max() || aad.size() > std::numeric_limits<int>::max())
        return fail(ErrorKind::InvalidInput, u"message too large"_s);
    if (!m_decrypt) {
        m_decrypt = EVP_CIPHER_CTX_new();
        if (!m_decrypt || EVP_DecryptInit_ex2(m_decrypt, cipherFor(m_aead), keyData(), nullptr, nullptr) != 1)
            return fail(ErrorKind::Crypto, u"cannot set up the AEAD: %1"_s.arg(crypto::takeOpenSslError()));
    }
    unsigned char nonce[12];
    computeNonce(nonce);
    const int ptLen = int(ciphertext.size() - qsizetype(kTagSize));
    const auto *ct = reinterpret_cast<const unsigned char *>(ciphertext.data());
    unsigned char tag[kTagSize];
    std::memcpy(tag, ct + ptLen, kTagSize);
    int len = 0;
    int fin = 0;
    const bool ok = EVP_DecryptInit_ex2(m_decrypt, nullptr, nullptr, nonce, nullptr) == 1 &&
                    (aad.isEmpty() ||
                     EVP_DecryptUpdate(m_decrypt, nullptr, &len, reinterpret_cast<const unsigned char *>(aad.data()),
                                       int(aad.size())) == 1) &&
                    EVP_DecryptUpdate(m_decrypt, out, &len, ct, ptLen) == 1 &&
                    EVP_CIPHER_CTX_ctrl(m_decrypt, EVP_CTRL_AEAD_SET_TAG, int(kTagSize), tag) == 1 &&
                    EVP_DecryptFinal_ex(m_decrypt, out + len, &fin) == 1;
    if (!ok) {
        crypto::takeOpenSslError();
        OPENSSL_cleanse(out, std::size_t(ptLen));
        return fail(ErrorKind::Crypto, u"the ciphertext does not open with this key, nonce and aad"_s,
                    u"authentication_failed"_s);
    }
    ++m_seq;
    return {};
}

Result<SecureBuffer> Context::open(QByteArrayView aad, QByteArrayView ciphertext)
{
    if (ciphertext.size() < qsizetype(kTagSize))
        return fail(ErrorKind::InvalidInput, u"ciphertext shorter than its tag"_s, u"truncated"_s);
    SecureBuffer out(std::size_t(ciphertext.size()) - kTagSize);
    // openInto needs a writable pointer even for an empty message.
    unsigned char empty = 0;
    Result<void> r = openInto(aad, ciphertext, out.isEmpty() ? &empty : out.data());
    if (!r)
        return fail(r.error());
    return out;
}

const SecureBuffer &Context::exporterSecret() const
{
    if (m_exporterSecret.isEmpty() && !m_material.isEmpty()) {
        m_exporterSecret = SecureBuffer(kSecretSize);
        labeledExpand(hpkeSuiteId(m_aead), secret(), "exp", m_ksc, kSecretSize, m_exporterSecret.data());
    }
    return m_exporterSecret;
}

Result<SecureBuffer> Context::exportSecret(QByteArrayView exporterContext, std::size_t length) const
{
    if (length == 0 || length > 255 * kSecretSize)
        return fail(ErrorKind::InvalidInput, u"an export length is 1 to 8160 bytes"_s);
    SecureBuffer out(length);
    labeledExpand(hpkeSuiteId(m_aead), exporterSecret().view(), "sec", exporterContext, length, out.data());
    return out;
}

// --- Single shot

Result<Sealed> sealBase(Aead aead, const X25519PublicKey &pkR, QByteArrayView info, QByteArrayView aad,
                        QByteArrayView plaintext)
{
    Result<Encapsulation> e = encap(pkR);
    if (!e)
        return fail(e.error());
    Result<Context> ctx = keySchedule(aead, Mode::Base, e->sharedSecret.view(), info);
    if (!ctx)
        return fail(ctx.error());
    Result<QByteArray> ct = ctx->seal(aad, plaintext);
    if (!ct)
        return fail(ct.error());
    return Sealed{e->enc, std::move(*ct)};
}

Result<SecureBuffer> openBase(Aead aead, const X25519PrivateKey &skR, const X25519PublicKey &enc, QByteArrayView info,
                              QByteArrayView aad, QByteArrayView ciphertext)
{
    Result<SecureBuffer> ss = decap(enc, skR);
    if (!ss)
        return fail(ss.error());
    Result<Context> ctx = keySchedule(aead, Mode::Base, ss->view(), info);
    if (!ctx)
        return fail(ctx.error());
    return ctx->open(aad, ciphertext);
}

Result<QByteArray> sealBaseBox(Aead aead, const X25519PublicKey &pkR, QByteArrayView info, QByteArrayView aad,
                               QByteArrayView plaintext)
{
    Result<Sealed> s = sealBase(aead, pkR, info, aad, plaintext);
    if (!s)
        return fail(s.error());
    return bytesView(s->enc).toByteArray() + s->ciphertext;
}

Result<SecureBuffer> openBaseBox(Aead aead, const X25519PrivateKey &skR, QByteArrayView info, QByteArrayView aad,
                                 QByteArrayView box)
{
    if (box.size() < qsizetype(kEncSize + kTagSize))
        return fail(ErrorKind::InvalidInput, u"the box is truncated"_s, u"truncated"_s);
    const X25519PublicKey enc = crypto::x25519PublicKeyFrom(box.first(qsizetype(kEncSize))).value();
    return openBase(aead, skR, enc, info, aad, box.sliced(qsizetype(kEncSize)));
}

} // namespace credvault::hpke
