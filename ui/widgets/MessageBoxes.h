#pragma once

// The apps' message boxes and file dialogs: every one window-modal over its window (so
// the other windows of the app stay usable and nothing blocks), deleted when closed, and
// named so tests and accessibility tools find it. A box's text is plain text (names,
// titles, addresses and reasons come from people and servers: never markup); a file
// dialog is Qt's own (the same everywhere, and testable), starting in Documents.

#include <QtWidgets/QFileDialog>
#include <QtWidgets/QMessageBox>

namespace credvault::ui {

/// A box with no buttons yet; the caller adds them, connects `finished` and calls open().
QMessageBox *newMessageBox(QWidget *parent, const QString &objectName, QMessageBox::Icon icon, const QString &title,
                           const QString &text);

/// A box with one OK button (named "ok"), opened at once.
QMessageBox *showMessageBox(QWidget *parent, const QString &objectName, QMessageBox::Icon icon, const QString &title,
                            const QString &text);

/// A file dialog to open one existing file, or (`save`) to name a file to write; the
/// caller connects `fileSelected` and calls open().
QFileDialog *newFileDialog(QWidget *parent, const QString &objectName, const QString &title, const QString &filter,
                           bool save = false);

} // namespace credvault::ui
