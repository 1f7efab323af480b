#pragma once

// ApiClient: JSON over HTTPS to one of our servers, for the apps' client layer, on
// QNetworkAccessManager. TLS is pinned: only the CAs of the endpoint's configuration are
// trusted (never the system's), TLS 1.2 at least. Every call has a timeout and ends in
// exactly one callback, on the thread of the ApiClient, with the answer's JSON object or
// a typed ApiError:
//
//   httpStatus > 0   the server's error (its code, message and details: tries_left,
//                    retry_after_s, current_revision …)
//   httpStatus == 0  code "unreachable" (refused, no route, DNS), "tls_failed" (the
//                    certificate does not verify against the pinned CA), "timeout",
//                    "bad_answer" (not our JSON), "certificate_refused" (the server
//                    refused our client certificate; details.reason "revoked",
//                    "expired" or "not_accepted")
//
// QNetworkAccessManager keeps connections open per host and port whatever the TLS
// settings: give each client configuration its own manager.

#include "client/ClientConfig.h"
#include "common/Result.h"
#include "protocol/ApiError.h"

#include <QtCore/QJsonObject>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslKey>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace credvault::client {

/// A client certificate for listeners that ask for one (the keyserver's `staff`).
struct ClientIdentity {
    QSslCertificate certificate;
    QSslKey key;
    QList<QSslCertificate> chain; // the certificate first, then its CAs
};

using ApiResult = Result<QJsonObject, ApiError>;
using ApiCallback = std::function<void(ApiResult)>;

class ApiClient : public QObject {
    Q_OBJECT
public:
    ApiClient(Endpoint endpoint, QNetworkAccessManager *network, QObject *parent = nullptr);

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    /// Sent with every call as "Authorization: VALUE" ("Bearer …", "Session …"); empty: none.
    void setAuthorization(const QByteArray &value) { m_authorization = value; }
    const QByteArray &authorization() const { return m_authorization; }
    const Endpoint &endpoint() const { return m_endpoint; }
    /// Presented in every TLS handshake from now on; null: none.
    void setClientIdentity(std::shared_ptr<const ClientIdentity> identity) { m_identity = std::move(identity); }

    /// `path` with its query ("/v1/entries?after=…"). `body` empty: none. `done` runs once;
    /// not at all if `context` (when given) is gone by then.
    void call(const QByteArray &method, const QString &path, const QJsonObject &body, ApiCallback done,
              QObject *context = nullptr);

Q_SIGNALS:
    /// A call sent with the current Authorization was refused with 401 (before its callback
    /// runs): the sign-in or session it carried is over.
    void authorizationRefused(const credvault::ApiError &error);

private:
    Endpoint m_endpoint;
    QNetworkAccessManager *m_network;
    QByteArray m_authorization;
    std::shared_ptr<const ClientIdentity> m_identity;
    int m_timeoutMs = 15000;
};

/// A one-line description of a failure for people ("the vault server cannot be reached").
QString describe(const ApiError &error, const QString &server);

} // namespace credvault::client
