#pragma once

// AutoLock: when the app should lock by itself (DESIGN.md §6) — after a time without any
// keyboard or mouse input to the app (0: never), and when the desktop's screen locks, as
// the platform tells: the freedesktop and GNOME screensaver "ActiveChanged(true)" signals
// on the session bus, and logind's "Lock" for this session on the system bus. It only
// says so (lockDue); the window decides what locking means.

#include <QtCore/QObject>
#include <QtCore/QTimer>

namespace credvault::ui {

class AutoLock : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultIdleMinutes = 10;

    explicit AutoLock(QObject *parent = nullptr);
    ~AutoLock() override;

    /// Idle time before lockDue (0: never). Restarts the count.
    void setIdleTimeout(int milliseconds);
    int idleTimeout() const { return m_idleMs; }
    /// Starts counting (while unlocked) or stops (while locked).
    void setArmed(bool armed);
    bool isArmed() const { return m_armed; }
    /// What to tell the user after lockDue(why).
    QString message(const QString &why) const;

Q_SIGNALS:
    /// Why: "idle" or "screen".
    void lockDue(const QString &why);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private Q_SLOTS:
    void screenSaverActiveChanged(bool active);
    void sessionLocked();

private:
    QTimer m_idle;
    int m_idleMs = kDefaultIdleMinutes * 60 * 1000;
    bool m_armed = false;
};

} // namespace credvault::ui
