#pragma once

// AccountTab: one customer's account in the support app — who it is (from the search),
// what the keyserver holds for it (unlock and notice addresses in full, write-only or
// not, a pending change of the unlock address), its entries (sealed rows while locked),
// and the tab's own staff unlock: "Unlock for support…" with reason and ticket, the
// countdown, "Lock now". Each tab's unlock ends on its own; closing the tab locks it.

#include "client/AccountKey.h"

#include <QtCore/QJsonObject>
#include <QtCore/QTimer>
#include <QtCore/QUuid>
#include <QtWidgets/QWidget>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QTabWidget;

namespace credvault::client {
class ApiClient;
struct ClientConfig;
class EntryModel;
class HeadPins;
class StaffApi;
class UnlockSession;
class VaultApi;
} // namespace credvault::client

namespace credvault::ui {

class AccountAuditView;
class EntryBrowser;
class LockStatusWidget;
class SecureClipboard;

class AccountTab : public QWidget {
    Q_OBJECT
public:
    /// `summary`: the account as the vault server's search lists it.
    AccountTab(const QJsonObject &summary, client::VaultApi &vault, client::StaffApi &staff,
               const client::ClientConfig &config, QNetworkAccessManager *keyserverNetwork, client::KeyPins &pins,
               client::HeadPins &auditHeads, SecureClipboard *clipboard, QWidget *parent = nullptr);
    ~AccountTab() override;

    QUuid account() const { return m_account; }
    QString customerName() const;
    client::EntryModel *model() const { return m_model.get(); }
    client::UnlockSession *session() const { return m_session.get(); }
    EntryBrowser *browser() const { return m_browser; }
    AccountAuditView *audit() const { return m_audit; }
    /// Shows the Audit page (and reads it anew).
    void showAudit();
    /// The keyserver's answer for the account (empty until it came).
    QJsonObject keyInfo() const { return m_keyInfo; }

    /// Reads the account's keyserver state and entries again.
    void refresh();
    void unlockForSupport();
    void lock();
    /// The editor for a new entry of this customer (locked or not).
    void addEntry();
    /// The editor for the selected entry: its fields while unlocked, a replacement while locked.
    void editEntry();
    /// Admin: change the unlock address or make the vault write-only; cancel a pending change.
    void changeUnlockEmail();
    void cancelUnlockEmailChange();

Q_SIGNALS:
    void statusMessage(const QString &text);
    void unlockChanged(); // unlocked, locked or expired
    void keyInfoChanged();

private:
    void showKeyInfo();
    /// Runs `then` with the account's key, checked with both servers and against this
    /// computer's pin (a first sight is pinned: the keyserver vouched for it).
    void withKey(std::function<void()> then);
    void updateEntryActions();
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
    client::ApiClient *m_keyserver = nullptr; // the public listener, for the key check
    client::KeyPins &m_pins;
    std::optional<client::CheckedKey> m_key;
    QLabel *m_who = nullptr;
    QLabel *m_keyState = nullptr;
    QPushButton *m_unlock = nullptr;
    QPushButton *m_lock = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_changeEmail = nullptr;
    QPushButton *m_cancelChange = nullptr;
    LockStatusWidget *m_countdown = nullptr;
    EntryBrowser *m_browser = nullptr;
    AccountAuditView *m_audit = nullptr;
    QTabWidget *m_pages = nullptr;
    bool m_wasUnlocked = false;
    QTimer m_pendingDue; // refresh() when a pending address change takes effect
};

} // namespace credvault::ui
