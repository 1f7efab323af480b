#pragma once

// The keyserver's shape as a service: its three listeners with their certificate rules
// (DESIGN.md §5) and the configuration sections it reads itself.

#include "service/ServiceConfig.h"

namespace credvault::keyserver {

ServiceSpec serviceSpec();

} // namespace credvault::keyserver
