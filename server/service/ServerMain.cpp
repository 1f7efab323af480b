#include "service/ServerMain.h"

#include "common/CommandLine.h"
#include "common/Hardening.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace credvault {

int runServerMain(const ServiceSpec &spec, int argc, char **argv, const ServiceSetup &setup)
{
    initApplicationInfo(spec.executable);
    // Before any key is read: no core dumps, not dumpable.
    const Result<void> hardened = hardenProcess();
    QCoreApplication app(argc, argv);
    if (!hardened)
        qWarning("%s: %s", qPrintable(spec.executable), qPrintable(hardened.error().message));

    QCommandLineParser parser;
    parser.setApplicationDescription(spec.description);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption({u"c"_s, u"config"_s}, u"Read the configuration from <file> (INI)."_s,
                                          u"file"_s);
    const QCommandLineOption checkOption(u"check-config"_s, u"Check the configuration, print a summary and exit."_s);
    parser.addOptions({configOption, checkOption});
    parser.process(app);

    if (!parser.positionalArguments().isEmpty())
        return reportFailure(u"unexpected argument '%1' (see --help)"_s.arg(parser.positionalArguments().first()),
                             ExitUsage);
    if (!parser.isSet(configOption))
        return reportFailure(u"--config <file> is required (see --help)"_s, ExitUsage);

    Result<ServiceConfig> config = ServiceConfig::load(parser.value(configOption), spec);
    if (!config)
        return reportFailure(config.error().message, ExitConfig);
    if (spec.check) {
        if (Result<void> r = spec.check(*config); !r)
            return reportFailure(r.error().message, ExitConfig);
    }

    if (parser.isSet(checkOption)) {
        QTextStream out(stdout);
        out << "configuration " << config->path << " is valid" << Qt::endl;
        for (const ListenerConfig &l : config->listeners) {
            out << "  listener " << l.name << ": " << l.address.toString() << ':' << l.port
                << " (client certificates: " << clientCertRuleName(l.rule) << ')' << Qt::endl;
        }
        out << "  database: " << config->databasePath << Qt::endl;
        return ExitOk;
    }

    ServerOptions options;
    options.timeout = std::chrono::seconds(config->idleTimeoutSeconds);
    options.maxConnections = config->maxConnections;
    HttpsServer server(*config, options);
    if (setup) {
        if (Result<void> r = setup(server, *config); !r)
            return reportFailure(r.error().message, r.error().kind == ErrorKind::Config ? ExitConfig : ExitFailure);
    }
    if (Result<void> r = server.start(); !r)
        return reportFailure(r.error().message, r.error().kind == ErrorKind::Config ? ExitConfig : ExitFailure);
    QTextStream out(stdout);
    for (const QString &line : server.listeningLines())
        out << line << Qt::endl;
    return server.runUntilSignalled();
}

} // namespace credvault
