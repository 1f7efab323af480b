#include "vault/VaultSettings.h"

#include "common/ConfigReader.h"

#include <QtCore/QFileInfo>
#include <QtCore/QUrl>

using namespace Qt::Literals::StringLiterals;

namespace credvault::vault {

QMap<QString, QStringList> VaultSettings::sections()
{
    return {
        {u"keyserver"_s, {u"url"_s, u"ca"_s, u"certificate"_s, u"private_key"_s, u"timeout"_s}},
        {u"sign_in"_s, {u"token_lifetime"_s, u"max_failures"_s, u"lockout"_s}},
    };
}

Result<VaultSettings> VaultSettings::read(const ServiceConfig &config)
{
    const ConfigReader r(config.ini, QFileInfo(config.path).absolutePath());
    VaultSettings s;
    const QString ks = u"keyserver"_s;
    Result<QString> url = r.required(ks, u"url"_s);
    if (!url)
        return fail(url.error());
    const QUrl parsed(*url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.scheme() != u"https"_s || parsed.host().isEmpty() || parsed.port() <= 0 ||
        (!parsed.path().isEmpty() && parsed.path() != u"/"_s) || parsed.hasQuery())
        return r.error(ks, u"url"_s,
                       u"an https://HOST:PORT address (the keyserver's services listener), not '%1'"_s.arg(*url));
    s.keyserver.url = u"https://%1:%2"_s.arg(parsed.host(QUrl::FullyEncoded)).arg(parsed.port());
    if (parsed.host().contains(u':'))
        s.keyserver.url = u"https://[%1]:%2"_s.arg(parsed.host()).arg(parsed.port());
    for (auto [key, out] : {std::pair{u"ca"_s, &s.keyserver.ca}, std::pair{u"certificate"_s, &s.keyserver.certificate},
                            std::pair{u"private_key"_s, &s.keyserver.privateKey}}) {
        Result<QString> f = r.readableFile(ks, key);
        if (!f)
            return fail(f.error());
        *out = *f;
    }
    constexpr qint64 kDay = 86400;
    for (auto [section, key, min, max, out] :
         {std::tuple{ks, u"timeout"_s, qint64(1), qint64(300), &s.keyserver.timeoutSeconds},
          std::tuple{u"sign_in"_s, u"token_lifetime"_s, qint64(1), 30 * kDay, &s.tokenLifetime},
          std::tuple{u"sign_in"_s, u"lockout"_s, qint64(1), kDay, &s.lockout}}) {
        Result<qint64> d = r.duration(section, key, min, max, *out);
        if (!d)
            return fail(d.error());
        *out = *d;
    }
    Result<int> failures = r.integer(u"sign_in"_s, u"max_failures"_s, 1, 100, s.maxFailures);
    if (!failures)
        return fail(failures.error());
    s.maxFailures = *failures;
    return s;
}

} // namespace credvault::vault
