#include "desktop/KeychainKeySource.h"

#include "desktop/Keychain.h"

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

QString KeychainKeySource::describe() const
{
    return u"the desktop keychain (%1, %2)"_s.arg(m_service, m_account);
}

Result<SecureBuffer> KeychainKeySource::load() const
{
    Result<SecureBuffer> key = keychainRead(m_service, m_account);
    if (!key)
        return fail(ErrorKind::Config, u"%1: %2"_s.arg(describe(), key.error().message),
                    key.error().code == u"missing"_s ? u"key_missing"_s : key.error().code);
    if (key->size() != store::kKeySize)
        return fail(ErrorKind::Config, u"%1: the stored key has the wrong size"_s.arg(describe()), u"bad_key"_s);
    return key;
}

Result<void> KeychainKeySource::store(const SecureBuffer &key) const
{
    if (key.size() != store::kKeySize)
        return fail(ErrorKind::InvalidInput, u"a key has 32 bytes"_s, u"bad_key"_s);
    if (Result<void> r = keychainWrite(m_service, m_account, key.view()); !r)
        return fail(ErrorKind::Config, u"%1: %2"_s.arg(describe(), r.error().message), r.error().code);
    return {};
}

Result<void> KeychainKeySource::remove() const
{
    if (Result<void> r = keychainDelete(m_service, m_account); !r)
        return fail(ErrorKind::Config, u"%1: %2"_s.arg(describe(), r.error().message), r.error().code);
    return {};
}

Result<SecureBuffer> KeychainKeySource::loadOrCreate() const
{
    Result<SecureBuffer> existing = load();
    if (existing || existing.error().code != u"key_missing"_s)
        return existing;
    SecureBuffer key = store::generateKey();
    if (Result<void> r = store(key); !r)
        return fail(r.error());
    return key;
}

} // namespace credvault::ui
