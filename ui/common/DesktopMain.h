#pragma once

// runDesktopMain: the whole main() of a desktop app, shared by credvault and
// credvault-support: --help and --version without needing a display, --config FILE
// (default: client.conf in the per-user config folder), then the main window.

#include "crypto/SecureBuffer.h"

#include <QtCore/QLocale>
#include <QtCore/QString>
#include <QtCore/QTimer>

#include <functional>
#include <memory>
#include <optional>

class QCoreApplication;
class QMainWindow;

namespace credvault::ui {

struct DesktopOptions {
    QString configPath;
    QString username;                     // --user
    std::optional<SecureBuffer> password; // --password-stdin: the first line of standard input
};

struct DesktopAppSpec {
    QString executable;         // credvault
    QString description;        // one line for --help
    QString defaultConfig;      // file name in the per-user config folder
    QString desktopFileName;    // the .desktop file's id (the Wayland app id), for the icon
    bool signInOptions = false; // offers --user and --password-stdin
    std::function<std::unique_ptr<QMainWindow>(const DesktopOptions &)> createWindow;
};

int runDesktopMain(const DesktopAppSpec &spec, int argc, char **argv);

/// Signs `window` in once the event loop runs: silently with --user and --password-stdin
/// (the password wiped after), else through its sign-in dialog with --user filled in.
template<typename Window> void signInOnStart(Window *window, const DesktopOptions &o)
{
    auto password =
        std::make_shared<SecureBuffer>(o.password ? SecureBuffer::copyOf(o.password->view()) : SecureBuffer());
    QTimer::singleShot(0, window, [window, user = o.username, password] {
        if (!password->isEmpty())
            window->signInAs(user, *password);
        else
            window->beginSignIn(user);
        *password = SecureBuffer();
    });
}

/// Installs Qt's and CredVault's translations for `locale` (the system's by default).
void installTranslations(QCoreApplication &app, const QLocale &locale = QLocale());
/// The language chosen in the settings (ui/language), else the system's.
QLocale chosenLocale();
/// The chosen language for the whole app: its translations and, as the default locale,
/// its dates and times. Returns it.
QLocale applyChosenLanguage(QCoreApplication &app);
/// The languages built into the app ("en", "de", …), from its embedded translations.
QStringList availableLanguages();

} // namespace credvault::ui
