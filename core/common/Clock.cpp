#include "common/Clock.h"

#include <chrono>
#include <mutex>

namespace credvault {

namespace {

// The wall clock as of the last reading that moved it forward, carried on by the
// monotonic clock since: the later of that and the wall clock is the time.
class SystemClock final : public Clock {
public:
    QDateTime nowUtc() const override
    {
        const qint64 wall = QDateTime::currentMSecsSinceEpoch();
        const qint64 steady =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
                .count();
        const std::lock_guard lock(m_mutex);
        const qint64 carried = m_baseWall + (steady - m_baseSteady);
        if (m_baseSteady < 0 || wall > carried) {
            m_baseWall = wall;
            m_baseSteady = steady;
            return QDateTime::fromMSecsSinceEpoch(wall, Qt::UTC);
        }
        return QDateTime::fromMSecsSinceEpoch(carried, Qt::UTC);
    }

private:
    mutable std::mutex m_mutex;
    mutable qint64 m_baseWall = 0;
    mutable qint64 m_baseSteady = -1;
};

} // namespace

Clock::~Clock() = default;

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
}

ManualClock::ManualClock(QDateTime start) : m_now(start.toUTC())
{}

} // namespace credvault
