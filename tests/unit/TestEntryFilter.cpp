// client::EntryFilter over a small stand-in of EntryModel's roles: sorting by title
// ignores case and follows the collation (not code points), stays right when a title
// changes, rows come and go, or the model is reset (its collation keys are made again),
// and a search narrows and widens again in one step.

#include "client/EntryFilter.h"
#include "client/EntryModel.h"

#include <QtCore/QAbstractTableModel>
#include <QtTest/QtTest>

using namespace credvault::client;
using namespace Qt::Literals::StringLiterals;

namespace {

// Titles in the title column, every row open, the title as its search text.
class Rows : public QAbstractTableModel {
public:
    QStringList titles;
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(titles.size()); }
    int columnCount(const QModelIndex & = {}) const override { return EntryModel::ColumnCount; }
    QVariant data(const QModelIndex &i, int role) const override
    {
        if (role == Qt::DisplayRole)
            return i.column() == EntryModel::TitleColumn ? titles[i.row()] : QString();
        if (role == EntryModel::OpenRole)
            return true;
        if (role == EntryModel::SearchTextRole)
            return titles[i.row()].toLower();
        return {};
    }
    void setTitle(int row, const QString &t)
    {
        titles[row] = t;
        Q_EMIT dataChanged(index(row, 0), index(row, EntryModel::ColumnCount - 1));
    }
    void add(const QString &t)
    {
        beginInsertRows({}, int(titles.size()), int(titles.size()));
        titles << t;
        endInsertRows();
    }
    void removeFirst()
    {
        beginRemoveRows({}, 0, 0);
        titles.removeFirst();
        endRemoveRows();
    }
    void reset(const QStringList &t)
    {
        beginResetModel();
        titles = t;
        endResetModel();
    }
};

QStringList shown(const EntryFilter &f)
{
    QStringList out;
    for (int row = 0; row < f.rowCount(); ++row)
        out << f.index(row, EntryModel::TitleColumn).data().toString();
    return out;
}

} // namespace

class TestEntryFilter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sortingFollowsChanges()
    {
        QLocale::setDefault(QLocale(QLocale::English));
        Rows rows;
        rows.titles = {u"web2"_s, u"Mail"_s, u"ápi"_s, u"zeta"_s, u"alpha"_s};
        EntryFilter f;
        f.setSourceModel(&rows);
        f.sort(EntryModel::TitleColumn, Qt::AscendingOrder);
        // Case ignored, the accented letter beside its base letter (not after "z").
        QCOMPARE(shown(f), (QStringList{u"alpha"_s, u"ápi"_s, u"Mail"_s, u"web2"_s, u"zeta"_s}));
        rows.setTitle(3, u"Beta"_s); // zeta → Beta
        QCOMPARE(shown(f), (QStringList{u"alpha"_s, u"ápi"_s, u"Beta"_s, u"Mail"_s, u"web2"_s}));
        rows.add(u"Charlie"_s);
        QCOMPARE(shown(f), (QStringList{u"alpha"_s, u"ápi"_s, u"Beta"_s, u"Charlie"_s, u"Mail"_s, u"web2"_s}));
        rows.removeFirst(); // web2
        QCOMPARE(shown(f), (QStringList{u"alpha"_s, u"ápi"_s, u"Beta"_s, u"Charlie"_s, u"Mail"_s}));
        rows.reset({u"b"_s, u"A"_s, u"c"_s});
        QCOMPARE(shown(f), (QStringList{u"A"_s, u"b"_s, u"c"_s}));
        f.sort(EntryModel::TitleColumn, Qt::DescendingOrder);
        QCOMPARE(shown(f), (QStringList{u"c"_s, u"b"_s, u"A"_s}));
        QLocale::setDefault(QLocale::system());
    }

    void searchNarrowsAndWidensInOneStep()
    {
        Rows rows;
        for (int i = 0; i < 300; ++i)
            rows.titles << (i % 3 ? u"db-%1"_s : u"web-%1"_s).arg(i);
        EntryFilter f;
        f.setSourceModel(&rows);
        f.sort(EntryModel::TitleColumn, Qt::AscendingOrder);
        QSignalSpy removed(&f, &QAbstractItemModel::rowsRemoved);
        QSignalSpy layout(&f, &QAbstractItemModel::layoutChanged);
        f.setSearch(u"w"_s);
        QCOMPARE(f.rowCount(), 100);
        QCOMPARE(removed.size(), 0); // one layout change, not a removal per scattered range
        QCOMPARE(layout.size(), 1);
        f.setSearch(u"web-2"_s);
        QCOMPARE(shown(f).first(), u"web-201"_s);
        QVERIFY(shown(f).contains(u"web-27"_s));
        f.setSearch({});
        QCOMPARE(f.rowCount(), 300);
    }
};

QTEST_GUILESS_MAIN(TestEntryFilter)
#include "TestEntryFilter.moc"
