#pragma once

// EntryTransfer: Account › Export and Import of the customer app (client::EntryExport).
//
// Export needs the vault unlocked (every entry open): the person picks the public key
// (SPKI PEM) to seal to and where to save; every entry is re-sealed to that key on a
// worker thread and written with mode 0600. The file holds no plaintext; only the
// matching private key opens it (`credvault-cli open --export`).
//
// Import takes such an export (with its private key, PKCS#8 PEM) or a CSV file, shows
// how many entries it holds and, once confirmed, seals each to the account key as a new
// entry. A file that cannot be read whole adds nothing.

#include "client/AccountKey.h"
#include "crypto/X25519.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QThreadPool>

#include <functional>
#include <vector>

class QWidget;

namespace credvault::client {
class EntryModel;
struct PlainEntry;
} // namespace credvault::client

namespace credvault::ui {

class EntryTransfer : public QObject {
    Q_OBJECT
public:
    /// `model` and `key` tell the current account's model and its checked key (null when
    /// signed out or not trusted).
    EntryTransfer(QWidget *window, std::function<client::EntryModel *()> model,
                  std::function<const client::CheckedKey *()> key);
    ~EntryTransfer() override;

    /// The dialogs: public key, then file (objectNames exportKeyFile, exportFile).
    void startExport();
    /// The dialogs: file, then (for an export) its private key (importFile, importKeyFile).
    void startImport();

    /// What the dialogs lead to.
    void exportTo(const QString &file, const QString &publicKeyFile);
    void importFrom(const QString &file, const QString &privateKeyFile = {});

    /// Whether `file` is an export (which needs a private key to import).
    static bool isExportFile(const QString &file);

Q_SIGNALS:
    /// An export or import ended; `ok` false: `message` says why (also shown in a box).
    void finished(bool ok, const QString &message);

private:
    void failed(const QString &message);
    void confirmImport(const QString &file, std::shared_ptr<std::vector<client::PlainEntry>> entries);

    QWidget *m_window;
    std::function<client::EntryModel *()> m_model;
    std::function<const client::CheckedKey *()> m_key;
    QThreadPool m_pool; // sealing and opening off the UI thread
};

} // namespace credvault::ui
