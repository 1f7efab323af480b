#include "support/AccountAuditView.h"

#include "client/AccessHistory.h"
#include "client/StaffApi.h"
#include "client/VaultApi.h"
#include "common/Files.h"
#include "widgets/MessageBoxes.h"

#include <QtCore/QLocale>
#include <QtCore/QSortFilterProxyModel>
#include <QtGui/QStandardItemModel>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

namespace {

enum Column { TimeColumn, SourceColumn, ActorColumn, ActionColumn, DetailsColumn, ColumnCount };
constexpr int kLineRole = Qt::UserRole + 1; // the line's index in m_lines

// Filters by source, by the kind of actor and by text, all on the row's cells.
class AuditFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QString source, actorKind, text;
    void refilter() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const auto cell = [&](int column) { return sourceModel()->index(row, column, parent).data().toString(); };
        if (!source.isEmpty() && cell(SourceColumn) != source)
            return false;
        if (!actorKind.isEmpty() && !cell(ActorColumn).startsWith(actorKind + u':') && cell(ActorColumn) != actorKind)
            return false;
        if (text.isEmpty())
            return true;
        for (int c = 0; c < ColumnCount; ++c)
            if (cell(c).contains(text, Qt::CaseInsensitive))
                return true;
        return false;
    }
};

} // namespace

AccountAuditView::AccountAuditView(const QUuid &account, client::VaultApi &vault, client::StaffApi &staff,
                                   const AuditKeyPublic &auditKey, client::HeadPins &heads, QWidget *parent)
    : QWidget(parent), m_account(account), m_vault(vault), m_staff(staff), m_auditKey(auditKey), m_heads(heads)
{
    setObjectName(u"auditView"_s);
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    m_source = new QComboBox(this);
    m_source->setObjectName(u"auditSource"_s);
    m_source->addItem(tr("Both servers"), QString());
    m_source->addItem(tr("Keyserver"), client::sourceName(client::AuditLine::Source::Keyserver));
    m_source->addItem(tr("Vault server"), client::sourceName(client::AuditLine::Source::VaultServer));
    m_actor = new QComboBox(this);
    m_actor->setObjectName(u"auditActor"_s);
    m_actor->addItem(tr("Anyone"), QString());
    m_actor->addItem(tr("The customer"), u"customer"_s);
    m_actor->addItem(tr("Support staff"), u"staff"_s);
    m_actor->addItem(tr("Services"), u"service"_s);
    m_actor->addItem(tr("The system"), u"system"_s);
    m_text = new QLineEdit(this);
    m_text->setObjectName(u"auditText"_s);
    m_text->setPlaceholderText(tr("Filter: engineer, action, ticket…"));
    m_text->setClearButtonEnabled(true);
    auto *refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(u"auditRefresh"_s);
    auto *save = new QPushButton(tr("E&xport CSV…"), this);
    save->setObjectName(u"auditExport"_s);
    row->addWidget(m_source);
    row->addWidget(m_actor);
    row->addWidget(m_text, 1);
    row->addWidget(refresh);
    row->addWidget(save);
    layout->addLayout(row);
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"auditProblem"_s);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);
    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("Time"), tr("Source"), tr("Who"), tr("Action"), tr("Details")});
    auto *filter = new AuditFilter(this);
    m_filter = filter;
    m_filter->setSourceModel(m_model);
    m_table = new QTableView(this);
    m_table->setObjectName(u"auditTable"_s);
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);

    const auto update = [this, filter] {
        filter->source = m_source->currentData().toString();
        filter->actorKind = m_actor->currentData().toString();
        filter->text = m_text->text().trimmed();
        filter->refilter();
    };
    connect(m_source, &QComboBox::currentIndexChanged, this, update);
    connect(m_actor, &QComboBox::currentIndexChanged, this, update);
    connect(m_text, &QLineEdit::textChanged, this, update);
    connect(refresh, &QPushButton::clicked, this, &AccountAuditView::reload);
    connect(save, &QPushButton::clicked, this, &AccountAuditView::exportCsv);
}

QString AccountAuditView::problem() const
{
    return m_problem->isVisible() ? m_problem->text() : QString();
}

void AccountAuditView::reload()
{
    const quint64 round = ++m_round;
    m_pending = 2;
    m_problems.clear();
    m_keyserverAnswer = {};
    m_vaultAnswer = {};
    const auto describeError = [](const ApiError &e, const QString &server) {
        return e.httpStatus == 0 ? client::describe(e, server) : e.message;
    };
    m_staff.audit(
        m_account,
        [this, round, describeError](client::ApiResult r) {
            if (round != m_round)
                return;
            if (r)
                m_keyserverAnswer = *r;
            else
                m_problems
                    << tr("The keyserver's audit could not be read: %1").arg(describeError(r.error(), tr("keyserver")));
            answered();
        },
        this);
    m_vault.accountAudit(
        m_account,
        [this, round, describeError](client::ApiResult r) {
            if (round != m_round)
                return;
            if (r)
                m_vaultAnswer = *r;
            else
                m_problems << tr("The vault server's audit could not be read: %1")
                                  .arg(describeError(r.error(), tr("vault server")));
            answered();
        },
        this);
}

void AccountAuditView::answered()
{
    if (--m_pending > 0)
        return;
    QList<client::AccessEvent> keyserver;
    if (!m_keyserverAnswer.isEmpty()) {
        Result<client::AccessHistory, ApiError> h = client::parseAccessHistory(m_keyserverAnswer, m_auditKey);
        if (h) {
            keyserver = h->events;
            // The signed head against the one this computer saw last: events removed
            // or rewritten are said, and the head is not moved on.
            switch (client::compareHeads(m_heads.lastSeen(m_account), *h)) {
            case client::HeadCheck::Shrank:
                m_problems << tr("The keyserver's audit of this account is shorter than the one this computer saw "
                                 "before: events were removed. Tell your security team.");
                break;
            case client::HeadCheck::Forked:
                m_problems << tr("The keyserver's audit of this account differs from the one this computer saw "
                                 "before: past events were rewritten. Tell your security team.");
                break;
            case client::HeadCheck::FirstLook:
            case client::HeadCheck::Continues: (void)m_heads.remember(m_account, h->head); break;
            }
        } else
            m_problems << tr("The keyserver's audit is not shown: %1").arg(h.error().message);
    }
    QList<client::AuditLine> vault;
    if (!m_vaultAnswer.isEmpty()) {
        Result<QList<client::AuditLine>, ApiError> v = client::parseVaultAudit(m_vaultAnswer);
        if (v)
            vault = *v;
        else
            m_problems << v.error().message;
    }
    m_lines = client::mergeAudits(keyserver, vault);
    m_model->setRowCount(0);
    for (int i = 0; i < m_lines.size(); ++i) {
        const client::AuditLine &l = m_lines[i];
        QList<QStandardItem *> row;
        auto *time = new QStandardItem(QLocale().toString(l.at.toLocalTime(), u"yyyy-MM-dd HH:mm:ss"_s));
        time->setData(i, kLineRole);
        time->setToolTip(l.at.toString(Qt::ISODateWithMs));
        row << time << new QStandardItem(client::sourceName(l.source)) << new QStandardItem(l.actor)
            << new QStandardItem(l.action) << new QStandardItem(client::detailsText(l.details));
        m_model->appendRow(row);
    }
    m_table->resizeColumnsToContents();
    m_table->scrollToBottom(); // oldest first, the newest in view
    m_problem->setText(m_problems.join(u'\n'));
    m_problem->setVisible(!m_problems.isEmpty());
    Q_EMIT loaded();
}

QList<client::AuditLine> AccountAuditView::shownLines() const
{
    QList<client::AuditLine> out;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        out.append(m_lines.value(m_filter->index(row, TimeColumn).data(kLineRole).toInt()));
    return out;
}

QString AccountAuditView::saveCsv(const QString &file) const
{
    if (Result<void> w = writeFileAtomically(file, client::auditCsv(shownLines()), kOwnerOnly); !w)
        return w.error().message;
    return {};
}

void AccountAuditView::exportCsv()
{
    QFileDialog *d = newFileDialog(this, u"auditExportFile"_s, tr("Export the audit"), tr("CSV files (*.csv)"), true);
    d->selectFile(u"audit-%1.csv"_s.arg(m_account.toString(QUuid::WithoutBraces).left(8)));
    connect(d, &QFileDialog::fileSelected, this, [this](const QString &file) {
        const QString error = saveCsv(file);
        m_problem->setText(error.isEmpty() ? tr("%n events saved to %1.", nullptr, int(m_filter->rowCount())).arg(file)
                                           : tr("Not saved: %1").arg(error));
        m_problem->show();
    });
    d->open();
}

} // namespace credvault::ui
