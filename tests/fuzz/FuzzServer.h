#pragma once

// What the two server targets share: their inputs are requests written as text, handed
// to the real route handlers of a server built in the process (HttpsServer's routers,
// never started: no socket is opened).
//
// An input holds one or more requests, separated by a line "%%":
//
//     LISTENER METHOD TARGET
//     Header: value
//     (an empty line)
//     body
//
// LISTENER is a listener's name; for the keyserver's staff listener "staff" is sam (an
// admin) and "staff-support" is sue. Before parsing, each placeholder ($ACCOUNT,
// $TOKEN, …) is replaced by its current value, so a seed keeps working while the
// server's state moves on (a token signed out, an entry deleted); $NEW_SESSION and
// $NEW_TOKEN are what an earlier request of the same input was given.

#include "FuzzSupport.h"
#include "service/HttpsServer.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QPair>

#include <cstddef>
#include <cstdint>
#include <functional>

namespace credvault::fuzz {

struct TextRequest {
    QString listener;
    QByteArray method;
    QByteArray target;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

using Placeholders = QList<QPair<QByteArray, QByteArray>>;

/// Runs the requests of `input` (at most `max`) through `call`, each with the placeholders
/// filled in, and two more learnt from the answers before it: $NEW_SESSION (the newest
/// "session_id") and $NEW_TOKEN (the newest "token"). Blocks that are not a request are
/// skipped.
void runInput(QByteArrayView input, Placeholders placeholders, const std::function<Response(const TextRequest &)> &call,
              int max = 8);

/// Routes the request as HttpsServer does (with CREDVAULT_FUZZ_VERBOSE set, prints each
/// request's answer: to check what a new seed reaches) and runs its handler on this thread (an
/// asynchronous one is waited for). Checks what every answer must be: a status from 200
/// to 599 (never a bare 500 for what a client sent), a JSON body, no exception.
Response dispatch(HttpsServer &server, const TextRequest &request, const PeerIdentity &peer);

/// The whole of a server target's LLVMFuzzerTestOneInput: one Harness for the process
/// (a server on a temporary database), put back in its known state before each input
/// (restore()), which is then run through its call() with its placeholders().
template<class Harness> int runServerTarget(const std::uint8_t *data, std::size_t size)
{
    setUp();
    static Harness harness;
    harness.restore();
    runInput(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)), harness.placeholders(),
             [](const TextRequest &r) { return harness.call(r); });
    return 0;
}

/// Writes `text` as NAME in deployment() and loads it as a server configuration.
ServiceConfig loadConfig(const QString &name, const QByteArray &text, const ServiceSpec &spec);

} // namespace credvault::fuzz
