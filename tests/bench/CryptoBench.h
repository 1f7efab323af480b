#pragma once

namespace credvault::bench {

/// `credvault-bench crypto`: the sealing core against the X25519 limit and libsodium.
int runCryptoBench(double secondsPerFigure);

} // namespace credvault::bench
