// credvault-keyserver: account keypairs, unlock codes, unlock sessions.
#include "keyserver/KeyserverService.h"
#include "service/ServerMain.h"

int main(int argc, char **argv)
{
    return credvault::runServerMain(credvault::keyserver::serviceSpec(), argc, argv);
}
