#pragma once

// Keyserver: the routes of credvault-keyserver (DESIGN.md §5) over its store, master
// key, redemption key, audit key and mailer. Store access is serialized by one mutex;
// batch decapsulation runs on the worker pool and spreads over every core; mails go out
// on the mailer's thread, and the routes that must know a mail went (a code, a staff
// notice) answer asynchronously when it has.

#include "common/Clock.h"
#include "common/Result.h"
#include "keyserver/KeyserverSettings.h"
#include "service/HttpsServer.h"

#include <QtCore/QLockFile>

#include <memory>

namespace credvault::keyserver {

class Keyserver {
public:
    static Result<std::unique_ptr<Keyserver>> create(const ServiceConfig &config, const KeyserverSettings &settings,
                                                     const Clock &clock = Clock::system());
    ~Keyserver();
    void registerRoutes(HttpsServer &server);

    struct State;

private:
    explicit Keyserver(std::unique_ptr<State> state);
    std::unique_ptr<State> d;
};

/// Locks `<database>.lock` for as long as the returned lock lives: one keyserver per
/// database, and no master-key rotation while one serves. Error `database_in_use`.
Result<std::unique_ptr<QLockFile>> lockDatabase(const QString &databasePath);

/// "a***e@example.com": enough for a person to recognise their address, not to learn it.
QString maskEmail(const QString &email);

} // namespace credvault::keyserver
