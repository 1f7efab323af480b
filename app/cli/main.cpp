// credvault-cli: administration and scripting.
#include "Cli.h"

int main(int argc, char **argv)
{
    return credvault::cli::run(argc, argv);
}
