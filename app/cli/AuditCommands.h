#pragma once

// credvault-cli audit verify: walks a server's hash-chained audit log.

#include <QtCore/QStringList>

namespace credvault::cli {

int auditVerifyCommand(const QStringList &args);

} // namespace credvault::cli
