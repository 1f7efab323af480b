#pragma once

// credvault-cli keyserver master-key backup|restore|rotate: the keyserver's master key
// (DESIGN.md §3, Keys at rest), driven by the keyserver's own configuration file.

#include <QtCore/QStringList>

namespace credvault::cli {

int masterKeyBackupCommand(const QStringList &args);
int masterKeyRestoreCommand(const QStringList &args);
int masterKeyRotateCommand(const QStringList &args);

} // namespace credvault::cli
