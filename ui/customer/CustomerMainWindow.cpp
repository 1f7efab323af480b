#include "customer/CustomerMainWindow.h"

#include "client/ApiClient.h"
#include "client/EntryModel.h"
#include "client/UnlockSession.h"
#include "client/VaultApi.h"
#include "widgets/LockStatusWidget.h"
#include "widgets/SignInDialog.h"
#include "widgets/UnlockDialog.h"

#include <QtCore/QDir>
#include <QtCore/QStandardPaths>
#include <QtGui/QAction>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

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
    bannerRow->addWidget(m_banner, 1);
    m_sendCode = new QPushButton(tr("Send me an unlock code"), central);
    m_sendCode->setObjectName(u"sendCode"_s);
    m_enterCode = new QPushButton(tr("Enter code"), central);
    m_enterCode->setObjectName(u"enterCode"_s);
    bannerRow->addWidget(m_sendCode);
    bannerRow->addWidget(m_enterCode);
    layout->addLayout(bannerRow);

    m_table = new QTableView(central);
    m_table->setObjectName(u"entryList"_s);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);
    setCentralWidget(central);

    connect(m_sendCode, &QPushButton::clicked, this, &CustomerMainWindow::sendCode);
    connect(m_enterCode, &QPushButton::clicked, this, &CustomerMainWindow::enterCode);

    Result<client::ClientConfig> config = client::ClientConfig::load(configPath);
    if (!config) {
        showBanner(tr("The configuration cannot be used: %1").arg(config.error().message), false);
        return;
    }
    m_config = std::move(*config);
    m_vault = std::make_unique<client::VaultApi>(m_config->vault, &m_network);
    m_keyserver = std::make_unique<client::ApiClient>(m_config->keyserver, &m_network);
    m_session = std::make_unique<client::UnlockSession>(m_config->keyserver, m_config->redeemKey, &m_network);
    m_pins = std::make_unique<client::KeyPins>(
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)).filePath(u"key-pins.ini"_s));
    connect(m_session.get(), &client::UnlockSession::unlocked, this, &CustomerMainWindow::onUnlocked);
    connect(m_session.get(), &client::UnlockSession::locked, this, &CustomerMainWindow::onLocked);
    connect(this, &VaultMainWindow::lockRequested, this, [this] { m_session->lock(); });
    showBanner(tr("Not signed in."), false);
}

CustomerMainWindow::~CustomerMainWindow()
{
    if (m_session)
        m_session->lock(); // wipe on quit
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

void CustomerMainWindow::beginSignIn()
{
    if (!m_vault)
        return;
    auto *dialog = new SignInDialog(*m_vault, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { onSignedIn(dialog->answer()); });
    dialog->open();
}

void CustomerMainWindow::onSignedIn(const QJsonObject &answer)
{
    m_account = QUuid::fromString(answer.value(u"account_id"_s).toString());
    setWindowTitle(tr("CredVault — %1").arg(answer.value(u"display_name"_s).toString()));
    m_model = std::make_unique<client::EntryModel>(*m_vault, *m_session, m_account);
    m_table->setModel(m_model.get());
    connect(m_model.get(), &client::EntryModel::failed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    m_model->refresh();
    showBanner(tr("Checking this vault's key…"), false);
    Q_EMIT signedIn();
    client::checkAccountKey(
        *m_vault, *m_keyserver, *m_pins, m_account,
        [this](Result<client::CheckedKey, ApiError> key) {
            if (!key) {
                showBanner(key.error().code == u"key_changed"_s || key.error().code == u"key_mismatch"_s
                               ? tr("Warning: %1").arg(key.error().message)
                               : client::describe(key.error(), tr("vault server")),
                           false);
                Q_EMIT accountKeyChecked();
                return;
            }
            if (key->firstUse)
                (void)m_pins->pin(m_account, key->keyId); // the address is shown right below
            m_key = *key;
            m_model->setAccountKey(*key);
            m_sentTo = key->unlockEmailMasked;
            if (key->writeOnly)
                showBanner(tr("This vault has no unlock address: entries can be added and changed, not read."), false);
            else
                showBanner(tr("Entries are sealed. Unlock codes for this vault go to %1.").arg(m_sentTo), true);
            Q_EMIT accountKeyChecked();
        },
        this);
}

void CustomerMainWindow::sendCode()
{
    m_sendCode->setEnabled(false);
    m_vault->requestUnlockCode(
        [this](client::ApiResult r) {
            m_sendCode->setEnabled(true);
            if (!r) {
                showBanner(r.error().httpStatus == 0 ? client::describe(r.error(), tr("vault server"))
                                                     : r.error().message,
                           true);
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
    lockStatus()->setUnlockedUntil(until);
    lockAction()->setEnabled(true);
    showBanner(tr("Unlocked until %1. Lock now with Ctrl+L.").arg(until.toLocalTime().toString(u"HH:mm"_s)), false);
}

void CustomerMainWindow::onLocked()
{
    lockStatus()->setLocked();
    lockAction()->setEnabled(false);
    showBanner(tr("Entries are sealed. Unlock codes for this vault go to %1.").arg(m_sentTo), true);
}

} // namespace credvault::ui
