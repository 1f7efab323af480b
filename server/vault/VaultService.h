#pragma once

// The vault server's shape as a service: its one `api` listener (DESIGN.md §5) and the
// configuration sections it reads itself.

#include "service/ServiceConfig.h"

namespace credvault::vault {

ServiceSpec serviceSpec();

} // namespace credvault::vault
