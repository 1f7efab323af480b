#pragma once

// IniFile: a strict reader for CredVault's INI configuration files (servers and apps).
// It accepts the subset of the QSettings INI syntax that configuration needs ([section],
// key = value, ; and # comment lines, "quoted values" with \" and \\ escapes) and
// refuses everything else with the file, line and reason, so a typo never silently
// becomes a default.

#include "common/Result.h"

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace credvault {

class IniFile {
public:
    struct Entry {
        QString section;
        QString key;
        QString value;
        int line = 0;
    };

    /// Reads and checks `path`. Errors name the file and line.
    static Result<IniFile> load(const QString &path);
    /// Parses text already in memory; `origin` names it in errors.
    static Result<IniFile> parse(const QByteArray &text, const QString &origin);

    const QString &origin() const { return m_origin; }
    QStringList sections() const;
    QList<Entry> entries(const QString &section) const;
    const Entry *find(const QString &section, const QString &key) const;
    bool hasSection(const QString &section) const;

private:
    QString m_origin;
    QStringList m_sections; // in file order
    QList<Entry> m_entries;
};

} // namespace credvault
