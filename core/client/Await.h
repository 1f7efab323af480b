#pragma once

// Runs one asynchronous client call (core/client) to its callback in a local event loop,
// for the command line and the tests, which have no window to keep answering: at most
// `timeoutMs`, after which it answers an ApiError "timeout".

#include "protocol/ApiError.h"

#include <QtCore/QEventLoop>
#include <QtCore/QTimer>

#include <functional>
#include <optional>

namespace credvault::client {

template<typename R> R await(const std::function<void(std::function<void(R)>)> &start, int timeoutMs = 30000)
{
    std::optional<R> result;
    QEventLoop loop;
    start([&](R r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!result)
        loop.exec();
    if (!result)
        return Unexpected<ApiError>(ApiError{0, QStringLiteral("timeout"), QStringLiteral("no answer in time"), {}});
    return std::move(*result);
}

} // namespace credvault::client
