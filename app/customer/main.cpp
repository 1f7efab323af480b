// credvault: the customer desktop app.
#include "common/DesktopMain.h"
#include "customer/CustomerMainWindow.h"

#include <QtCore/QEvent>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

// With CREDVAULT_REPORT_SHOWN set in the environment the app prints one line, "shown", on
// standard output once its main window has been painted for the first time:
// `credvault-bench client` times the start-up with it.
class ReportShown : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            watched->removeEventFilter(this);
            // Queued: after the whole window has been painted into its backing store.
            QMetaObject::invokeMethod(
                this,
                [] {
                    std::printf("shown\n");
                    (void)std::fflush(stdout);
                },
                Qt::QueuedConnection);
        }
        return false;
    }
};

} // namespace

int main(int argc, char **argv)
{
    credvault::ui::DesktopAppSpec spec;
    spec.executable = u"credvault"_s;
    spec.description = u"CredVault: keep your server logins sealed and share them with support."_s;
    spec.defaultConfig = u"client.conf"_s;
    spec.desktopFileName = u"invalid.credvault.CredVault"_s;
    spec.signInOptions = true;
    spec.createWindow = [](const credvault::ui::DesktopOptions &o) {
        auto window = std::make_unique<credvault::ui::CustomerMainWindow>(o.configPath);
        if (qEnvironmentVariableIsSet("CREDVAULT_REPORT_SHOWN"))
            window->installEventFilter(new ReportShown(window.get()));
        credvault::ui::signInOnStart(window.get(), o);
        return window;
    };
    return credvault::ui::runDesktopMain(spec, argc, argv);
}
