// credvault-keyserver: account keypairs, unlock codes, unlock sessions.
#include "keyserver/Keyserver.h"
#include "keyserver/KeyserverService.h"
#include "service/ServerMain.h"

using namespace credvault;

int main(int argc, char **argv)
{
    std::unique_ptr<keyserver::Keyserver> service; // outlives the HTTPS server inside runServerMain
    return runServerMain(
        keyserver::serviceSpec(), argc, argv, [&](HttpsServer &server, const ServiceConfig &config) -> Result<void> {
            Result<keyserver::KeyserverSettings> settings = keyserver::KeyserverSettings::read(config);
            if (!settings)
                return fail(settings.error());
            Result<std::unique_ptr<keyserver::Keyserver>> made = keyserver::Keyserver::create(config, *settings);
            if (!made)
                return fail(made.error());
            service = std::move(*made);
            service->registerRoutes(server);
            return {};
        });
}
