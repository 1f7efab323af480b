#include "service/ServiceLog.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>

#include <cstdio>
#include <mutex>

namespace credvault {

void serviceLog(const QString &message)
{
    static std::mutex m;
    const QByteArray line = (QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + u' ' +
                             QCoreApplication::applicationName() + QStringLiteral(": ") + message)
                                .toUtf8();
    const std::lock_guard lock(m);
    std::fprintf(stderr, "%s\n", line.constData());
    std::fflush(stderr);
}

} // namespace credvault
