#include "widgets/EntryBrowser.h"

#include "client/EntryFilter.h"
#include "client/EntryModel.h"
#include "widgets/EntryDetails.h"
#include "widgets/EntryKinds.h"
#include "widgets/EntryListProxy.h"

#include <QtCore/QSignalBlocker>
#include <QtCore/QTimer>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

EntryBrowser::EntryBrowser(SecureClipboard *clipboard, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *filterRow = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"search"_s);
    m_search->setPlaceholderText(tr("Search the unlocked entries (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_kindFilter = new QComboBox(this);
    m_kindFilter->setObjectName(u"kindFilter"_s);
    m_kindFilter->addItem(tr("All kinds"), QString());
    for (const EntryKind &k : entryKinds())
        m_kindFilter->addItem(entryKindIcon(k.id), k.name, k.id);
    m_tagFilter = new QComboBox(this);
    m_tagFilter->setObjectName(u"tagFilter"_s);
    m_tagFilter->addItem(tr("All tags"), QString());
    filterRow->addWidget(m_search, 1);
    filterRow->addWidget(m_kindFilter);
    filterRow->addWidget(m_tagFilter);
    layout->addLayout(filterRow);

    auto *splitter = new QSplitter(this);
    m_table = new QTableView(splitter);
    m_table->setObjectName(u"entryList"_s);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_filter = new client::EntryFilter(this);
    m_proxy = new EntryListProxy(this);
    m_proxy->setSourceModel(m_filter);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(client::EntryModel::TitleColumn, Qt::AscendingOrder);
    connect(m_search, &QLineEdit::textChanged, m_filter, &client::EntryFilter::setSearch);
    connect(m_kindFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setKind(m_kindFilter->currentData().toString()); });
    connect(m_tagFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setTag(m_tagFilter->currentData().toString());
    }); // the one proxy: its selection model lives as long as the browser
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &EntryBrowser::onSelectionChanged);
    m_details = new EntryDetails(splitter);
    m_details->setClipboard(clipboard);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
}

void EntryBrowser::setModel(client::EntryModel *model)
{
    for (const QMetaObject::Connection &c : m_modelConnections)
        disconnect(c);
    m_modelConnections.clear();
    m_details->showEntry(nullptr, -1);
    m_selected = {};
    m_model = model;
    m_filter->setSourceModel(model);
    if (!model) {
        m_search->clear();
        return;
    }
    m_table->resizeColumnToContents(client::EntryModel::KindColumn);
    m_modelConnections << connect(model, &QAbstractItemModel::dataChanged, m_details, &EntryDetails::refresh);
    // The tag list once per turn of the event loop, however many rows changed in it.
    const auto tagsLater = [this] {
        if (!m_tagRefreshPending) {
            m_tagRefreshPending = true;
            QTimer::singleShot(0, this, [this] {
                m_tagRefreshPending = false;
                refreshTagFilter();
            });
        }
    };
    m_modelConnections << connect(model, &QAbstractItemModel::dataChanged, this, tagsLater);
    m_modelConnections << connect(model, &QAbstractItemModel::modelReset, this, tagsLater);
    m_modelConnections << connect(model, &QAbstractItemModel::modelReset, this, [this] {
        // Reloaded: the selection follows its entry.
        const int row = m_model->rowOf(m_selected);
        if (row >= 0)
            selectEntry(row);
        onSelectionChanged();
    });
}

int EntryBrowser::selectedRow() const
{
    const QModelIndex current = m_table->selectionModel() ? m_table->selectionModel()->currentIndex() : QModelIndex();
    if (!current.isValid() || !m_model || !m_table->selectionModel()->isRowSelected(current.row()))
        return -1;
    return m_filter->mapToSource(m_proxy->mapToSource(current)).row();
}

void EntryBrowser::selectEntry(int row)
{
    if (!m_model)
        return;
    const QModelIndex at = m_proxy->mapFromSource(m_filter->mapFromSource(m_model->index(row, 0)));
    if (at.isValid())
        m_table->selectRow(at.row());
    else
        m_table->clearSelection();
}

void EntryBrowser::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void EntryBrowser::clearSearch()
{
    m_search->clear();
}

void EntryBrowser::onSelectionChanged()
{
    const int row = selectedRow();
    m_selected = row >= 0 ? m_model->data(m_model->index(row, 0), client::EntryModel::IdRole).toUuid() : QUuid();
    m_details->showEntry(m_model, row);
    Q_EMIT selectionChanged();
}

void EntryBrowser::refreshTagFilter()
{
    const QString current = m_tagFilter->currentData().toString();
    const QStringList tags = m_filter->tags();
    QStringList shown;
    for (int i = 1; i < m_tagFilter->count(); ++i)
        shown << m_tagFilter->itemData(i).toString();
    if (shown == tags)
        return;
    const QSignalBlocker quiet(m_tagFilter);
    while (m_tagFilter->count() > 1)
        m_tagFilter->removeItem(1);
    for (const QString &t : tags)
        m_tagFilter->addItem(t, t);
    const int keep = m_tagFilter->findData(current);
    m_tagFilter->setCurrentIndex(qMax(0, keep));
    if (keep < 0)
        m_filter->setTag({});
}

} // namespace credvault::ui
