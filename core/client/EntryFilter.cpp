#include "client/EntryFilter.h"

#include "client/EntryModel.h"

#include <QtCore/QSet>

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

const QCollatorSortKey &EntryFilter::sortKey(const QModelIndex &sourceIndex) const
{
    if (m_sortKeysColumn != sourceIndex.column() || m_sortKeys.size() != std::size_t(sourceModel()->rowCount())) {
        m_sortKeys.assign(std::size_t(sourceModel()->rowCount()), std::nullopt);
        m_sortKeysColumn = sourceIndex.column();
    }
    std::optional<QCollatorSortKey> &key = m_sortKeys[std::size_t(sourceIndex.row())];
    if (!key)
        key = m_collator.sortKey(sourceIndex.data(sortRole()).toString());
    return *key;
}

bool EntryFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == EntryModel::UpdatedColumn || left.parent().isValid())
        return QSortFilterProxyModel::lessThan(left, right); // times as times
    return sortKey(left).compare(sortKey(right)) < 0;
}

void EntryFilter::setSearch(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    m_terms = text.toLower().split(u' ', Qt::SkipEmptyParts);
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
