#include "client/StaffApi.h"

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

void StaffApi::check(ApiCallback done, QObject *context)
{
    m_http.call("GET", u"/v1/health"_s, {}, std::move(done), context);
}

void StaffApi::account(const QUuid &account, ApiCallback done, QObject *context)
{
    m_http.call("GET", accountPath(account), {}, std::move(done), context);
}

void StaffApi::changeUnlockEmail(const QUuid &account, const std::optional<QString> &email, const QString &verification,
                                 ApiCallback done, QObject *context)
{
    m_http.call("PUT", accountPath(account, u"/unlock-email"_s),
                {{u"email"_s, email ? QJsonValue(email->trimmed()) : QJsonValue(QJsonValue::Null)},
                 {u"verification"_s, verification.trimmed()}},
                std::move(done), context);
}

void StaffApi::cancelUnlockEmailChange(const QUuid &account, ApiCallback done, QObject *context)
{
    m_http.call("DELETE", accountPath(account, u"/unlock-email-change"_s), {}, std::move(done), context);
}

void StaffApi::audit(const QUuid &account, ApiCallback done, QObject *context)
{
    m_http.call("GET", accountPath(account, u"/audit"_s), {}, std::move(done), context);
}

} // namespace credvault::client
