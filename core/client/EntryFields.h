#pragma once

// EntryFields: an entry's plaintext (DESIGN.md §3) — the JSON object sealed in its
// envelope — and the fields the apps show. The secret never becomes an EntryFields
// member: it is written straight from a SecureBuffer into the plaintext and read back out
// into one on demand.

#include "crypto/SecureBuffer.h"

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace credvault::client {

/// The fields of an entry's plaintext, without the secret.
struct EntryFields {
    QString kind; // server, control_panel, database, ftp, api_key, other
    QString title;
    QString host;
    int port = 0;
    QString username;
    QString url;
    QString notes;
    QStringList tags;
};

/// The plaintext JSON of fields + secret (padded later by the envelope).
SecureBuffer entryPlaintext(const EntryFields &fields, const SecureBuffer &secret);
/// The fields of a plaintext; nullopt when it is not a JSON object.
std::optional<EntryFields> parseEntryFields(const SecureBuffer &plaintext);
/// The secret of a plaintext (empty when none).
SecureBuffer entrySecret(const SecureBuffer &plaintext);

} // namespace credvault::client
