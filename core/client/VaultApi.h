#pragma once

// VaultApi: the vault server's routes (DESIGN.md §5) for the apps, over ApiClient. After
// a successful login the token is kept (in this object only; "remember me" stores it in
// the keychain, in the ui library) and sent with every call; logout forgets it.

#include "client/ApiClient.h"

#include <QtCore/QUuid>

#include <optional>

namespace credvault::client {

class VaultApi : public QObject {
    Q_OBJECT
public:
    VaultApi(Endpoint endpoint, QNetworkAccessManager *network, QObject *parent = nullptr);

    ApiClient &http() { return m_http; }
    void setToken(const QByteArray &token);
    QByteArray token() const;
    bool signedIn() const { return !m_http.authorization().isEmpty(); }

    /// `totp` empty: none sent. On success the token is kept.
    void login(const QString &username, const QString &password, const QString &totp, ApiCallback done,
               QObject *context = nullptr);
    void logout(ApiCallback done, QObject *context = nullptr);
    void me(ApiCallback done, QObject *context = nullptr);
    void changePassword(const QString &current, const QString &next, ApiCallback done, QObject *context = nullptr);
    /// Two-step TOTP enrolment: with `secret` and `code` empty, a new secret to show
    /// ({secret, otpauth_uri}); then the secret back with a code from the app confirms it.
    void enrolTotp(const QString &password, const QString &secret, const QString &code, ApiCallback done,
                   QObject *context = nullptr);

    void publicKey(const QUuid &account, ApiCallback done, QObject *context = nullptr);
    /// One page; `account` only for staff; `after` = the previous page's next_page.
    void entries(const std::optional<QUuid> &account, const std::optional<QUuid> &after, bool includeDeleted,
                 ApiCallback done, QObject *context = nullptr);
    void createEntry(const QUuid &id, const QUuid &account, const QByteArray &envelope, ApiCallback done,
                     QObject *context = nullptr);
    void updateEntry(const QUuid &id, qint64 revision, const QByteArray &envelope, ApiCallback done,
                     QObject *context = nullptr);
    void deleteEntry(const QUuid &id, ApiCallback done, QObject *context = nullptr);

    void requestUnlockCode(ApiCallback done, QObject *context = nullptr);
    void accessHistory(ApiCallback done, QObject *context = nullptr);

    // Staff only.
    /// Customers whose name, sign-in name, e-mail or account id matches `query` (at most
    /// 50): {items: [{account_id, display_name, username, email, disabled, has_vault, created_at}]}.
    void searchAccounts(const QString &query, ApiCallback done, QObject *context = nullptr);
    /// The vault server's own audit of an account: {items: [{seq, at, actor, action, details, hash}]}.
    void accountAudit(const QUuid &account, ApiCallback done, QObject *context = nullptr);

Q_SIGNALS:
    /// The server ended this sign-in (expired, signed out elsewhere, password changed): a
    /// call with the token was refused with 401. The token is forgotten before this.
    void signInEnded(const QString &message);

private:
    ApiClient m_http;
};

} // namespace credvault::client
