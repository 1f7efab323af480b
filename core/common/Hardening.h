#pragma once

// hardenProcess: what every CredVault process that may hold a secret does first — no core
// dumps (RLIMIT_CORE 0, hard limit too, so nothing can raise it again) and not dumpable
// (PR_SET_DUMPABLE 0: no core file, no ptrace attach by other processes of the same user,
// /proc/PID/mem and friends closed to them). An error says which step failed; callers
// report it and go on (a secret on the screen is no reason to refuse to start).

#include "common/Result.h"

namespace credvault {

Result<void> hardenProcess();

/// For tests: whether the calling process is dumpable and its core limits (soft, hard).
bool processIsDumpable();
std::pair<quint64, quint64> coreLimits();

} // namespace credvault
