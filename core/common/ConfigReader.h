#pragma once

// ConfigReader: typed reads from an INI configuration file (IniFile), each refusal
// naming the file, line, section and key — shared by the servers' ServiceConfig and
// settings and by the apps' client configuration, so every configuration error reads
// the same. Relative paths are taken from the folder of the configuration file.

#include "common/IniFile.h"

#include "common/Result.h"

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace credvault {

/// "90s", "15m", "24h", "7d" to seconds; nullopt when malformed.
std::optional<qint64> parseDuration(const QString &text);

class ConfigReader {
public:
    ConfigReader(const IniFile &ini, const QString &baseDir) : m_ini(ini), m_baseDir(baseDir) {}

    /// "FILE: line N: [section] key: what" (without the line when the key is absent).
    Unexpected<Error> error(const QString &section, const QString &key, const QString &what) const;
    Result<QString> required(const QString &section, const QString &key) const;
    QString optional(const QString &section, const QString &key) const;
    bool has(const QString &section, const QString &key) const { return m_ini.find(section, key) != nullptr; }
    QString absolute(const QString &value) const;
    /// A file that must exist and be readable now; `required` false gives an empty path
    /// when the key is absent.
    Result<QString> readableFile(const QString &section, const QString &key, bool required = true) const;
    Result<int> integer(const QString &section, const QString &key, int min, int max, int fallback) const;
    /// A duration in seconds (see parseDuration) from `min` to `max`, or `fallback`.
    Result<qint64> duration(const QString &section, const QString &key, qint64 min, qint64 max, qint64 fallback) const;
    Result<void> onlyKeys(const QString &section, const QStringList &allowed) const;

private:
    const IniFile &m_ini;
    QString m_baseDir;
};

} // namespace credvault
