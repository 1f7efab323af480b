#pragma once

// credvault-cli init-demo: a complete local deployment in one folder (DESIGN.md §10);
// demo-entries: demo entries in it, once its servers run.

#include <QtCore/QString>
#include <QtCore/QStringList>

namespace credvault::cli {

/// The --dir FOLDER of a demo command (absolute) into `dir`: -1 to go on, or the exit code
/// (--help shown, or --dir missing).
int parseDemoDir(const QStringList &args, const QString &description, const QString &dirHelp, QString &dir);

int initDemoCommand(const QStringList &args);
/// credvault-cli demo-entries: a few sealed entries in alice's vault (servers running).
int demoEntriesCommand(const QStringList &args);

} // namespace credvault::cli
