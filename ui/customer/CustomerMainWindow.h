#pragma once

// CustomerMainWindow: the customer app's main window (credvault). Signed in — by the
// sign-in dialog or a token remembered in the keychain — it shows the account's entries:
// sealed rows while locked, under a banner "Entries are sealed — Send me an unlock code /
// Enter code" with the masked address codes go to, and, once unlocked, the entries
// themselves until the session ends. The details of the selected entry sit beside the
// list; entries are added, edited and deleted — also while locked — in EntryEditor. The
// status bar always says locked or unlocked and until when.
//
// The account key is checked before anything is sealed (AccountKey): a first use asks the
// person to trust it (the masked unlock address shown), a changed key is refused with a
// warning and nothing is sealed to it unless the person accepts the change. When the
// vault server ends the sign-in (401) the window locks, forgets the account and asks to
// sign in again. Everything it knows of servers and keys comes from the client
// configuration; network and crypto run off the UI thread (core/client).

#include "common/VaultMainWindow.h"

#include "client/AccountKey.h"
#include "client/ClientConfig.h"
#include "crypto/SecureBuffer.h"
#include "desktop/AutoLock.h"
#include "desktop/SecureClipboard.h"

#include <QtCore/QJsonObject>
#include <QtNetwork/QNetworkAccessManager>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace credvault::client {
class EntryFilter;
class EntryModel;
class UnlockSession;
class VaultApi;
class ApiClient;
} // namespace credvault::client

namespace credvault::ui {

class AccessHistoryWatch;
class EntryDetails;
class EntryTransfer;
class EntryBrowser;
class SignInDialog;
class TokenStore;

class CustomerMainWindow : public VaultMainWindow {
    Q_OBJECT
public:
    explicit CustomerMainWindow(const QString &configPath, QWidget *parent = nullptr);
    ~CustomerMainWindow() override;

    /// Signs in with the remembered token if there is one, else opens the sign-in dialog
    /// (window-modal, not blocking) with `username` filled in.
    void beginSignIn(const QString &username = {});
    /// Signs in without asking (scripts, the demo); the dialog opens if it is refused.
    void signInAs(const QString &username, const SecureBuffer &password);

    client::EntryModel *entryModel() const { return m_model.get(); }
    client::UnlockSession *session() const { return m_session.get(); }
    client::VaultApi *vault() const { return m_vault.get(); }
    QTableView *entryList() const;
    EntryDetails *details() const;
    QString bannerText() const;
    bool isSignedIn() const { return !m_account.isNull(); }
    /// True once the account key is checked and trusted: entries can be sealed.
    bool canSeal() const { return m_key.has_value(); }
    /// The model row of the selected entry, or -1.
    int selectedRow() const;
    /// Selects the entry at model row `row` (if the filters show it).
    void selectEntry(int row);
    client::EntryFilter *filter() const;

    QAction *addEntryAction() const { return m_addAction; }
    QAction *editEntryAction() const { return m_editAction; }
    QAction *deleteEntryAction() const { return m_deleteAction; }
    QAction *signOutAction() const { return m_signOutAction; }
    SecureClipboard &clipboard() { return m_clipboard; }
    AutoLock &autoLock() { return m_autoLock; }
    AccessHistoryWatch *accessHistory() const { return m_history; }
    EntryTransfer *transfer() const { return m_transfer; }

protected:
    /// The vault locked while the keyserver can still be told.
    void beforeClose(QuitBarrier &barrier) override;

Q_SIGNALS:
    void signedIn();
    void signedOut();
    /// The key check ended (trusted, refused or failed); canSeal() tells which.
    void accountKeyChecked();

private:
    void openSignInDialog(const QString &username, const QString &notice);
    void onSignedIn(const QJsonObject &answer, const QString &username);
    void checkKey(bool acceptingChange = false);
    void onKeyChecked(Result<client::CheckedKey, ApiError> key);
    void confirmFirstUse(const client::CheckedKey &key);
    void warnKeyChanged(const ApiError &error);
    void trustKey(const client::CheckedKey &key);
    void showLockedBanner();
    void showBanner(const QString &text, bool offerUnlock);
    void sendCode();
    /// The text for a refused code request.
    static QString explainCodeRequest(const ApiError &error);
    void enterCode();
    void onUnlocked(const QDateTime &until);
    void onLocked();
    void onSignInEnded(const QString &message);
    void signOut();
    void forgetAccount();
    void updateActions();
    void selectionChanged();
    void addEntry();
    void editEntry();
    void deleteEntry();
    void openPasswordGenerator();
    void openSettings();
    /// Clipboard time and idle time from the settings.
    void applyAppSettings();

    QString m_configPath;
    std::optional<client::ClientConfig> m_config;
    QNetworkAccessManager m_network;
    std::unique_ptr<client::VaultApi> m_vault;
    std::unique_ptr<client::ApiClient> m_keyserver;
    std::unique_ptr<client::UnlockSession> m_session;
    std::unique_ptr<client::EntryModel> m_model;
    std::unique_ptr<client::KeyPins> m_pins;
    std::unique_ptr<TokenStore> m_tokens;
    std::optional<client::CheckedKey> m_key; // checked and trusted
    QUuid m_account;
    QString m_username;
    QString m_sentTo;
    bool m_writeOnly = false;
    SecureClipboard m_clipboard; // copies of fields: marked sensitive, cleared on time, lock and quit
    AutoLock m_autoLock;         // idle time and the screen locking
    quint64 m_signIns = 0;       // bumped at each sign-in and sign-out: late answers are dropped

    QLabel *m_banner = nullptr;
    QPushButton *m_sendCode = nullptr;
    QPushButton *m_enterCode = nullptr;
    EntryBrowser *m_browser = nullptr;       // search, filters, list, details
    EntryTransfer *m_transfer = nullptr;     // export and import
    AccessHistoryWatch *m_history = nullptr; // the audit of the account: checked, staff unlocks told
    QAction *m_addAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_historyAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
};

} // namespace credvault::ui
