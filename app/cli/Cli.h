#pragma once

// The credvault-cli dispatcher: `credvault-cli COMMAND [SUBCOMMAND] [options]`. Each
// command registers a name (one or two words), a one-line summary and a function that
// gets the arguments after its name. `--help` lists them; an unknown command is a usage
// error (exit 2).

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <functional>

namespace credvault::cli {

struct Command {
    QString name;                                    // "keygen", "audit verify"
    QString summary;                                 // one line for the command list
    std::function<int(const QStringList &args)> run; // args[0] is "credvault-cli NAME"
};

/// Every command the CLI knows, in the order --help lists them.
const QList<Command> &commands();

int run(int argc, char **argv);

} // namespace credvault::cli
