#pragma once

namespace credvault::bench {

/// `credvault-bench store`: SQLCipher with a key against the same library without one.
int runStoreBench();

} // namespace credvault::bench
