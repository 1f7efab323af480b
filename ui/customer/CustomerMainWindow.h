#pragma once

// CustomerMainWindow: the customer app's main window (credvault). Signed in, it shows the
// account's entries — sealed rows while locked, under a banner "Entries are sealed — Send
// me an unlock code / Enter code" with the masked address codes go to — and, once
// unlocked, the entries themselves until the session ends; the status bar always says
// locked or unlocked and until when. Everything it knows of servers and keys comes from
// the client configuration; network and crypto run off the UI thread (core/client).

#include "common/VaultMainWindow.h"

#include "client/AccountKey.h"
#include "client/ClientConfig.h"

#include <QtCore/QJsonObject>
#include <QtNetwork/QNetworkAccessManager>

#include <memory>

class QLabel;
class QPushButton;
class QTableView;

namespace credvault::client {
class EntryModel;
class UnlockSession;
class VaultApi;
class ApiClient;
} // namespace credvault::client

namespace credvault::ui {

class CustomerMainWindow : public VaultMainWindow {
    Q_OBJECT
public:
    explicit CustomerMainWindow(const QString &configPath, QWidget *parent = nullptr);
    ~CustomerMainWindow() override;

    /// Opens the sign-in dialog (window-modal, not blocking).
    void beginSignIn();
    client::EntryModel *entryModel() const { return m_model.get(); }
    client::UnlockSession *session() const { return m_session.get(); }
    QString bannerText() const;

Q_SIGNALS:
    void signedIn();
    void accountKeyChecked();

private:
    void onSignedIn(const QJsonObject &answer);
    void showBanner(const QString &text, bool offerUnlock);
    void sendCode();
    void enterCode();
    void onUnlocked(const QDateTime &until);
    void onLocked();

    QString m_configPath;
    std::optional<client::ClientConfig> m_config;
    QNetworkAccessManager m_network;
    std::unique_ptr<client::VaultApi> m_vault;
    std::unique_ptr<client::ApiClient> m_keyserver;
    std::unique_ptr<client::UnlockSession> m_session;
    std::unique_ptr<client::EntryModel> m_model;
    std::unique_ptr<client::KeyPins> m_pins;
    std::optional<client::CheckedKey> m_key;
    QUuid m_account;
    QString m_sentTo;

    QLabel *m_banner = nullptr;
    QPushButton *m_sendCode = nullptr;
    QPushButton *m_enterCode = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace credvault::ui
