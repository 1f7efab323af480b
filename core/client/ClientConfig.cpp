#include "client/ClientConfig.h"

#include "common/ConfigReader.h"
#include "protocol/Base64Url.h"

#include <QtCore/QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace credvault::client {

namespace {

Result<QUrl> httpsUrl(const ConfigReader &r, const QString &section, const QString &key)
{
    Result<QString> text = r.required(section, key);
    if (!text)
        return fail(text.error());
    const QUrl url(*text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"https"_s || url.host().isEmpty() || url.port() <= 0 ||
        (!url.path().isEmpty() && url.path() != u"/"_s) || url.hasQuery() || url.hasFragment())
        return r.error(section, key, u"an https://HOST:PORT address, not '%1'"_s.arg(*text));
    QUrl clean;
    clean.setScheme(u"https"_s);
    clean.setHost(url.host());
    clean.setPort(url.port());
    return clean;
}

Result<QList<QSslCertificate>> caFile(const ConfigReader &r, const QString &section)
{
    Result<QString> path = r.readableFile(section, u"ca"_s);
    if (!path)
        return fail(path.error());
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(*path, QSsl::Pem);
    if (certs.isEmpty())
        return r.error(section, u"ca"_s, u"%1 holds no PEM certificate"_s.arg(*path));
    return certs;
}

Result<QByteArray> rawKey(const ConfigReader &r, const QString &section, const QString &key)
{
    Result<QString> text = r.required(section, key);
    if (!text)
        return fail(text.error());
    Result<QByteArray> raw = fromBase64Url(text->toLatin1());
    if (!raw || raw->size() != 32)
        return r.error(section, key, u"must be the key's 32 raw bytes in base64url"_s);
    return *raw;
}

} // namespace

Result<ClientConfig> ClientConfig::load(const QString &path, App app)
{
    Result<IniFile> ini = IniFile::load(path);
    if (!ini)
        return fail(ini.error());
    const ConfigReader r(*ini, QFileInfo(path).absolutePath());
    const bool support = app == App::Support;
    const QStringList known =
        support ? QStringList{u"vault"_s, u"keyserver"_s, u"staff"_s} : QStringList{u"vault"_s, u"keyserver"_s};
    for (const QString &section : ini->sections()) {
        if (!known.contains(section))
            return fail(ErrorKind::Config,
                        u"%1: unknown section [%2] (known: %3)"_s.arg(path, section, known.join(u", "_s)));
    }
    if (auto ok = r.onlyKeys(u"vault"_s, {u"url"_s, u"ca"_s}); !ok)
        return fail(ok.error());
    QStringList keyserverKeys{u"url"_s, u"ca"_s, u"redeem_key"_s, u"audit_key"_s};
    if (support)
        keyserverKeys << u"staff_url"_s;
    if (auto ok = r.onlyKeys(u"keyserver"_s, keyserverKeys); !ok)
        return fail(ok.error());
    if (auto ok = r.onlyKeys(u"staff"_s, {u"certificate"_s}); !ok)
        return fail(ok.error());

    ClientConfig c;
    c.path = QFileInfo(path).absoluteFilePath();
    for (auto [section, out] : {std::pair{u"vault"_s, &c.vault}, std::pair{u"keyserver"_s, &c.keyserver}}) {
        Result<QUrl> url = httpsUrl(r, section, u"url"_s);
        if (!url)
            return fail(url.error());
        Result<QList<QSslCertificate>> ca = caFile(r, section);
        if (!ca)
            return fail(ca.error());
        *out = Endpoint{*url, *ca};
    }
    Result<QByteArray> redeem = rawKey(r, u"keyserver"_s, u"redeem_key"_s);
    if (!redeem)
        return fail(redeem.error());
    std::copy(redeem->cbegin(), redeem->cend(), c.redeemKey.begin());
    Result<QByteArray> audit = rawKey(r, u"keyserver"_s, u"audit_key"_s);
    if (!audit)
        return fail(audit.error());
    std::copy(audit->cbegin(), audit->cend(), c.auditKey.begin());
    if (support) {
        Result<QUrl> staffUrl = httpsUrl(r, u"keyserver"_s, u"staff_url"_s);
        if (!staffUrl)
            return fail(staffUrl.error());
        c.keyserverStaff = Endpoint{*staffUrl, c.keyserver.ca};
        Result<QString> p12 = r.readableFile(u"staff"_s, u"certificate"_s);
        if (!p12)
            return fail(p12.error());
        c.staffCertificate = *p12;
    }
    return c;
}

} // namespace credvault::client
