#include "desktop/Keychain.h"

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

Unexpected<Error> keychainError(const QKeychain::Job &job, const QString &service, const QString &key)
{
    if (job.error() == QKeychain::EntryNotFound)
        return fail(ErrorKind::NotFound, u"nothing in the keychain for %1 (%2)"_s.arg(service, key), u"missing"_s);
    return fail(ErrorKind::Config, u"the keychain refused (%1, %2): %3"_s.arg(service, key, job.errorString()),
                u"keychain"_s);
}

} // namespace

Result<SecureBuffer> keychainRead(const QString &service, const QString &key)
{
    QKeychain::ReadPasswordJob job(service);
    job.setKey(key);
    runJob(job);
    if (job.error() != QKeychain::NoError)
        return keychainError(job, service, key);
    QByteArray data = job.binaryData();
    SecureBuffer out = SecureBuffer::copyOf(data);
    data.fill('\0');
    return out;
}

Result<void> keychainWrite(const QString &service, const QString &key, QByteArrayView secret)
{
    QKeychain::WritePasswordJob job(service);
    job.setKey(key);
    QByteArray data = secret.toByteArray();
    job.setBinaryData(data);
    data.fill('\0');
    runJob(job);
    if (job.error() != QKeychain::NoError)
        return keychainError(job, service, key);
    return {};
}

Result<void> keychainDelete(const QString &service, const QString &key)
{
    QKeychain::DeletePasswordJob job(service);
    job.setKey(key);
    runJob(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return keychainError(job, service, key);
    return {};
}

} // namespace credvault::ui
