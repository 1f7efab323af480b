#pragma once

// credvault-cli db rekey / db backup: change a server database's key in place, or copy it
// to a new file under a new key. Run them with the server stopped.

#include <QtCore/QStringList>

namespace credvault::cli {

int dbRekeyCommand(const QStringList &args);
int dbBackupCommand(const QStringList &args);

} // namespace credvault::cli
