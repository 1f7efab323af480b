// credvault-support: the support team's desktop app.
#include "common/DesktopMain.h"
#include "support/SupportMainWindow.h"
using namespace Qt::Literals::StringLiterals;

int main(int argc, char **argv)
{
    credvault::ui::DesktopAppSpec spec;
    spec.executable = u"credvault-support"_s;
    spec.description = u"CredVault Support: find a customer's vault and unlock it, audited, for a ticket."_s;
    spec.defaultConfig = u"support.conf"_s;
    spec.desktopFileName = u"invalid.credvault.CredVaultSupport"_s;
    spec.signInOptions = true;
    spec.createWindow = [](const credvault::ui::DesktopOptions &o) {
        auto window = std::make_unique<credvault::ui::SupportMainWindow>(o.configPath);
        credvault::ui::signInOnStart(window.get(), o);
        return window;
    };
    return credvault::ui::runDesktopMain(spec, argc, argv);
}
