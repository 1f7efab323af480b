#pragma once

namespace credvault::bench {

/// `credvault-bench keyserver`: batch decapsulation through the real credvault-keyserver
/// over HTTPS, against plain X25519 on as many threads, measured in the same run.
int runKeyserverBench(double seconds);

} // namespace credvault::bench
