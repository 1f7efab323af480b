#pragma once

// EntryExport: taking entries out of the vault and bringing them in (QtCore only).
//
// An export is a JSON file that holds no plaintext: every entry re-sealed (the same v1
// envelope as in the vault, DESIGN.md §3) to an X25519 public key the customer supplies
// as SPKI PEM, under its own account and entry ids:
//
//   {"format": "credvault-export", "version": 1, "account_id": "…", "key_id": "HEX",
//    "exported_at": "RFC 3339", "entries": [{"id": "…", "envelope": "BASE64URL"}, …]}
//
// Only the matching private key opens it: `credvault-cli open --export FILE` offline, or
// the app's import. CSV import reads a header row and then one entry per row (RFC 4180:
// quoted fields may hold commas, quotes and line breaks); the columns are recognised by
// name, also the ones KeePassXC and browsers write (Title, Username, Password, URL,
// Notes, Group). A file with any bad row is refused whole, with the row's line.

#include "client/EntryFields.h"
#include "crypto/X25519.h"

#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QUuid>

#include <vector>

namespace credvault::client {

struct PlainEntry {
    QUuid id;               // null for CSV rows
    SecureBuffer plaintext; // the entry's JSON
};

constexpr qsizetype kMaxImportFileSize = 64 * 1024 * 1024;

/// Seals every entry to `recipient` and returns the export file's bytes.
Result<QByteArray> sealExport(const crypto::X25519PublicKey &recipient, const QUuid &account,
                              const std::vector<PlainEntry> &entries, const QDateTime &exportedAt);

/// Whether `bytes` look like an export (to tell it from a CSV file).
bool looksLikeExport(QByteArrayView bytes);

struct OpenedExport {
    QUuid account;
    QDateTime exportedAt;
    std::vector<PlainEntry> entries;
};
/// Opens every entry of an export with `key`. Errors: invalid_input (not an export,
/// malformed), wrong_key (sealed to another key), or the envelope's error for an entry
/// that does not open (its id in the message).
Result<OpenedExport> openExport(const crypto::X25519PrivateKey &key, QByteArrayView bytes);

/// Reads a CSV file into entries (plaintext JSON, kind "other" unless a kind column says
/// otherwise, "server" when a host is given). Errors name the line.
Result<std::vector<PlainEntry>> readCsv(QByteArrayView bytes);
/// Writes entries as CSV with the header kind,title,host,port,username,secret,url,notes,tags
/// (what readCsv reads back).
SecureBuffer writeCsv(const std::vector<PlainEntry> &entries);
/// One RFC 4180 field: quoted (quotes doubled) when it holds a comma, a quote or a line break.
QString csvField(const QString &s);

} // namespace credvault::client
