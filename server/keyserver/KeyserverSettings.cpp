#include "keyserver/KeyserverSettings.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace credvault::keyserver {

std::optional<qint64> parseDuration(const QString &text)
{
    const QString t = text.trimmed();
    if (t.size() < 2)
        return std::nullopt;
    bool ok = false;
    const qint64 n = t.left(t.size() - 1).toLongLong(&ok);
    if (!ok || n < 0)
        return std::nullopt;
    switch (t.back().unicode()) {
    case u's': return n;
    case u'm': return n * 60;
    case u'h': return n * 3600;
    case u'd': return n * 86400;
    default: return std::nullopt;
    }
}

QMap<QString, QStringList> KeyserverSettings::sections()
{
    return {
        {u"keys"_s, {u"master_key_file"_s, u"master_key_env"_s, u"redeem_key"_s, u"audit_key"_s}},
        {u"codes"_s, {u"lifetime"_s, u"max_failures"_s, u"block"_s, u"max_per_window"_s, u"window"_s}},
        {u"sessions"_s, {u"code"_s, u"staff"_s}},
        {u"email"_s, {u"change_delay"_s}},
        {u"mail"_s,
         {u"from"_s, u"maildir"_s, u"smtp_host"_s, u"smtp_port"_s, u"smtp_tls"_s, u"smtp_user"_s,
          u"smtp_password_file"_s, u"smtp_ca"_s}},
    };
}

Result<KeyserverSettings> KeyserverSettings::read(const ServiceConfig &config)
{
    const IniFile &ini = config.ini;
    const QString base = QFileInfo(config.path).absolutePath();
    const auto where = [&](const QString &section, const QString &key) {
        const IniFile::Entry *e = ini.find(section, key);
        return e ? u"%1: line %2: [%3] %4"_s.arg(config.path).arg(e->line).arg(section, key)
                 : u"%1: [%2] %3"_s.arg(config.path, section, key);
    };
    const auto text = [&](const QString &section, const QString &key) {
        const IniFile::Entry *e = ini.find(section, key);
        return e ? e->value : QString();
    };
    const auto file = [&](const QString &section, const QString &key, bool required) -> Result<QString> {
        const QString v = text(section, key);
        if (v.isEmpty()) {
            if (required)
                return fail(ErrorKind::Config, where(section, key) + u": missing (required)"_s);
            return QString();
        }
        const QString path = QDir(base).absoluteFilePath(v);
        if (!QFileInfo(path).isReadable())
            return fail(ErrorKind::Config, where(section, key) + u": %1 is missing or unreadable"_s.arg(path));
        return path;
    };
    const auto number = [&](const QString &section, const QString &key, int min, int max, int *out) -> Result<void> {
        const IniFile::Entry *e = ini.find(section, key);
        if (!e)
            return {};
        bool ok = false;
        const int v = e->value.toInt(&ok);
        if (!ok || v < min || v > max)
            return fail(ErrorKind::Config,
                        where(section, key) + u": must be a whole number from %1 to %2"_s.arg(min).arg(max));
        *out = v;
        return {};
    };

    KeyserverSettings s;
    const bool keyFile = ini.find(u"keys"_s, u"master_key_file"_s) != nullptr;
    const bool keyEnv = ini.find(u"keys"_s, u"master_key_env"_s) != nullptr;
    if (keyFile == keyEnv)
        return fail(ErrorKind::Config, where(u"keys"_s, u"master_key_file"_s) +
                                           u": give exactly one of master_key_file and master_key_env"_s);
    if (keyFile) {
        Result<QString> f = file(u"keys"_s, u"master_key_file"_s, true);
        if (!f)
            return fail(f.error());
        s.masterKeyFile = *f;
    } else {
        s.masterKeyEnv = text(u"keys"_s, u"master_key_env"_s);
    }
    for (auto [key, out] : {std::pair{u"redeem_key"_s, &s.redeemKeyFile}, std::pair{u"audit_key"_s, &s.auditKeyFile}}) {
        Result<QString> f = file(u"keys"_s, key, true);
        if (!f)
            return fail(f.error());
        *out = *f;
    }
    for (auto [section, key, min, max, out] :
         {std::tuple{u"codes"_s, u"max_failures"_s, 1, 100, &s.maxFailures},
          std::tuple{u"codes"_s, u"max_per_window"_s, 1, 100, &s.maxCodesPerWindow}}) {
        if (Result<void> r = number(section, key, min, max, out); !r)
            return fail(r.error());
    }
    constexpr qint64 kDay = 86400;
    for (auto [section, key, min, max, out] :
         {std::tuple{u"codes"_s, u"lifetime"_s, qint64(1), kDay, &s.codeLifetime},
          std::tuple{u"codes"_s, u"block"_s, qint64(1), kDay, &s.block},
          std::tuple{u"codes"_s, u"window"_s, qint64(1), kDay, &s.codeWindow},
          std::tuple{u"sessions"_s, u"code"_s, qint64(1), kDay, &s.codeSession},
          std::tuple{u"sessions"_s, u"staff"_s, qint64(1), kDay, &s.staffSession},
          std::tuple{u"email"_s, u"change_delay"_s, qint64(0), 30 * kDay, &s.emailChangeDelay}}) {
        const IniFile::Entry *e = ini.find(section, key);
        if (!e)
            continue;
        const std::optional<qint64> d = parseDuration(e->value);
        if (!d || *d < min || *d > max)
            return fail(ErrorKind::Config,
                        where(section, key) +
                            u": a duration such as 90s, 15m, 24h or 7d, from %1 s to %2 days, not '%3'"_s.arg(min)
                                .arg(max / kDay)
                                .arg(e->value));
        *out = *d;
    }
    s.mailFrom = text(u"mail"_s, u"from"_s);
    if (s.mailFrom.isEmpty())
        return fail(ErrorKind::Config, where(u"mail"_s, u"from"_s) + u": missing (required)"_s);
    const QString maildir = text(u"mail"_s, u"maildir"_s);
    s.smtpHost = text(u"mail"_s, u"smtp_host"_s);
    if (maildir.isEmpty() == s.smtpHost.isEmpty())
        return fail(ErrorKind::Config,
                    where(u"mail"_s, u"maildir"_s) + u": give exactly one of maildir and smtp_host"_s);
    if (!maildir.isEmpty())
        s.maildir = QDir(base).absoluteFilePath(maildir);
    if (Result<void> r = number(u"mail"_s, u"smtp_port"_s, 1, 65535, &s.smtpPort); !r)
        return fail(r.error());
    const QString tls = text(u"mail"_s, u"smtp_tls"_s);
    if (!tls.isEmpty() && tls != u"starttls"_s && tls != u"implicit"_s)
        return fail(ErrorKind::Config,
                    where(u"mail"_s, u"smtp_tls"_s) + u": starttls or implicit (plain SMTP is not offered)"_s);
    s.smtpImplicitTls = tls == u"implicit"_s;
    s.smtpUser = text(u"mail"_s, u"smtp_user"_s);
    for (auto [key, out] :
         {std::pair{u"smtp_password_file"_s, &s.smtpPasswordFile}, std::pair{u"smtp_ca"_s, &s.smtpCa}}) {
        Result<QString> f = file(u"mail"_s, key, false);
        if (!f)
            return fail(f.error());
        *out = *f;
    }
    if (!s.smtpUser.isEmpty() && s.smtpPasswordFile.isEmpty())
        return fail(ErrorKind::Config, where(u"mail"_s, u"smtp_password_file"_s) + u": needed with smtp_user"_s);
    return s;
}

} // namespace credvault::keyserver
