#include "CliIo.h"

#include "common/CommandLine.h"
#include "common/Files.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <termios.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace credvault::cli {

Result<SecureBuffer> readStdin(std::size_t maxBytes)
{
    // Read up to maxBytes + 1 to tell "exactly the limit" from "too much".
    SecureBuffer buf(maxBytes + 1);
    std::size_t used = 0;
    while (used < buf.size()) {
        const ssize_t n = ::read(STDIN_FILENO, buf.data() + used, buf.size() - used);
        if (n == 0)
            break;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(ErrorKind::Io,
                        u"cannot read standard input: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno))));
        }
        used += std::size_t(n);
    }
    if (used > maxBytes)
        return fail(ErrorKind::InvalidInput, u"standard input is larger than %1 bytes"_s.arg(maxBytes), u"too_large"_s);
    SecureBuffer out = SecureBuffer::copyOf(buf.view().first(qsizetype(used)));
    return out;
}

namespace {

SecureBuffer firstLine(const SecureBuffer &text)
{
    qsizetype end = text.view().indexOf('\n');
    if (end < 0)
        end = text.view().size();
    if (end > 0 && text.view().at(end - 1) == '\r')
        --end;
    return SecureBuffer::copyOf(text.view().first(end));
}

// One line typed on the terminal with echo off.
Result<SecureBuffer> promptHidden(const char *prompt)
{
    std::fputs(prompt, stderr);
    std::fflush(stderr);
    termios old{};
    const bool tty = ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    SecureBuffer buf(1024);
    std::size_t used = 0;
    char c = 0;
    while (used < buf.size() && ::read(STDIN_FILENO, &c, 1) == 1 && c != '\n')
        buf.data()[used++] = static_cast<unsigned char>(c);
    c = 0;
    if (tty)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    std::fputs("\n", stderr);
    return SecureBuffer::copyOf(buf.view().first(qsizetype(used)));
}

} // namespace

Result<SecureBuffer> readPassphrase(const QString &file, bool confirm)
{
    Result<SecureBuffer> text =
        file.isEmpty() || file == u"-"_s
            ? (file.isEmpty() && ::isatty(STDIN_FILENO) ? promptHidden("Passphrase: ") : readStdin(4096))
            : readSecretFile(file, 4096);
    if (!text)
        return fail(text.error());
    SecureBuffer pass = firstLine(*text);
    if (file.isEmpty() && ::isatty(STDIN_FILENO) && confirm) {
        Result<SecureBuffer> again = promptHidden("Passphrase again: ");
        if (!again)
            return fail(again.error());
        if (!again->equals(pass))
            return fail(ErrorKind::InvalidInput, u"the two passphrases differ"_s, u"passphrase_mismatch"_s);
    }
    if (pass.isEmpty())
        return fail(ErrorKind::InvalidInput, u"the passphrase is empty"_s, u"weak_passphrase"_s);
    return pass;
}

QCommandLineOption passphraseFileOption(const QString &name, const QString &what, bool confirm)
{
    return QCommandLineOption(name,
                              u"Read the %1 from the first line of <file>, or of standard input for '-'. Without it: "
                              u"typed on the terminal%2."_s.arg(what, confirm ? u", twice"_s : QString()),
                              u"file"_s);
}

bool writeStdout(QByteArrayView bytes)
{
    std::size_t done = 0;
    while (done < std::size_t(bytes.size())) {
        const ssize_t n = ::write(STDOUT_FILENO, bytes.data() + done, std::size_t(bytes.size()) - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += std::size_t(n);
    }
    return true;
}

int parseCommand(QCommandLineParser &parser, const QStringList &args, const QString &description)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    parser.addOption(help);
    if (!parser.parse(args))
        return commandFailure(args, parser.errorText() + u" (see --help)"_s, ExitUsage);
    if (parser.isSet(help)) {
        QTextStream out(stdout);
        // helpText() names the executable by its path; name the command instead.
        QString text = parser.helpText();
        text.replace(u"Usage: "_s + QCoreApplication::arguments().constFirst(), u"Usage: "_s + args.first());
        out << text;
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return commandFailure(
            args, u"unexpected argument '%1' (see --help)"_s.arg(parser.positionalArguments().first()), ExitUsage);
    return -1;
}

int commandFailure(const QStringList &args, const QString &message, int exitCode)
{
    QTextStream err(stderr);
    QString line = message;
    line.replace(u'\n', u' ');
    err << args.first() << ": " << line << Qt::endl;
    return exitCode;
}

} // namespace credvault::cli
