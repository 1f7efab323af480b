#include "common/VaultMainWindow.h"

#include "common/QuitBarrier.h"
#include "widgets/LockStatusWidget.h"
#include "widgets/ShortcutsDialog.h"

#include <QtCore/QCoreApplication>
#include <QtGui/QAction>
#include <QtGui/QCloseEvent>
#include <QtGui/QKeySequence>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QStatusBar>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

VaultMainWindow::VaultMainWindow(const QString &title, QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(title);
    resize(900, 600);

    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_quitAction = m_fileMenu->addAction(tr("&Quit"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_vaultMenu = menuBar()->addMenu(tr("&Vault"));
    m_lockAction = m_vaultMenu->addAction(tr("&Lock now"));
    m_lockAction->setObjectName(u"lockNow"_s);
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lockAction->setEnabled(false);
    connect(m_lockAction, &QAction::triggered, this, &VaultMainWindow::lockRequested);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard shortcuts"));
    keys->setObjectName(u"keyboardShortcuts"_s);
    keys->setShortcut(QKeySequence::HelpContents);
    connect(keys, &QAction::triggered, this, [this] {
        auto *d = new ShortcutsDialog(this, this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
    });
    QAction *about = help->addAction(tr("&About %1").arg(title));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &VaultMainWindow::showAbout);

    m_lockStatus = new LockStatusWidget(this);
    statusBar()->addPermanentWidget(m_lockStatus);
}

void VaultMainWindow::addFileAction(QAction *action)
{
    m_fileMenu->insertAction(m_quitAction, action);
}

void VaultMainWindow::showAbout()
{
    QMessageBox::about(this, tr("About %1").arg(windowTitle()),
                       tr("<b>%1</b> %2<br>Server credentials, sealed on this computer before they leave it.")
                           .arg(windowTitle(), QCoreApplication::applicationVersion()));
}

void VaultMainWindow::closeEvent(QCloseEvent *event)
{
    QuitBarrier barrier;
    beforeClose(barrier);
    barrier.wait(kQuitWaitMs);
    QMainWindow::closeEvent(event);
}

} // namespace credvault::ui
