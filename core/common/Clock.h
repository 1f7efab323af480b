#pragma once

// Clock: where every expiry decision reads the time, so tests can move time instead of
// sleeping (KeePassXC's Clock/MockClock pattern). Production code takes a Clock & and
// defaults to Clock::system().

#include <QtCore/QDateTime>

namespace credvault {

class Clock {
public:
    virtual ~Clock();
    /// Wall-clock time in UTC.
    virtual QDateTime nowUtc() const = 0;

    /// The process-wide real clock. It never runs backwards and never slower than real
    /// time: a backward jump of the system's wall clock is ignored (the time goes on from
    /// where it was at the pace of the monotonic clock), a forward jump is followed. So
    /// nothing that expires by it — sessions, sign-ins, codes — outlives its lifetime in
    /// real time because someone set the clock back, and audit times only ever grow
    /// (docs/decisions.md, "A wall-clock jump").
    static const Clock &system();
};

/// A clock that stands still until told to move; for tests and simulations.
class ManualClock final : public Clock {
public:
    explicit ManualClock(QDateTime start = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
    QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime &t) { m_now = t.toUTC(); }
    void advanceSecs(qint64 s) { m_now = m_now.addSecs(s); }
    void advanceMSecs(qint64 ms) { m_now = m_now.addMSecs(ms); }

private:
    QDateTime m_now;
};

} // namespace credvault
