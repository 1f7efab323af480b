#pragma once

// QuitBarrier: lets a closing window wait, briefly, for the requests that tell the servers
// it is going (the unlock session's DELETE, a sign-out) while the event loop still runs;
// after the window closes the loop ends and nothing more would be sent. Each request gets
// one callback from expect(); wait() returns once all were called, or after the time
// limit. The callbacks may outlive the barrier: they share its state.

#include <QtCore/QEventLoop>
#include <QtCore/QTimer>

#include <functional>
#include <memory>

namespace credvault::ui {

class QuitBarrier {
public:
    std::function<void()> expect()
    {
        ++m_state->pending;
        return [state = m_state] {
            if (--state->pending == 0)
                state->loop.quit();
        };
    }

    /// At most `ms`; at once when nothing is expected.
    void wait(int ms)
    {
        if (m_state->pending <= 0)
            return;
        QTimer::singleShot(ms, &m_state->loop, &QEventLoop::quit);
        m_state->loop.exec(QEventLoop::ExcludeUserInputEvents);
    }

private:
    struct State {
        int pending = 0;
        QEventLoop loop;
    };
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

} // namespace credvault::ui
