#pragma once

#include "BenchUtil.h"

#include <memory>

namespace credvault::crypto {
class X25519PrivateKey;
}

namespace credvault::bench {

/// `credvault-bench crypto`: the sealing core against the X25519 limit and libsodium.
int runCryptoBench(double secondsPerFigure);

/// The physical limit the other figures are held against: plain OpenSSL EVP_PKEY_derive
/// with `key` and one peer, the derive context prepared once (x25519_derive_per_s).
std::unique_ptr<Worker> makeX25519DeriveWorker(const crypto::X25519PrivateKey &key);

} // namespace credvault::bench
