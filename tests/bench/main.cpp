// credvault-bench: benchmark programs that print "name: value" figures.
#include "CryptoBench.h"
#include "KeyserverBench.h"
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
    double seconds = 0; // 0: the benchmark's default
    bool badSeconds = false;
    const char *what = nullptr;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
            seconds = std::atof(argv[++i]);
            badSeconds = seconds <= 0;
        } else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0)
            what = "help";
        else if (!what)
            what = argv[i];
    }
    if (!what || std::strcmp(what, "help") == 0 || badSeconds) {
        std::printf("Usage: credvault-bench crypto [--seconds S]\n"
                    "       credvault-bench store\n"
                    "       credvault-bench keyserver [--seconds S]\n"
                    "Prints one 'name: value' line per figure; S seconds per figure (default 1 for crypto, 5 for\n"
                    "keyserver). keyserver starts the credvault-keyserver and credvault-cli found next to this\n"
                    "program on loopback ports and stops it at the end.\n");
        return what && !badSeconds ? 0 : 2;
    }
    if (std::strcmp(what, "crypto") == 0)
        return credvault::bench::runCryptoBench(seconds > 0 ? seconds : 1.0);
    if (std::strcmp(what, "keyserver") == 0) {
        QCoreApplication app(argc, argv); // QProcess, QSslSocket and the executables' folder
        return credvault::bench::runKeyserverBench(seconds > 0 ? seconds : 5.0);
    }
    if (std::strcmp(what, "store") == 0)
        return credvault::bench::runStoreBench();
    std::fprintf(stderr, "credvault-bench: unknown benchmark '%s'\n", what);
    return 2;
}
