#pragma once

// Runs one asynchronous client call (core/client) to its callback in a local event loop,
// for tests: at most 30 s, after which it answers an ApiError "test_timeout".

#include "protocol/ApiError.h"

#include <QtCore/QEventLoop>
#include <QtCore/QTimer>

#include <functional>
#include <optional>

namespace credvault::test {

template<typename R> R await(const std::function<void(std::function<void(R)>)> &start)
{
    std::optional<R> result;
    QEventLoop loop;
    start([&](R r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    if (!result)
        loop.exec();
    if (!result)
        return Unexpected<ApiError>(ApiError{0, QStringLiteral("test_timeout"), QStringLiteral("no callback"), {}});
    return std::move(*result);
}

} // namespace credvault::test
