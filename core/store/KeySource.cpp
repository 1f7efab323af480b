#include "store/KeySource.h"

#include "common/Files.h"
#include "crypto/Primitives.h"

#include <QtCore/QFileInfo>

#include <cstdlib>
#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

namespace credvault::store {

KeySource::~KeySource() = default;

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

SecureBuffer generateKey()
{
    SecureBuffer k(kKeySize);
    crypto::randomBytes(k.data(), k.size());
    return k;
}

Result<SecureBuffer> parseHexKey(QByteArrayView text, const QString &origin)
{
    if (text.endsWith('\n'))
        text.chop(1);
    if (text.endsWith('\r'))
        text.chop(1);
    if (std::size_t(text.size()) != 2 * kKeySize)
        return fail(ErrorKind::Config,
                    u"%1: a key is 64 hex characters (256 bits), not %2 characters"_s.arg(origin).arg(text.size()),
                    u"bad_key"_s);
    SecureBuffer key(kKeySize);
    for (std::size_t i = 0; i < kKeySize; ++i) {
        const int hi = hexValue(text.at(qsizetype(2 * i)));
        const int lo = hexValue(text.at(qsizetype(2 * i + 1)));
        if (hi < 0 || lo < 0)
            return fail(ErrorKind::Config, u"%1: a key is 64 hex characters; this has others"_s.arg(origin),
                        u"bad_key"_s);
        key.data()[i] = static_cast<unsigned char>(hi << 4 | lo);
    }
    return key;
}

SecureBuffer hexKey(const SecureBuffer &key)
{
    static const char digits[] = "0123456789abcdef";
    SecureBuffer out(2 * key.size() + 1);
    for (std::size_t i = 0; i < key.size(); ++i) {
        out.data()[2 * i] = static_cast<unsigned char>(digits[key.data()[i] >> 4]);
        out.data()[2 * i + 1] = static_cast<unsigned char>(digits[key.data()[i] & 0x0f]);
    }
    out.data()[2 * key.size()] = '\n';
    return out;
}

Result<void> writeKeyFile(const QString &path, const SecureBuffer &key)
{
    return writeFileAtomically(path, hexKey(key).view(), kOwnerOnly);
}

Result<SecureBuffer> KeyFileSource::load() const
{
    struct stat st {};
    if (::stat(QFile::encodeName(m_path).constData(), &st) != 0)
        return fail(ErrorKind::Config, u"key file %1 does not exist or cannot be read"_s.arg(m_path), u"key_missing"_s);
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        return fail(ErrorKind::Permission,
                    u"key file %1 may be read or written by its group or others (mode %2); make it 0600 (chmod 600)"_s
                        .arg(m_path)
                        .arg(st.st_mode & 0777, 4, 8, QChar(u'0')),
                    u"key_file_mode"_s);
    Result<SecureBuffer> text = readSecretFile(m_path, 256);
    if (!text)
        return fail(ErrorKind::Config, u"key file %1: %2"_s.arg(m_path, text.error().message), u"key_missing"_s);
    return parseHexKey(text->view(), u"key file "_s + m_path);
}

QString KeyFileSource::describe() const
{
    return u"key file %1"_s.arg(m_path);
}

Result<SecureBuffer> EnvironmentKeySource::load() const
{
    const QByteArray name = m_variable.toLocal8Bit();
    const char *value = std::getenv(name.constData());
    if (!value || !*value)
        return fail(ErrorKind::Config, u"environment variable %1 is not set"_s.arg(m_variable), u"key_missing"_s);
    return parseHexKey(QByteArrayView(value), u"environment variable "_s + m_variable);
}

QString EnvironmentKeySource::describe() const
{
    return u"environment variable %1"_s.arg(m_variable);
}

} // namespace credvault::store
