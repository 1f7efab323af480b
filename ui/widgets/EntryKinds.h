#pragma once

// The kinds of entry (DESIGN.md §3: server, control_panel, database, ftp, api_key, other)
// as the apps show them: a translated name, what the secret is called, the usual port and
// an icon drawn at run time (no image files, no icon theme needed). The empty kind is the
// sealed entry, whose kind nobody can see while the vault is locked.

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtGui/QIcon>

namespace credvault::ui {

struct EntryKind {
    QString id;          // as stored in the plaintext
    QString name;        // "Server (SSH)"
    QString secretLabel; // "Password or private key"
    int defaultPort = 0; // 0: none
};

/// Every kind, in the order the editor offers them.
QList<EntryKind> entryKinds();
/// The kind named `id`, or "other" for an unknown one.
EntryKind entryKind(const QString &id);
/// The kind's icon; the padlock of a sealed entry for an empty id.
QIcon entryKindIcon(const QString &id);

} // namespace credvault::ui
