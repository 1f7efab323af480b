#include "keyserver/KeyserverService.h"

#include "keyserver/KeyserverSettings.h"

using namespace Qt::Literals::StringLiterals;

namespace credvault::keyserver {

ServiceSpec serviceSpec()
{
    ServiceSpec spec;
    spec.executable = u"credvault-keyserver"_s;
    spec.description = u"CredVault keyserver: holds account keypairs, e-mails unlock codes, runs unlock "
                       u"sessions and decapsulates for them."_s;
    spec.listeners = {
        {u"public"_s, ClientCertRule::None},
        {u"services"_s, ClientCertRule::Service},
        {u"staff"_s, ClientCertRule::Staff},
    };
    spec.extraSections = KeyserverSettings::sections();
    spec.check = [](const ServiceConfig &config) -> Result<void> {
        Result<KeyserverSettings> s = KeyserverSettings::read(config);
        if (!s)
            return fail(s.error());
        return {};
    };
    return spec;
}

} // namespace credvault::keyserver
