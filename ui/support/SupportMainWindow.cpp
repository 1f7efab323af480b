#include "support/SupportMainWindow.h"

#include "client/AccessHistory.h"
#include "client/AccountKey.h"
#include "client/StaffApi.h"
#include "client/UnlockSession.h"
#include "client/VaultApi.h"
#include "common/QuitBarrier.h"
#include "desktop/Keychain.h"
#include "support/AccountTab.h"
#include "support/StaffCertificateDialog.h"
#include "widgets/AppSettingsPage.h"
#include "widgets/LockStatusWidget.h"
#include "widgets/SignInDialog.h"

#include <QtCore/QDir>
#include <QtCore/QJsonArray>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

namespace {

constexpr int kStatusMs = 8000;
constexpr int kSearchDelayMs = 250; // results as one types, without a request per key
constexpr char kKeychainService[] = "credvault-support";

// The certificate file each engineer chose on this computer.
QString certificateSetting(const QString &username)
{
    return u"staff/"_s + username + u"/certificate"_s;
}

enum ResultColumn { NameColumn, UsernameColumn, EmailColumn, VaultColumn, AccountColumn, ColumnCount };

} // namespace

SupportMainWindow::SupportMainWindow(const QString &configPath, QWidget *parent)
    : VaultMainWindow(tr("CredVault Support"), parent)
{
    setObjectName(u"supportMainWindow"_s);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    m_banner = new QLabel(central);
    m_banner->setObjectName(u"banner"_s);
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    layout->addWidget(m_banner);

    auto *splitter = new QSplitter(central);
    auto *finder = new QWidget(splitter);
    auto *finderLayout = new QVBoxLayout(finder);
    finderLayout->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(finder);
    m_search->setObjectName(u"customerSearch"_s);
    m_search->setPlaceholderText(tr("Find a customer by name, sign-in name, e-mail or account id"));
    m_search->setClearButtonEnabled(true);
    m_search->setEnabled(false);
    finderLayout->addWidget(m_search);
    m_results = new QTableWidget(0, ColumnCount, finder);
    m_results->setObjectName(u"customerResults"_s);
    m_results->setHorizontalHeaderLabels({tr("Name"), tr("Sign-in"), tr("E-mail"), tr("Vault"), tr("Account")});
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->verticalHeader()->hide();
    m_results->horizontalHeader()->setStretchLastSection(true);
    finderLayout->addWidget(m_results, 1);
    m_tabs = new QTabWidget(splitter);
    m_tabs->setObjectName(u"accountTabs"_s);
    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    splitter->addWidget(finder);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({300, 900}); // the account beside the list of who was found
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_signOutAction = new QAction(tr("Sign &out"), this);
    m_signOutAction->setObjectName(u"signOut"_s);
    m_signOutAction->setEnabled(false);
    connect(m_signOutAction, &QAction::triggered, this, &SupportMainWindow::signOut);
    addFileAction(m_signOutAction);
    auto *settings = new QAction(tr("&Settings…"), this);
    settings->setObjectName(u"settings"_s);
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    connect(settings, &QAction::triggered, this, &SupportMainWindow::openSettings);
    addFileAction(settings);
    auto *find = new QAction(tr("Find a customer"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(find);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(kSearchDelayMs);
    connect(&m_searchDelay, &QTimer::timeout, this, &SupportMainWindow::search);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay.stop();
        search();
    });
    connect(m_results, &QTableWidget::cellActivated, this,
            [this](int row) { openAccount(m_results->item(row, NameColumn)->data(Qt::UserRole).toJsonObject()); });
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &SupportMainWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, &SupportMainWindow::updateLockStatus);
    connect(this, &VaultMainWindow::lockRequested, this, [this] {
        if (AccountTab *tab = currentTab())
            tab->lock();
    });
    applyAppSettings();
    connect(&m_autoLock, &AutoLock::lockDue, this, &SupportMainWindow::lockAll);

    Result<client::ClientConfig> config = client::ClientConfig::load(configPath, client::ClientConfig::App::Support);
    if (!config) {
        setBanner(tr("The configuration cannot be used: %1").arg(config.error().message));
        return;
    }
    m_config = std::make_unique<client::ClientConfig>(std::move(*config));
    m_vault = std::make_unique<client::VaultApi>(m_config->vault, &m_vaultNetwork);
    m_staff = std::make_unique<client::StaffApi>(m_config->keyserverStaff, &m_keyserverNetwork);
    m_pins = std::make_unique<client::KeyPins>(
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)).filePath(u"key-pins.ini"_s));
    m_auditHeads = std::make_unique<client::HeadPins>(
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)).filePath(u"audit-heads.ini"_s));
    connect(m_vault.get(), &client::VaultApi::signInEnded, this, [this](const QString &message) {
        signOut();
        openSignInDialog(m_username, message);
    });
    setBanner(tr("Not signed in."));
}

SupportMainWindow::~SupportMainWindow()
{
    while (m_tabs->count() > 0) // each locks as it goes
        delete m_tabs->widget(0);
}

QString SupportMainWindow::bannerText() const
{
    return m_banner->text();
}

void SupportMainWindow::setBanner(const QString &text)
{
    m_banner->setText(text);
}

AccountTab *SupportMainWindow::currentTab() const
{
    return qobject_cast<AccountTab *>(m_tabs->currentWidget());
}

void SupportMainWindow::beginSignIn(const QString &username)
{
    if (m_vault)
        openSignInDialog(username, {});
}

void SupportMainWindow::signInAs(const QString &username, const SecureBuffer &password)
{
    if (!m_vault)
        return;
    setBanner(tr("Signing in as %1…").arg(username));
    m_vault->login(
        username, QString::fromUtf8(password.view()), {},
        [this, username](client::ApiResult r) {
            if (r)
                return onSignedIn(*r, username);
            setBanner(tr("Not signed in."));
            openSignInDialog(username, SignInDialog::explain(r.error()));
        },
        this);
}

void SupportMainWindow::openSignInDialog(const QString &username, const QString &notice)
{
    auto *dialog = new SignInDialog(*m_vault, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->hideRememberMe(); // staff sign in each time: the certificate passphrase may be remembered
    if (!username.isEmpty())
        dialog->setUsername(username);
    if (!notice.isEmpty())
        dialog->setNotice(notice);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { onSignedIn(dialog->answer(), dialog->username()); });
    dialog->open();
}

void SupportMainWindow::onSignedIn(const QJsonObject &answer, const QString &username)
{
    const QString role = answer.value(u"role"_s).toString();
    if (role != u"support"_s && role != u"admin"_s) {
        m_vault->logout([](client::ApiResult) {}, this);
        m_vault->setToken({});
        setBanner(tr("Not signed in."));
        openSignInDialog({}, tr("%1 is a customer's sign-in. This app is for the support team.").arg(username));
        return;
    }
    const quint64 signIn = ++m_signIns;
    m_username = username;
    m_role = role;
    m_signOutAction->setEnabled(true);
    setBanner(tr("Signed in as %1. Now the staff certificate…").arg(username));

    // The certificate: silently with a remembered passphrase, else the dialog.
    const QString file = QSettings().value(certificateSetting(username), m_config->staffCertificate).toString();
    Result<SecureBuffer> remembered =
        keychainRead(QString::fromLatin1(kKeychainService), StaffCertificateDialog::keychainKey(username, file));
    if (signIn != m_signIns) // signed out while the keychain asked
        return;
    if (!remembered)
        return chooseCertificate({});
    Result<client::StaffIdentity> id = client::StaffIdentity::load(file, remembered->view());
    if (!id)
        return chooseCertificate(StaffCertificateDialog::explain(id.error()));
    if (QString refusal = StaffCertificateDialog::notTheirs(*id, m_username, m_role); !refusal.isEmpty())
        return chooseCertificate(refusal);
    m_staff->setIdentity(std::make_shared<const client::StaffIdentity>(std::move(*id)));
    m_staff->check(
        [this, signIn](client::ApiResult r) {
            if (signIn != m_signIns) // signed out meanwhile
                return;
            if (!r) {
                m_staff->setIdentity(nullptr);
                return chooseCertificate(StaffCertificateDialog::explain(r.error()));
            }
            onCertificateAccepted();
        },
        this);
}

void SupportMainWindow::chooseCertificate(const QString &notice)
{
    const QString file = QSettings().value(certificateSetting(m_username), m_config->staffCertificate).toString();
    auto *dialog = new StaffCertificateDialog(*m_staff, file, m_username, m_role, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!notice.isEmpty())
        dialog->setNotice(notice);
    connect(dialog, &QDialog::accepted, this, [this, dialog, signIn = m_signIns] {
        // Taken from the dialog now: it goes once this returns, and the keychain below
        // runs an event loop of its own.
        const QString checked = dialog->checkedFile();
        const bool remember = dialog->rememberPassphrase();
        SecureBuffer passphrase = dialog->takePassphrase();
        if (signIn != m_signIns)
            return;
        const QString username = m_username;
        QSettings().setValue(certificateSetting(username), checked);
        const QString key = StaffCertificateDialog::keychainKey(username, checked);
        Result<void> kept = remember ? keychainWrite(QString::fromLatin1(kKeychainService), key, passphrase.view())
                                     : keychainDelete(QString::fromLatin1(kKeychainService), key);
        passphrase = SecureBuffer();
        if (signIn != m_signIns) // signed out while the keychain asked
            return;
        onCertificateAccepted();
        if (!kept && remember)
            statusBar()->showMessage(tr("The keychain did not keep the passphrase: %1").arg(kept.error().message),
                                     kStatusMs);
    });
    connect(dialog, &QDialog::rejected, this, [this, signIn = m_signIns] {
        if (signIn != m_signIns)
            return;
        setBanner(tr("Signed in as %1 without a staff certificate: customers can be found, but no vault can be "
                     "unlocked. Sign out and in again to choose it.")
                      .arg(m_username));
        m_search->setEnabled(true);
    });
    dialog->open();
}

void SupportMainWindow::onCertificateAccepted()
{
    const client::StaffIdentity *id = m_staff->identity();
    if (!id || m_username.isEmpty())
        return;
    setBanner(tr("Signed in as %1 (%2), with the staff certificate of %3, valid until %4.")
                  .arg(m_username, m_role, id->name,
                       QLocale().toString(id->notAfter.toLocalTime().date(), QLocale::ShortFormat)));
    m_ready = true;
    m_search->setEnabled(true);
    m_search->setFocus();
    Q_EMIT ready();
}

void SupportMainWindow::search()
{
    const QString query = m_search->text().trimmed();
    const quint64 seq = ++m_searchSeq;
    if (query.size() < 2) {
        showResults({});
        return;
    }
    m_vault->searchAccounts(
        query,
        [this, seq](client::ApiResult r) {
            if (seq != m_searchSeq) // an answer to what was typed before
                return;
            if (!r) {
                statusBar()->showMessage(tr("Search failed: %1")
                                             .arg(r.error().httpStatus == 0
                                                      ? client::describe(r.error(), tr("vault server"))
                                                      : r.error().message),
                                         kStatusMs);
                return;
            }
            showResults(r->value(u"items"_s).toArray());
        },
        this);
}

void SupportMainWindow::showResults(const QJsonArray &items)
{
    m_results->setRowCount(0);
    m_results->setRowCount(int(items.size()));
    for (int row = 0; row < items.size(); ++row) {
        const QJsonObject a = items[row].toObject();
        const auto cell = [&](int column, const QString &text) {
            auto *item = new QTableWidgetItem(text);
            m_results->setItem(row, column, item);
            return item;
        };
        cell(NameColumn, a.value(u"display_name"_s).toString())->setData(Qt::UserRole, a);
        cell(UsernameColumn, a.value(u"username"_s).toString());
        cell(EmailColumn, a.value(u"email"_s).toString());
        cell(VaultColumn, a.value(u"disabled"_s).toBool()    ? tr("sign-in disabled")
                          : a.value(u"has_vault"_s).toBool() ? tr("yes")
                                                             : tr("none yet"));
        cell(AccountColumn, a.value(u"account_id"_s).toString());
    }
    m_results->resizeColumnsToContents();
    statusBar()->showMessage(
        m_search->text().trimmed().size() < 2 ? QString() : tr("%n customers found.", nullptr, int(items.size())),
        kStatusMs);
}

AccountTab *SupportMainWindow::openAccount(const QJsonObject &summary)
{
    const QUuid account = QUuid::fromString(summary.value(u"account_id"_s).toString());
    if (account.isNull() || !m_vault)
        return nullptr;
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *tab = qobject_cast<AccountTab *>(m_tabs->widget(i));
        if (tab && tab->account() == account) {
            m_tabs->setCurrentIndex(i);
            return tab;
        }
    }
    auto *tab = new AccountTab(summary, *m_vault, *m_staff, *m_config, &m_keyserverNetwork, *m_pins, *m_auditHeads,
                               &m_clipboard, m_tabs);
    connect(tab, &AccountTab::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusMs); });
    connect(tab, &AccountTab::unlockChanged, this, [this, tab] {
        const int at = m_tabs->indexOf(tab);
        if (at >= 0)
            m_tabs->setTabIcon(at, tab->session()->isUnlocked() ? style()->standardIcon(QStyle::SP_DialogOpenButton)
                                                                : QIcon());
        updateLockStatus();
    });
    m_tabs->setCurrentIndex(m_tabs->addTab(tab, tab->customerName()));
    return tab;
}

void SupportMainWindow::closeTab(int index)
{
    QWidget *tab = m_tabs->widget(index);
    m_tabs->removeTab(index);
    delete tab; // locks its unlock
    updateLockStatus();
}

QList<AccountTab *> SupportMainWindow::accountTabs() const
{
    QList<AccountTab *> all;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *tab = qobject_cast<AccountTab *>(m_tabs->widget(i)))
            all.append(tab);
    return all;
}

void SupportMainWindow::lockAll(const QString &why)
{
    bool any = false;
    for (AccountTab *tab : accountTabs()) {
        if (tab->session()->isUnlocked()) {
            tab->lock();
            any = true;
        }
    }
    if (any)
        statusBar()->showMessage(m_autoLock.message(why), kStatusMs);
}

void SupportMainWindow::beforeClose(QuitBarrier &barrier)
{
    for (AccountTab *tab : accountTabs()) {
        if (tab->session()->isUnlocked()) {
            m_clipboard.clearNow();
            tab->session()->lock(barrier.expect());
        }
    }
    if (m_vault && m_vault->signedIn()) {
        m_vault->logout([told = barrier.expect()](client::ApiResult) { told(); }, this);
        m_vault->setToken({});
    }
}

void SupportMainWindow::openSettings()
{
    if (findChild<AppSettingsDialog *>())
        return;
    auto *dialog = new AppSettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AppSettingsDialog::saved, this, &SupportMainWindow::applyAppSettings);
    dialog->open();
}

void SupportMainWindow::applyAppSettings()
{
    m_clipboard.setClearAfter(AppSettingsPage::clipboardSeconds() * 1000);
    m_autoLock.setIdleTimeout(AppSettingsPage::idleMinutes() * 60 * 1000);
}

void SupportMainWindow::updateLockStatus()
{
    AccountTab *tab = currentTab();
    const bool unlocked = tab && tab->session()->isUnlocked();
    if (unlocked)
        lockStatus()->setUnlockedUntil(tab->session()->expiresAt());
    else
        lockStatus()->setLocked();
    lockAction()->setEnabled(unlocked);
    const QList<AccountTab *> all = accountTabs();
    const bool anyUnlocked =
        std::any_of(all.begin(), all.end(), [](AccountTab *t) { return t->session()->isUnlocked(); });
    if (anyUnlocked != m_autoLock.isArmed()) // arming again would restart the idle count
        m_autoLock.setArmed(anyUnlocked);
}

void SupportMainWindow::signOut()
{
    ++m_signIns;   // answers to this sign-in go nowhere now
    ++m_searchSeq; // nor do searches on their way
    for (StaffCertificateDialog *d : findChildren<StaffCertificateDialog *>())
        d->abandon(); // even while the keyserver is asked
    while (m_tabs->count() > 0)
        closeTab(0);
    m_clipboard.clearNow();
    if (m_vault && m_vault->signedIn())
        m_vault->logout([](client::ApiResult) {}, this);
    if (m_vault)
        m_vault->setToken({});
    if (m_staff)
        m_staff->setIdentity(nullptr);
    m_ready = false;
    m_username.clear();
    m_role.clear();
    m_search->clear();
    m_search->setEnabled(false);
    showResults({});
    m_signOutAction->setEnabled(false);
    setBanner(tr("Not signed in."));
}

} // namespace credvault::ui
