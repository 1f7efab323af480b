// credvault: the customer desktop app.
#include "common/DesktopMain.h"
#include "customer/CustomerMainWindow.h"

#include <QtCore/QTimer>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char **argv)
{
    credvault::ui::DesktopAppSpec spec;
    spec.executable = u"credvault"_s;
    spec.description = u"CredVault: keep your server logins sealed and share them with support."_s;
    spec.defaultConfig = u"client.conf"_s;
    spec.createWindow = [](const credvault::ui::DesktopOptions &o) {
        auto window = std::make_unique<credvault::ui::CustomerMainWindow>(o.configPath);
        QTimer::singleShot(0, window.get(), [w = window.get()] { w->beginSignIn(); });
        return window;
    };
    return credvault::ui::runDesktopMain(spec, argc, argv);
}
