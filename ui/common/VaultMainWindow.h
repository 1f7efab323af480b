#pragma once

// VaultMainWindow: what the customer and the support main windows share — the File and
// Help menus, the "Lock now" action, the status bar with the lock state, and closing
// that waits briefly for the servers to hear of the locks (beforeClose).

#include <QtWidgets/QMainWindow>

class QAction;
class QMenu;

namespace credvault::ui {

class LockStatusWidget;
class QuitBarrier;

class VaultMainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit VaultMainWindow(const QString &title, QWidget *parent = nullptr);

    LockStatusWidget *lockStatus() const { return m_lockStatus; }
    QAction *lockAction() const { return m_lockAction; }

Q_SIGNALS:
    void lockRequested();

protected:
    /// Closing: beforeClose() hands out a barrier callback per request that tells the
    /// servers (lock, sign-out); the window waits up to kQuitWaitMs for them.
    static constexpr int kQuitWaitMs = 3000;
    void closeEvent(QCloseEvent *event) override;
    virtual void beforeClose(QuitBarrier &barrier) { Q_UNUSED(barrier); }
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
