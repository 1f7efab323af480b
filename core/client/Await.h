#pragma once

// Runs one asynchronous client call (core/client) to its callback in a local event loop,
// for the command line and the tests, which have no window to keep answering: at most
// `timeoutMs`, after which it answers an ApiError "timeout".

#include "protocol/ApiError.h"

#include <QtCore/QEventLoop>
#include <QtCore/QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace credvault::client {

template<typename R> R await(const std::function<void(std::function<void(R)>)> &start, int timeoutMs = 30000)
{
    // Shared with the callback: one that comes after the timeout writes into this, not
    // into a stack frame that is gone.
    struct State {
        std::optional<R> result;
        QEventLoop loop;
    };
    auto state = std::make_shared<State>();
    start([state](R r) {
        state->result.emplace(std::move(r));
        state->loop.quit();
    });
    QTimer::singleShot(timeoutMs, &state->loop, &QEventLoop::quit);
    if (!state->result)
        state->loop.exec();
    if (!state->result)
        return Unexpected<ApiError>(ApiError{0, QStringLiteral("timeout"), QStringLiteral("no answer in time"), {}});
    return std::move(*state->result);
}

} // namespace credvault::client
