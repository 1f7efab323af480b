#pragma once

// EntryListProxy: EntryModel (core, QtCore only) as the list views show it — the kind's
// icon and translated name, the padlock on a sealed row, times in the person's locale.

#include <QtCore/QIdentityProxyModel>

namespace credvault::ui {

class EntryListProxy : public QIdentityProxyModel {
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace credvault::ui
