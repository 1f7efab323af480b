#include "vault/VaultService.h"

using namespace Qt::Literals::StringLiterals;

namespace credvault::vault {

ServiceSpec serviceSpec()
{
    ServiceSpec spec;
    spec.executable = u"credvault-server"_s;
    spec.description = u"CredVault vault server: keeps accounts, staff and sealed entries; never reads "
                       u"an entry."_s;
    spec.listeners = {{u"api"_s, ClientCertRule::None}};
    return spec;
}

} // namespace credvault::vault
