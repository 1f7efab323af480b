#pragma once

// EntryModel: one account's entries for the apps' views (a QAbstractTableModel, QtCore
// only). Rows are the sealed entries the vault server lists; while the vault is locked
// they show only their kind-less "Sealed entry" title and times. When the unlock session
// is open the model asks the keyserver to decapsulate every entry's enc (in batches of
// up to 10,000) and opens the envelopes on a worker thread; on lock — or when the session
// ends — every plaintext is wiped. Adding and editing seal on a worker thread to the
// checked account key (AccountKey) and write through the vault server; a stale edit is
// reported with the current revision, not lost.
//
// Plaintext lives in SecureBuffer (the entry's JSON); the display fields (title, host,
// user name, kind, tags) are taken from it while unlocked and cleared on lock. The secret
// is never kept outside the SecureBuffer: secret(row) copies it out on demand.

#include "client/AccountKey.h"
#include "client/EntryFields.h"
#include "client/UnlockSession.h"
#include "client/VaultApi.h"
#include "crypto/SecureBuffer.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QDateTime>
#include <QtCore/QSet>
#include <QtCore/QStringList>
#include <QtCore/QThreadPool>
#include <QtCore/QUuid>

#include <memory>

namespace credvault::client {

class EntryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KindColumn, TitleColumn, HostColumn, UsernameColumn, UpdatedColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        RevisionRole,
        OpenRole,
        UpdatedByRole,
        KindRole,       // the kind's id while open; empty while sealed
        TagsRole,       // QStringList while open
        SearchTextRole, // every field but the secret, lower case, while open (for search)
    };

    EntryModel(VaultApi &vault, UnlockSession &session, const QUuid &account, QObject *parent = nullptr);
    ~EntryModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QUuid account() const { return m_account; }
    /// The checked account key: entries open only if sealed to it.
    void setAccountKey(const CheckedKey &key) { m_keyId = key.keyId; }
    bool busy() const { return m_busy > 0; }
    int openCount() const;
    int rowOf(const QUuid &id) const;
    /// The entry's fields and secret while it is open; nullopt / empty otherwise.
    std::optional<EntryFields> fields(int row) const;
    SecureBuffer secret(int row) const;
    /// A copy of the open entry's whole plaintext (export); empty while sealed.
    SecureBuffer plaintext(int row) const;

    /// Lists every page from the vault server (and opens them if unlocked).
    void refresh();
    using WriteCallback = std::function<void(Result<void, ApiError>)>;
    /// Seals to `key` (already checked) and adds; works while locked.
    void add(const CheckedKey &key, const EntryFields &fields, const SecureBuffer &secret, WriteCallback done);
    /// Seals each plaintext (an entry's JSON) to `key` as a new entry and adds them one
    /// after the other, reloading once at the end (import). `done` gets how many were
    /// added — those stay when a later one fails — and the first failure.
    using ManyCallback = std::function<void(int added, Result<void, ApiError>)>;
    void addMany(const CheckedKey &key, std::vector<SecureBuffer> plaintexts, ManyCallback done);
    /// Seals a new version of entry `id` on `baseRevision` (the one the editor started
    /// from); 409 stale_revision (details: current_revision) when someone changed it
    /// meanwhile — the rows are then reloaded, and the caller still has its version.
    void update(const CheckedKey &key, const QUuid &id, qint64 baseRevision, const EntryFields &fields,
                const SecureBuffer &secret, WriteCallback done);
    void remove(int row, WriteCallback done);

    /// The plaintext JSON of fields + secret, padded by the envelope (for tests and export).
    static SecureBuffer plaintextOf(const EntryFields &fields, const SecureBuffer &secret);

    struct Row; // one entry (defined in the .cpp)

Q_SIGNALS:
    void busyChanged(bool busy);
    /// A failure a person should read (network, keyserver, an entry that does not open).
    void failed(const QString &message);
    /// Every row that could be opened is open.
    void opened(int count);

private:
    void setBusy(bool on);
    void replaceRows(std::vector<Row> rows);
    void openAll();
    void wipe();
    void fetchPage(std::optional<QUuid> after, std::shared_ptr<std::vector<Row>> collected);

    VaultApi &m_vault;
    UnlockSession &m_session;
    QUuid m_account;
    std::vector<Row> m_rows;
    int m_busy = 0;
    std::optional<KeyId> m_keyId;
    QSet<QUuid> m_inFlight;   // entries whose decapsulation is on its way
    QThreadPool m_pool;       // opening and sealing off the UI thread; its threads end with the model
    quint64 m_generation = 0; // bumped on lock and refresh: late results of older rounds are dropped
};

} // namespace credvault::client
