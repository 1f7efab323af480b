#pragma once

// The client layer's await (core/client/Await.h) for the tests: one asynchronous call run
// to its callback in a local event loop, at most 30 s.

#include "client/Await.h"

namespace credvault::test {

using client::await;

} // namespace credvault::test
