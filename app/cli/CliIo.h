#pragma once

// Standard input and output for credvault-cli commands, for secrets: stdin is read into
// secure memory (never a QByteArray that lingers), stdout written from it.

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QStringList>

namespace credvault::cli {

Result<SecureBuffer> readStdin(std::size_t maxBytes);
bool writeStdout(QByteArrayView bytes);

/// A passphrase: the first line of `file` when given ("-": of standard input); else,
/// on a terminal, typed without echo (twice when `confirm`); else the first line of
/// standard input. The line break is not part of it.
Result<SecureBuffer> readPassphrase(const QString &file, bool confirm);

/// --passphrase-file (or --NAME-file): "Read the WHAT from the first line of <file>, or of
/// standard input for '-'. Without it: typed on the terminal (twice when `confirm`)."
QCommandLineOption passphraseFileOption(const QString &name, const QString &what, bool confirm);

/// Parses a command's options; prints its help or a usage error. Returns an exit code to
/// stop with, or -1 to go on.
int parseCommand(QCommandLineParser &parser, const QStringList &args, const QString &description);

/// One line on stderr, "credvault-cli COMMAND: message"; returns `exitCode`.
int commandFailure(const QStringList &args, const QString &message, int exitCode = 1);

} // namespace credvault::cli
