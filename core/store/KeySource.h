#pragma once

// KeySource: where a 256-bit key comes from (database keys, the keyserver's master key).
// In core: a key file and an environment variable, both holding the key as 64 hex
// characters (a trailing newline is allowed). A key file that its group or others may
// read or write is refused: the key would not be the owner's secret. The desktop apps'
// QtKeychain source lives in the ui library. describe() names the source, never the key.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QtCore/QString>

#include <memory>

namespace credvault::store {

inline constexpr std::size_t kKeySize = 32;

class KeySource {
public:
    virtual ~KeySource();
    virtual Result<SecureBuffer> load() const = 0;
    virtual QString describe() const = 0;
};

class KeyFileSource final : public KeySource {
public:
    explicit KeyFileSource(QString path) : m_path(std::move(path)) {}
    Result<SecureBuffer> load() const override;
    QString describe() const override;

private:
    QString m_path;
};

class EnvironmentKeySource final : public KeySource {
public:
    explicit EnvironmentKeySource(QString variable) : m_variable(std::move(variable)) {}
    Result<SecureBuffer> load() const override;
    QString describe() const override;

private:
    QString m_variable;
};

/// 32 bytes from the OS CSPRNG.
SecureBuffer generateKey();
/// 64 hex characters (optionally followed by a newline) to 32 bytes. Errors say `origin`.
Result<SecureBuffer> parseHexKey(QByteArrayView text, const QString &origin);
/// The key as 64 lower-case hex characters and a newline, in secure memory.
SecureBuffer hexKey(const SecureBuffer &key);
/// Writes a new key file, mode 0600; never overwrites.
Result<void> writeKeyFile(const QString &path, const SecureBuffer &key);

} // namespace credvault::store
