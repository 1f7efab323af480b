#include "widgets/EntryListProxy.h"

#include "client/EntryModel.h"
#include "widgets/EntryKinds.h"

#include <QtCore/QLocale>

namespace credvault::ui {

using client::EntryModel;

QVariant EntryListProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const int column = index.column();
    if (column == EntryModel::KindColumn && (role == Qt::DisplayRole || role == Qt::DecorationRole)) {
        const bool open = QIdentityProxyModel::data(index, EntryModel::OpenRole).toBool();
        const QString kind = open ? QIdentityProxyModel::data(index, Qt::DisplayRole).toString() : QString();
        if (role == Qt::DecorationRole)
            return entryKindIcon(kind);
        return open ? entryKind(kind).name : tr("Sealed");
    }
    if (column == EntryModel::UpdatedColumn && role == Qt::DisplayRole) {
        const QDateTime at = QIdentityProxyModel::data(index, role).toDateTime();
        return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace credvault::ui
