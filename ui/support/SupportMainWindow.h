#pragma once

// SupportMainWindow: the support app's main window (credvault-support), with one tab
// per customer account. Staff sign-in, search and audited unlocks come later; this
// window is their frame.

#include "common/VaultMainWindow.h"

class QLineEdit;
class QTabWidget;

namespace credvault::ui {

class SupportMainWindow : public VaultMainWindow {
    Q_OBJECT
public:
    explicit SupportMainWindow(const QString &configPath, QWidget *parent = nullptr);

private:
    QLineEdit *m_search = nullptr;
    QTabWidget *m_accounts = nullptr;
};

} // namespace credvault::ui
