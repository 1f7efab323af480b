#pragma once

// credvault-cli init-demo: a complete local deployment in one folder (DESIGN.md §10).

#include <QtCore/QStringList>

namespace credvault::cli {

int initDemoCommand(const QStringList &args);

} // namespace credvault::cli
