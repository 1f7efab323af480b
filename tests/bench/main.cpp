// credvault-bench: benchmark programs that print "name: value" figures.
#include "ClientBench.h"
#include "CryptoBench.h"
#include "KeyserverBench.h"
#include "LoadBench.h"
#include "ServerBench.h"
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
                    "       credvault-bench server [--seconds S]\n"
                    "       credvault-bench client\n"
                    "       credvault-bench load [--seconds S]\n"
                    "Prints one 'name: value' line per figure; S seconds per figure (default 1 for crypto, 5 for\n"
                    "keyserver, 10 for server and load). load puts each server under 16 clients, one request in\n"
                    "ten malformed, and exits 1 if a good request fails, a malformed one is not refused with a\n"
                    "4xx or a server's memory grows past its bound. keyserver, server, client and load start\n"
                    "the credvault-keyserver, credvault-server and credvault-cli found next to this program on\n"
                    "loopback ports and stop them at the end; server also runs Debian's nginx and wrk, client\n"
                    "the credvault app found there (on the offscreen platform).\n");
        return what && !badSeconds ? 0 : 2;
    }
    if (std::strcmp(what, "crypto") == 0)
        return credvault::bench::runCryptoBench(seconds > 0 ? seconds : 1.0);
    if (std::strcmp(what, "keyserver") == 0 || std::strcmp(what, "server") == 0 || std::strcmp(what, "client") == 0 ||
        std::strcmp(what, "load") == 0) {
        QCoreApplication app(argc, argv);                     // QProcess, QSslSocket and the executables' folder
        if (qEnvironmentVariableIsEmpty("CREDVAULT_BIN_DIR")) // the servers built beside this program
            qputenv("CREDVAULT_BIN_DIR", QCoreApplication::applicationDirPath().toLocal8Bit());
        if (std::strcmp(what, "client") == 0)
            return credvault::bench::runClientBench();
        if (std::strcmp(what, "load") == 0)
            return credvault::bench::runLoadBench(seconds > 0 ? seconds : 10.0);
        return std::strcmp(what, "keyserver") == 0 ? credvault::bench::runKeyserverBench(seconds > 0 ? seconds : 5.0)
                                                   : credvault::bench::runServerBench(seconds > 0 ? seconds : 10.0);
    }
    if (std::strcmp(what, "store") == 0)
        return credvault::bench::runStoreBench();
    std::fprintf(stderr, "credvault-bench: unknown benchmark '%s'\n", what);
    return 2;
}
