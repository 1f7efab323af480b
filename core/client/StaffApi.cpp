#include "client/StaffApi.h"

#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>

using namespace Qt::Literals::StringLiterals;

namespace credvault::client {

namespace {

QString accountPath(const QUuid &account, const QString &tail = {})
{
    return u"/v1/staff/accounts/"_s + account.toString(QUuid::WithoutBraces) + tail;
}

} // namespace

StaffApi::StaffApi(Endpoint staffListener, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network), m_http(std::move(staffListener), network, this)
{}

void StaffApi::setIdentity(std::shared_ptr<const StaffIdentity> identity)
{
    m_identity = std::move(identity);
    m_http.setClientIdentity(m_identity ? std::shared_ptr<const ClientIdentity>(m_identity, &m_identity->tls)
                                        : nullptr);
    m_network->clearConnectionCache();
}

void StaffApi::call(const QByteArray &method, const QString &path, const QJsonObject &body, ApiCallback done,
                    QObject *context)
{
    if (!m_identity) {
        // Without a certificate the keyserver would refuse the handshake, which reads as
        // an untrusted server: say what is missing instead (and answer later, as always).
        QTimer::singleShot(0, context ? context : this, [done = std::move(done)] {
            done(Unexpected(ApiError{0, u"no_certificate"_s, u"no staff certificate"_s, {}}));
        });
        return;
    }
    m_http.call(method, path, body, std::move(done), context);
}

void StaffApi::check(ApiCallback done, QObject *context)
{
    call("GET", u"/v1/health"_s, {}, std::move(done), context);
}

void StaffApi::account(const QUuid &account, ApiCallback done, QObject *context)
{
    call("GET", accountPath(account), {}, std::move(done), context);
}

void StaffApi::changeUnlockEmail(const QUuid &account, const std::optional<QString> &email, const QString &verification,
                                 ApiCallback done, QObject *context)
{
    call("PUT", accountPath(account, u"/unlock-email"_s),
         {{u"email"_s, email ? QJsonValue(email->trimmed()) : QJsonValue(QJsonValue::Null)},
          {u"verification"_s, verification.trimmed()}},
         std::move(done), context);
}

void StaffApi::cancelUnlockEmailChange(const QUuid &account, ApiCallback done, QObject *context)
{
    call("DELETE", accountPath(account, u"/unlock-email-change"_s), {}, std::move(done), context);
}

void StaffApi::audit(const QUuid &account, ApiCallback done, QObject *context)
{
    call("GET", accountPath(account, u"/audit"_s), {}, std::move(done), context);
}

} // namespace credvault::client
