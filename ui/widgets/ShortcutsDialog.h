#pragma once

// ShortcutsDialog: Help › Keyboard shortcuts. It lists every action of a window that has
// a shortcut — read from the actions themselves, so the list is always what the keys do.

#include <QtWidgets/QDialog>

class QTableWidget;

namespace credvault::ui {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);

    /// (what, keys) of every action of `window` with a shortcut, in menu order.
    static QList<std::pair<QString, QString>> shortcutsOf(const QWidget *window);

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table = nullptr;
};

} // namespace credvault::ui
