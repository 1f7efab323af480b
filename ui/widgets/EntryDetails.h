#pragma once

// EntryDetails: the selected entry, beside the list, in both apps. While the entry is
// open: its kind, title, host and port, user name, the secret (hidden until "Show"),
// address, notes, tags; always: when it was made and changed, and by whom. A sealed
// entry says it is sealed. The secret is read from the model each time it is shown and
// taken off the screen when hidden, when the selection changes and when the vault locks.
// Every field has a Copy button (SecureClipboard: marked sensitive, cleared again).

#include <QtCore/QHash>
#include <QtCore/QPersistentModelIndex>
#include <QtWidgets/QWidget>

class QFormLayout;
class QHBoxLayout;
class QLabel;
class QToolButton;

namespace credvault::client {
class EntryModel;
}

namespace credvault::ui {

class SecureClipboard;

class EntryDetails : public QWidget {
    Q_OBJECT
public:
    explicit EntryDetails(QWidget *parent = nullptr);

    /// Shows row `row` of `model` (-1 or no model: nothing selected).
    void showEntry(const client::EntryModel *model, int row);
    /// Reads the row again (after it changed, opened or was sealed).
    void refresh();
    bool secretShown() const;
    /// The text on screen, for tests: the secret appears only while shown.
    QString visibleText() const;
    /// Where the Copy buttons put a field (none: no Copy buttons).
    void setClipboard(SecureClipboard *clipboard) { m_clipboard = clipboard; }
    /// Copies a field as its Copy button does ("copyHost", "copyUsername", "copySecret",
    /// "copyUrl"); false when the entry shown has no such field open.
    bool copy(const QString &buttonName);

Q_SIGNALS:
    /// A field was copied (its name, e.g. "Password").
    void copied(const QString &what);

private:
    void setValue(QLabel *label, const QString &text);
    void setVisibleRow(QLabel *value, bool visible);
    QToolButton *copyButton(const QString &name, QLabel *value);
    QHBoxLayout *copyableRow(QLabel *value, const QString &buttonName);
    void copyField(QLabel *value);

    SecureClipboard *m_clipboard = nullptr;
    QHash<QLabel *, QToolButton *> m_copyButtons;
    QHash<QLabel *, QHBoxLayout *> m_rows;

    const client::EntryModel *m_model = nullptr;
    int m_row = -1;
    QLabel *m_icon = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_state = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_kind = nullptr;
    QLabel *m_host = nullptr;
    QLabel *m_username = nullptr;
    QLabel *m_secret = nullptr;
    QToolButton *m_show = nullptr;
    QLabel *m_url = nullptr;
    QLabel *m_notes = nullptr;
    QLabel *m_tags = nullptr;
    QLabel *m_changed = nullptr;
};

} // namespace credvault::ui
