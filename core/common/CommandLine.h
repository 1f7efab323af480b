#pragma once

// What every CredVault executable does with its command line before any work: the
// application's name and version (the version comes from CMake, once), --help and
// --version, and one-line errors on stderr.

#include <QtCore/QString>

class QCommandLineParser;

namespace credvault {

/// Sets application name, version and organisation for QCoreApplication and QSettings.
/// Call first thing in main(), before any application object exists.
void initApplicationInfo(const QString &executableName, const QString &displayName = {});

/// True when the arguments ask only for --help, --help-all or --version. GUI mains
/// answer those with a QCoreApplication, so no display is needed to read the help.
bool asksForInfoOnly(int argc, char **argv);

/// Prints "EXECUTABLE: message" to stderr as one line and returns `exitCode`.
int reportFailure(const QString &message, int exitCode = 1);

/// Exit codes shared by every executable.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1, // the operation failed at run time
    ExitUsage = 2,   // wrong arguments
    ExitConfig = 3,  // a configuration file was refused
};

} // namespace credvault
