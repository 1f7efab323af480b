#include "client/VaultApi.h"

#include "protocol/Base64Url.h"

#include <QtCore/QUrl>

using namespace Qt::Literals::StringLiterals;

namespace credvault::client {

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace

VaultApi::VaultApi(Endpoint endpoint, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_http(std::move(endpoint), network, this)
{
    connect(&m_http, &ApiClient::authorizationRefused, this, [this](const ApiError &e) {
        // Only what says the token is over: a wrong current password (password change, TOTP
        // enrolment) is a 401 too, and leaves the sign-in as it is.
        if (e.code != u"no_token"_s && e.code != u"bad_token"_s && e.code != u"token_expired"_s)
            return;
        setToken({});
        Q_EMIT signInEnded(e.message);
    });
}

void VaultApi::setToken(const QByteArray &token)
{
    m_http.setAuthorization(token.isEmpty() ? QByteArray() : "Bearer " + token);
}

QByteArray VaultApi::token() const
{
    return m_http.authorization().mid(7);
}

void VaultApi::login(const QString &username, const QString &password, const QString &totp, ApiCallback done,
                     QObject *context)
{
    QJsonObject body{{u"username"_s, username}, {u"password"_s, password}};
    if (!totp.isEmpty())
        body.insert(u"totp"_s, totp);
    m_http.setAuthorization({});
    m_http.call(
        "POST", u"/v1/login"_s, body,
        [this, done = std::move(done)](ApiResult r) {
            if (r)
                setToken(r->value(u"token"_s).toString().toLatin1());
            done(std::move(r));
        },
        context);
}

void VaultApi::logout(ApiCallback done, QObject *context)
{
    m_http.call("POST", u"/v1/logout"_s, {}, std::move(done), context);
    setToken({}); // signed out here at once, whatever the server says (the call carries the token)
}

void VaultApi::me(ApiCallback done, QObject *context)
{
    m_http.call("GET", u"/v1/me"_s, {}, std::move(done), context);
}

void VaultApi::changePassword(const QString &current, const QString &next, ApiCallback done, QObject *context)
{
    m_http.call(
        "POST", u"/v1/me/password"_s, {{u"current_password"_s, current}, {u"new_password"_s, next}},
        [this, done = std::move(done)](ApiResult r) {
            if (r) // every other sign-in ended; this one goes on with the new token
                setToken(r->value(u"token"_s).toString().toLatin1());
            done(std::move(r));
        },
        context);
}

void VaultApi::enrolTotp(const QString &password, const QString &secret, const QString &code, ApiCallback done,
                         QObject *context)
{
    QJsonObject body{{u"password"_s, password}};
    if (!secret.isEmpty() || !code.isEmpty()) {
        body.insert(u"secret"_s, secret);
        body.insert(u"code"_s, code);
    }
    m_http.call("POST", u"/v1/me/totp"_s, body, std::move(done), context);
}

void VaultApi::publicKey(const QUuid &account, ApiCallback done, QObject *context)
{
    m_http.call("GET", u"/v1/accounts/%1/public-key"_s.arg(idText(account)), {}, std::move(done), context);
}

void VaultApi::entries(const std::optional<QUuid> &account, const std::optional<QUuid> &after, bool includeDeleted,
                       ApiCallback done, QObject *context)
{
    QStringList query;
    if (account)
        query << u"account_id="_s + idText(*account);
    if (after)
        query << u"after="_s + idText(*after);
    if (includeDeleted)
        query << u"include_deleted=true"_s;
    m_http.call("GET", u"/v1/entries"_s + (query.isEmpty() ? QString() : u"?"_s + query.join(u'&')), {},
                std::move(done), context);
}

void VaultApi::createEntry(const QUuid &id, const QUuid &account, const QByteArray &envelope, ApiCallback done,
                           QObject *context)
{
    m_http.call("POST", u"/v1/entries"_s,
                {{u"id"_s, idText(id)},
                 {u"account_id"_s, idText(account)},
                 {u"envelope"_s, QString::fromLatin1(toBase64Url(envelope))}},
                std::move(done), context);
}

void VaultApi::updateEntry(const QUuid &id, qint64 revision, const QByteArray &envelope, ApiCallback done,
                           QObject *context)
{
    m_http.call("PUT", u"/v1/entries/%1"_s.arg(idText(id)),
                {{u"revision"_s, revision}, {u"envelope"_s, QString::fromLatin1(toBase64Url(envelope))}},
                std::move(done), context);
}

void VaultApi::deleteEntry(const QUuid &id, ApiCallback done, QObject *context)
{
    m_http.call("DELETE", u"/v1/entries/%1"_s.arg(idText(id)), {}, std::move(done), context);
}

void VaultApi::requestUnlockCode(ApiCallback done, QObject *context)
{
    m_http.call("POST", u"/v1/unlock-code-request"_s, {}, std::move(done), context);
}

void VaultApi::accessHistory(ApiCallback done, QObject *context)
{
    m_http.call("GET", u"/v1/access-history"_s, {}, std::move(done), context);
}

void VaultApi::searchAccounts(const QString &query, ApiCallback done, QObject *context)
{
    m_http.call("GET",
                u"/v1/accounts?query="_s + QString::fromLatin1(QUrl::toPercentEncoding(query.trimmed().left(200))), {},
                std::move(done), context);
}

void VaultApi::accountAudit(const QUuid &account, ApiCallback done, QObject *context)
{
    m_http.call("GET", u"/v1/accounts/%1/audit"_s.arg(idText(account)), {}, std::move(done), context);
}

} // namespace credvault::client
