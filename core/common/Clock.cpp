#include "common/Clock.h"

namespace credvault {

namespace {
class SystemClock final : public Clock {
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
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
