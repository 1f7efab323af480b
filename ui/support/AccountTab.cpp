#include "support/AccountTab.h"

#include "client/ApiClient.h"
#include "client/ClientConfig.h"
#include "client/EntryModel.h"
#include "client/StaffApi.h"
#include "client/UnlockSession.h"
#include "client/VaultApi.h"
#include "desktop/SecureClipboard.h"
#include "support/AccountAuditView.h"
#include "support/SupportUnlockDialog.h"
#include "support/UnlockEmailDialog.h"
#include "widgets/EntryBrowser.h"
#include "widgets/EntryDetails.h"
#include "widgets/EntryEditor.h"
#include "widgets/LockStatusWidget.h"
#include "widgets/MessageBoxes.h"

#include <QtCore/QDateTime>
#include <QtCore/QLocale>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

#include <limits>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

namespace {

QString localTime(const QString &rfc3339)
{
    const QDateTime t = QDateTime::fromString(rfc3339, Qt::ISODate);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : rfc3339;
}

} // namespace

AccountTab::AccountTab(const QJsonObject &summary, client::VaultApi &vault, client::StaffApi &staff,
                       const client::ClientConfig &config, QNetworkAccessManager *keyserverNetwork,
                       client::KeyPins &pins, client::HeadPins &auditHeads, SecureClipboard *clipboard, QWidget *parent)
    : QWidget(parent),
      m_account(QUuid::fromString(summary.value(u"account_id"_s).toString())),
      m_summary(summary),
      m_vault(vault),
      m_staff(staff),
      m_clipboard(clipboard),
      m_pins(pins)
{
    setObjectName(u"accountTab"_s);
    m_keyserver = new client::ApiClient(config.keyserver, keyserverNetwork, this);
    m_session = std::make_unique<client::UnlockSession>(config.keyserver, config.redeemKey, keyserverNetwork);
    m_model = std::make_unique<client::EntryModel>(vault, *m_session, m_account);

    auto *layout = new QVBoxLayout(this);
    m_who = new QLabel(this);
    m_who->setObjectName(u"accountSummary"_s);
    m_who->setTextFormat(Qt::PlainText); // names and addresses as the customer gave them
    m_who->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_who->setWordWrap(true);
    m_who->setText(tr("%1 — sign-in %2, %3\nAccount %4")
                       .arg(customerName(), summary.value(u"username"_s).toString(),
                            summary.value(u"email"_s).toString(), m_account.toString(QUuid::WithoutBraces)));
    layout->addWidget(m_who);
    m_keyState = new QLabel(tr("Asking the keyserver…"), this);
    m_keyState->setObjectName(u"keyState"_s);
    m_keyState->setTextFormat(Qt::PlainText);
    m_keyState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keyState->setWordWrap(true);
    layout->addWidget(m_keyState);
    auto *emailRow = new QHBoxLayout;
    m_changeEmail = new QPushButton(tr("Change unlock address…"), this);
    m_changeEmail->setObjectName(u"changeUnlockEmail"_s);
    m_cancelChange = new QPushButton(tr("Cancel the pending change…"), this);
    m_cancelChange->setObjectName(u"cancelUnlockEmailChange"_s);
    emailRow->addWidget(m_changeEmail);
    emailRow->addWidget(m_cancelChange);
    emailRow->addStretch(1);
    layout->addLayout(emailRow);
    connect(m_changeEmail, &QPushButton::clicked, this, &AccountTab::changeUnlockEmail);
    connect(m_cancelChange, &QPushButton::clicked, this, &AccountTab::cancelUnlockEmailChange);
    m_changeEmail->setEnabled(false);
    m_cancelChange->setEnabled(false);

    auto *unlockRow = new QHBoxLayout;
    m_unlock = new QPushButton(tr("Unlock for support…"), this);
    m_unlock->setObjectName(u"unlockForSupport"_s);
    m_lock = new QPushButton(tr("Lock now"), this);
    m_lock->setObjectName(u"lockNow"_s);
    m_countdown = new LockStatusWidget(this);
    m_countdown->setObjectName(u"countdown"_s);
    unlockRow->addWidget(m_unlock);
    unlockRow->addWidget(m_lock);
    unlockRow->addWidget(m_countdown, 1);
    m_add = new QPushButton(tr("&Add entry…"), this);
    m_add->setObjectName(u"addEntry"_s);
    m_edit = new QPushButton(tr("&Edit entry…"), this);
    m_edit->setObjectName(u"editEntry"_s);
    unlockRow->addWidget(m_add);
    unlockRow->addWidget(m_edit);
    connect(m_add, &QPushButton::clicked, this, &AccountTab::addEntry);
    connect(m_edit, &QPushButton::clicked, this, &AccountTab::editEntry);
    layout->addLayout(unlockRow);
    connect(m_unlock, &QPushButton::clicked, this, &AccountTab::unlockForSupport);
    connect(m_lock, &QPushButton::clicked, this, &AccountTab::lock);
    m_pendingDue.setSingleShot(true);
    connect(&m_pendingDue, &QTimer::timeout, this, &AccountTab::refresh);

    m_browser = new EntryBrowser(clipboard, this);
    m_browser->setModel(m_model.get());
    connect(m_browser->details(), &EntryDetails::copied, this, [this](const QString &what) {
        Q_EMIT statusMessage(tr("%1 copied. It leaves the clipboard in %n seconds, or when the vault locks.", nullptr,
                                m_clipboard->clearAfter() / 1000)
                                 .arg(what));
    });
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(u"accountPages"_s);
    m_pages->addTab(m_browser, tr("Entries"));
    m_audit = new AccountAuditView(m_account, vault, staff, config.auditKey, auditHeads, m_pages);
    m_pages->addTab(m_audit, tr("Audit"));
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int page) {
        if (m_pages->widget(page) == m_audit)
            m_audit->reload(); // what happened up to now
    });
    layout->addWidget(m_pages, 1);
    connect(m_browser, &EntryBrowser::selectionChanged, this, &AccountTab::updateEntryActions);
    connect(m_browser->table(), &QAbstractItemView::doubleClicked, this, &AccountTab::editEntry);
    updateEntryActions();

    connect(m_model.get(), &client::EntryModel::failed, this, &AccountTab::statusMessage);
    connect(m_session.get(), &client::UnlockSession::unlocked, this, &AccountTab::onUnlocked);
    connect(m_session.get(), &client::UnlockSession::locked, this, &AccountTab::onLocked);
    onLocked();
    refresh();
}

AccountTab::~AccountTab()
{
    m_browser->setModel(nullptr);
    disconnect(m_session.get(), nullptr, this, nullptr); // no signal into a tab being destroyed
    if (m_session->isUnlocked()) {
        m_clipboard->clearNow();
        m_session->lock(); // the key wiped now; the keyserver told
    }
}

QString AccountTab::customerName() const
{
    const QString name = m_summary.value(u"display_name"_s).toString();
    return name.isEmpty() ? m_summary.value(u"username"_s).toString() : name;
}

void AccountTab::refresh()
{
    m_model->refresh();
    m_staff.account(
        m_account,
        [this](client::ApiResult r) {
            if (!r) {
                m_keyInfo = {};
                m_keyState->setText(r.error().code == u"not_found"_s
                                        ? tr("This customer has no vault yet: nothing to unlock.")
                                        : tr("The keyserver's state of this vault is unknown: %1")
                                              .arg(r.error().httpStatus == 0
                                                       ? client::describe(r.error(), tr("keyserver"))
                                                       : r.error().message));
                for (QPushButton *b : {m_unlock, m_changeEmail, m_cancelChange})
                    b->setEnabled(false);
                Q_EMIT keyInfoChanged();
                return;
            }
            m_keyInfo = *r;
            showKeyInfo();
            Q_EMIT keyInfoChanged();
        },
        this);
}

void AccountTab::showKeyInfo()
{
    const QJsonValue unlockEmail = m_keyInfo.value(u"unlock_email"_s);
    QStringList lines;
    lines << (unlockEmail.isNull() ? tr("Write-only: no unlock address, so the customer cannot unlock; support can.")
                                   : tr("Unlock codes go to %1.").arg(unlockEmail.toString()));
    lines << tr("Notices go to %1.").arg(m_keyInfo.value(u"notice_email"_s).toString());
    const QJsonObject pending = m_keyInfo.value(u"pending_change"_s).toObject();
    if (!pending.isEmpty()) {
        const QJsonValue next = pending.value(u"unlock_email"_s);
        lines << (next.isNull() ? tr("Pending: the vault becomes write-only on %1 (asked by %2).")
                                      .arg(localTime(pending.value(u"effective_at"_s).toString()),
                                           pending.value(u"requested_by"_s).toString())
                                : tr("Pending: unlock codes go to %1 from %2 on (asked by %3).")
                                      .arg(next.toString(), localTime(pending.value(u"effective_at"_s).toString()),
                                           pending.value(u"requested_by"_s).toString()));
    }
    m_keyState->setText(lines.join(u'\n'));
    // Asked again once a pending change has taken effect (a second after, as the keyserver
    // applies it when it is next read).
    m_pendingDue.stop();
    if (!pending.isEmpty()) {
        const QDateTime due = QDateTime::fromString(pending.value(u"effective_at"_s).toString(), Qt::ISODate);
        const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(due) + 1000;
        if (due.isValid() && ms < qint64(std::numeric_limits<int>::max()))
            m_pendingDue.start(int(qMax<qint64>(ms, 1000)));
    }
    // Only an admin's certificate may; support engineers see why not.
    const bool admin = m_staff.identity() && m_staff.identity()->isAdmin();
    for (QPushButton *b : {m_changeEmail, m_cancelChange})
        b->setToolTip(admin ? QString() : tr("Only an admin's certificate may change the unlock address."));
    m_changeEmail->setEnabled(admin);
    m_cancelChange->setEnabled(admin && !pending.isEmpty());
    m_unlock->setEnabled(!m_session->isUnlocked() && m_staff.identity());
}

void AccountTab::unlockForSupport()
{
    if (m_session->isUnlocked())
        return;
    auto *dialog = new SupportUnlockDialog(*m_session, m_staff.http(), m_account, customerName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void AccountTab::lock()
{
    if (m_session->isUnlocked())
        m_session->lock();
}

void AccountTab::showAudit()
{
    if (m_pages->currentWidget() == m_audit)
        m_audit->reload();
    else
        m_pages->setCurrentWidget(m_audit);
}

void AccountTab::updateEntryActions()
{
    m_edit->setEnabled(m_browser->selectedRow() >= 0);
}

void AccountTab::withKey(std::function<void()> then)
{
    if (m_key)
        return then();
    client::checkAccountKey(
        m_vault, *m_keyserver, m_pins.pinned(m_account), m_account,
        [this, then = std::move(then)](Result<client::CheckedKey, ApiError> key) {
            if (!key) {
                const bool changed = key.error().code == u"key_changed"_s || key.error().code == u"key_mismatch"_s;
                showMessageBox(this, u"keyProblem"_s, QMessageBox::Warning, tr("Nothing can be sealed"),
                               changed ? tr("The key this vault seals to is not the one this computer knows, or the "
                                            "two servers disagree on it. Nothing was sealed. Tell the security team.")
                                       : tr("This vault's key could not be checked: %1")
                                             .arg(key.error().httpStatus == 0
                                                      ? client::describe(key.error(), tr("vault server"))
                                                      : key.error().message));
                return;
            }
            if (key->firstUse) {
                if (Result<void> r = m_pins.pin(m_account, key->keyId); !r)
                    Q_EMIT statusMessage(r.error().message);
            }
            m_key = *key;
            if (m_keyInfo.isEmpty())
                refresh(); // a vault made just now, by this key check
            then();
        },
        this);
}

void AccountTab::addEntry()
{
    withKey([this] {
        auto *editor = new EntryEditor(
            EntryEditor::Mode::Add,
            [this](const client::EntryFields &f, const SecureBuffer &secret, qint64, EntryEditor::WriteCallback done) {
                m_model->add(*m_key, f, secret, std::move(done));
            },
            this);
        editor->setAttribute(Qt::WA_DeleteOnClose);
        connect(editor, &QDialog::accepted, this,
                [this] { Q_EMIT statusMessage(tr("Entry added to %1's vault.").arg(customerName())); });
        editor->open();
    });
}

void AccountTab::editEntry()
{
    const int row = m_browser->selectedRow();
    if (row < 0)
        return;
    const QUuid id = m_model->data(m_model->index(row, 0), client::EntryModel::IdRole).toUuid();
    withKey([this, id] {
        const int at = m_model->rowOf(id);
        if (at < 0)
            return;
        const qint64 revision = m_model->data(m_model->index(at, 0), client::EntryModel::RevisionRole).toLongLong();
        const std::optional<client::EntryFields> fields = m_model->fields(at);
        auto *editor = new EntryEditor(
            fields ? EntryEditor::Mode::Edit : EntryEditor::Mode::ReplaceSealed,
            [this, id](const client::EntryFields &f, const SecureBuffer &secret, qint64 base,
                       EntryEditor::WriteCallback done) {
                m_model->update(*m_key, id, base, f, secret, std::move(done));
            },
            this);
        editor->setAttribute(Qt::WA_DeleteOnClose);
        if (fields)
            editor->setEntry(*fields, m_model->secret(at), revision);
        else
            editor->setBaseRevision(revision);
        connect(editor, &QDialog::accepted, this,
                [this] { Q_EMIT statusMessage(tr("Entry saved in %1's vault.").arg(customerName())); });
        editor->open();
    });
}

void AccountTab::changeUnlockEmail()
{
    const QJsonValue current = m_keyInfo.value(u"unlock_email"_s);
    auto *dialog = new UnlockEmailDialog(m_staff, m_account, customerName(), current.toString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QJsonObject pending = dialog->answer().value(u"pending_change"_s).toObject();
        m_keyInfo.insert(u"pending_change"_s, pending);
        showKeyInfo();
        Q_EMIT keyInfoChanged();
        Q_EMIT statusMessage(tr("The change is pending; the customer has been told."));
    });
    dialog->open();
}

void AccountTab::cancelUnlockEmailChange()
{
    QMessageBox *box =
        newMessageBox(this, u"cancelChangeConfirm"_s, QMessageBox::Question, tr("Cancel the pending change?"),
                      tr("The unlock address of %1's vault stays as it is. The customer is told.").arg(customerName()));
    QPushButton *yes = box->addButton(tr("Cancel the change"), QMessageBox::AcceptRole);
    yes->setObjectName(u"confirmCancel"_s);
    box->addButton(tr("Keep it"), QMessageBox::RejectRole)->setObjectName(u"keep"_s);
    connect(box, &QMessageBox::finished, this, [this, box, yes] {
        if (box->clickedButton() != yes)
            return;
        m_staff.cancelUnlockEmailChange(
            m_account,
            [this](client::ApiResult r) {
                if (!r)
                    Q_EMIT statusMessage(tr("Not cancelled: %1")
                                             .arg(r.error().httpStatus == 0
                                                      ? client::describe(r.error(), tr("keyserver"))
                                                      : r.error().message));
                else
                    Q_EMIT statusMessage(tr("The pending change was cancelled; the customer has been told."));
                refresh();
            },
            this);
    });
    box->open();
}

void AccountTab::onUnlocked()
{
    m_wasUnlocked = true;
    m_countdown->setUnlockedUntil(m_session->expiresAt());
    m_unlock->setEnabled(false);
    m_lock->setEnabled(true);
    Q_EMIT statusMessage(tr("%1's vault is unlocked for support until %2. The customer has been told.")
                             .arg(customerName(), QLocale().toString(m_session->expiresAt().toLocalTime().time(),
                                                                     QLocale::ShortFormat)));
    Q_EMIT unlockChanged();
}

void AccountTab::onLocked()
{
    if (std::exchange(m_wasUnlocked, false))
        m_clipboard->clearNow();                     // what was copied from this vault (expired, ended, locked)
    if (EntryEditor::abandonOpenedEntries(this) > 0) // the plaintext goes with the lock
        Q_EMIT statusMessage(
            tr("%1's vault locked: the open editor was closed, nothing was saved.").arg(customerName()));
    m_countdown->setLocked();
    m_unlock->setEnabled(!m_keyInfo.isEmpty());
    m_lock->setEnabled(false);
    Q_EMIT unlockChanged();
}

} // namespace credvault::ui
