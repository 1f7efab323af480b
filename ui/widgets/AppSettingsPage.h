#pragma once

// AppSettingsPage: the settings both apps share, kept in QSettings — how long a copied
// field stays on the clipboard (clipboard/clear_seconds, 30 by default), the idle time
// before unlocked vaults lock (security/idle_lock_minutes, 10; 0 = never) and the
// language (ui/language; empty = the system's), which applies at the next start.
// The customer app shows it as a tab of its settings; the support app as a dialog of its
// own (AppSettingsDialog).

#include <QtWidgets/QDialog>
#include <QtWidgets/QWidget>

class QComboBox;
class QSpinBox;

namespace credvault::ui {

class AppSettingsPage : public QWidget {
    Q_OBJECT
public:
    static constexpr int kDefaultClipboardSeconds = 30;

    explicit AppSettingsPage(QWidget *parent = nullptr);

    /// The saved values (or their defaults).
    static int clipboardSeconds();
    static int idleMinutes();

    /// Writes what the page shows.
    void save() const;

private:
    QSpinBox *m_clipboardSeconds = nullptr;
    QSpinBox *m_idleMinutes = nullptr;
    QComboBox *m_language = nullptr;
};

/// The page alone, with Save and Cancel.
class AppSettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit AppSettingsDialog(QWidget *parent = nullptr);

Q_SIGNALS:
    void saved();
};

} // namespace credvault::ui
