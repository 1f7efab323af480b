#include "crypto/PassphraseBox.h"

#include "crypto/Aead.h"
#include "crypto/Argon2.h"
#include "crypto/Primitives.h"
#include "protocol/Base64Url.h"

#include <QtCore/QList>

using namespace Qt::Literals::StringLiterals;

namespace credvault::crypto {

namespace {

constexpr std::size_t kSalt = kArgon2idSaltSize;
// Refuse files that would make us spend unbounded memory or time.
constexpr std::uint32_t kMaxMemoryKiB = 4 * 1024 * 1024;
constexpr std::uint32_t kMaxTime = 100;

Error notABackup(const QString &why)
{
    return Error(ErrorKind::InvalidInput, u"not a CredVault backup file: %1"_s.arg(why), u"not_a_backup"_s);
}

} // namespace

Result<QByteArray> PassphraseBox::seal(QByteArrayView secret, QByteArrayView passphrase, const QByteArray &kind,
                                       const QByteArray &id)
{
    if (passphrase.size() < kMinPassphrase)
        return fail(ErrorKind::InvalidInput, u"the passphrase must have at least %1 characters"_s.arg(kMinPassphrase),
                    u"weak_passphrase"_s);
    unsigned char salt[kSalt];
    randomBytes(salt, kSalt);
    const Argon2idCost cost = kArgon2idCost;
    const QByteArray head = "credvault-backup v1 " + kind + "\nid: " + id +
                            "\nargon2id: m=" + QByteArray::number(cost.memoryKiB) +
                            ",t=" + QByteArray::number(cost.time) + ",p=" + QByteArray::number(cost.lanes) +
                            "\nsalt: " + toBase64Url(bytesView(salt, kSalt)) + "\n";
    Result<SecureBuffer> key = argon2idRaw(passphrase, bytesView(salt, kSalt), cost);
    if (!key)
        return fail(key.error());
    Result<QByteArray> box = aes256GcmSeal(key->view(), head, secret);
    if (!box)
        return fail(box.error());
    return head + "sealed: " + toBase64Url(*box) + "\n";
}

Result<PassphraseBoxContent> PassphraseBox::open(QByteArrayView text, QByteArrayView passphrase, const QByteArray &kind)
{
    if (text.size() > 64 * 1024)
        return fail(notABackup(u"too large"_s));
    const qsizetype sealedAt = text.indexOf(QByteArrayView("\nsealed: "));
    if (sealedAt < 0)
        return fail(notABackup(u"no 'sealed:' line"_s));
    const QByteArray head = text.first(sealedAt + 1).toByteArray();
    const QList<QByteArray> lines = head.trimmed().split('\n');
    if (lines.size() != 4 || lines[0] != "credvault-backup v1 " + kind || !lines[1].startsWith("id: ") ||
        !lines[2].startsWith("argon2id: ") || !lines[3].startsWith("salt: "))
        return fail(notABackup(u"expected a 'credvault-backup v1 %1' file"_s.arg(QString::fromLatin1(kind))));
    Argon2idCost cost{0, 0, 0};
    for (const QByteArray &param : lines[2].mid(10).split(',')) {
        bool ok = false;
        const qulonglong v = param.mid(2).toULongLong(&ok);
        const bool known = param.startsWith("m=") || param.startsWith("t=") || param.startsWith("p=");
        if (!known || !ok || v == 0 || v > kMaxMemoryKiB)
            return fail(notABackup(u"bad Argon2id parameters"_s));
        (param.startsWith("m=") ? cost.memoryKiB : param.startsWith("t=") ? cost.time : cost.lanes) = std::uint32_t(v);
    }
    if (cost.memoryKiB < kArgon2idCost.memoryKiB || cost.time < kArgon2idCost.time ||
        cost.lanes < kArgon2idCost.lanes || cost.time > kMaxTime || cost.lanes > 64)
        return fail(notABackup(u"Argon2id parameters out of range"_s));
    Result<QByteArray> salt = fromBase64Url(lines[3].mid(6));
    Result<QByteArray> box = fromBase64Url(text.sliced(sealedAt + 9).trimmed().toByteArray());
    if (!salt || salt->size() != qsizetype(kSalt) || !box)
        return fail(notABackup(u"malformed salt or sealed data"_s));
    Result<SecureBuffer> key = argon2idRaw(passphrase, *salt, cost);
    if (!key)
        return fail(key.error());
    Result<SecureBuffer> secret = aes256GcmOpen(key->view(), head, *box);
    if (!secret)
        return fail(ErrorKind::Crypto, u"wrong passphrase, or the backup file was altered"_s, u"wrong_passphrase"_s);
    return PassphraseBoxContent{kind, lines[1].mid(4), std::move(*secret)};
}

} // namespace credvault::crypto
