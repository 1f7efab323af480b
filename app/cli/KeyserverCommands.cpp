#include "KeyserverCommands.h"

#include "CliIo.h"

#include "common/CommandLine.h"
#include "common/Files.h"
#include "crypto/PassphraseBox.h"
#include "keyserver/Keyserver.h"
#include "keyserver/KeyserverService.h"
#include "keyserver/KeyserverSettings.h"
#include "keyserver/MasterKey.h"
#include "store/KeySource.h"
#include "store/keyserver/SqlCipherKeyserverStore.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QFileInfo>
#include <QtCore/QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace credvault::cli {

namespace {

using keyserver::KeyserverSettings;
using keyserver::SoftwareMasterKey;

const QByteArray kBackupKind = "master-key";

struct Loaded {
    ServiceConfig config;
    KeyserverSettings settings;
};

// --config: the keyserver's configuration, checked as the keyserver checks it.
std::variant<int, Loaded> loadConfig(const QStringList &args, const QString &path)
{
    if (path.isEmpty())
        return commandFailure(args, u"--config is required (see --help)"_s, ExitUsage);
    const ServiceSpec spec = keyserver::serviceSpec();
    Result<ServiceConfig> config = ServiceConfig::load(path, spec);
    if (!config)
        return commandFailure(args, config.error().message, ExitConfig);
    Result<KeyserverSettings> settings = KeyserverSettings::read(*config);
    if (!settings)
        return commandFailure(args, settings.error().message, ExitConfig);
    return Loaded{std::move(*config), std::move(*settings)};
}

std::unique_ptr<store::KeySource> masterKeySource(const KeyserverSettings &s)
{
    if (s.masterKeyFile.isEmpty())
        return std::make_unique<store::EnvironmentKeySource>(s.masterKeyEnv);
    return std::make_unique<store::KeyFileSource>(s.masterKeyFile);
}

QString idText(const QByteArray &id)
{
    return QString::fromLatin1(id.toHex());
}

} // namespace

int masterKeyBackupCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption config(u"config"_s, u"The keyserver's configuration <file>."_s, u"file"_s);
    const QCommandLineOption out(u"out"_s, u"Write the backup to <file> (must not exist; 0600)."_s, u"file"_s);
    const QCommandLineOption pass =
        passphraseFileOption(u"passphrase-file"_s, u"passphrase (at least 12 characters)"_s, true);
    p.addOptions({config, out, pass});
    if (const int rc = parseCommand(p, args,
                                    u"Back the keyserver's master key up to a file sealed under a passphrase "
                                    u"(Argon2id, AES-256-GCM). Keep the file and the passphrase apart, offline."_s);
        rc >= 0)
        return rc;
    if (!p.isSet(out))
        return commandFailure(args, u"--out is required (see --help)"_s, ExitUsage);
    if (QFileInfo::exists(p.value(out)))
        return commandFailure(args, u"%1 exists; choose a new file"_s.arg(p.value(out)), ExitUsage);
    auto loaded = loadConfig(args, p.value(config));
    if (const int *rc = std::get_if<int>(&loaded))
        return *rc;
    const KeyserverSettings &settings = std::get<Loaded>(loaded).settings;
    Result<SecureBuffer> key = masterKeySource(settings)->load();
    if (!key)
        return commandFailure(args, u"master key: %1"_s.arg(key.error().message));
    const QByteArray id = SoftwareMasterKey(SecureBuffer::copyOf(key->view())).id();
    Result<SecureBuffer> passphrase = readPassphrase(p.value(pass), true);
    if (!passphrase)
        return commandFailure(args, passphrase.error().message);
    Result<QByteArray> text = crypto::PassphraseBox::seal(key->view(), passphrase->view(), kBackupKind, id.toHex());
    if (!text)
        return commandFailure(args, text.error().message, text.error().code == u"weak_passphrase"_s ? ExitUsage : 1);
    if (Result<void> w = writeFileAtomically(p.value(out), *text, kOwnerOnly); !w)
        return commandFailure(args, w.error().message);
    QTextStream(stdout) << "master key " << idText(id) << " backed up to " << p.value(out) << Qt::endl;
    return ExitOk;
}

int masterKeyRestoreCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption in(u"in"_s, u"The backup <file>."_s, u"file"_s);
    const QCommandLineOption out(u"out"_s, u"Write the master key to <file> (must not exist; 0600)."_s, u"file"_s);
    const QCommandLineOption pass = passphraseFileOption(u"passphrase-file"_s, u"passphrase"_s, false);
    p.addOptions({in, out, pass});
    if (const int rc = parseCommand(p, args,
                                    u"Restore a master key from a backup made by 'keyserver master-key backup', into "
                                    u"a key file the keyserver's master_key_file can name."_s);
        rc >= 0)
        return rc;
    if (!p.isSet(in) || !p.isSet(out))
        return commandFailure(args, u"--in and --out are required (see --help)"_s, ExitUsage);
    if (QFileInfo::exists(p.value(out)))
        return commandFailure(args, u"%1 exists; restore into a new file"_s.arg(p.value(out)), ExitUsage);
    Result<SecureBuffer> text = readSecretFile(p.value(in));
    if (!text)
        return commandFailure(args, text.error().message);
    Result<SecureBuffer> passphrase = readPassphrase(p.value(pass), false);
    if (!passphrase)
        return commandFailure(args, passphrase.error().message);
    Result<crypto::PassphraseBoxContent> opened =
        crypto::PassphraseBox::open(text->view(), passphrase->view(), kBackupKind);
    if (!opened)
        return commandFailure(args, u"%1: %2"_s.arg(p.value(in), opened.error().message));
    if (opened->secret.size() != 32 ||
        SoftwareMasterKey(SecureBuffer::copyOf(opened->secret.view())).id().toHex() != opened->id)
        return commandFailure(args, u"%1 does not hold the master key it names"_s.arg(p.value(in)));
    if (Result<void> w = store::writeKeyFile(p.value(out), opened->secret); !w)
        return commandFailure(args, w.error().message);
    QTextStream(stdout) << "master key " << QString::fromLatin1(opened->id) << " restored to " << p.value(out)
                        << Qt::endl;
    return ExitOk;
}

int masterKeyRotateCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption config(u"config"_s, u"The keyserver's configuration <file>."_s, u"file"_s);
    const QCommandLineOption newKey(u"new-key-file"_s,
                                    u"The new master key: read from <file> if it exists, otherwise made and written "
                                    u"there (0600). Default with master_key_file: that file plus '.new'; required with "
                                    u"master_key_env."_s,
                                    u"file"_s);
    p.addOptions({config, newKey});
    if (const int rc = parseCommand(
            p, args,
            u"Rotate the keyserver's master key: every account key is rewrapped under a new master key in one "
            u"transaction, and live unlock codes are voided (their HMAC key derives from the master key). The "
            u"keyserver must be stopped. With master_key_file, the new key then takes that file's place and the old "
            u"one is kept beside it as FILE.previous-ID for the database backups made under it."_s);
        rc >= 0)
        return rc;
    auto loaded = loadConfig(args, p.value(config));
    if (const int *rc = std::get_if<int>(&loaded))
        return *rc;
    const Loaded &l = std::get<Loaded>(loaded);
    const QString masterFile = l.settings.masterKeyFile;
    if (masterFile.isEmpty() && !p.isSet(newKey))
        return commandFailure(
            args, u"the master key comes from $%1: --new-key-file is required"_s.arg(l.settings.masterKeyEnv),
            ExitUsage);
    const QString newFile = p.isSet(newKey) ? p.value(newKey) : masterFile + u".new"_s;

    Result<std::unique_ptr<QLockFile>> lock = keyserver::lockDatabase(l.config.databasePath);
    if (!lock)
        return commandFailure(args, lock.error().message);
    Result<SecureBuffer> dbKey = l.config.loadDatabaseKey();
    if (!dbKey)
        return commandFailure(args, dbKey.error().message);
    Result<std::unique_ptr<store::SqlCipherKeyserverStore>> st =
        store::SqlCipherKeyserverStore::open(l.config.databasePath, *dbKey, Clock::system());
    if (!st)
        return commandFailure(args, st.error().message);

    // The new key: one left by an interrupted rotation is used again.
    SecureBuffer fresh;
    if (QFileInfo::exists(newFile)) {
        Result<SecureBuffer> k = store::KeyFileSource(newFile).load();
        if (!k)
            return commandFailure(args, k.error().message);
        fresh = std::move(*k);
    } else {
        fresh = store::generateKey();
        if (Result<void> w = store::writeKeyFile(newFile, fresh); !w)
            return commandFailure(args, w.error().message);
    }
    const SoftwareMasterKey to(std::move(fresh));

    // An interruption between the two renames below leaves no master key file; the
    // database then already is under the new key, and finishing means one rename.
    const bool finishing = !masterFile.isEmpty() && !QFileInfo::exists(masterFile);
    qsizetype moved = 0;
    QString previous;
    if (!finishing) {
        Result<SecureBuffer> oldKey = masterKeySource(l.settings)->load();
        if (!oldKey)
            return commandFailure(args, u"master key: %1"_s.arg(oldKey.error().message));
        const SoftwareMasterKey from(std::move(*oldKey));
        if (from.id() == to.id())
            return commandFailure(args, u"the new master key is the current one"_s, ExitUsage);
        Result<qsizetype> r = keyserver::rotateMasterKey(**st, from, to, u"system:credvault-cli"_s);
        if (!r)
            return commandFailure(args, r.error().message);
        moved = *r;
        previous = masterFile + u".previous-"_s + idText(from.id()).left(8);
    } else if (Result<qint64> left = (*st)->keysNotUnder(to.id()); !left || *left != 0) {
        return commandFailure(args, u"%1 is missing and the database is not under the key in %2: restore the master "
                                    u"key from its backup"_s.arg(masterFile, newFile));
    }
    st->reset();

    QTextStream out(stdout);
    out << "rewrapped " << moved << " account keys under master key " << idText(to.id())
        << "; live unlock codes are void" << Qt::endl;
    if (masterFile.isEmpty()) {
        out << "the new master key is in " << newFile << ": put it into $" << l.settings.masterKeyEnv
            << " before starting the keyserver, then back it up (credvault-cli keyserver master-key backup)"
            << Qt::endl;
        return ExitOk;
    }
    if (!previous.isEmpty() && !QFile::rename(masterFile, previous))
        return commandFailure(args, u"cannot move %1 to %2; the new key is in %3"_s.arg(masterFile, previous, newFile));
    if (!QFile::rename(newFile, masterFile))
        return commandFailure(args, u"cannot move %1 to %2"_s.arg(newFile, masterFile));
    out << masterFile << " now holds the new master key";
    if (!previous.isEmpty())
        out << "; the previous one is in " << previous
            << " (needed only to open database backups made before now: destroy it when they expire)";
    out << ". Back the new key up: credvault-cli keyserver master-key backup" << Qt::endl;
    return ExitOk;
}

} // namespace credvault::cli
