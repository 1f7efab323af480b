#include "common/IniFile.h"

#include <QtCore/QFile>

using namespace Qt::Literals::StringLiterals;

namespace credvault {

namespace {

constexpr qint64 kMaxConfigBytes = qint64(1024) * 1024;

bool isNameChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-' ||
           c == u'.';
}

bool isName(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s)
        if (!isNameChar(c))
            return false;
    return true;
}

// Returns the value text of `raw` (after '='): unquoted and unescaped, comments cut.
Result<QString> parseValue(QStringView raw)
{
    QStringView v = raw.trimmed();
    if (v.startsWith(u'"')) {
        QString out;
        qsizetype i = 1;
        for (; i < v.size(); ++i) {
            const QChar c = v.at(i);
            if (c == u'\\') {
                if (i + 1 >= v.size())
                    return fail(ErrorKind::Config, u"a quoted value ends in a lone backslash"_s);
                const QChar n = v.at(++i);
                if (n == u'"' || n == u'\\')
                    out.append(n);
                else if (n == u'n')
                    out.append(u'\n');
                else if (n == u't')
                    out.append(u'\t');
                else
                    return fail(ErrorKind::Config, u"unknown escape \\%1 in a quoted value"_s.arg(n));
            } else if (c == u'"') {
                break;
            } else {
                out.append(c);
            }
        }
        if (i >= v.size())
            return fail(ErrorKind::Config, u"a quoted value has no closing quote"_s);
        const QStringView rest = v.mid(i + 1).trimmed();
        if (!rest.isEmpty() && !rest.startsWith(u';'))
            return fail(ErrorKind::Config, u"text after a quoted value"_s);
        return out;
    }
    const qsizetype comment = v.indexOf(u';');
    if (comment >= 0)
        v = v.left(comment).trimmed();
    return v.toString();
}

} // namespace

Result<IniFile> IniFile::load(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return fail(ErrorKind::Config, u"%1: no such file"_s.arg(path));
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorKind::Config, u"%1: cannot read: %2"_s.arg(path, f.errorString()));
    if (f.size() > kMaxConfigBytes)
        return fail(ErrorKind::Config, u"%1: larger than 1 MiB, not a configuration file"_s.arg(path));
    return parse(f.readAll(), path);
}

Result<IniFile> IniFile::parse(const QByteArray &text, const QString &origin)
{
    IniFile ini;
    ini.m_origin = origin;
    const auto error = [&origin](int line, const QString &what) {
        return fail(ErrorKind::Config, u"%1: line %2: %3"_s.arg(origin).arg(line).arg(what));
    };
    if (text.contains('\0'))
        return fail(ErrorKind::Config, u"%1: contains NUL bytes, not a text file"_s.arg(origin));
    const QString content = QString::fromUtf8(text);
    if (content.contains(QChar::ReplacementCharacter))
        return fail(ErrorKind::Config, u"%1: not valid UTF-8"_s.arg(origin));

    QString section;
    const QStringList lines = content.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i + 1);
        QStringView line = QStringView(lines.at(i));
        if (line.endsWith(u'\r'))
            line.chop(1);
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(u';') || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']'))
                return error(lineNo, u"a section header must end with ']'"_s);
            const QStringView name = line.mid(1, line.size() - 2).trimmed();
            if (!isName(name))
                return error(lineNo, u"'%1' is not a valid section name"_s.arg(name));
            section = name.toString();
            if (ini.m_sections.contains(section))
                return error(lineNo, u"section [%1] appears twice"_s.arg(section));
            ini.m_sections.append(section);
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (eq < 0)
            return error(lineNo, u"expected 'key = value' or '[section]'"_s);
        const QStringView key = line.left(eq).trimmed();
        if (!isName(key))
            return error(lineNo, u"'%1' is not a valid key"_s.arg(key));
        if (section.isEmpty())
            return error(lineNo, u"'%1' comes before any [section]"_s.arg(key));
        if (ini.find(section, key.toString()))
            return error(lineNo, u"'%1' is set twice in [%2]"_s.arg(key, section));
        Result<QString> value = parseValue(line.mid(eq + 1));
        if (!value)
            return error(lineNo, value.error().message);
        ini.m_entries.append(Entry{section, key.toString(), std::move(*value), lineNo});
    }
    return ini;
}

QStringList IniFile::sections() const
{
    return m_sections;
}

QList<IniFile::Entry> IniFile::entries(const QString &section) const
{
    QList<Entry> out;
    for (const Entry &e : m_entries)
        if (e.section == section)
            out.append(e);
    return out;
}

const IniFile::Entry *IniFile::find(const QString &section, const QString &key) const
{
    for (const Entry &e : m_entries)
        if (e.section == section && e.key == key)
            return &e;
    return nullptr;
}

bool IniFile::hasSection(const QString &section) const
{
    return m_sections.contains(section);
}

} // namespace credvault
