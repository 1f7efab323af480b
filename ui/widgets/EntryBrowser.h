#pragma once

// EntryBrowser: one vault's entries as both apps show them — search as you type over the
// open entries, filters by kind and tag, the sortable list (sealed rows while locked) and
// the selected entry's details with their copy buttons. The selection follows its entry
// across reloads. The window around it owns the model and the actions.

#include <QtCore/QUuid>
#include <QtWidgets/QWidget>

class QComboBox;
class QLineEdit;
class QTableView;

namespace credvault::client {
class EntryFilter;
class EntryModel;
} // namespace credvault::client

namespace credvault::ui {

class EntryDetails;
class EntryListProxy;
class SecureClipboard;

class EntryBrowser : public QWidget {
    Q_OBJECT
public:
    explicit EntryBrowser(SecureClipboard *clipboard, QWidget *parent = nullptr);

    /// The model shown (null: none; the browser never owns it).
    void setModel(client::EntryModel *model);
    client::EntryModel *model() const { return m_model; }

    /// The selected entry's row in the model, or -1.
    int selectedRow() const;
    void selectEntry(int row);
    /// Focuses the search field with its text selected (Ctrl+F).
    void focusSearch();
    void clearSearch();

    QTableView *table() const { return m_table; }
    client::EntryFilter *filter() const { return m_filter; }
    EntryDetails *details() const { return m_details; }

Q_SIGNALS:
    void selectionChanged();

private:
    void onSelectionChanged();
    void refreshTagFilter();

    client::EntryModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_kindFilter = nullptr;
    QComboBox *m_tagFilter = nullptr;
    QTableView *m_table = nullptr;
    client::EntryFilter *m_filter = nullptr;
    EntryListProxy *m_proxy = nullptr;
    EntryDetails *m_details = nullptr;
    QUuid m_selected; // the selected entry, kept across reloads
    bool m_tagRefreshPending = false;
    QList<QMetaObject::Connection> m_modelConnections;
};

} // namespace credvault::ui
