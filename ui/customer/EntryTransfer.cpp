#include "customer/EntryTransfer.h"

#include "client/EntryExport.h"
#include "client/EntryModel.h"
#include "crypto/KeyFile.h"
#include "widgets/MessageBoxes.h"

#include "widgets/MessageBoxes.h"
#include <QtCore/QDate>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QSaveFile>
#include <QtCore/QStandardPaths>
#include <QtCore/QThreadPool>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

namespace {

// Runs `work` on `pool` and `then` with its result on `context`'s thread.
template<typename T>
void offThread(QThreadPool &pool, QObject *context, std::function<T()> work, std::function<void(T)> then)
{
    QPointer<QObject> guard(context);
    pool.start([guard, work = std::move(work), then = std::move(then)]() mutable {
        auto result = std::make_shared<T>(work());
        if (QObject *c = guard.data())
            QMetaObject::invokeMethod(c, [guard, result, then = std::move(then)] {
                if (guard)
                    then(std::move(*result));
            });
    });
}

} // namespace

EntryTransfer::EntryTransfer(QWidget *window, std::function<client::EntryModel *()> model,
                             std::function<const client::CheckedKey *()> key)
    : QObject(window), m_window(window), m_model(std::move(model)), m_key(std::move(key))
{}

EntryTransfer::~EntryTransfer()
{
    m_pool.waitForDone(); // its threads end with the window, not at the process's exit (OpenSSL's per-thread state)
}

void EntryTransfer::failed(const QString &message)
{
    showMessageBox(m_window, u"transferError"_s, QMessageBox::Warning, tr("Export and import"), message);
    Q_EMIT finished(false, message);
}

bool EntryTransfer::isExportFile(const QString &file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) && client::looksLikeExport(f.read(4096));
}

void EntryTransfer::startExport()
{
    client::EntryModel *model = m_model();
    if (!model || model->openCount() < model->rowCount())
        return failed(tr("Unlock the vault first: an export holds every entry, so every entry must be open."));
    QFileDialog *keyDialog =
        newFileDialog(m_window, u"exportKeyFile"_s, tr("The public key to seal the export to (SPKI PEM)"),
                      tr("Public keys (*.pem *.pub);;All files (*)"));
    connect(keyDialog, &QFileDialog::fileSelected, this, [this](const QString &keyFile) {
        QFileDialog *save =
            newFileDialog(m_window, u"exportFile"_s, tr("Save the export"), tr("CredVault exports (*.json)"), true);
        save->setDefaultSuffix(u"json"_s);
        save->selectFile(u"credvault-export-%1.json"_s.arg(QDate::currentDate().toString(Qt::ISODate)));
        connect(save, &QFileDialog::fileSelected, this,
                [this, keyFile](const QString &file) { exportTo(file, keyFile); });
        save->open();
    });
    keyDialog->open();
}

void EntryTransfer::exportTo(const QString &file, const QString &publicKeyFile)
{
    client::EntryModel *model = m_model();
    if (!model || model->openCount() < model->rowCount())
        return failed(tr("Unlock the vault first: an export holds every entry, so every entry must be open."));
    Result<crypto::X25519PublicKey> recipient = KeyFile::loadPublic(publicKeyFile);
    if (!recipient)
        return failed(tr("That key cannot be used: %1").arg(recipient.error().message));
    auto entries = std::make_shared<std::vector<client::PlainEntry>>();
    for (int row = 0; row < model->rowCount(); ++row)
        entries->push_back(
            client::PlainEntry{model->index(row, 0).data(client::EntryModel::IdRole).toUuid(), model->plaintext(row)});
    const QUuid account = model->account();
    const crypto::X25519PublicKey key = *recipient;
    offThread<Result<QByteArray>>(
        m_pool, this,
        [entries, key, account] {
            Result<QByteArray> sealed = client::sealExport(key, account, *entries, QDateTime::currentDateTimeUtc());
            entries->clear(); // wiped here
            return sealed;
        },
        [this, file, count = int(entries->size()), key](Result<QByteArray> sealed) {
            if (!sealed)
                return failed(tr("The export could not be sealed: %1").arg(sealed.error().message));
            QSaveFile out(file);
            if (!out.open(QIODevice::WriteOnly) ||
                !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
                out.write(*sealed) != sealed->size() || !out.commit())
                return failed(tr("The export could not be written to %1: %2").arg(file, out.errorString()));
            Q_EMIT finished(true, tr("%n entries exported to %1, sealed to the key %2.", nullptr, count)
                                      .arg(QDir::toNativeSeparators(file), keyIdHex(keyIdOf(key)).left(16)));
        });
}

void EntryTransfer::startImport()
{
    if (!m_model() || !m_key())
        return failed(tr("Importing needs a trusted vault key: sign in and trust the key first."));
    QFileDialog *d = newFileDialog(m_window, u"importFile"_s, tr("Import entries"),
                                   tr("CredVault exports and CSV files (*.json *.csv);;All files (*)"));
    connect(d, &QFileDialog::fileSelected, this, [this](const QString &file) {
        if (!isExportFile(file))
            return importFrom(file);
        QFileDialog *k =
            newFileDialog(m_window, u"importKeyFile"_s, tr("The private key the export is sealed to (PKCS#8 PEM)"),
                          tr("Private keys (*.pem *.key);;All files (*)"));
        connect(k, &QFileDialog::fileSelected, this, [this, file](const QString &key) { importFrom(file, key); });
        k->open();
    });
    d->open();
}

void EntryTransfer::importFrom(const QString &file, const QString &privateKeyFile)
{
    if (!m_model() || !m_key())
        return failed(tr("Importing needs a trusted vault key: sign in and trust the key first."));
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return failed(tr("%1 cannot be read: %2").arg(file, f.errorString()));
    if (f.size() > client::kMaxImportFileSize)
        return failed(tr("%1 is too large to import (at most 64 MiB).").arg(file));
    const bool isExport = client::looksLikeExport(f.peek(4096));
    if (isExport && privateKeyFile.isEmpty())
        return failed(tr("%1 is a CredVault export: choose the private key it is sealed to.").arg(file));
    std::optional<crypto::X25519PrivateKey> key;
    if (isExport) {
        Result<crypto::X25519PrivateKey> k = KeyFile::loadPrivate(privateKeyFile);
        if (!k)
            return failed(tr("That private key cannot be used: %1").arg(k.error().message));
        key = std::move(*k);
    }
    auto bytes = std::make_shared<QByteArray>(f.readAll());
    auto privateKey = std::make_shared<std::optional<crypto::X25519PrivateKey>>(std::move(key));
    using Read = Result<std::shared_ptr<std::vector<client::PlainEntry>>>;
    offThread<Read>(
        m_pool, this,
        [bytes, privateKey]() -> Read {
            std::vector<client::PlainEntry> entries;
            if (*privateKey) {
                Result<client::OpenedExport> opened = client::openExport(**privateKey, *bytes);
                if (!opened)
                    return fail(opened.error());
                entries = std::move(opened->entries);
            } else {
                Result<std::vector<client::PlainEntry>> rows = client::readCsv(*bytes);
                if (!rows)
                    return fail(rows.error());
                entries = std::move(*rows);
            }
            bytes->fill('\0'); // a CSV file's secrets
            return std::make_shared<std::vector<client::PlainEntry>>(std::move(entries));
        },
        [this, file](Read read) {
            if (!read)
                return failed(tr("Nothing was imported from %1: %2").arg(file, read.error().message));
            confirmImport(file, *read);
        });
}

void EntryTransfer::confirmImport(const QString &file, std::shared_ptr<std::vector<client::PlainEntry>> entries)
{
    if (entries->empty())
        return failed(tr("%1 holds no entries.").arg(file));
    QMessageBox *box = newMessageBox(m_window, u"importConfirm"_s, QMessageBox::Question, tr("Import entries"),
                                     tr("Add %n entries from %1 to your vault? Each is sealed to your vault's key as a "
                                        "new entry.",
                                        nullptr, int(entries->size()))
                                         .arg(QDir::toNativeSeparators(file)));
    QPushButton *yes = box->addButton(tr("Import"), QMessageBox::AcceptRole);
    yes->setObjectName(u"import"_s);
    box->addButton(QMessageBox::Cancel)->setObjectName(u"cancel"_s);
    connect(box, &QMessageBox::finished, this, [this, box, yes, entries] {
        const bool accepted = box->clickedButton() == yes;
        client::EntryModel *model = m_model();
        const client::CheckedKey *key = m_key();
        if (!accepted || !model || !key) {
            entries->clear();
            return Q_EMIT finished(false, tr("Nothing was imported."));
        }
        std::vector<SecureBuffer> plaintexts;
        for (client::PlainEntry &e : *entries)
            plaintexts.push_back(std::move(e.plaintext));
        entries->clear();
        const int total = int(plaintexts.size());
        model->addMany(*key, std::move(plaintexts), [this, total](int added, Result<void, ApiError> r) {
            if (!r)
                return failed(
                    tr("%1 of %2 entries were imported; then: %3").arg(added).arg(total).arg(r.error().message));
            Q_EMIT finished(true, tr("%n entries imported.", nullptr, added));
        });
    });
    box->open();
}

} // namespace credvault::ui
