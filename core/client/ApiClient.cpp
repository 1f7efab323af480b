#include "client/ApiClient.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonDocument>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QSslConfiguration>

using namespace Qt::Literals::StringLiterals;

namespace credvault::client {

namespace {

ApiError transportError(const QString &code, const QString &message)
{
    return ApiError{0, code, message, {}};
}

ApiError errorOf(QNetworkReply *reply, bool timedOut, bool sentCertificate)
{
    if (timedOut)
        return transportError(u"timeout"_s, u"no answer in time"_s);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status > 0) {
        Result<ApiError> e = ApiError::fromJson(status, reply->readAll());
        if (e)
            return *e;
        return ApiError{status, u"bad_answer"_s, u"HTTP %1 with an answer that is not ours"_s.arg(status), {}};
    }
    // The server refused the client certificate we sent: its TLS alert, as OpenSSL words
    // it, is all there is to go by ("sslv3 alert certificate revoked", "tlsv13 alert certificate
    // required").
    const QString text = reply->errorString();
    if (sentCertificate && text.contains(u"alert"_s) &&
        (text.contains(u"certificate"_s) || text.contains(u"unknown ca"_s) || text.contains(u"handshake failure"_s))) {
        const QString reason = text.contains(u"revoked"_s)   ? u"revoked"_s
                               : text.contains(u"expired"_s) ? u"expired"_s
                                                             : u"not_accepted"_s;
        return ApiError{0, u"certificate_refused"_s, u"the server refused the client certificate (%1)"_s.arg(text),
                        QJsonObject{{u"reason"_s, reason}}};
    }
    switch (reply->error()) {
    case QNetworkReply::SslHandshakeFailedError:
        return transportError(
            u"tls_failed"_s,
            u"the server's certificate is not one this configuration trusts (%1)"_s.arg(reply->errorString()));
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError: return transportError(u"timeout"_s, u"no answer in time"_s);
    default: return transportError(u"unreachable"_s, reply->errorString());
    }
}

} // namespace

ApiClient::ApiClient(Endpoint endpoint, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_endpoint(std::move(endpoint)), m_network(network)
{}

void ApiClient::call(const QByteArray &method, const QString &path, const QJsonObject &body, ApiCallback done,
                     QObject *context)
{
    QUrl url = m_endpoint.url;
    const qsizetype q = path.indexOf(u'?');
    url.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest request(url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(m_endpoint.ca); // pinned: replaces the system's CAs
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (m_identity) {
        tls.setLocalCertificateChain(m_identity->chain);
        tls.setPrivateKey(m_identity->key);
    }
    request.setSslConfiguration(tls);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setRawHeader("Accept", "application/json");
    if (!m_authorization.isEmpty())
        request.setRawHeader("Authorization", m_authorization);
    QByteArray payload;
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    } else if (method == "POST" || method == "PUT") {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        payload = "{}";
    }
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, payload);
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    connect(
        reply, &QNetworkReply::finished, this,
        [this, reply, guard, hasContext, sentWith = m_authorization, sentCertificate = m_identity != nullptr,
         done = std::move(done)] {
            reply->deleteLater();
            const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (reply->error() != QNetworkReply::NoError || status < 200 || status >= 300) {
                const ApiError error = errorOf(reply, timedOut, sentCertificate);
                // Only for what is current: an answer to an older sign-in says nothing of this one.
                if (status == 401 && !sentWith.isEmpty() && sentWith == m_authorization)
                    Q_EMIT authorizationRefused(error);
                if (hasContext && !guard)
                    return;
                done(Unexpected<ApiError>(error));
                return;
            }
            if (hasContext && !guard)
                return;
            QJsonParseError parseError{};
            const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll(), &parseError);
            if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
                done(Unexpected<ApiError>(ApiError{status, u"bad_answer"_s, u"the answer is not a JSON object"_s, {}}));
                return;
            }
            done(doc.object());
        });
}

QString describe(const ApiError &error, const QString &server)
{
    // Translated with the apps' strings (context "ApiClient").
    if (error.httpStatus > 0)
        return error.message;
    if (error.code == u"tls_failed"_s)
        return QCoreApplication::translate("ApiClient", "the %1's certificate is not trusted by this configuration")
            .arg(server);
    if (error.code == u"certificate_refused"_s) {
        const QString reason = error.details.value(u"reason"_s).toString();
        if (reason == u"revoked"_s)
            return QCoreApplication::translate("ApiClient",
                                               "the %1 refused your staff certificate: it has been revoked")
                .arg(server);
        if (reason == u"expired"_s)
            return QCoreApplication::translate("ApiClient", "the %1 refused your staff certificate: it has expired")
                .arg(server);
        return QCoreApplication::translate(
                   "ApiClient", "the %1 refused your staff certificate: it is not from this deployment's staff CA")
            .arg(server);
    }
    if (error.code == u"no_certificate"_s)
        return QCoreApplication::translate("ApiClient",
                                           "no staff certificate is in use for the %1: sign out and in again to "
                                           "choose yours")
            .arg(server);
    if (error.code == u"timeout"_s)
        return QCoreApplication::translate("ApiClient", "the %1 did not answer in time").arg(server);
    if (error.code == u"bad_answer"_s)
        return QCoreApplication::translate("ApiClient", "the %1 gave an answer this app does not understand")
            .arg(server);
    return QCoreApplication::translate("ApiClient", "the %1 cannot be reached (%2)").arg(server, error.message);
}

} // namespace credvault::client
