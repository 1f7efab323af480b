#pragma once

// runServerMain: the whole main() of a server executable, shared by the keyserver and
// the vault server: --help, --version, --config FILE, --check-config; the one-line
// refusal (exit 3) of a configuration that is missing, malformed or incomplete or of a
// certificate that does not load (exit 1 for an address that cannot be bound); then the
// "listening on https://HOST:PORT (NAME)" lines on stdout and service until SIGTERM.

#include "service/HttpsServer.h"
#include "service/ServiceConfig.h"

#include <functional>

namespace credvault {

/// Adds the service's routes (and opens its storage) before the listeners start. An error
/// stops the server with its message (exit 3 for Config errors, 1 otherwise).
using ServiceSetup = std::function<Result<void>(HttpsServer &server, const ServiceConfig &config)>;

int runServerMain(const ServiceSpec &spec, int argc, char **argv, const ServiceSetup &setup = {});

} // namespace credvault
