// Fuzz target: configuration files. The first byte says whose file the rest is: the
// keyserver's (ServiceConfig with the keyserver's listeners, then KeyserverSettings), the
// vault server's (ServiceConfig, VaultSettings), the customer app's or the support app's
// (ClientConfig). Every file is also read on its own (IniFile) and each of its values
// through ConfigReader's typed reads. The files a configuration names (certificates,
// keys) exist in the target's folder under the names the seeds use, so a seed gets
// through to the last check.

#include "FuzzSupport.h"

#include "client/ClientConfig.h"
#include "common/ConfigReader.h"
#include "common/IniFile.h"
#include "keyserver/KeyserverService.h"
#include "keyserver/KeyserverSettings.h"
#include "vault/VaultService.h"
#include "vault/VaultSettings.h"

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

namespace {

// Every value of the file through the typed reads, whatever it is meant to be.
void readEveryValue(const IniFile &ini)
{
    const ConfigReader r(ini, fuzz::deployment());
    for (const QString &section : ini.sections()) {
        for (const IniFile::Entry &e : ini.entries(section)) {
            fuzz::check(r.has(section, e.key), "an entry is found");
            (void)r.integer(section, e.key, 0, 65535, 0);
            (void)r.duration(section, e.key, 0, 30 * 86400, 0);
            (void)r.readableFile(section, e.key, false);
            if (const std::optional<qint64> d = parseDuration(e.value); d)
                fuzz::check(*d >= 0, "a duration is not negative");
        }
        (void)r.onlyKeys(section, {u"path"_s, u"port"_s});
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::setUp();
    fuzz::deployment();
    fuzz::Input in(data, size);
    const std::uint8_t kind = in.byte();
    const QByteArray text = in.rest().toByteArray();

    if (const Result<IniFile> ini = IniFile::parse(text, u"fuzz.conf"_s); ini)
        readEveryValue(*ini);

    const QString path = fuzz::writeTempFile(u"fuzz.conf"_s, text);
    switch (kind % 4) {
    case 0: {
        const ServiceSpec spec = keyserver::serviceSpec();
        const Result<ServiceConfig> config = ServiceConfig::load(path, spec);
        if (config) {
            const Result<void> checked = spec.check(*config);
            const Result<keyserver::KeyserverSettings> settings = keyserver::KeyserverSettings::read(*config);
            fuzz::check(checked.ok() == settings.ok(), "the check is the settings read");
        }
        break;
    }
    case 1: {
        const Result<ServiceConfig> config = ServiceConfig::load(path, vault::serviceSpec());
        if (config)
            (void)vault::VaultSettings::read(*config);
        break;
    }
    case 2: (void)client::ClientConfig::load(path, client::ClientConfig::App::Customer); break;
    default: (void)client::ClientConfig::load(path, client::ClientConfig::App::Support); break;
    }
    return 0;
}
