#include "common/CommandLine.h"

#include "credvault/Version.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace credvault {

void initApplicationInfo(const QString &executableName, const QString &displayName)
{
    QCoreApplication::setApplicationName(executableName);
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));
    QCoreApplication::setOrganizationName(QString::fromLatin1(kOrganization));
    QCoreApplication::setOrganizationDomain(QString::fromLatin1(kOrganizationDomain));
    Q_UNUSED(displayName);
}

bool asksForInfoOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *a = argv[i];
        if (std::strcmp(a, "--help") == 0 || std::strcmp(a, "-h") == 0 || std::strcmp(a, "--help-all") == 0 ||
            std::strcmp(a, "--version") == 0 || std::strcmp(a, "-v") == 0 || std::strcmp(a, "-?") == 0)
            return true;
    }
    return false;
}

int reportFailure(const QString &message, int exitCode)
{
    QTextStream err(stderr);
    QString line = message;
    line.replace(u'\n', u' ');
    err << QCoreApplication::applicationName() << ": " << line << Qt::endl;
    return exitCode;
}

} // namespace credvault
