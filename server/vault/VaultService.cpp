#include "vault/VaultService.h"

#include "vault/VaultSettings.h"

using namespace Qt::Literals::StringLiterals;

namespace credvault::vault {

ServiceSpec serviceSpec()
{
    ServiceSpec spec;
    spec.executable = u"credvault-server"_s;
    spec.description = u"CredVault vault server: keeps accounts, staff and sealed entries; never reads "
                       u"an entry."_s;
    spec.listeners = {{u"api"_s, ClientCertRule::None}};
    spec.extraSections = VaultSettings::sections();
    spec.check = [](const ServiceConfig &config) -> Result<void> {
        Result<VaultSettings> s = VaultSettings::read(config);
        if (!s)
            return fail(s.error());
        return {};
    };
    return spec;
}

} // namespace credvault::vault
