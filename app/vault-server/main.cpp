// credvault-server: the vault server (accounts, staff, sealed entries).
#include "service/ServerMain.h"
#include "vault/VaultServer.h"
#include "vault/VaultService.h"

using namespace credvault;

int main(int argc, char **argv)
{
    std::unique_ptr<vault::VaultServer> service; // outlives the HTTPS server inside runServerMain
    return runServerMain(
        vault::serviceSpec(), argc, argv, [&](HttpsServer &server, const ServiceConfig &config) -> Result<void> {
            Result<vault::VaultSettings> settings = vault::VaultSettings::read(config);
            if (!settings)
                return fail(settings.error());
            Result<std::unique_ptr<vault::VaultServer>> made = vault::VaultServer::create(config, *settings);
            if (!made)
                return fail(made.error());
            service = std::move(*made);
            service->registerRoutes(server);
            return {};
        });
}
