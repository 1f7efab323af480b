#pragma once

// VaultMainWindow: what the customer and the support main windows share — the File and
// Help menus, the "Lock now" action and the status bar with the lock state.

#include <QtWidgets/QMainWindow>

class QAction;
class QMenu;

namespace credvault::ui {

class LockStatusWidget;

class VaultMainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit VaultMainWindow(const QString &title, QWidget *parent = nullptr);

    LockStatusWidget *lockStatus() const { return m_lockStatus; }
    QAction *lockAction() const { return m_lockAction; }

Q_SIGNALS:
    void lockRequested();

protected:
    QMenu *vaultMenu() const { return m_vaultMenu; }
    /// Adds `action` to the File menu, above Quit.
    void addFileAction(QAction *action);

private:
    void showAbout();

    LockStatusWidget *m_lockStatus = nullptr;
    QAction *m_lockAction = nullptr;
    QAction *m_quitAction = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_vaultMenu = nullptr;
};

} // namespace credvault::ui
