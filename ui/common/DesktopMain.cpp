#include "common/DesktopMain.h"

#include "common/CommandLine.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QStandardPaths>
#include <QtWidgets/QApplication>
#include <QtWidgets/QMainWindow>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

namespace {

struct Parser {
    QCommandLineParser parser;
    QCommandLineOption config{{u"c"_s, u"config"_s}, u"Read the client configuration from <file>."_s, u"file"_s};

    explicit Parser(const DesktopAppSpec &spec)
    {
        parser.setApplicationDescription(spec.description);
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(config);
    }
};

} // namespace

int runDesktopMain(const DesktopAppSpec &spec, int argc, char **argv)
{
    initApplicationInfo(spec.executable);
    if (asksForInfoOnly(argc, argv)) {
        // No display needed to print the help or the version.
        QCoreApplication app(argc, argv);
        Parser p(spec);
        p.parser.process(app);
        return ExitOk;
    }

    QApplication app(argc, argv);
    Parser p(spec);
    p.parser.process(app);
    if (!p.parser.positionalArguments().isEmpty())
        return reportFailure(u"unexpected argument '%1' (see --help)"_s.arg(p.parser.positionalArguments().first()),
                             ExitUsage);

    DesktopOptions options;
    if (p.parser.isSet(p.config)) {
        options.configPath = QFileInfo(p.parser.value(p.config)).absoluteFilePath();
        const QFileInfo fi(options.configPath);
        if (!fi.isFile() || !fi.isReadable())
            return reportFailure(u"cannot read the configuration %1"_s.arg(options.configPath), ExitConfig);
    } else {
        options.configPath = QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
                                 .absoluteFilePath(spec.defaultConfig);
    }

    std::unique_ptr<QMainWindow> window = spec.createWindow(options);
    window->show();
    return app.exec();
}

} // namespace credvault::ui
