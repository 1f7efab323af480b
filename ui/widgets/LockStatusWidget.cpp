#include "widgets/LockStatusWidget.h"

#include <QtCore/QLocale>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

QString formatTimeLeft(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds % 3600) / 60;
    const qint64 s = seconds % 60;
    if (h > 0)
        return u"%1:%2:%3"_s.arg(h).arg(m, 2, 10, QChar(u'0')).arg(s, 2, 10, QChar(u'0'));
    return u"%1:%2"_s.arg(m).arg(s, 2, 10, QChar(u'0'));
}

LockStatusWidget::LockStatusWidget(QWidget *parent, const Clock &clock) : QLabel(parent), m_clock(clock)
{
    setObjectName(u"lockStatus"_s);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &LockStatusWidget::refresh);
    refresh();
}

void LockStatusWidget::setLocked()
{
    m_expiresAt = {};
    refresh();
}

void LockStatusWidget::setUnlockedUntil(const QDateTime &expiresAt)
{
    m_expiresAt = expiresAt.toUTC();
    refresh();
}

bool LockStatusWidget::isUnlocked() const
{
    return m_expiresAt.isValid() && m_clock.nowUtc() < m_expiresAt;
}

void LockStatusWidget::refresh()
{
    if (!isUnlocked()) {
        m_tick.stop();
        setText(tr("Locked — entries are sealed"));
        setToolTip(tr("Entries can be added and changed, but not read, until the vault is unlocked."));
        return;
    }
    const qint64 left = m_clock.nowUtc().secsTo(m_expiresAt);
    const QString until = QLocale().toString(m_expiresAt.toLocalTime().time(), QLocale::ShortFormat);
    setText(tr("Unlocked until %1 (%2 left)").arg(until, formatTimeLeft(left)));
    setToolTip(tr("The vault locks by itself at %1, or when you lock it or sign out.").arg(until));
    if (!m_tick.isActive())
        m_tick.start();
}

} // namespace credvault::ui
