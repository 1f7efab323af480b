#include "client/EntryFilter.h"

#include "client/EntryModel.h"

#include <QtCore/QSet>

#include <algorithm>
#include <numeric>

namespace credvault::client {

EntryFilter::EntryFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    setDynamicSortFilter(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

void EntryFilter::setSourceModel(QAbstractItemModel *source)
{
    if (QAbstractItemModel *old = sourceModel())
        disconnect(old, nullptr, this, nullptr);
    forgetSortKeys();
    if (source) {
        // Any change of the rows or their text: the keys are made again when next sorted.
        // Connected before the base class's handlers, so a re-sort never sees stale keys.
        const auto forget = [this] { forgetSortKeys(); };
        connect(source, &QAbstractItemModel::dataChanged, this, forget);
        connect(source, &QAbstractItemModel::rowsInserted, this, forget);
        connect(source, &QAbstractItemModel::rowsRemoved, this, forget);
        connect(source, &QAbstractItemModel::rowsMoved, this, forget);
        connect(source, &QAbstractItemModel::modelReset, this, forget);
        connect(source, &QAbstractItemModel::layoutChanged, this, forget);
    }
    QSortFilterProxyModel::setSourceModel(source);
}

int EntryFilter::rankOf(int sourceRow, int column) const
{
    const QAbstractItemModel *source = sourceModel();
    const int rows = source->rowCount();
    if (m_rankColumn != column || m_rank.size() != std::size_t(rows)) {
        std::vector<QCollatorSortKey> keys;
        keys.reserve(std::size_t(rows));
        for (int row = 0; row < rows; ++row)
            keys.push_back(m_collator.sortKey(source->index(row, column).data(sortRole()).toString()));
        std::vector<int> order(static_cast<std::size_t>(rows));
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [&](int l, int r) { return keys[std::size_t(l)].compare(keys[std::size_t(r)]) < 0; });
        m_rank.assign(std::size_t(rows), 0);
        for (std::size_t i = 1; i < order.size(); ++i) {
            const bool same = keys[std::size_t(order[i - 1])].compare(keys[std::size_t(order[i])]) == 0;
            m_rank[std::size_t(order[i])] = same ? m_rank[std::size_t(order[i - 1])] : int(i);
        }
        m_rankColumn = column;
    }
    return m_rank[std::size_t(sourceRow)];
}

bool EntryFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == EntryModel::UpdatedColumn || left.parent().isValid())
        return QSortFilterProxyModel::lessThan(left, right); // times as times
    return rankOf(left.row(), left.column()) < rankOf(right.row(), right.column());
}

void EntryFilter::setSearch(const QString &text)
{
    if (text == m_search)
        return;
    const bool wasSearching = !m_terms.isEmpty();
    m_search = text;
    m_terms = text.toLower().split(u' ', Qt::SkipEmptyParts);
    // Starting or clearing a search adds or drops thousands of scattered rows: one layout
    // change is far cheaper than a range signal for each. Typing on in a search changes
    // fewer rows, which the proxy updates in place.
    if (wasSearching && !m_terms.isEmpty())
        invalidateRowsFilter();
    else
        invalidate();
}

void EntryFilter::setKind(const QString &kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidate();
}

void EntryFilter::setTag(const QString &tag)
{
    if (tag == m_tag)
        return;
    m_tag = tag;
    invalidate();
}

QStringList EntryFilter::tags() const
{
    QSet<QString> all;
    const QAbstractItemModel *source = sourceModel();
    for (int row = 0; source && row < source->rowCount(); ++row) {
        for (const QString &t : source->index(row, 0).data(EntryModel::TagsRole).toStringList())
            all.insert(t);
    }
    QStringList out(all.cbegin(), all.cend());
    out.sort(Qt::CaseInsensitive);
    return out;
}

bool EntryFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!isFiltering())
        return true;
    const QModelIndex at = sourceModel()->index(sourceRow, 0, sourceParent);
    // A sealed row cannot match anything: its kind, tags and search text are empty.
    if (m_terms.isEmpty() && !at.data(EntryModel::OpenRole).toBool())
        return false;
    if (!m_kind.isEmpty() && at.data(EntryModel::KindRole).toString() != m_kind)
        return false;
    if (!m_tag.isEmpty() && !at.data(EntryModel::TagsRole).toStringList().contains(m_tag))
        return false;
    if (m_terms.isEmpty())
        return true;
    const QString text = at.data(EntryModel::SearchTextRole).toString();
    for (const QString &term : m_terms) {
        if (!text.contains(term))
            return false;
    }
    return true;
}

} // namespace credvault::client
