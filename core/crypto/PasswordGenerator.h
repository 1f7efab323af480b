#pragma once

// PasswordGenerator: new passwords for entries (DESIGN.md §6), drawn from the operating
// system's CSPRNG (getrandom(2)) with rejection sampling, so every character is uniform
// over its alphabet. Either random characters from the chosen classes — at least one of
// each, look-alikes (0 O o 1 l I |) left out on request — or a pronounceable password of
// consonant-vowel syllables with a digit and a capital mixed in. The result is a
// SecureBuffer; entropy() says how many bits the chosen options give.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

namespace credvault::crypto {

struct PasswordOptions {
    int length = 20;
    bool lower = true;
    bool upper = true;
    bool digits = true;
    bool symbols = true;
    bool avoidLookAlikes = false;
    bool pronounceable = false;

    static constexpr int kMinLength = 8;
    static constexpr int kMaxLength = 128;
};

class PasswordGenerator {
public:
    /// Errors (InvalidInput): a length outside 8..128, no class chosen.
    static Result<SecureBuffer> generate(const PasswordOptions &options);
    /// Bits of entropy of a password made with `options` (0 for invalid options).
    static double entropy(const PasswordOptions &options);
    /// The characters random passwords draw from with `options`.
    static QByteArray alphabet(const PasswordOptions &options);
    /// A uniform number in [0, bound) from the OS CSPRNG (bound ≥ 1).
    static quint32 uniform(quint32 bound);
};

} // namespace credvault::crypto
