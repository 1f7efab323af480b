#include "client/EntryModel.h"

#include "crypto/DecapBox.h"
#include "crypto/EntryEnvelope.h"
#include "protocol/Base64Url.h"

#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QThreadPool>

#include <algorithm>
#include <atomic>
#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace credvault::client {

struct EntryModel::Row {
    QUuid id;
    qint64 revision = 0;
    QByteArray envelope;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString updatedBy;
    // While unlocked and opened:
    std::shared_ptr<SecureBuffer> plaintext;
    std::optional<EntryFields> fields;
    QString searchText; // every field but the secret, lower case
};

namespace {

QString searchTextOf(const EntryFields &f)
{
    QStringList parts{f.kind, f.title, f.host, f.username, f.url, f.notes};
    parts += f.tags;
    if (f.port > 0)
        parts << QString::number(f.port);
    return parts.join(u'\n').toLower();
}

// One entry opened on a worker thread: its plaintext and what is parsed from it.
// Below this many entries a batch is opened on one thread: starting another costs more.
constexpr qsizetype kEntriesPerSlice = 128;

struct Opened {
    QUuid id;
    std::shared_ptr<SecureBuffer> plaintext;
    std::optional<EntryFields> fields;
    QString searchText;
};

// Runs `f` on the model's thread later, unless the model is gone by now.
template<typename F> void onModelThread(const QPointer<EntryModel> &self, F &&f)
{
    if (QObject *target = self.data())
        QMetaObject::invokeMethod(target, std::forward<F>(f), Qt::QueuedConnection);
}

Result<EntryModel::Row> rowFrom(const QJsonObject &o)
{
    EntryModel::Row r;
    r.id = QUuid::fromString(o.value(u"id"_s).toString());
    r.revision = o.value(u"revision"_s).toInteger();
    Result<QByteArray> env = fromBase64Url(o.value(u"envelope"_s).toString().toLatin1());
    if (r.id.isNull() || r.revision < 1 || !env)
        return fail(ErrorKind::InvalidInput, u"the vault server listed a malformed entry"_s);
    r.envelope = *env;
    r.createdAt = QDateTime::fromString(o.value(u"created_at"_s).toString(), Qt::ISODate);
    r.updatedAt = QDateTime::fromString(o.value(u"updated_at"_s).toString(), Qt::ISODate);
    r.updatedBy = o.value(u"updated_by"_s).toString();
    return r;
}

} // namespace

SecureBuffer EntryModel::plaintextOf(const EntryFields &fields, const SecureBuffer &secret)
{
    return entryPlaintext(fields, secret);
}

EntryModel::EntryModel(VaultApi &vault, UnlockSession &session, const QUuid &account, QObject *parent)
    : QAbstractTableModel(parent), m_vault(vault), m_session(session), m_account(account)
{
    connect(&m_session, &UnlockSession::unlocked, this, [this] { openAll(); });
    connect(&m_session, &UnlockSession::locked, this, [this] { wipe(); });
}

EntryModel::~EntryModel()
{
    m_pool.waitForDone(); // its threads end with the model, not at the process's exit
}

int EntryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EntryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EntryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &r = m_rows[std::size_t(index.row())];
    switch (role) {
    case IdRole: return r.id;
    case RevisionRole: return r.revision;
    case OpenRole: return r.fields.has_value();
    case UpdatedByRole: return r.updatedBy;
    case KindRole: return r.fields ? r.fields->kind : QString();
    case TagsRole: return r.fields ? r.fields->tags : QStringList();
    case SearchTextRole: return r.searchText;
    case Qt::DisplayRole: break;
    default: return {};
    }
    switch (Column(index.column())) {
    case KindColumn: return r.fields ? r.fields->kind : QString();
    case TitleColumn: return r.fields ? r.fields->title : tr("Sealed entry");
    case HostColumn: return r.fields ? r.fields->host : QString();
    case UsernameColumn: return r.fields ? r.fields->username : QString();
    case UpdatedColumn: return r.updatedAt.toLocalTime();
    case ColumnCount: break;
    }
    return {};
}

QVariant EntryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case KindColumn: return tr("Kind");
    case TitleColumn: return tr("Title");
    case HostColumn: return tr("Host");
    case UsernameColumn: return tr("User name");
    case UpdatedColumn: return tr("Changed");
    case ColumnCount: break;
    }
    return {};
}

int EntryModel::openCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.fields.has_value(); }));
}

int EntryModel::rowOf(const QUuid &id) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == id)
            return int(i);
    }
    return -1;
}

std::optional<EntryFields> EntryModel::fields(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return std::nullopt;
    return m_rows[std::size_t(row)].fields;
}

SecureBuffer EntryModel::secret(int row) const
{
    if (row < 0 || row >= int(m_rows.size()) || !m_rows[std::size_t(row)].plaintext)
        return {};
    return entrySecret(*m_rows[std::size_t(row)].plaintext); // kept nowhere but the plaintext buffer
}

SecureBuffer EntryModel::plaintext(int row) const
{
    if (row < 0 || row >= int(m_rows.size()) || !m_rows[std::size_t(row)].plaintext)
        return {};
    return SecureBuffer::copyOf(m_rows[std::size_t(row)].plaintext->view());
}

void EntryModel::setBusy(bool on)
{
    const bool before = busy();
    m_busy += on ? 1 : -1;
    if (busy() != before)
        Q_EMIT busyChanged(busy());
}

void EntryModel::refresh()
{
    setBusy(true);
    fetchPage(std::nullopt, std::make_shared<std::vector<Row>>());
}

void EntryModel::fetchPage(std::optional<QUuid> after, std::shared_ptr<std::vector<Row>> collected)
{
    m_vault.entries(
        m_account, after, false,
        [this, collected](ApiResult r) {
            if (!r) {
                setBusy(false);
                Q_EMIT failed(describe(r.error(), tr("vault server")));
                return;
            }
            for (const QJsonValue &v : r->value(u"items"_s).toArray()) {
                Result<Row> row = rowFrom(v.toObject());
                if (row)
                    collected->push_back(std::move(*row));
            }
            const QString next = r->value(u"next_page"_s).toString();
            if (!next.isEmpty())
                return fetchPage(QUuid::fromString(next), collected);
            replaceRows(std::move(*collected));
            setBusy(false);
            if (m_session.isUnlocked())
                openAll();
        },
        this);
}

void EntryModel::replaceRows(std::vector<Row> rows)
{
    // Keep what is open for rows whose revision did not change.
    for (Row &fresh : rows) {
        const int old = rowOf(fresh.id);
        if (old >= 0 && m_rows[std::size_t(old)].revision == fresh.revision) {
            fresh.plaintext = m_rows[std::size_t(old)].plaintext;
            fresh.fields = m_rows[std::size_t(old)].fields;
            fresh.searchText = m_rows[std::size_t(old)].searchText;
        }
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void EntryModel::openAll()
{
    if (!m_session.isUnlocked())
        return;
    QList<QUuid> ids;
    QList<QByteArray> encs;
    QList<QByteArray> envelopes;
    for (const Row &r : m_rows) {
        if (r.fields || m_inFlight.contains(r.id) || r.envelope.size() < 49)
            continue;
        ids.append(r.id);
        m_inFlight.insert(r.id); // a second round (refresh while unlocked) leaves these alone
        encs.append(r.envelope.mid(17, 32));
        envelopes.append(r.envelope);
    }
    if (ids.isEmpty()) {
        Q_EMIT opened(openCount());
        return;
    }
    const quint64 generation = m_generation;
    // Entries open only under the checked account key; until it is known, under the key
    // the first entry names (an entry sealed to another key then fails to open).
    const KeyId keyId = m_keyId.value_or([&] {
        KeyId k{};
        std::memcpy(k.data(), envelopes.first().constData() + 1, k.size());
        return k;
    }());
    setBusy(true);
    // In batches the keyserver accepts; each batch opened on a worker thread.
    auto remaining =
        std::make_shared<qsizetype>((ids.size() + qsizetype(DecapBox::kMaxEncs) - 1) / qsizetype(DecapBox::kMaxEncs));
    for (qsizetype from = 0; from < ids.size(); from += qsizetype(DecapBox::kMaxEncs)) {
        const qsizetype n = qMin(qsizetype(DecapBox::kMaxEncs), ids.size() - from);
        const QList<QUuid> batchIds = ids.mid(from, n);
        const QList<QByteArray> batchEnvelopes = envelopes.mid(from, n);
        m_session.decapsulate(
            encs.mid(from, n),
            [this, batchIds, batchEnvelopes, generation, remaining, keyId](Result<UnlockSession::Secrets, ApiError> r) {
                if (!r) {
                    if (generation == m_generation)
                        for (const QUuid &id : batchIds)
                            m_inFlight.remove(id);
                    if (--*remaining == 0)
                        setBusy(false);
                    if (r.error().code != u"locked"_s)
                        Q_EMIT failed(describe(r.error(), tr("keyserver")));
                    return;
                }
                auto secrets = std::make_shared<SecureBuffer>(std::move(r->secrets));
                const QUuid account = m_account;
                QPointer<EntryModel> self(this);
                // Opened and parsed off the UI thread, in as many slices as the pool has
                // threads (each entry ~15 µs: its key schedule, AES-GCM and JSON); the model
                // thread only stores, once the last slice is done.
                const qsizetype n = batchIds.size();
                const qsizetype slices = std::clamp<qsizetype>(n / kEntriesPerSlice, 1, m_pool.maxThreadCount());
                auto opened = std::make_shared<std::vector<Opened>>(std::size_t(n));
                auto failed = std::make_shared<std::atomic<int>>(0);
                auto slicesLeft = std::make_shared<std::atomic<qsizetype>>(slices);
                for (qsizetype slice = 0; slice < slices; ++slice) {
                    const qsizetype from = n * slice / slices;
                    const qsizetype to = n * (slice + 1) / slices;
                    m_pool.start([self, account, batchIds, batchEnvelopes, secrets, generation, remaining, keyId,
                                  opened, failed, slicesLeft, from, to] {
                        for (qsizetype i = from; i < to; ++i) {
                            Result<SecureBuffer> pt = EntryEnvelope::openWithSharedSecret(
                                secrets->view().sliced(i * 32, 32), keyId, account, batchIds[i], batchEnvelopes[i]);
                            if (!pt) {
                                ++*failed;
                                continue;
                            }
                            Opened &o = (*opened)[std::size_t(i)];
                            o.id = batchIds[i];
                            o.plaintext = std::make_shared<SecureBuffer>(std::move(*pt));
                            o.fields = parseEntryFields(*o.plaintext);
                            if (o.fields)
                                o.searchText = searchTextOf(*o.fields);
                        }
                        if (--*slicesLeft > 0)
                            return;
                        const int failures = failed->load();
                        onModelThread(self, [self, batchIds, opened, failures, generation, remaining] {
                            if (!self)
                                return;
                            EntryModel *m = self.data();
                            if (generation == m->m_generation && m->m_session.isUnlocked()) {
                                QHash<QUuid, int> rowOfId;
                                rowOfId.reserve(qsizetype(m->m_rows.size()));
                                for (std::size_t i = 0; i < m->m_rows.size(); ++i)
                                    rowOfId.insert(m->m_rows[i].id, int(i));
                                int first = int(m->m_rows.size());
                                int last = -1;
                                for (Opened &o : *opened) {
                                    if (!o.plaintext) // did not open
                                        continue;
                                    const auto at = rowOfId.constFind(o.id);
                                    if (at == rowOfId.cend())
                                        continue;
                                    Row &r = m->m_rows[std::size_t(*at)];
                                    r.fields = std::move(o.fields);
                                    r.searchText = std::move(o.searchText);
                                    r.plaintext = std::move(o.plaintext);
                                    first = qMin(first, *at);
                                    last = qMax(last, *at);
                                }
                                if (last >= 0) // one signal for the batch, not one per row
                                    Q_EMIT m->dataChanged(m->index(first, 0), m->index(last, ColumnCount - 1));
                                if (failures > 0)
                                    Q_EMIT m->failed(tr("%n entries could not be opened (sealed to another key, or "
                                                        "damaged)",
                                                        nullptr, failures));
                            }
                            if (generation == m->m_generation) // an older round's ids were cleared on lock
                                for (const QUuid &id : batchIds)
                                    m->m_inFlight.remove(id);
                            if (--*remaining == 0) {
                                m->setBusy(false);
                                Q_EMIT m->opened(m->openCount());
                            }
                        });
                    });
                }
            },
            this);
    }
}

void EntryModel::wipe()
{
    ++m_generation;
    m_inFlight.clear();
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        m_rows[i].plaintext.reset(); // SecureBuffer wipes itself
        m_rows[i].fields.reset();
        m_rows[i].searchText.clear();
    }
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void EntryModel::add(const CheckedKey &key, const EntryFields &fields, const SecureBuffer &secret, WriteCallback done)
{
    const QUuid id = QUuid::createUuid();
    auto plaintext = std::make_shared<SecureBuffer>(plaintextOf(fields, secret));
    setBusy(true);
    QPointer<EntryModel> self(this);
    const QUuid account = m_account;
    m_pool.start([self, key, id, account, plaintext, done = std::move(done)]() mutable {
        Result<QByteArray> envelope = EntryEnvelope::seal(key.publicKey, account, id, plaintext->view());
        onModelThread(self, [self, id, envelope = std::move(envelope), done = std::move(done)]() mutable {
            if (!self)
                return;
            if (!envelope) {
                self->setBusy(false);
                return done(Unexpected<ApiError>(ApiError{0, u"internal"_s, envelope.error().message, {}}));
            }
            self->m_vault.createEntry(
                id, self->m_account, *envelope,
                [self, done = std::move(done)](ApiResult r) {
                    self->setBusy(false);
                    if (!r)
                        return done(Unexpected<ApiError>(r.error()));
                    self->refresh();
                    done(Result<void, ApiError>());
                },
                self.data());
        });
    });
}

void EntryModel::addMany(const CheckedKey &key, std::vector<SecureBuffer> plaintexts, ManyCallback done)
{
    setBusy(true);
    QPointer<EntryModel> self(this);
    const QUuid account = m_account;
    auto input = std::make_shared<std::vector<SecureBuffer>>(std::move(plaintexts));
    m_pool.start([self, key, account, input, done = std::move(done)]() mutable {
        auto sealed = std::make_shared<std::vector<std::pair<QUuid, QByteArray>>>();
        for (const SecureBuffer &p : *input) {
            const QUuid id = QUuid::createUuid();
            Result<QByteArray> envelope = EntryEnvelope::seal(key.publicKey, account, id, p.view());
            if (!envelope) {
                onModelThread(self, [self, message = envelope.error().message, done = std::move(done)] {
                    self->setBusy(false);
                    done(0, Unexpected<ApiError>(ApiError{0, u"internal"_s, message, {}}));
                });
                return;
            }
            sealed->emplace_back(id, std::move(*envelope));
        }
        input->clear(); // the plaintexts are wiped here, on the worker
        onModelThread(self, [self, sealed, done = std::move(done)] {
            // One create after the other; the list is reloaded once at the end. Each pending
            // create holds the chain; the chain holds itself only weakly.
            using Step = std::function<void(std::size_t)>;
            auto chain = std::make_shared<Step>();
            *chain = [self, sealed, weak = std::weak_ptr<Step>(chain), done](std::size_t i) {
                if (!self)
                    return;
                if (i == sealed->size()) {
                    self->setBusy(false);
                    self->refresh();
                    return done(int(i), {});
                }
                self->m_vault.createEntry((*sealed)[i].first, self->m_account, (*sealed)[i].second,
                                          [self, step = weak.lock(), i, done](ApiResult r) {
                                              if (!self)
                                                  return;
                                              if (!r) {
                                                  self->setBusy(false);
                                                  self->refresh();
                                                  return done(int(i), Unexpected<ApiError>(r.error()));
                                              }
                                              (*step)(i + 1);
                                          },
                                          self.data());
            };
            (*chain)(0);
        });
    });
}

void EntryModel::update(const CheckedKey &key, const QUuid &id, qint64 revision, const EntryFields &fields,
                        const SecureBuffer &secret, WriteCallback done)
{
    auto plaintext = std::make_shared<SecureBuffer>(plaintextOf(fields, secret));
    setBusy(true);
    QPointer<EntryModel> self(this);
    const QUuid account = m_account;
    m_pool.start([self, key, id, revision, account, plaintext, done = std::move(done)]() mutable {
        Result<QByteArray> envelope = EntryEnvelope::seal(key.publicKey, account, id, plaintext->view());
        onModelThread(self, [self, id, revision, envelope = std::move(envelope), done = std::move(done)]() mutable {
            if (!self)
                return;
            if (!envelope) {
                self->setBusy(false);
                return done(Unexpected<ApiError>(ApiError{0, u"internal"_s, envelope.error().message, {}}));
            }
            self->m_vault.updateEntry(
                id, revision, *envelope,
                [self, done = std::move(done)](ApiResult r) {
                    self->setBusy(false);
                    self->refresh(); // on success the new revision; on 409 the one to merge with
                    if (!r)
                        return done(Unexpected<ApiError>(r.error()));
                    done(Result<void, ApiError>());
                },
                self.data());
        });
    });
}

void EntryModel::remove(int row, WriteCallback done)
{
    if (row < 0 || row >= int(m_rows.size()))
        return done(Unexpected<ApiError>(ApiError{0, u"not_found"_s, tr("no such entry"), {}}));
    setBusy(true);
    m_vault.deleteEntry(
        m_rows[std::size_t(row)].id,
        [this, done = std::move(done)](ApiResult r) {
            setBusy(false);
            refresh();
            if (!r)
                return done(Unexpected<ApiError>(r.error()));
            done(Result<void, ApiError>());
        },
        this);
}

} // namespace credvault::client
