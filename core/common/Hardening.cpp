#include "common/Hardening.h"

#include <sys/prctl.h>
#include <sys/resource.h>

#include <cerrno>
#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace credvault {

Result<void> hardenProcess()
{
    const rlimit none{0, 0};
    if (setrlimit(RLIMIT_CORE, &none) != 0)
        return fail(ErrorKind::Internal,
                    u"cannot turn core dumps off: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno))));
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        return fail(ErrorKind::Internal,
                    u"cannot make the process non-dumpable: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno))));
    return {};
}

bool processIsDumpable()
{
    return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 1;
}

std::pair<quint64, quint64> coreLimits()
{
    rlimit l{};
    getrlimit(RLIMIT_CORE, &l);
    return {quint64(l.rlim_cur), quint64(l.rlim_max)};
}

} // namespace credvault
