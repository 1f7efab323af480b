#pragma once

// UnlockSession: the app's side of an unlock (DESIGN.md §3, §5). It makes a fresh X25519
// session keypair, seals the typed code to the keyserver's redemption key (pinned in the
// client configuration) bound to the account and the session key, and redeems it on the
// keyserver's public listener — or, in the support app, asks the `staff` listener for a
// staff unlock with a reason and a ticket. While unlocked it asks the keyserver to decapsulate the
// encs of sealed entries (batches of up to 10,000) and opens the answer with the session
// key. It locks — wiping the session key and id — when asked (telling the keyserver), when
// the session expires (a timer), and when the keyserver says the session is over (401).
//
// Errors are ApiErrors: the keyserver's (wrong_code with tries_left, blocked with
// retry_after_s, code_expired, no_code …) or, before any request, httpStatus 0 with code
// "bad_code_format" (what was typed is not a code) or "locked" (no session).

#include "client/ApiClient.h"
#include "crypto/SecureBuffer.h"
#include "crypto/X25519.h"

#include <QtCore/QDateTime>
#include <QtCore/QTimer>
#include <QtCore/QUuid>

#include <memory>
#include <optional>

namespace credvault::client {

class UnlockSession : public QObject {
    Q_OBJECT
public:
    enum class LockReason { Requested, Expired, EndedByServer };
    Q_ENUM(LockReason)

    UnlockSession(Endpoint keyserver, const crypto::X25519PublicKey &redeemKey, QNetworkAccessManager *network,
                  QObject *parent = nullptr);
    ~UnlockSession() override;

    ApiClient &http() { return m_http; }
    bool isUnlocked() const { return m_key != nullptr; }
    QUuid account() const { return m_account; }
    QDateTime expiresAt() const { return m_expiresAt; }

    /// Redeems a code the customer typed for `account`; on success the session is open.
    void redeem(const QUuid &account, const QString &typedCode, std::function<void(Result<void, ApiError>)> done,
                QObject *context = nullptr);

    /// Opens a staff unlock of `account` through the keyserver's `staff` listener (`staff`
    /// carries the engineer's certificate), for `reason` and `ticket` (both required; the
    /// keyserver mails the customer a notice naming them before the session exists). The
    /// session is then used on the public listener like a customer's.
    void openForStaff(ApiClient &staff, const QUuid &account, const QString &reason, const QString &ticket,
                      std::function<void(Result<void, ApiError>)> done, QObject *context = nullptr);

    /// The 32-byte KEM shared secrets for `encs` (32 bytes each, in order), plus the
    /// indices the keyserver could not decapsulate.
    struct Secrets {
        SecureBuffer secrets;
        QList<int> failed;
    };
    using SecretsCallback = std::function<void(Result<Secrets, ApiError>)>;
    void decapsulate(const QList<QByteArray> &encs, SecretsCallback done, QObject *context = nullptr);

    /// Locks now (the session key is wiped at once) and tells the keyserver; `told`, if
    /// given, is called once the keyserver answered (or could not be reached).
    void lock(std::function<void()> told = {});

Q_SIGNALS:
    void unlocked(const QDateTime &expiresAt);
    void locked(credvault::client::UnlockSession::LockReason reason);

private:
    void start(ApiClient &via, const QString &path, QJsonObject body, const QUuid &account,
               std::shared_ptr<crypto::X25519PrivateKey> key, std::function<void(Result<void, ApiError>)> done,
               QObject *context);
    void endLocally(LockReason reason);

    ApiClient m_http;
    crypto::X25519PublicKey m_redeemKey{};
    QUuid m_account;
    std::unique_ptr<crypto::X25519PrivateKey> m_key; // set while unlocked
    SecureBuffer m_sessionId;                        // base64url text of the id
    quint64 m_generation = 0;                        // one more for each session: late answers are told apart
    QDateTime m_expiresAt;
    QTimer m_expiry;
};

} // namespace credvault::client
