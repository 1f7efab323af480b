// credvault-server: the vault server (accounts, staff, sealed entries).
#include "service/ServerMain.h"
#include "vault/VaultService.h"

int main(int argc, char **argv)
{
    return credvault::runServerMain(credvault::vault::serviceSpec(), argc, argv);
}
