#pragma once

// VaultServer: the routes of credvault-server (DESIGN.md §5) over its store and the
// keyserver client. Sign-in (Argon2id, optional TOTP, lockout, hashed tokens with an
// expiry), sealed entries that only their own account (or staff) reach, and the relays
// to the keyserver's `services` listener for the public key, unlock codes and the access
// history. It never sees a plaintext, a private key or a code: entries arrive sealed and
// are checked only for their shape and the account's key id.
//
// Store access is serialized by one mutex; password hashing and keyserver calls run on
// the worker pool outside it.

#include "common/Clock.h"
#include "common/Result.h"
#include "service/HttpsServer.h"
#include "vault/VaultSettings.h"

#include <memory>

namespace credvault::vault {

class VaultServer {
public:
    static Result<std::unique_ptr<VaultServer>> create(const ServiceConfig &config, const VaultSettings &settings,
                                                       const Clock &clock = Clock::system());
    ~VaultServer();
    void registerRoutes(HttpsServer &server);

    struct State;

private:
    explicit VaultServer(std::unique_ptr<State> state);
    std::unique_ptr<State> d;
};

} // namespace credvault::vault
