#pragma once

// CustomerMainWindow: the customer app's main window (credvault). Sign-in, the sealed
// entry list and unlocking come with the client layer; this window is their frame.

#include "common/VaultMainWindow.h"

class QLabel;

namespace credvault::ui {

class CustomerMainWindow : public VaultMainWindow {
    Q_OBJECT
public:
    explicit CustomerMainWindow(const QString &configPath, QWidget *parent = nullptr);

private:
    QLabel *m_banner = nullptr;
};

} // namespace credvault::ui
