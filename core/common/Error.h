#pragma once

// The error half of Result<T>: a kind that callers switch on and a human message that
// is safe to show or log (it never carries a secret).

#include <QtCore/QString>

namespace credvault {

enum class ErrorKind {
    InvalidInput, // malformed or out-of-range input from a user, file or peer
    NotFound,     // the thing asked for does not exist
    Io,           // reading or writing a file or socket failed
    Permission,   // refused by file modes, roles or certificates
    Config,       // a configuration file is missing, unreadable or wrong
    Crypto,       // a cryptographic operation failed or authentication did not verify
    Database,     // the store refused or failed
    WrongKey,     // a key does not open what it was given
    Network,      // a peer could not be reached or answered unexpectedly
    Conflict,     // a stale revision or a state that forbids the operation
    RateLimited,  // too many attempts; try later
    Expired,      // a code, session or token is past its lifetime
    Internal,     // a bug: an invariant did not hold
};

/// Stable, lower-case name of a kind, for logs and machine-readable output.
QString errorKindName(ErrorKind kind);

struct Error {
    ErrorKind kind = ErrorKind::Internal;
    QString message;
    /// Optional finer, stable snake_case reason ("wrong_key_id", "truncated"), the same
    /// vocabulary as the servers' error codes; empty when the kind says enough.
    QString code;

    Error() = default;
    Error(ErrorKind k, QString msg, QString c = {}) : kind(k), message(std::move(msg)), code(std::move(c)) {}

    /// "kind: message", for one-line diagnostics.
    QString toString() const;
    bool operator==(const Error &) const = default;
};

} // namespace credvault
