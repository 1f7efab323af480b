#pragma once

// The apps' message boxes: every one window-modal over its window (so the other windows
// of the app stay usable), deleted when closed, its text plain text (names, titles,
// addresses and reasons come from people and servers: never markup), and named so tests
// and accessibility tools find it.

#include <QtWidgets/QMessageBox>

namespace credvault::ui {

/// A box with no buttons yet; the caller adds them, connects `finished` and calls open().
QMessageBox *newMessageBox(QWidget *parent, const QString &objectName, QMessageBox::Icon icon, const QString &title,
                           const QString &text);

/// A box with one OK button (named "ok"), opened at once.
QMessageBox *showMessageBox(QWidget *parent, const QString &objectName, QMessageBox::Icon icon, const QString &title,
                            const QString &text);

} // namespace credvault::ui
