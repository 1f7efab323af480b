#pragma once

// StaffApi: the keyserver's `staff` listener (DESIGN.md §5) for the support app, over an
// ApiClient that presents the engineer's staff certificate. The keyserver names the
// engineer from the certificate: nothing here says who is asking. Staff unlocks go
// through UnlockSession::openForStaff with http().
//
// Manager note: QNetworkAccessManager reuses a TLS connection made with an older
// certificate, so a new identity clears the manager's connection cache.

#include "client/ApiClient.h"
#include "client/StaffIdentity.h"

#include <QtCore/QUuid>

#include <memory>
#include <optional>

namespace credvault::client {

class StaffApi : public QObject {
    Q_OBJECT
public:
    StaffApi(Endpoint staffListener, QNetworkAccessManager *network, QObject *parent = nullptr);

    void setIdentity(std::shared_ptr<const StaffIdentity> identity);
    const StaffIdentity *identity() const { return m_identity.get(); }
    ApiClient &http() { return m_http; }

    /// Proves the certificate is accepted (GET /v1/health over the staff listener).
    void check(ApiCallback done, QObject *context = nullptr);
    /// {account_id, key_id, public_key, unlock_email (null: write-only), notice_email,
    /// unlock_state, pending_change: {unlock_email, effective_at, requested_by} | null}.
    void account(const QUuid &account, ApiCallback done, QObject *context = nullptr);
    /// Admin only. `email` nullopt: the vault becomes write-only. `verification`: how the
    /// customer was verified (required). 202 {pending_change}.
    void changeUnlockEmail(const QUuid &account, const std::optional<QString> &email, const QString &verification,
                           ApiCallback done, QObject *context = nullptr);
    /// Admin only.
    void cancelUnlockEmailChange(const QUuid &account, ApiCallback done, QObject *context = nullptr);
    /// The keyserver's audit of the account with its signed head (as AccessHistory reads it).
    void audit(const QUuid &account, ApiCallback done, QObject *context = nullptr);

private:
    /// Every call but through http(): refused at once (code `no_certificate`) without an identity.
    void call(const QByteArray &method, const QString &path, const QJsonObject &body, ApiCallback done,
              QObject *context);

    QNetworkAccessManager *m_network;
    ApiClient m_http;
    std::shared_ptr<const StaffIdentity> m_identity;
};

} // namespace credvault::client
