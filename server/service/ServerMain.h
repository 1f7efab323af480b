#pragma once

// runServerMain: the whole main() of a server executable, shared by the keyserver and
// the vault server: --help, --version, --config FILE, --check-config, and the one-line
// refusal (exit 3) of a configuration that is missing, malformed or incomplete.

#include "service/ServiceConfig.h"

namespace credvault {

int runServerMain(const ServiceSpec &spec, int argc, char **argv);

} // namespace credvault
