#pragma once

namespace credvault::bench {

/// `credvault-bench load`: each server under 16 concurrent clients for `seconds`, one
/// request in ten malformed. Prints per server the requests, errors, p50/p99 latency of
/// the good requests and the server's memory; exits 1 if a good request failed, a
/// malformed one got anything but a 4xx (or a closed connection), or a server's memory
/// grew past its bound.
int runLoadBench(double seconds);

} // namespace credvault::bench
