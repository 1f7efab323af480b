#include "desktop/KeychainKeySource.h"

#include <QtCore/QEventLoop>

#include <qt6keychain/keychain.h>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

namespace {

// Runs a keychain job to completion in a local event loop.
void runJob(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

Unexpected<Error> keychainError(const QKeychain::Job &job, const QString &what)
{
    if (job.error() == QKeychain::EntryNotFound)
        return fail(ErrorKind::Config, u"%1: no key in the keychain"_s.arg(what), u"key_missing"_s);
    return fail(ErrorKind::Config, u"%1: the keychain refused: %2"_s.arg(what, job.errorString()), u"keychain"_s);
}

} // namespace

QString KeychainKeySource::describe() const
{
    return u"the desktop keychain (%1, %2)"_s.arg(m_service, m_account);
}

Result<SecureBuffer> KeychainKeySource::load() const
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(m_account);
    runJob(job);
    if (job.error() != QKeychain::NoError)
        return keychainError(job, describe());
    QByteArray data = job.binaryData();
    if (data.size() != qsizetype(store::kKeySize)) {
        data.fill('\0');
        return fail(ErrorKind::Config, u"%1: the stored key has the wrong size"_s.arg(describe()), u"bad_key"_s);
    }
    SecureBuffer key = SecureBuffer::copyOf(data);
    data.fill('\0');
    return key;
}

Result<void> KeychainKeySource::store(const SecureBuffer &key) const
{
    if (key.size() != store::kKeySize)
        return fail(ErrorKind::InvalidInput, u"a key has 32 bytes"_s, u"bad_key"_s);
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(m_account);
    QByteArray data = key.view().toByteArray();
    job.setBinaryData(data);
    data.fill('\0');
    runJob(job);
    if (job.error() != QKeychain::NoError)
        return keychainError(job, describe());
    return {};
}

Result<void> KeychainKeySource::remove() const
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(m_account);
    runJob(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return keychainError(job, describe());
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
