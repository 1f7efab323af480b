#include "vault/KeyserverClient.h"

#include <QtCore/QJsonDocument>

#include <curl/curl.h>

using namespace Qt::Literals::StringLiterals;

namespace credvault::vault {

namespace {

constexpr qsizetype kMaxReply = 64 * 1024 * 1024; // an audit of a busy account fits

struct CurlGlobal {
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

struct Download {
    QByteArray body;
    bool tooBig = false;
};

size_t collect(char *data, size_t size, size_t count, void *user)
{
    auto *d = static_cast<Download *>(user);
    const size_t n = size * count;
    if (d->body.size() + qsizetype(n) > kMaxReply) {
        d->tooBig = true;
        return 0; // aborts the transfer
    }
    d->body.append(data, qsizetype(n));
    return n;
}

} // namespace

QJsonObject KeyserverReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

KeyserverClient::KeyserverClient(KeyserverEndpoint endpoint) : m_endpoint(std::move(endpoint))
{
    static const CurlGlobal global;
}

Result<KeyserverReply> KeyserverClient::call(const QByteArray &method, const QString &path,
                                             const QByteArray &jsonBody) const
{
    CURL *curl = curl_easy_init();
    if (!curl)
        return fail(ErrorKind::Internal, u"cannot start libcurl"_s);
    const QByteArray url = (m_endpoint.url + path).toUtf8();
    const QByteArray ca = m_endpoint.ca.toLocal8Bit();
    const QByteArray cert = m_endpoint.certificate.toLocal8Bit();
    const QByteArray key = m_endpoint.privateKey.toLocal8Bit();
    Download download;
    char errors[CURL_ERROR_SIZE] = {};
    curl_slist *headers = curl_slist_append(nullptr, "Accept: application/json");
    if (!jsonBody.isNull())
        headers = curl_slist_append(headers, "Content-Type: application/json");

    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "https");
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.constData());
    if (method == "GET")
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    if (!jsonBody.isNull()) {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, jsonBody.constData());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(jsonBody.size()));
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_SSLVERSION, long(CURL_SSLVERSION_TLSv1_2));
    curl_easy_setopt(curl, CURLOPT_CAINFO, ca.constData());
    curl_easy_setopt(curl, CURLOPT_CAPATH, nullptr); // only the deployment's CA
    curl_easy_setopt(curl, CURLOPT_SSLCERT, cert.constData());
    curl_easy_setopt(curl, CURLOPT_SSLCERTTYPE, "PEM");
    curl_easy_setopt(curl, CURLOPT_SSLKEY, key.constData());
    curl_easy_setopt(curl, CURLOPT_SSLKEYTYPE, "PEM");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &download);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, long(std::min<qint64>(m_endpoint.timeoutSeconds, 10)));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, long(m_endpoint.timeoutSeconds));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errors);
    const CURLcode rc = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    if (download.tooBig)
        return fail(ErrorKind::Network,
                    u"the keyserver's answer to %1 %2 is over %3 MiB"_s.arg(QString::fromLatin1(method), path)
                        .arg(kMaxReply >> 20),
                    u"keyserver_unavailable"_s);
    if (rc != CURLE_OK)
        return fail(ErrorKind::Network,
                    u"the keyserver at %1 cannot be reached: %2"_s.arg(
                        m_endpoint.url, QString::fromLocal8Bit(errors[0] ? errors : curl_easy_strerror(rc))),
                    u"keyserver_unavailable"_s);
    return KeyserverReply{int(status), std::move(download.body)};
}

} // namespace credvault::vault
