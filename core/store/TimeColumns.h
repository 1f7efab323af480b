#pragma once

// Times in the stores are INTEGER milliseconds since the epoch (UTC), so SQL compares
// them as numbers; NULL or 0 is "none".

#include <QtCore/QDateTime>

namespace credvault::store {

inline qint64 toMs(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

inline QDateTime fromMs(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

} // namespace credvault::store
