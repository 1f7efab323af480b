#include "keyserver/KeyserverSettings.h"

#include "common/ConfigReader.h"

#include <QtCore/QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace credvault::keyserver {

QMap<QString, QStringList> KeyserverSettings::sections()
{
    return {
        {u"keys"_s, {u"master_key_file"_s, u"master_key_env"_s, u"redeem_key"_s, u"audit_key"_s}},
        {u"codes"_s, {u"lifetime"_s, u"max_failures"_s, u"block"_s, u"max_per_window"_s, u"window"_s, u"precompute"_s}},
        {u"sessions"_s, {u"code"_s, u"staff"_s}},
        {u"email"_s, {u"change_delay"_s}},
        {u"mail"_s,
         {u"from"_s, u"maildir"_s, u"smtp_host"_s, u"smtp_port"_s, u"smtp_tls"_s, u"smtp_user"_s,
          u"smtp_password_file"_s, u"smtp_ca"_s, u"timeout"_s}},
    };
}

Result<KeyserverSettings> KeyserverSettings::read(const ServiceConfig &config)
{
    const ConfigReader r(config.ini, QFileInfo(config.path).absolutePath());
    KeyserverSettings s;
    if (r.has(u"keys"_s, u"master_key_file"_s) == r.has(u"keys"_s, u"master_key_env"_s))
        return r.error(u"keys"_s, u"master_key_file"_s, u"give exactly one of master_key_file and master_key_env"_s);
    if (r.has(u"keys"_s, u"master_key_file"_s)) {
        Result<QString> f = r.readableFile(u"keys"_s, u"master_key_file"_s);
        if (!f)
            return fail(f.error());
        s.masterKeyFile = *f;
    } else {
        s.masterKeyEnv = r.optional(u"keys"_s, u"master_key_env"_s);
    }
    for (auto [key, out] : {std::pair{u"redeem_key"_s, &s.redeemKeyFile}, std::pair{u"audit_key"_s, &s.auditKeyFile}}) {
        Result<QString> f = r.readableFile(u"keys"_s, key);
        if (!f)
            return fail(f.error());
        *out = *f;
    }
    for (auto [section, key, min, max, out] :
         {std::tuple{u"codes"_s, u"max_failures"_s, 1, 100, &s.maxFailures},
          std::tuple{u"codes"_s, u"max_per_window"_s, 1, 100, &s.maxCodesPerWindow}}) {
        Result<int> v = r.integer(section, key, min, max, *out);
        if (!v)
            return fail(v.error());
        *out = *v;
    }
    constexpr qint64 kDay = 86400;
    for (auto [section, key, min, max, out] :
         {std::tuple{u"codes"_s, u"lifetime"_s, qint64(1), kDay, &s.codeLifetime},
          std::tuple{u"codes"_s, u"block"_s, qint64(1), kDay, &s.block},
          std::tuple{u"codes"_s, u"window"_s, qint64(1), kDay, &s.codeWindow},
          std::tuple{u"codes"_s, u"precompute"_s, qint64(0), kDay, &s.precompute},
          std::tuple{u"sessions"_s, u"code"_s, qint64(1), kDay, &s.codeSession},
          std::tuple{u"sessions"_s, u"staff"_s, qint64(1), kDay, &s.staffSession},
          std::tuple{u"email"_s, u"change_delay"_s, qint64(0), 30 * kDay, &s.emailChangeDelay},
          std::tuple{u"mail"_s, u"timeout"_s, qint64(1), qint64(300), &s.mailTimeout}}) {
        Result<qint64> d = r.duration(section, key, min, max, *out);
        if (!d)
            return fail(d.error());
        *out = *d;
    }
    Result<QString> from = r.required(u"mail"_s, u"from"_s);
    if (!from)
        return fail(from.error());
    s.mailFrom = *from;
    const QString maildir = r.optional(u"mail"_s, u"maildir"_s);
    s.smtpHost = r.optional(u"mail"_s, u"smtp_host"_s);
    if (maildir.isEmpty() == s.smtpHost.isEmpty())
        return r.error(u"mail"_s, u"maildir"_s, u"give exactly one of maildir and smtp_host"_s);
    if (!maildir.isEmpty())
        s.maildir = r.absolute(maildir);
    Result<int> port = r.integer(u"mail"_s, u"smtp_port"_s, 1, 65535, s.smtpPort);
    if (!port)
        return fail(port.error());
    s.smtpPort = *port;
    const QString tls = r.optional(u"mail"_s, u"smtp_tls"_s);
    if (!tls.isEmpty() && tls != u"starttls"_s && tls != u"implicit"_s)
        return r.error(u"mail"_s, u"smtp_tls"_s, u"starttls or implicit (plain SMTP is not offered)"_s);
    s.smtpImplicitTls = tls == u"implicit"_s;
    s.smtpUser = r.optional(u"mail"_s, u"smtp_user"_s);
    for (auto [key, out] :
         {std::pair{u"smtp_password_file"_s, &s.smtpPasswordFile}, std::pair{u"smtp_ca"_s, &s.smtpCa}}) {
        Result<QString> f = r.readableFile(u"mail"_s, key, false);
        if (!f)
            return fail(f.error());
        *out = *f;
    }
    if (!s.smtpUser.isEmpty() && s.smtpPasswordFile.isEmpty())
        return r.error(u"mail"_s, u"smtp_password_file"_s, u"needed with smtp_user"_s);
    return s;
}

} // namespace credvault::keyserver
