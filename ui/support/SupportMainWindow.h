#pragma once

// SupportMainWindow: the support app's main window (credvault-support). The engineer
// signs in to the vault server (a staff user) and presents their staff certificate to the
// keyserver (StaffCertificateDialog; its passphrase from the keychain when remembered);
// then finds customers as they type (name, sign-in name, e-mail, account id) and opens
// each account in a tab of its own (AccountTab), where its entries are shown and a staff
// unlock with reason and ticket opens them. Each tab's unlock ends on its own; signing
// out, quitting, the idle time (File › Settings) and the screen locking lock them all.

#include "client/ClientConfig.h"
#include "common/VaultMainWindow.h"
#include "desktop/AutoLock.h"
#include "desktop/SecureClipboard.h"

#include <QtCore/QJsonObject>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>

#include <memory>

class QLabel;
class QLineEdit;
class QTableWidget;
class QTabWidget;

namespace credvault::client {
class HeadPins;
class KeyPins;
class StaffApi;
class VaultApi;
} // namespace credvault::client

namespace credvault::ui {

class AccountTab;

class SupportMainWindow : public VaultMainWindow {
    Q_OBJECT
public:
    explicit SupportMainWindow(const QString &configPath, QWidget *parent = nullptr);
    ~SupportMainWindow() override;

    /// Opens the sign-in dialog (window-modal), then the certificate.
    void beginSignIn(const QString &username = {});
    /// Signs in without asking (the demo); the dialog opens if it is refused.
    void signInAs(const QString &username, const SecureBuffer &password);

    bool isReady() const { return m_ready; }
    QString bannerText() const;
    client::VaultApi *vault() const { return m_vault.get(); }
    client::StaffApi *staff() const { return m_staff.get(); }
    QTableWidget *results() const { return m_results; }
    QTabWidget *tabs() const { return m_tabs; }
    AccountTab *currentTab() const;
    QList<AccountTab *> accountTabs() const;
    /// The tab of `account`, opened if it is not yet.
    AccountTab *openAccount(const QJsonObject &summary);
    SecureClipboard &clipboard() { return m_clipboard; }
    AutoLock &autoLock() { return m_autoLock; }

Q_SIGNALS:
    /// Signed in and the certificate accepted: search works.
    void ready();

protected:
    /// Every tab locked and the sign-out sent, while the servers can still be told.
    void beforeClose(QuitBarrier &barrier) override;

private:
    void setBanner(const QString &text);
    void openSignInDialog(const QString &username, const QString &notice);
    void onSignedIn(const QJsonObject &answer, const QString &username);
    void chooseCertificate(const QString &notice);
    void onCertificateAccepted();
    void search();
    void showResults(const QJsonArray &items);
    void closeTab(int index);
    void updateLockStatus();
    void signOut();
    void openSettings();
    void applyAppSettings();
    /// Locks every unlocked tab (idle time, the screen locking).
    void lockAll(const QString &why);

    std::unique_ptr<client::ClientConfig> m_config;
    QNetworkAccessManager m_vaultNetwork;
    QNetworkAccessManager m_keyserverNetwork; // the staff listener (with the certificate) and the public one
    std::unique_ptr<client::VaultApi> m_vault;
    std::unique_ptr<client::StaffApi> m_staff;
    std::unique_ptr<client::KeyPins> m_pins;        // account → key id, this computer's
    std::unique_ptr<client::HeadPins> m_auditHeads; // account → the keyserver audit head last seen
    SecureClipboard m_clipboard;
    AutoLock m_autoLock; // armed while any tab is unlocked
    QString m_username;
    QString m_role;
    bool m_ready = false;
    QTimer m_searchDelay;
    quint64 m_searchSeq = 0;
    quint64 m_signIns = 0; // a new one on each sign-in and sign-out: older answers are dropped

    QLabel *m_banner = nullptr;
    QLineEdit *m_search = nullptr;
    QTableWidget *m_results = nullptr;
    QTabWidget *m_tabs = nullptr;
    QAction *m_signOutAction = nullptr;
};

} // namespace credvault::ui
