#pragma once

// AccountTab: one customer's account in the support app — who it is (from the search),
// what the keyserver holds for it (unlock and notice addresses in full, write-only or
// not, a pending change of the unlock address), its entries (sealed rows while locked),
// and the tab's own staff unlock: "Unlock for support…" with reason and ticket, the
// countdown, "Lock now". Each tab's unlock ends on its own; closing the tab locks it.

#include <QtCore/QJsonObject>
#include <QtCore/QUuid>
#include <QtWidgets/QWidget>

#include <memory>

class QLabel;
class QNetworkAccessManager;
class QPushButton;

namespace credvault::client {
struct ClientConfig;
class EntryModel;
class StaffApi;
class UnlockSession;
class VaultApi;
} // namespace credvault::client

namespace credvault::ui {

class EntryBrowser;
class LockStatusWidget;
class SecureClipboard;

class AccountTab : public QWidget {
    Q_OBJECT
public:
    /// `summary`: the account as the vault server's search lists it.
    AccountTab(const QJsonObject &summary, client::VaultApi &vault, client::StaffApi &staff,
               const client::ClientConfig &config, QNetworkAccessManager *keyserverNetwork, SecureClipboard *clipboard,
               QWidget *parent = nullptr);
    ~AccountTab() override;

    QUuid account() const { return m_account; }
    QString customerName() const;
    client::EntryModel *model() const { return m_model.get(); }
    client::UnlockSession *session() const { return m_session.get(); }
    EntryBrowser *browser() const { return m_browser; }
    /// The keyserver's answer for the account (empty until it came).
    QJsonObject keyInfo() const { return m_keyInfo; }

    /// Reads the account's keyserver state and entries again.
    void refresh();
    void unlockForSupport();
    void lock();

Q_SIGNALS:
    void statusMessage(const QString &text);
    void unlockChanged(); // unlocked, locked or expired
    void keyInfoChanged();

private:
    void showKeyInfo();
    void onUnlocked();
    void onLocked();

    QUuid m_account;
    QJsonObject m_summary;
    QJsonObject m_keyInfo;
    client::VaultApi &m_vault;
    client::StaffApi &m_staff;
    SecureClipboard *m_clipboard;
    std::unique_ptr<client::UnlockSession> m_session;
    std::unique_ptr<client::EntryModel> m_model;
    QLabel *m_who = nullptr;
    QLabel *m_keyState = nullptr;
    QPushButton *m_unlock = nullptr;
    QPushButton *m_lock = nullptr;
    LockStatusWidget *m_countdown = nullptr;
    EntryBrowser *m_browser = nullptr;
    bool m_wasUnlocked = false;
};

} // namespace credvault::ui
