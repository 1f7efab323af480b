#include "customer/AccessHistoryWatch.h"

#include "client/VaultApi.h"
#include "widgets/AccessHistoryDialog.h"
#include "widgets/MessageBoxes.h"

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

AccessHistoryWatch::AccessHistoryWatch(QWidget *window, const QString &pinsFile)
    : QObject(window), m_window(window), m_pins(pinsFile)
{
    m_timer.setInterval(kRecheckMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { check(); });
}

void AccessHistoryWatch::start(client::VaultApi *vault, const QUuid &account, const AuditKeyPublic &auditKey,
                               bool openDialog)
{
    stop();
    m_vault = vault;
    m_account = account;
    m_auditKey = auditKey;
    m_timer.start();
    check(openDialog);
}

void AccessHistoryWatch::stop()
{
    ++m_generation;
    m_timer.stop();
    m_vault = nullptr;
    m_account = QUuid();
    m_openDialog = false;
    if (m_dialog)
        m_dialog->close();
    for (const QPointer<QWidget> &b : std::as_const(m_boxes))
        if (b)
            b->close();
    m_boxes.clear();
}

void AccessHistoryWatch::check(bool openDialog)
{
    if (!m_vault)
        return;
    m_openDialog = m_openDialog || openDialog;
    m_vault->accessHistory(
        [this, generation = m_generation](client::ApiResult r) {
            if (generation != m_generation)
                return;
            if (!r) {
                if (std::exchange(m_openDialog, false))
                    showBox(u"historyError"_s, QMessageBox::Warning, tr("Access history"),
                            tr("The access history cannot be shown: %1").arg(r.error().message));
                return Q_EMIT checked(r.error().code);
            }
            Result<client::AccessHistory, ApiError> history = client::parseAccessHistory(*r, m_auditKey);
            if (!history) {
                // Not signed by the pinned key: never shown as if it were true.
                m_openDialog = false;
                showBox(u"historyUntrusted"_s, QMessageBox::Critical, tr("Access history cannot be trusted"),
                        tr("The access history the server sent cannot be trusted: %1. Tell your hosting company's "
                           "security contact.")
                            .arg(history.error().message));
                return Q_EMIT checked(history.error().code);
            }
            onHistory(*history);
        },
        this);
}

void AccessHistoryWatch::onHistory(const client::AccessHistory &history)
{
    const client::HeadCheck result = client::compareHeads(m_pins.lastSeen(m_account), history);
    const QString warning = AccessHistoryDialog::headWarning(result);
    if (warning.isEmpty())
        (void)m_pins.remember(m_account, history.head); // a failed write only means a later first look
    else
        showBox(u"historyWarning"_s, QMessageBox::Critical, tr("The access history has changed"), warning);

    // Support's unlocks not told yet, oldest first.
    const qint64 told = m_pins.staffNoticeSeq(m_account);
    QStringList lines;
    qint64 newest = told;
    for (auto u = history.unlocks.crbegin(); u != history.unlocks.crend(); ++u) {
        if (!u->byStaff || u->seq <= told)
            continue;
        lines << tr("%1: %2, reason \"%3\", ticket %4")
                     .arg(QLocale().toString(u->startedAt.toLocalTime(), QLocale::ShortFormat), u->engineer, u->reason,
                          u->ticket);
        newest = qMax(newest, u->seq);
    }
    if (!lines.isEmpty() && warning.isEmpty()) {
        (void)m_pins.setStaffNoticeSeq(m_account, newest);
        showBox(u"staffUnlockNotice"_s, QMessageBox::Information, tr("Support opened your vault"),
                tr("A support engineer unlocked your vault and could read your entries:") + u"\n\n"_s +
                    lines.join(u'\n') + u"\n\n"_s +
                    tr("If you did not ask for this, contact your hosting company and quote the ticket. Account › "
                       "Access history shows every unlock."));
    }

    if (std::exchange(m_openDialog, false)) {
        if (!m_dialog)
            m_dialog = new AccessHistoryDialog(m_window); // kept and reused: one per window
        m_dialog->setHistory(history, result, QDateTime::currentDateTimeUtc());
        m_dialog->show();
        m_dialog->raise();
    }
    Q_EMIT checked(result == client::HeadCheck::Shrank   ? u"shrank"_s
                   : result == client::HeadCheck::Forked ? u"forked"_s
                                                         : u"ok"_s);
}

void AccessHistoryWatch::showBox(const QString &name, int icon, const QString &title, const QString &text)
{
    m_boxes.append(showMessageBox(m_window, name, QMessageBox::Icon(icon), title, text));
}

} // namespace credvault::ui
