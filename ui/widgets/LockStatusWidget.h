#pragma once

// LockStatusWidget: the status-bar label that always says whether the vault is locked
// or unlocked and until when, with the time left. It derives what it shows from the
// expiry and the clock alone, so it can never claim "unlocked" after the expiry.

#include "common/Clock.h"

#include <QtCore/QDateTime>
#include <QtCore/QTimer>
#include <QtWidgets/QLabel>

namespace credvault::ui {

class LockStatusWidget : public QLabel {
    Q_OBJECT
public:
    explicit LockStatusWidget(QWidget *parent = nullptr, const Clock &clock = Clock::system());

    void setLocked();
    void setUnlockedUntil(const QDateTime &expiresAt);
    /// True while an expiry is set and still ahead.
    bool isUnlocked() const;

public Q_SLOTS:
    /// Re-reads the clock; a one-second timer calls it while unlocked.
    void refresh();

private:
    const Clock &m_clock;
    QDateTime m_expiresAt;
    QTimer m_tick;
};

/// "29:59" or "1:05:03": time left, for countdowns.
QString formatTimeLeft(qint64 seconds);

} // namespace credvault::ui
