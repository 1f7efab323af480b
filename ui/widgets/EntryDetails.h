#pragma once

// EntryDetails: the selected entry, beside the list, in both apps. While the entry is
// open: its kind, title, host and port, user name, the secret (hidden until "Show"),
// address, notes, tags; always: when it was made and changed, and by whom. A sealed
// entry says it is sealed. The secret is read from the model each time it is shown and
// taken off the screen when hidden, when the selection changes and when the vault locks.

#include <QtCore/QPersistentModelIndex>
#include <QtWidgets/QWidget>

class QFormLayout;
class QLabel;
class QToolButton;

namespace credvault::client {
class EntryModel;
}

namespace credvault::ui {

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

private:
    void setValue(QLabel *label, const QString &text);

    const client::EntryModel *m_model = nullptr;
    int m_row = -1;
    QLabel *m_icon = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_state = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_kind = nullptr;
    QLabel *m_host = nullptr;
    QLabel *m_username = nullptr;
    QLabel *m_secretCaption = nullptr;
    QLabel *m_secret = nullptr;
    QToolButton *m_show = nullptr;
    QLabel *m_url = nullptr;
    QLabel *m_notes = nullptr;
    QLabel *m_tags = nullptr;
    QLabel *m_changed = nullptr;
};

} // namespace credvault::ui
