#include "service/ServiceConfig.h"

#include "common/ConfigReader.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace credvault {

QString clientCertRuleName(ClientCertRule rule)
{
    switch (rule) {
    case ClientCertRule::None: return u"none"_s;
    case ClientCertRule::Service: return u"service"_s;
    case ClientCertRule::Staff: return u"staff"_s;
    }
    return u"none"_s;
}

namespace {

const QString kListenerPrefix = u"listener."_s;

} // namespace

Result<ServiceConfig> ServiceConfig::load(const QString &path, const ServiceSpec &spec)
{
    Result<IniFile> ini = IniFile::load(path);
    if (!ini)
        return fail(ini.error());

    ServiceConfig cfg;
    cfg.path = QFileInfo(path).absoluteFilePath();
    cfg.ini = std::move(*ini);
    const ConfigReader r(cfg.ini, QFileInfo(path).absolutePath());

    // Every section must be one we know: a misspelt section is a refusal, not a default.
    QStringList known{u"server"_s, u"database"_s};
    for (const ListenerSpec &l : spec.listeners)
        known.append(kListenerPrefix + l.name);
    for (auto it = spec.extraSections.cbegin(); it != spec.extraSections.cend(); ++it)
        known.append(it.key());
    for (const QString &section : cfg.ini.sections()) {
        if (!known.contains(section))
            return fail(ErrorKind::Config,
                        u"%1: unknown section [%2] (known: %3)"_s.arg(path, section, known.join(u", "_s)));
    }

    if (auto ok = r.onlyKeys(u"server"_s, {u"threads"_s, u"idle_timeout"_s, u"max_connections"_s}); !ok)
        return fail(ok.error());
    Result<int> threads = r.integer(u"server"_s, u"threads"_s, 0, 256, 0);
    if (!threads)
        return fail(threads.error());
    cfg.threads = *threads;
    Result<int> idle = r.integer(u"server"_s, u"idle_timeout"_s, 1, 3600, 10);
    if (!idle)
        return fail(idle.error());
    cfg.idleTimeoutSeconds = *idle;
    Result<int> maxConnections = r.integer(u"server"_s, u"max_connections"_s, 1, 100000, 512);
    if (!maxConnections)
        return fail(maxConnections.error());
    cfg.maxConnections = *maxConnections;

    const QString db = u"database"_s;
    if (auto ok = r.onlyKeys(db, {u"path"_s, u"key_file"_s, u"key_env"_s}); !ok)
        return fail(ok.error());
    Result<QString> dbPath = r.required(db, u"path"_s);
    if (!dbPath)
        return fail(dbPath.error());
    cfg.databasePath = r.absolute(*dbPath);
    if (!QFileInfo(QFileInfo(cfg.databasePath).absolutePath()).isDir())
        return r.error(db, u"path"_s, u"the folder of %1 does not exist"_s.arg(cfg.databasePath));
    const bool hasKeyFile = cfg.ini.find(db, u"key_file"_s) != nullptr;
    const bool hasKeyEnv = cfg.ini.find(db, u"key_env"_s) != nullptr;
    if (hasKeyFile == hasKeyEnv)
        return r.error(db, u"key_file"_s, u"give exactly one of key_file and key_env"_s);
    if (hasKeyFile) {
        Result<QString> key = r.readableFile(db, u"key_file"_s);
        if (!key)
            return fail(key.error());
        cfg.databaseKeyFile = *key;
    } else {
        Result<QString> env = r.required(db, u"key_env"_s);
        if (!env)
            return fail(env.error());
        cfg.databaseKeyEnv = *env;
    }

    for (const ListenerSpec &l : spec.listeners) {
        const QString s = kListenerPrefix + l.name;
        if (!cfg.ini.hasSection(s))
            return fail(ErrorKind::Config, u"%1: section [%2] is missing (%3 needs the listeners %4)"_s.arg(
                                               path, s, spec.executable, [&spec] {
                                                   QStringList names;
                                                   for (const ListenerSpec &x : spec.listeners)
                                                       names.append(x.name);
                                                   return names.join(u", "_s);
                                               }()));
        QStringList allowed{u"address"_s, u"port"_s, u"certificate"_s, u"private_key"_s};
        if (l.rule != ClientCertRule::None)
            allowed << u"client_ca"_s << u"crl"_s;
        if (auto ok = r.onlyKeys(s, allowed); !ok)
            return fail(ok.error());

        ListenerConfig lc;
        lc.name = l.name;
        lc.rule = l.rule;
        Result<QString> address = r.required(s, u"address"_s);
        if (!address)
            return fail(address.error());
        if (!lc.address.setAddress(*address))
            return r.error(s, u"address"_s, u"'%1' is not an IP address"_s.arg(*address));
        Result<QString> portText = r.required(s, u"port"_s);
        if (!portText)
            return fail(portText.error());
        Result<int> port = r.integer(s, u"port"_s, 0, 65535, 0);
        if (!port)
            return fail(port.error());
        lc.port = quint16(*port);
        for (auto [key, out] :
             {std::pair{u"certificate"_s, &lc.certificate}, std::pair{u"private_key"_s, &lc.privateKey}}) {
            Result<QString> file = r.readableFile(s, key);
            if (!file)
                return fail(file.error());
            *out = *file;
        }
        if (l.rule != ClientCertRule::None) {
            // With CRL checking on, a missing CRL would refuse every client: require it.
            for (auto [key, out] : {std::pair{u"client_ca"_s, &lc.clientCa}, std::pair{u"crl"_s, &lc.crl}}) {
                Result<QString> file = r.readableFile(s, key);
                if (!file)
                    return fail(file.error());
                *out = *file;
            }
        }
        for (const ListenerConfig &other : cfg.listeners) {
            if (lc.port != 0 && other.port == lc.port && other.address == lc.address)
                return r.error(s, u"port"_s,
                               u"%1:%2 is already used by [%3%4]"_s.arg(lc.address.toString())
                                   .arg(lc.port)
                                   .arg(kListenerPrefix, other.name));
        }
        cfg.listeners.append(lc);
    }

    for (auto it = spec.extraSections.cbegin(); it != spec.extraSections.cend(); ++it) {
        if (auto ok = r.onlyKeys(it.key(), it.value()); !ok)
            return fail(ok.error());
    }
    return cfg;
}

std::unique_ptr<store::KeySource> ServiceConfig::databaseKeySource() const
{
    if (databaseKeyFile.isEmpty())
        return std::make_unique<store::EnvironmentKeySource>(databaseKeyEnv);
    return std::make_unique<store::KeyFileSource>(databaseKeyFile);
}

Result<SecureBuffer> ServiceConfig::loadDatabaseKey() const
{
    Result<SecureBuffer> key = databaseKeySource()->load();
    if (!key)
        return fail(ErrorKind::Config, u"database key: %1"_s.arg(key.error().message));
    return key;
}

} // namespace credvault
