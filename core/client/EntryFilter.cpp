#include "client/EntryFilter.h"

#include "client/EntryModel.h"

#include <QtCore/QSet>

namespace credvault::client {

EntryFilter::EntryFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    setDynamicSortFilter(true);
}

void EntryFilter::setSearch(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    m_terms = text.toLower().split(u' ', Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

void EntryFilter::setKind(const QString &kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidateRowsFilter();
}

void EntryFilter::setTag(const QString &tag)
{
    if (tag == m_tag)
        return;
    m_tag = tag;
    invalidateRowsFilter();
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
    if (!at.data(EntryModel::OpenRole).toBool())
        return false; // a sealed row cannot match anything
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
