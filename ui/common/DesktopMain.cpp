#include "common/DesktopMain.h"

#include "common/CommandLine.h"
#include "common/Hardening.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QLibraryInfo>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTranslator>
#include <QtWidgets/QApplication>
#include <QtWidgets/QMainWindow>

#include <algorithm>
#include <iostream>
#include <string>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

namespace {

struct Parser {
    QCommandLineParser parser;
    QCommandLineOption config{{u"c"_s, u"config"_s}, u"Read the client configuration from <file>."_s, u"file"_s};
    QCommandLineOption user{u"user"_s, u"Fill in <name> as the sign-in name."_s, u"name"_s};
    QCommandLineOption passwordStdin{
        u"password-stdin"_s,
        u"Sign in as --user with the password read from the first line of standard input (for scripts and the "
        "demo; never put a password on the command line)."_s};

    explicit Parser(const DesktopAppSpec &spec)
    {
        parser.setApplicationDescription(spec.description);
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(config);
        if (spec.signInOptions) {
            parser.addOption(user);
            parser.addOption(passwordStdin);
        }
    }
};

// The first line of standard input, without its line end; wiped where it passed through.
SecureBuffer readPasswordLine()
{
    std::string line;
    line.reserve(4096); // no reallocation leaves a copy behind for passwords of up to 4 KiB
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    SecureBuffer out = SecureBuffer::copyOf(QByteArrayView(line.data(), qsizetype(line.size())));
    std::fill(line.begin(), line.end(), '\0');
    return out;
}

} // namespace

QLocale chosenLocale()
{
    const QString chosen = QSettings().value(u"ui/language"_s).toString();
    return chosen.isEmpty() ? QLocale() : QLocale(chosen);
}

QStringList availableLanguages()
{
    QStringList out;
    for (const QString &qm : QDir(u":/i18n"_s).entryList({u"credvault_*.qm"_s}, QDir::Files, QDir::Name))
        out << qm.mid(10, qm.size() - 13); // credvault_XX.qm
    return out;
}

QLocale applyChosenLanguage(QCoreApplication &app)
{
    // The chosen language's dates and times too, not only its words.
    const QLocale locale = chosenLocale();
    QLocale::setDefault(locale);
    installTranslations(app, locale);
    return locale;
}

void installTranslations(QCoreApplication &app, const QLocale &locale)
{
    // Qt's own strings (standard buttons), then ours, embedded under :/i18n.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    // No translation for the locale: the English source, for its plural forms.
    if (own->load(locale, u"credvault"_s, u"_"_s, u":/i18n"_s) || own->load(u"credvault_en"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(own);
}

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

    // Before anything is read or shown: no core dumps, not dumpable.
    const Result<void> hardened = hardenProcess();
    QApplication app(argc, argv);
    if (!hardened)
        qWarning("%s: %s", qPrintable(spec.executable), qPrintable(hardened.error().message));
    QGuiApplication::setDesktopFileName(spec.desktopFileName);
    applyChosenLanguage(app);
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

    if (spec.signInOptions) {
        options.username = p.parser.value(p.user);
        if (p.parser.isSet(p.passwordStdin)) {
            if (options.username.isEmpty())
                return reportFailure(u"--password-stdin needs --user"_s, ExitUsage);
            options.password = readPasswordLine();
            if (options.password->isEmpty())
                return reportFailure(u"--password-stdin: no password on standard input"_s, ExitUsage);
        }
    }

    std::unique_ptr<QMainWindow> window = spec.createWindow(options);
    options.password.reset(); // the window took its copy; this one is wiped now
    window->show();
    return app.exec();
}

} // namespace credvault::ui
