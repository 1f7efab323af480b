// credvault-bench: benchmark programs that print "name: value" figures.
#include "CryptoBench.h"
#include "StoreBench.h"

#include "common/CommandLine.h"
#include "crypto/SecureBuffer.h"

#include <QtCore/QCoreApplication>

#include <cstdio>
#include <cstdlib>
#include <cstring>

int main(int argc, char **argv)
{
    credvault::initApplicationInfo(QStringLiteral("credvault-bench"));
    if (!credvault::SecureMemory::initialize())
        std::printf("# the secure arena is not locked here (mlock not permitted)\n");
    double seconds = 1.0;
    const char *what = nullptr;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc)
            seconds = std::atof(argv[++i]);
        else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0)
            what = "help";
        else if (!what)
            what = argv[i];
    }
    if (!what || std::strcmp(what, "help") == 0 || seconds <= 0) {
        std::printf("Usage: credvault-bench crypto [--seconds S]\n"
                    "       credvault-bench store\n"
                    "Prints one 'name: value' line per figure; for crypto, S seconds per figure (default 1).\n");
        return what ? 0 : 2;
    }
    if (std::strcmp(what, "crypto") == 0)
        return credvault::bench::runCryptoBench(seconds);
    if (std::strcmp(what, "store") == 0)
        return credvault::bench::runStoreBench();
    std::fprintf(stderr, "credvault-bench: unknown benchmark '%s'\n", what);
    return 2;
}
