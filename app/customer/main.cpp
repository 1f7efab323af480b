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
    spec.signInOptions = true;
    spec.createWindow = [](const credvault::ui::DesktopOptions &o) {
        auto window = std::make_unique<credvault::ui::CustomerMainWindow>(o.configPath);
        auto password = std::make_shared<credvault::SecureBuffer>(
            o.password ? credvault::SecureBuffer::copyOf(o.password->view()) : credvault::SecureBuffer());
        QTimer::singleShot(0, window.get(), [w = window.get(), user = o.username, password] {
            if (!password->isEmpty())
                w->signInAs(user, *password);
            else
                w->beginSignIn(user);
            *password = credvault::SecureBuffer(); // wiped
        });
        return window;
    };
    return credvault::ui::runDesktopMain(spec, argc, argv);
}
