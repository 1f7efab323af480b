#include "widgets/AccessHistoryDialog.h"

#include <QtGui/QStandardItemModel>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

namespace {

QString when(const QDateTime &t)
{
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

QString duration(qint64 seconds)
{
    if (seconds < 60)
        return AccessHistoryDialog::tr("%n second(s)", nullptr, int(seconds));
    if (seconds < 3600)
        return AccessHistoryDialog::tr("%n minute(s)", nullptr, int(seconds / 60));
    return AccessHistoryDialog::tr("%n hour(s)", nullptr, int(seconds / 3600));
}

QStandardItem *item(const QString &text)
{
    auto *i = new QStandardItem(text);
    i->setEditable(false);
    i->setToolTip(text);
    return i;
}

QTableView *table(QStandardItemModel *model, const QString &name, QWidget *parent)
{
    auto *t = new QTableView(parent);
    t->setObjectName(name);
    t->setModel(model);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setWordWrap(false);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

} // namespace

AccessHistoryDialog::AccessHistoryDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(u"accessHistory"_s);
    setWindowTitle(tr("Access history"));
    auto *layout = new QVBoxLayout(this);
    m_warning = new QLabel(this);
    m_warning->setObjectName(u"historyWarning"_s);
    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::PlainText);
    m_warning->setStyleSheet(u"QLabel { background: #fde7e9; color: #8a1c25; padding: 6px; }"_s);
    m_warning->hide();
    layout->addWidget(m_warning);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"historySummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);

    m_unlockModel = new QStandardItemModel(0, 6, this);
    m_unlockModel->setHorizontalHeaderLabels(
        {tr("Opened"), tr("By"), tr("Reason"), tr("Ticket"), tr("Until"), tr("Entries decrypted")});
    m_eventModel = new QStandardItemModel(0, 3, this);
    m_eventModel->setHorizontalHeaderLabels({tr("When"), tr("Who"), tr("What")});
    auto *tabs = new QTabWidget(this);
    m_unlocks = table(m_unlockModel, u"unlocks"_s, tabs);
    m_events = table(m_eventModel, u"events"_s, tabs);
    tabs->addTab(m_unlocks, tr("Unlocks"));
    tabs->addTab(m_events, tr("All events"));
    layout->addWidget(tabs, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(820, 440);
}

QString AccessHistoryDialog::headWarning(client::HeadCheck check)
{
    switch (check) {
    case client::HeadCheck::Shrank:
        return tr("This history is shorter than the one this computer saw before: events were removed from the "
                  "keyserver's audit. Tell your hosting company's security contact.");
    case client::HeadCheck::Forked:
        return tr("This history differs from the one this computer saw before: past events were rewritten in the "
                  "keyserver's audit. Tell your hosting company's security contact.");
    case client::HeadCheck::FirstLook:
    case client::HeadCheck::Continues: break;
    }
    return {};
}

QString AccessHistoryDialog::describe(const client::AccessEvent &e)
{
    const QString a = e.action;
    const auto detail = [&](const char *key) { return e.details.value(QLatin1String(key)).toString(); };
    if (a == u"unlock"_s)
        return tr("Unlocked with a code");
    if (a == u"staff_unlock"_s)
        return tr("A support engineer unlocked: %1, reason \"%2\", ticket %3")
            .arg(detail("engineer"), detail("reason"), detail("ticket"));
    if (a == u"decapsulated"_s)
        return tr("%n entries decrypted", nullptr, e.details.value(u"count"_s).toInt());
    if (a == u"locked"_s)
        return detail("reason") == u"notice_mail_failed"_s ? tr("Locked again: the notice could not be mailed to you")
                                                           : tr("Locked");
    if (a == u"code_issued"_s)
        return tr("Unlock code sent");
    if (a == u"code_voided"_s)
        return tr("Unlock code withdrawn (the mail failed)");
    if (a == u"code_expired"_s)
        return tr("Unlock code expired");
    if (a == u"redeem_failed"_s)
        return tr("Wrong unlock code typed");
    if (a == u"redeem_blocked"_s)
        return tr("Too many wrong codes: unlocking blocked for a while");
    if (a == u"account_created"_s)
        return tr("Vault created");
    if (a == u"unlock_email_change_requested"_s)
        return tr("Change of the unlock e-mail requested");
    if (a == u"unlock_email_change_cancelled"_s)
        return tr("Change of the unlock e-mail cancelled");
    if (a == u"unlock_email_changed"_s)
        return tr("Unlock e-mail changed");
    return a; // a newer server's event: its name is still better than nothing
}

namespace {

QString who(const client::AccessEvent &e)
{
    if (e.actor.startsWith(u"staff:"_s))
        return AccessHistoryDialog::tr("Support: %1").arg(e.actor.mid(6));
    if (e.actor.startsWith(u"service:"_s) || e.actor == u"public"_s)
        return AccessHistoryDialog::tr("You (through the vault server)");
    if (e.actor == u"system"_s)
        return AccessHistoryDialog::tr("The keyserver");
    return e.actor;
}

} // namespace

void AccessHistoryDialog::setHistory(const client::AccessHistory &history, client::HeadCheck check,
                                     const QDateTime &now)
{
    const QString warning = headWarning(check);
    m_warning->setText(warning);
    m_warning->setVisible(!warning.isEmpty());
    const auto staffCount = std::count_if(history.unlocks.cbegin(), history.unlocks.cend(),
                                          [](const client::UnlockRecord &u) { return u.byStaff; });
    m_summary->setText(
        tr("%n unlock(s) recorded", nullptr, int(history.unlocks.size())) + u", "_s +
        tr("%n by support", nullptr, int(staffCount)) + u". "_s +
        tr("The keyserver signed this history (%n event(s) in its whole log).", nullptr, int(history.head.count)));

    m_unlockModel->removeRows(0, m_unlockModel->rowCount());
    QFont bold = font();
    bold.setBold(true);
    const QBrush staffBackground(QColor(0xff, 0xf1, 0xc7));
    for (const client::UnlockRecord &u : history.unlocks) {
        const QString until =
            u.isOpenAt(now) ? tr("open until %1").arg(when(u.expiresAt))
            : u.lockedAt.isValid()
                ? tr("locked %1 (after %2)").arg(when(u.lockedAt), duration(u.startedAt.secsTo(u.lockedAt)))
                : tr("expired %1 (after %2)").arg(when(u.expiresAt), duration(u.startedAt.secsTo(u.expiresAt)));
        QList<QStandardItem *> row{item(when(u.startedAt)),
                                   item(u.byStaff ? tr("Support: %1").arg(u.engineer) : tr("You, with a code")),
                                   item(u.reason),
                                   item(u.ticket),
                                   item(until),
                                   item(QString::number(u.entriesOpened))};
        for (QStandardItem *i : row) {
            if (u.byStaff) {
                i->setFont(bold);
                i->setBackground(staffBackground);
            }
            i->setData(u.byStaff, Qt::UserRole);
        }
        m_unlockModel->appendRow(row);
    }
    m_eventModel->removeRows(0, m_eventModel->rowCount());
    for (auto e = history.events.crbegin(); e != history.events.crend(); ++e)
        m_eventModel->appendRow({item(when(e->at)), item(who(*e)), item(describe(*e))});
    m_unlocks->resizeColumnsToContents();
    m_events->resizeColumnsToContents();
}

QString AccessHistoryDialog::warningText() const
{
    return m_warning->isHidden() ? QString() : m_warning->text();
}

} // namespace credvault::ui
