#pragma once

// runDesktopMain: the whole main() of a desktop app, shared by credvault and
// credvault-support: --help and --version without needing a display, --config FILE
// (default: client.conf in the per-user config folder), then the main window.

#include <QtCore/QString>

#include <functional>
#include <memory>

class QMainWindow;

namespace credvault::ui {

struct DesktopOptions {
    QString configPath;
};

struct DesktopAppSpec {
    QString executable;    // credvault
    QString description;   // one line for --help
    QString defaultConfig; // file name in the per-user config folder
    std::function<std::unique_ptr<QMainWindow>(const DesktopOptions &)> createWindow;
};

int runDesktopMain(const DesktopAppSpec &spec, int argc, char **argv);

} // namespace credvault::ui
