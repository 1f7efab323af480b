#include "customer/CustomerMainWindow.h"

#include "common/QuitBarrier.h"
#include "customer/AccessHistoryWatch.h"
#include "customer/EntryTransfer.h"
#include "customer/SettingsDialog.h"
#include "widgets/AccessHistoryDialog.h"
#include "widgets/AppSettingsPage.h"

#include "client/ApiClient.h"
#include "client/EntryFilter.h"
#include "client/EntryModel.h"
#include "client/UnlockSession.h"
#include "client/VaultApi.h"
#include "desktop/TokenStore.h"
#include "widgets/EntryBrowser.h"
#include "widgets/EntryDetails.h"
#include "widgets/EntryEditor.h"
#include "widgets/EntryKinds.h"
#include "widgets/LockStatusWidget.h"
#include "widgets/MessageBoxes.h"
#include "widgets/PasswordGeneratorDialog.h"
#include "widgets/SignInDialog.h"
#include "widgets/UnlockDialog.h"

#include <QtCore/QDir>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTimer>
#include <QtGui/QAction>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTableView>
#include <QtWidgets/QToolBar>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

namespace {

constexpr int kStatusMs = 10000;

// "3f2a 91c0 …": a key id as people compare it.
QString groupedHex(const QString &hex)
{
    QStringList groups;
    for (int i = 0; i < hex.size(); i += 4)
        groups << hex.mid(i, 4);
    return groups.join(u' ');
}

QString fingerprint(const KeyId &id)
{
    return groupedHex(QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(id.data()), 16).toHex()));
}

} // namespace

CustomerMainWindow::CustomerMainWindow(const QString &configPath, QWidget *parent)
    : VaultMainWindow(tr("CredVault"), parent), m_configPath(configPath)
{
    setObjectName(u"customerMainWindow"_s);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    auto *bannerRow = new QHBoxLayout;
    m_banner = new QLabel(central);
    m_banner->setObjectName(u"banner"_s);
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText); // servers' messages are shown as they are
    bannerRow->addWidget(m_banner, 1);
    m_sendCode = new QPushButton(tr("Send me an unlock code"), central);
    m_sendCode->setObjectName(u"sendCode"_s);
    m_enterCode = new QPushButton(tr("Enter code"), central);
    m_enterCode->setObjectName(u"enterCode"_s);
    bannerRow->addWidget(m_sendCode);
    bannerRow->addWidget(m_enterCode);
    layout->addLayout(bannerRow);

    // Search, filters, the list and the details.
    m_browser = new EntryBrowser(&m_clipboard, central);
    connect(m_browser, &EntryBrowser::selectionChanged, this, &CustomerMainWindow::selectionChanged);
    connect(m_browser->details(), &EntryDetails::copied, this, [this](const QString &what) {
        statusBar()->showMessage(tr("%1 copied. It leaves the clipboard in %n seconds, or when the vault locks.",
                                    nullptr, m_clipboard.clearAfter() / 1000)
                                     .arg(what),
                                 kStatusMs);
    });
    auto *find = new QAction(tr("Search"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_browser, &EntryBrowser::focusSearch);
    addAction(find);
    layout->addWidget(m_browser, 1);
    setCentralWidget(central);

    // Entry actions: a menu, a toolbar, keys.
    QMenu *entries = menuBar()->addMenu(tr("&Entry"));
    menuBar()->insertMenu(vaultMenu()->menuAction(), entries);
    m_addAction = entries->addAction(tr("&Add…"), this, &CustomerMainWindow::addEntry);
    m_addAction->setObjectName(u"addEntry"_s);
    m_addAction->setShortcut(QKeySequence::New);
    m_editAction = entries->addAction(tr("&Edit…"), this, &CustomerMainWindow::editEntry);
    m_editAction->setObjectName(u"editEntry"_s);
    m_editAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_deleteAction = entries->addAction(tr("&Delete…"), this, &CustomerMainWindow::deleteEntry);
    m_deleteAction->setObjectName(u"deleteEntry"_s);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    entries->addSeparator();
    // Copying the selected entry's fields from the keyboard (the keys KeePassXC uses).
    const auto copyAction = [&](const QString &text, const QString &button, const QKeySequence &keys) {
        QAction *a = entries->addAction(text, this, [this, button] {
            if (!m_browser->details()->copy(button))
                statusBar()->showMessage(tr("Nothing to copy: select an open entry that has it."), kStatusMs);
        });
        a->setObjectName(button);
        a->setShortcut(keys);
        return a;
    };
    copyAction(tr("Copy &user name"), u"copyUsername"_s, QKeySequence(Qt::CTRL | Qt::Key_B));
    QAction *copySecret = copyAction(tr("Copy &secret"), u"copySecret"_s, QKeySequence::Copy);
    copySecret->setShortcutContext(Qt::WidgetWithChildrenShortcut); // text fields keep Ctrl+C
    m_browser->table()->addAction(copySecret);
    copyAction(tr("Copy &address"), u"copyUrl"_s, QKeySequence(Qt::CTRL | Qt::Key_U));
    copyAction(tr("Copy &host"), u"copyHost"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    entries->addSeparator();
    QAction *generator =
        entries->addAction(tr("&Password generator…"), this, &CustomerMainWindow::openPasswordGenerator);
    generator->setObjectName(u"passwordGenerator"_s);
    generator->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_refreshAction = entries->addAction(tr("&Reload"), this, [this] {
        if (m_model)
            m_model->refresh();
    });
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    QMenu *account = menuBar()->addMenu(tr("&Account"));
    menuBar()->insertMenu(vaultMenu()->menuAction(), account);
    m_historyAction = account->addAction(tr("Access &history…"), this, [this] {
        if (!isSignedIn())
            return;
        if (m_history->isWatching())
            m_history->check(true);
        else
            m_history->start(m_vault.get(), m_account, m_config->auditKey, true);
    });
    m_historyAction->setObjectName(u"accessHistory"_s);
    m_historyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    account->addSeparator();
    m_transfer = new EntryTransfer(
        this, [this] { return m_model.get(); }, [this] { return m_key ? &*m_key : nullptr; });
    connect(m_transfer, &EntryTransfer::finished, this, [this](bool ok, const QString &message) {
        if (ok)
            statusBar()->showMessage(message, kStatusMs);
    });
    m_exportAction = account->addAction(tr("&Export…"), m_transfer, &EntryTransfer::startExport);
    m_exportAction->setObjectName(u"exportEntries"_s);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_importAction = account->addAction(tr("&Import…"), m_transfer, &EntryTransfer::startImport);
    m_importAction->setObjectName(u"importEntries"_s);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    account->addSeparator();
    QAction *settings = account->addAction(tr("&Settings…"), this, &CustomerMainWindow::openSettings);
    settings->setObjectName(u"settings"_s);
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    m_signInAction = new QAction(tr("Sign &in…"), this);
    m_signInAction->setObjectName(u"signIn"_s);
    connect(m_signInAction, &QAction::triggered, this, [this] { beginSignIn(); });
    addFileAction(m_signInAction);
    m_signOutAction = new QAction(tr("Sign &out"), this);
    m_signOutAction->setObjectName(u"signOut"_s);
    connect(m_signOutAction, &QAction::triggered, this, &CustomerMainWindow::signOut);
    addFileAction(m_signOutAction);
    QToolBar *toolbar = addToolBar(tr("Entries"));
    toolbar->setObjectName(u"entryToolbar"_s);
    toolbar->setMovable(false);
    toolbar->addActions({m_addAction, m_editAction, m_deleteAction});
    toolbar->addSeparator();
    toolbar->addAction(lockAction());
    connect(m_browser->table(), &QTableView::doubleClicked, this, &CustomerMainWindow::editEntry);

    connect(m_sendCode, &QPushButton::clicked, this, &CustomerMainWindow::sendCode);
    connect(m_enterCode, &QPushButton::clicked, this, &CustomerMainWindow::enterCode);
    updateActions();

    Result<client::ClientConfig> config = client::ClientConfig::load(configPath);
    if (!config) {
        showBanner(tr("The configuration cannot be used: %1").arg(config.error().message), false);
        return;
    }
    m_config = std::move(*config);
    m_vault = std::make_unique<client::VaultApi>(m_config->vault, &m_network);
    m_keyserver = std::make_unique<client::ApiClient>(m_config->keyserver, &m_network);
    m_session = std::make_unique<client::UnlockSession>(m_config->keyserver, m_config->redeemKey, &m_network);
    const QDir configDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation));
    m_pins = std::make_unique<client::KeyPins>(configDir.filePath(u"key-pins.ini"_s));
    m_tokens = std::make_unique<TokenStore>(u"credvault"_s, m_config->vault.url);
    m_history = new AccessHistoryWatch(this, configDir.filePath(u"access-history.ini"_s));
    connect(this, &CustomerMainWindow::accountKeyChecked, this, [this] {
        if (isSignedIn())
            m_history->start(m_vault.get(), m_account, m_config->auditKey);
    });
    connect(m_session.get(), &client::UnlockSession::unlocked, this, &CustomerMainWindow::onUnlocked);
    connect(m_session.get(), &client::UnlockSession::locked, this, &CustomerMainWindow::onLocked);
    connect(m_vault.get(), &client::VaultApi::signInEnded, this, &CustomerMainWindow::onSignInEnded);
    connect(this, &VaultMainWindow::lockRequested, this, [this] { m_session->lock(); });
    applyAppSettings();
    connect(&m_autoLock, &AutoLock::lockDue, this, [this](const QString &why) {
        if (!m_session->isUnlocked())
            return;
        m_session->lock();
        statusBar()->showMessage(m_autoLock.message(why), kStatusMs);
    });
    showBanner(tr("Not signed in."), false);
    updateActions();
}

CustomerMainWindow::~CustomerMainWindow()
{
    if (m_session)
        m_session->lock(); // wipe on quit (closed without closeEvent)
    m_browser->setModel(nullptr);
}

void CustomerMainWindow::beforeClose(QuitBarrier &barrier)
{
    if (m_session && m_session->isUnlocked())
        m_session->lock(barrier.expect());
}

QString CustomerMainWindow::bannerText() const
{
    return m_banner->text();
}

void CustomerMainWindow::showBanner(const QString &text, bool offerUnlock)
{
    m_banner->setText(text);
    m_sendCode->setVisible(offerUnlock);
    m_enterCode->setVisible(offerUnlock);
}

void CustomerMainWindow::showLockedBanner()
{
    if (m_writeOnly)
        showBanner(tr("This vault has no unlock address: entries can be added and changed, not read."), false);
    else
        showBanner(tr("Entries are sealed. Unlock codes for this vault go to %1.").arg(m_sentTo), true);
}

QTableView *CustomerMainWindow::entryList() const
{
    return m_browser->table();
}

EntryDetails *CustomerMainWindow::details() const
{
    return m_browser->details();
}

client::EntryFilter *CustomerMainWindow::filter() const
{
    return m_browser->filter();
}

int CustomerMainWindow::selectedRow() const
{
    return m_browser->selectedRow();
}

void CustomerMainWindow::selectEntry(int row)
{
    m_browser->selectEntry(row);
}

void CustomerMainWindow::updateActions()
{
    const bool signedIn = isSignedIn();
    const bool selected = selectedRow() >= 0;
    m_addAction->setEnabled(signedIn && canSeal());
    m_editAction->setEnabled(signedIn && canSeal() && selected);
    m_deleteAction->setEnabled(signedIn && selected);
    m_refreshAction->setEnabled(signedIn);
    m_historyAction->setEnabled(signedIn);
    m_exportAction->setEnabled(signedIn);
    m_importAction->setEnabled(signedIn && canSeal());
    m_signOutAction->setEnabled(signedIn);
    m_signInAction->setEnabled(!signedIn && m_vault != nullptr);
}

// --- settings

void CustomerMainWindow::applyAppSettings()
{
    m_clipboard.setClearAfter(AppSettingsPage::clipboardSeconds() * 1000);
    m_autoLock.setIdleTimeout(AppSettingsPage::idleMinutes() * 60 * 1000);
}

void CustomerMainWindow::openSettings()
{
    if (findChild<SettingsDialog *>())
        return;
    const auto open = [this](bool totpEnrolled) {
        auto *dialog = new SettingsDialog(isSignedIn() ? m_vault.get() : nullptr, totpEnrolled, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &SettingsDialog::appSettingsSaved, this, &CustomerMainWindow::applyAppSettings);
        connect(dialog, &SettingsDialog::passwordChanged, this, [this] {
            // A remembered sign-in goes on with the new token.
            if (Result<std::pair<QString, SecureBuffer>> r = m_tokens->recall(); r && r->first == m_username)
                (void)m_tokens->remember(m_username, m_vault->token());
        });
        dialog->open();
    };
    if (!isSignedIn())
        return open(false);
    m_vault->me(
        [open, signIn = m_signIns, this](client::ApiResult r) {
            if (signIn == m_signIns)
                open(r && r->value(u"totp_enrolled"_s).toBool());
        },
        this);
}

// --- signing in and out

void CustomerMainWindow::beginSignIn(const QString &username)
{
    if (!m_vault)
        return;
    Result<std::pair<QString, SecureBuffer>> remembered = m_tokens->recall();
    if (!remembered || (!username.isEmpty() && remembered->first != username)) {
        openSignInDialog(username, {});
        return;
    }
    const QString name = remembered->first;
    m_vault->setToken(remembered->second.view().toByteArray());
    showBanner(tr("Signing in as %1…").arg(name), false);
    m_vault->me(
        [this, name](client::ApiResult r) {
            if (r) {
                onSignedIn(*r, name);
                return;
            }
            m_vault->setToken({});
            if (r.error().httpStatus == 401) {
                (void)m_tokens->forget(); // that sign-in is over
                openSignInDialog(name, tr("Your remembered sign-in has ended. Sign in again."));
            } else {
                openSignInDialog(name, client::describe(r.error(), tr("vault server")));
            }
            showBanner(tr("Not signed in."), false);
        },
        this);
}

void CustomerMainWindow::signInAs(const QString &username, const SecureBuffer &password)
{
    if (!m_vault)
        return;
    showBanner(tr("Signing in as %1…").arg(username), false);
    m_vault->login(
        username, QString::fromUtf8(password.view()), {},
        [this, username](client::ApiResult r) {
            if (r) {
                onSignedIn(*r, username);
                return;
            }
            showBanner(tr("Not signed in."), false);
            openSignInDialog(username, SignInDialog::explain(r.error()));
        },
        this);
}

void CustomerMainWindow::openSignInDialog(const QString &username, const QString &notice)
{
    auto *dialog = new SignInDialog(*m_vault, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!username.isEmpty())
        dialog->setUsername(username);
    if (!notice.isEmpty())
        dialog->setNotice(notice);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString name = dialog->username();
        if (dialog->rememberMe()) {
            if (Result<void> r = m_tokens->remember(name, m_vault->token()); !r)
                statusBar()->showMessage(
                    tr("This computer's keychain did not keep the sign-in: %1").arg(r.error().message), kStatusMs);
        }
        onSignedIn(dialog->answer(), name);
    });
    dialog->open();
}

void CustomerMainWindow::onSignedIn(const QJsonObject &answer, const QString &username)
{
    if (answer.value(u"role"_s).toString() != u"customer"_s) {
        m_vault->logout([](client::ApiResult) {}, this);
        (void)m_tokens->forget();
        openSignInDialog({}, tr("%1 is a staff sign-in: use CredVault Support for it.").arg(username));
        return;
    }
    ++m_signIns; // answers meant for an earlier sign-in are dropped from here on
    m_account = QUuid::fromString(answer.value(u"account_id"_s).toString());
    m_username = username;
    const QString name =
        answer.value(u"display_name"_s)
            .toString(answer.value(u"account"_s).toObject().value(u"display_name"_s).toString(username));
    setWindowTitle(tr("CredVault — %1").arg(name));
    m_model = std::make_unique<client::EntryModel>(*m_vault, *m_session, m_account);
    m_browser->setModel(m_model.get());
    connect(m_model.get(), &client::EntryModel::failed, this,
            [this](const QString &message) { statusBar()->showMessage(message, kStatusMs); });
    m_model->refresh();
    Q_EMIT signedIn();
    updateActions();
    checkKey();
}

void CustomerMainWindow::checkKey(bool acceptingChange)
{
    showBanner(tr("Checking this vault's key…"), false);
    // Accepting a change: checked as a first use (the address shown, asked again); the old
    // pin stays until the person trusts the new key.
    const std::optional<KeyId> pinned = acceptingChange ? std::nullopt : m_pins->pinned(m_account);
    client::checkAccountKey(
        *m_vault, *m_keyserver, pinned, m_account,
        [this, signIn = m_signIns](Result<client::CheckedKey, ApiError> key) {
            if (signIn == m_signIns)
                onKeyChecked(std::move(key));
        },
        this);
}

void CustomerMainWindow::onKeyChecked(Result<client::CheckedKey, ApiError> key)
{
    if (!key) {
        if (key.error().code == u"key_changed"_s || key.error().code == u"key_mismatch"_s) {
            warnKeyChanged(key.error());
        } else {
            showBanner(tr("This vault's key could not be checked, so nothing can be sealed: %1")
                           .arg(key.error().httpStatus == 0 ? client::describe(key.error(), tr("vault server"))
                                                            : key.error().message),
                       false);
            Q_EMIT accountKeyChecked();
        }
        return;
    }
    m_sentTo = key->unlockEmailMasked;
    m_writeOnly = key->writeOnly;
    if (key->firstUse) {
        confirmFirstUse(*key);
        return;
    }
    trustKey(*key);
}

void CustomerMainWindow::confirmFirstUse(const client::CheckedKey &key)
{
    QMessageBox *box = newMessageBox(this, u"firstUseDialog"_s, QMessageBox::Question, tr("Trust this vault's key?"),
                                     tr("This is the first time this computer opens this vault."));
    box->setInformativeText(Qt::convertFromPlainText( // the address came from a server: never markup
        (key.writeOnly ? tr("This vault has no unlock address: what you add can be read only after support sets one.")
                       : tr("Unlock codes for it go to %1. If that is your address, this is your vault.")
                             .arg(key.unlockEmailMasked)) +
            u"\n\n"_s +
            tr("Entries will be sealed to its key %1. CredVault remembers it and warns you if it ever changes.")
                .arg(fingerprint(key.keyId)),
        Qt::WhiteSpaceNormal));
    QPushButton *trust = box->addButton(tr("Trust this key"), QMessageBox::AcceptRole);
    trust->setObjectName(u"trustKey"_s);
    box->addButton(tr("Not now"), QMessageBox::RejectRole)->setObjectName(u"notNow"_s);
    box->setDefaultButton(trust);
    connect(box, &QMessageBox::finished, this, [this, box, trust, key, signIn = m_signIns] {
        if (signIn != m_signIns)
            return;
        if (box->clickedButton() == trust) {
            if (Result<void> r = m_pins->pin(key.account, key.keyId); !r)
                statusBar()->showMessage(r.error().message, kStatusMs);
            trustKey(key);
            return;
        }
        showBanner(tr("This vault's key is not trusted on this computer, so nothing can be added or changed. Sign "
                      "in again to decide anew."),
                   false);
        updateActions();
        Q_EMIT accountKeyChecked();
    });
    box->open();
}

void CustomerMainWindow::warnKeyChanged(const ApiError &error)
{
    showBanner(tr("Warning: this vault's key is not the one this computer knows. Nothing is sealed to it."), false);
    updateActions();
    QMessageBox *box =
        newMessageBox(this, u"keyChangedDialog"_s, QMessageBox::Warning, tr("The vault's key has changed"),
                      tr("The key this vault seals to is not the one this computer trusted before."));
    QString detail =
        tr("Someone may be trying to read what you add. CredVault seals nothing to the new key. Unless your hosting "
           "company told you the key was replaced, keep refusing and call its support.");
    if (error.code == u"key_changed"_s)
        detail += u"\n\n"_s + tr("Trusted: %1\nNow: %2")
                                  .arg(groupedHex(error.details.value(u"pinned_key_id"_s).toString()),
                                       groupedHex(error.details.value(u"key_id"_s).toString()));
    else
        detail += u"\n\n"_s + error.message;
    box->setInformativeText(Qt::convertFromPlainText(detail, Qt::WhiteSpaceNormal));
    QPushButton *refuse = box->addButton(tr("Keep refusing"), QMessageBox::RejectRole);
    refuse->setObjectName(u"keepRefusing"_s);
    QPushButton *accept = nullptr;
    if (error.code == u"key_changed"_s) { // a vault/keyserver disagreement is never accepted
        accept = box->addButton(tr("Trust the new key…"), QMessageBox::DestructiveRole);
        accept->setObjectName(u"trustNewKey"_s);
    }
    box->setDefaultButton(refuse);
    connect(box, &QMessageBox::finished, this, [this, box, accept, signIn = m_signIns] {
        if (signIn != m_signIns)
            return;
        if (accept && box->clickedButton() == accept) {
            checkKey(true); // asked again as a first use, the address shown
            return;
        }
        Q_EMIT accountKeyChecked();
    });
    box->open();
}

void CustomerMainWindow::trustKey(const client::CheckedKey &key)
{
    if (!m_model || key.account != m_account)
        return;
    m_key = key;
    m_model->setAccountKey(key);
    if (m_session->isUnlocked())
        onUnlocked(m_session->expiresAt());
    else
        showLockedBanner();
    updateActions();
    Q_EMIT accountKeyChecked();
}

void CustomerMainWindow::onSignInEnded(const QString &message)
{
    if (!isSignedIn())
        return;
    (void)m_tokens->forget(); // a remembered token is over too
    const QString username = m_username;
    forgetAccount();
    showBanner(tr("You were signed out: %1").arg(message), false);
    openSignInDialog(username, tr("Your sign-in has ended (%1). Sign in again.").arg(message));
    Q_EMIT signedOut();
}

void CustomerMainWindow::signOut()
{
    if (!isSignedIn())
        return;
    m_vault->logout([](client::ApiResult) {}, this); // the token is forgotten here at once
    (void)m_tokens->forget();
    forgetAccount();
    showBanner(tr("Signed out."), false);
    Q_EMIT signedOut();
    openSignInDialog({}, {});
}

void CustomerMainWindow::forgetAccount()
{
    ++m_signIns;
    if (m_history)
        m_history->stop();
    m_clipboard.clearNow();
    m_session->lock();
    for (EntryEditor *editor : findChildren<EntryEditor *>())
        editor->abandon();
    for (UnlockDialog *dialog : findChildren<UnlockDialog *>())
        dialog->reject();
    for (QMessageBox *box : findChildren<QMessageBox *>()) // trust, key change, delete
        box->reject();
    m_browser->setModel(nullptr);
    m_model.reset();
    m_key.reset();
    m_account = {};
    m_username.clear();
    m_sentTo.clear();
    setWindowTitle(tr("CredVault"));
    updateActions();
}

// --- unlocking

QString CustomerMainWindow::explainCodeRequest(const ApiError &e)
{
    const int minutes = int((e.details.value(u"retry_after_s"_s).toInt() + 59) / 60);
    if (e.code == u"write_only"_s)
        return tr("This vault has no unlock address, so no code can be sent. Ask your hosting company's support.");
    if (e.code == u"blocked"_s)
        return tr("Too many wrong codes: ask for a new one in %n minutes.", nullptr, minutes);
    if (e.code == u"too_many_codes"_s)
        return tr("Several codes were sent a short while ago: ask again in %n minutes.", nullptr, minutes);
    if (e.code == u"mail_failed"_s)
        return tr("The keyserver could not send the mail; no code is live. Try again later.");
    if (e.code == u"keyserver_unavailable"_s)
        return tr("The keyserver cannot be reached just now; nothing was sent. Try again later.");
    if (e.httpStatus == 0)
        return client::describe(e, tr("vault server"));
    return e.message;
}

void CustomerMainWindow::sendCode()
{
    m_sendCode->setEnabled(false);
    m_vault->requestUnlockCode(
        [this, signIn = m_signIns](client::ApiResult r) {
            m_sendCode->setEnabled(true);
            if (signIn != m_signIns)
                return;
            if (!r) {
                showBanner(explainCodeRequest(r.error()), true);
                return;
            }
            const QDateTime expires = QDateTime::fromString(r->value(u"expires_at"_s).toString(), Qt::ISODate);
            showBanner(tr("An unlock code was sent to %1. It works once, until %2.")
                           .arg(r->value(u"sent_to_masked"_s).toString(), expires.toLocalTime().toString(u"HH:mm"_s)),
                       true);
        },
        this);
}

void CustomerMainWindow::enterCode()
{
    auto *dialog = new UnlockDialog(*m_session, m_account, m_sentTo, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void CustomerMainWindow::onUnlocked(const QDateTime &until)
{
    m_autoLock.setArmed(true);
    lockStatus()->setUnlockedUntil(until);
    lockAction()->setEnabled(true);
    showBanner(tr("Unlocked until %1. Lock now with Ctrl+L.").arg(until.toLocalTime().toString(u"HH:mm"_s)), false);
}

void CustomerMainWindow::onLocked()
{
    m_autoLock.setArmed(false);
    m_clipboard.clearNow();
    lockStatus()->setLocked();
    lockAction()->setEnabled(false);
    // An editor opened on an entry holds its secret: it goes with the lock.
    if (EntryEditor::abandonOpenedEntries(this) > 0)
        statusBar()->showMessage(tr("The vault locked: the open editor was closed, nothing was saved."), kStatusMs);
    if (isSignedIn())
        showLockedBanner();
}

// --- entries

void CustomerMainWindow::selectionChanged()
{
    updateActions();
}

void CustomerMainWindow::openPasswordGenerator()
{
    auto *dialog = new PasswordGeneratorDialog(this, tr("Copy"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_clipboard.copy(QString::fromLatin1(dialog->password().view()));
        statusBar()->showMessage(
            tr("Password copied. It leaves the clipboard in %n seconds.", nullptr, m_clipboard.clearAfter() / 1000),
            kStatusMs);
    });
    dialog->open();
}

void CustomerMainWindow::addEntry()
{
    if (!m_key || !m_model)
        return;
    auto *editor = new EntryEditor(
        EntryEditor::Mode::Add,
        [this](const client::EntryFields &f, const SecureBuffer &secret, qint64, EntryEditor::WriteCallback done) {
            m_model->add(*m_key, f, secret, std::move(done));
        },
        this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this] { statusBar()->showMessage(tr("Entry added."), kStatusMs); });
    editor->open();
}

void CustomerMainWindow::editEntry()
{
    const int row = selectedRow();
    if (!m_key || !m_model || row < 0)
        return;
    const QUuid id = m_model->data(m_model->index(row, 0), client::EntryModel::IdRole).toUuid();
    const qint64 revision = m_model->data(m_model->index(row, 0), client::EntryModel::RevisionRole).toLongLong();
    const std::optional<client::EntryFields> fields = m_model->fields(row);
    auto *editor = new EntryEditor(
        fields ? EntryEditor::Mode::Edit : EntryEditor::Mode::ReplaceSealed,
        [this, id](const client::EntryFields &f, const SecureBuffer &secret, qint64 base,
                   EntryEditor::WriteCallback done) { m_model->update(*m_key, id, base, f, secret, std::move(done)); },
        this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    if (fields)
        editor->setEntry(*fields, m_model->secret(row), revision);
    else
        editor->setBaseRevision(revision);
    connect(editor, &QDialog::accepted, this, [this] { statusBar()->showMessage(tr("Entry saved."), kStatusMs); });
    editor->open();
}

void CustomerMainWindow::deleteEntry()
{
    const int row = selectedRow();
    if (!m_model || row < 0)
        return;
    const QUuid id = m_model->data(m_model->index(row, 0), client::EntryModel::IdRole).toUuid();
    const std::optional<client::EntryFields> fields = m_model->fields(row);
    QMessageBox *box = // the title is the customer's (or support's) text: plain text
        newMessageBox(this, u"deleteDialog"_s, QMessageBox::Warning, tr("Delete the entry?"),
                      fields ? tr("Delete \"%1\"?").arg(fields->title) : tr("Delete this sealed entry?"));
    box->setInformativeText(
        tr("It is gone for everyone who uses this vault, support included. This cannot be undone."));
    QPushButton *del = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    del->setObjectName(u"confirmDelete"_s);
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    connect(box, &QMessageBox::finished, this, [this, box, del, id] {
        if (box->clickedButton() != del || !m_model)
            return;
        m_model->remove(m_model->rowOf(id), [this](Result<void, ApiError> r) {
            statusBar()->showMessage(r ? tr("Entry deleted.")
                                       : tr("Not deleted: %1")
                                             .arg(r.error().httpStatus == 0
                                                      ? client::describe(r.error(), tr("vault server"))
                                                      : r.error().message),
                                     kStatusMs);
        });
    });
    box->open();
}

} // namespace credvault::ui
