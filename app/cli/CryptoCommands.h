#pragma once

// credvault-cli keygen / seal / open: X25519 key files and entry envelopes offline, e.g.
// to open an export a customer re-sealed to a key of their own.

#include <QtCore/QStringList>

namespace credvault::cli {

int keygenCommand(const QStringList &args);
int sealCommand(const QStringList &args);
int openCommand(const QStringList &args);

} // namespace credvault::cli
