#pragma once

// One line per event on stderr, "TIME NAME: message", safe from any thread. Never give it
// a body, a secret, a token, a code or a session id.

#include <QtCore/QString>

namespace credvault {

void serviceLog(const QString &message);

} // namespace credvault
