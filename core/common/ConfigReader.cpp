#include "common/ConfigReader.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace credvault {

std::optional<qint64> parseDuration(const QString &text)
{
    const QString t = text.trimmed();
    if (t.size() < 2)
        return std::nullopt;
    bool ok = false;
    const qint64 n = t.left(t.size() - 1).toLongLong(&ok);
    if (!ok || n < 0)
        return std::nullopt;
    qint64 unit = 0;
    switch (t.back().unicode()) {
    case u's': unit = 1; break;
    case u'm': unit = 60; break;
    case u'h': unit = 3600; break;
    case u'd': unit = 86400; break;
    default: return std::nullopt;
    }
    // Past what a qint64 of seconds holds is malformed too (not an overflow).
    if (n > std::numeric_limits<qint64>::max() / unit)
        return std::nullopt;
    return n * unit;
}

Unexpected<Error> ConfigReader::error(const QString &section, const QString &key, const QString &what) const
{
    const IniFile::Entry *e = m_ini.find(section, key);
    if (e)
        return fail(ErrorKind::Config,
                    u"%1: line %2: [%3] %4: %5"_s.arg(m_ini.origin()).arg(e->line).arg(section, key, what));
    return fail(ErrorKind::Config, u"%1: [%2] %3: %4"_s.arg(m_ini.origin(), section, key, what));
}

Result<QString> ConfigReader::required(const QString &section, const QString &key) const
{
    const IniFile::Entry *e = m_ini.find(section, key);
    if (!e || e->value.isEmpty())
        return error(section, key, u"missing (required)"_s);
    return e->value;
}

QString ConfigReader::optional(const QString &section, const QString &key) const
{
    const IniFile::Entry *e = m_ini.find(section, key);
    return e ? e->value : QString();
}

QString ConfigReader::absolute(const QString &value) const
{
    return QDir(m_baseDir).absoluteFilePath(value);
}

Result<QString> ConfigReader::readableFile(const QString &section, const QString &key, bool isRequired) const
{
    if (!isRequired && optional(section, key).isEmpty())
        return QString();
    Result<QString> v = required(section, key);
    if (!v)
        return v;
    const QString path = absolute(*v);
    const QFileInfo fi(path);
    if (!fi.exists())
        return error(section, key, u"%1 does not exist"_s.arg(path));
    if (!fi.isFile())
        return error(section, key, u"%1 is not a file"_s.arg(path));
    if (!fi.isReadable())
        return error(section, key, u"%1 is not readable"_s.arg(path));
    return path;
}

Result<int> ConfigReader::integer(const QString &section, const QString &key, int min, int max, int fallback) const
{
    const IniFile::Entry *e = m_ini.find(section, key);
    if (!e)
        return fallback;
    bool ok = false;
    const int v = e->value.toInt(&ok);
    if (!ok || v < min || v > max)
        return error(section, key, u"must be a whole number from %1 to %2, not '%3'"_s.arg(min).arg(max).arg(e->value));
    return v;
}

Result<qint64> ConfigReader::duration(const QString &section, const QString &key, qint64 min, qint64 max,
                                      qint64 fallback) const
{
    const IniFile::Entry *e = m_ini.find(section, key);
    if (!e)
        return fallback;
    constexpr qint64 kDay = 86400;
    const std::optional<qint64> d = parseDuration(e->value);
    if (!d || *d < min || *d > max)
        return error(section, key,
                     u"a duration such as 90s, 15m, 24h or 7d, from %1 s to %2, not '%3'"_s.arg(min)
                         .arg(max == kDay       ? u"1 day"_s
                              : max % kDay == 0 ? u"%1 days"_s.arg(max / kDay)
                                                : u"%1 s"_s.arg(max))
                         .arg(e->value));
    return *d;
}

Result<void> ConfigReader::onlyKeys(const QString &section, const QStringList &allowed) const
{
    for (const IniFile::Entry &e : m_ini.entries(section)) {
        if (!allowed.contains(e.key))
            return error(section, e.key, u"unknown key (allowed here: %1)"_s.arg(allowed.join(u", "_s)));
    }
    return {};
}

} // namespace credvault
