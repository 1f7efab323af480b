#pragma once

// EntryFilter: the apps' search and filters over EntryModel (QtCore only). Search as you
// type matches the open entries whose fields (every one but the secret: kind, title,
// host, port, user name, address, notes, tags) hold every word typed, in any case; the
// kind and tag filters narrow further. Sealed rows cannot be searched: while a search, a
// kind or a tag is set they are hidden, otherwise listed. Sorting is by any column (text
// without regard to case, in the locale's order; times as times). A change of the search
// re-filters and re-sorts at once (a layout change) rather than removing thousands of
// scattered rows one range at a time.

#include <QtCore/QCollator>
#include <QtCore/QSortFilterProxyModel>
#include <QtCore/QStringList>

#include <vector>

namespace credvault::client {

class EntryFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit EntryFilter(QObject *parent = nullptr);

    void setSearch(const QString &text);
    void setKind(const QString &kind); // empty: every kind
    void setTag(const QString &tag);   // empty: every tag
    const QString &search() const { return m_search; }
    bool isFiltering() const { return !m_terms.isEmpty() || !m_kind.isEmpty() || !m_tag.isEmpty(); }
    /// Every tag of the open entries, sorted, for the tag filter's list.
    QStringList tags() const;

    void setSourceModel(QAbstractItemModel *source) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    /// Text columns by each row's rank in the collation order, made once from collation
    /// keys (ICU, case ignored) rather than a locale-aware compare per pair: re-sorting
    /// 10,000 rows after an unlock or a keystroke stays cheap.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    /// The row's place in the collation order of `column` (rows of equal text share one).
    int rankOf(int sourceRow, int column) const;
    void forgetSortKeys() { m_rank.clear(); }

    QCollator m_collator;
    mutable std::vector<int> m_rank; // per source row, for m_rankColumn; made again after any source change
    mutable int m_rankColumn = -1;
    QString m_search;
    QStringList m_terms; // lower case
    QString m_kind;
    QString m_tag;
};

} // namespace credvault::client
