#include "keyserver/DecapCache.h"

#include "crypto/DecapBox.h"
#include "crypto/Hpke.h"
#include "service/ServiceLog.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QList>

#include <openssl/crypto.h>

#include <algorithm>
#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace credvault::keyserver {

namespace {
// Encs computed between two looks at the queue: a few milliseconds, so a take() or a
// shutdown waits no longer than that for the thread to let go.
constexpr std::size_t kBatch = 64;
} // namespace

struct DecapCache::Job {
    std::uint64_t number = 0;
    QUuid account;
    crypto::X25519PrivateKey key; // released as soon as every secret is computed
    QByteArray encs;
    SecureBuffer secrets;
    std::vector<bool> failed;
    std::size_t done = 0; // secrets [0, done) are computed
    std::chrono::steady_clock::time_point expires;
    bool ended = false; // taken, dropped, replaced or expired: the thread leaves it

    std::size_t count() const { return std::size_t(encs.size()) / hpke::kEncSize; }
};

DecapCache::DecapCache(std::size_t maxEncs) : m_maxEncs(maxEncs), m_thread([this] { run(); })
{}

DecapCache::~DecapCache()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    const std::lock_guard lock(m_mutex);
    while (!m_jobs.empty())
        removeLocked(m_jobs.begin());
}

std::vector<std::shared_ptr<DecapCache::Job>>::iterator
DecapCache::removeLocked(std::vector<std::shared_ptr<Job>>::iterator it)
{
    (*it)->ended = true;
    return m_jobs.erase(it); // the secrets are wiped when the thread, too, lets go of the job
}

std::uint64_t DecapCache::start(const QUuid &account, crypto::X25519PrivateKey key, QByteArray encs,
                                std::chrono::steady_clock::duration lifetime)
{
    const std::size_t n = std::size_t(encs.size()) / hpke::kEncSize;
    const std::lock_guard lock(m_mutex);
    const auto old = std::find_if(m_jobs.begin(), m_jobs.end(), [&](const auto &j) { return j->account == account; });
    if (old != m_jobs.end())
        removeLocked(old);
    if (n == 0 || std::size_t(encs.size()) % hpke::kEncSize != 0 || n > m_maxEncs || key.isNull() ||
        lifetime <= std::chrono::steady_clock::duration::zero())
        return 0;
    std::size_t held = 0;
    for (const auto &j : m_jobs)
        held += j->count();
    while (held + n > m_maxEncs && !m_jobs.empty()) {
        held -= m_jobs.front()->count();
        removeLocked(m_jobs.begin());
    }
    auto job = std::make_shared<Job>();
    job->number = m_nextJob++;
    job->account = account;
    job->key = std::move(key);
    job->encs = std::move(encs);
    job->secrets = SecureBuffer(n * hpke::kSecretSize);
    job->failed.assign(n, false);
    job->expires = std::chrono::steady_clock::now() + lifetime;
    m_jobs.push_back(job);
    m_wake.notify_all();
    return job->number;
}

void DecapCache::drop(const QUuid &account, std::uint64_t job)
{
    const std::lock_guard lock(m_mutex);
    const auto it = std::find_if(m_jobs.begin(), m_jobs.end(), [&](const auto &j) {
        return j->account == account && (job == 0 || j->number == job);
    });
    if (it != m_jobs.end())
        removeLocked(it);
}

DecapCache::Taken DecapCache::take(const QUuid &account)
{
    Taken out;
    const std::lock_guard lock(m_mutex);
    const auto it = std::find_if(m_jobs.begin(), m_jobs.end(), [&](const auto &j) { return j->account == account; });
    if (it == m_jobs.end())
        return out;
    Job &job = **it;
    if (job.expires > std::chrono::steady_clock::now()) {
        out.encs = job.encs; // shared, never written again: the thread may still read it
        out.secrets = std::move(job.secrets);
        out.failed = std::move(job.failed);
        out.done = job.done;
    }
    removeLocked(it);
    return out;
}

std::size_t DecapCache::heldEncs() const
{
    const std::lock_guard lock(m_mutex);
    std::size_t held = 0;
    for (const auto &j : m_jobs)
        held += j->count();
    return held;
}

std::size_t DecapCache::computed(const QUuid &account) const
{
    const std::lock_guard lock(m_mutex);
    for (const auto &j : m_jobs)
        if (j->account == account)
            return j->done;
    return 0;
}

void DecapCache::run()
{
    std::shared_ptr<Job> current; // the job `deriver` belongs to
    std::unique_ptr<crypto::X25519Deriver> deriver;
    QElapsedTimer took;
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        const auto now = std::chrono::steady_clock::now();
        for (auto it = m_jobs.begin(); it != m_jobs.end();)
            it = (*it)->expires <= now ? removeLocked(it) : it + 1;
        std::shared_ptr<Job> job;
        auto wakeAt = std::chrono::steady_clock::time_point::max();
        for (const auto &j : m_jobs) {
            wakeAt = std::min(wakeAt, j->expires);
            if (!job && j->done < j->count())
                job = j;
        }
        if (job != current) {
            deriver.reset();
            current.reset(); // a finished or ended job's secrets may be freed now
        }
        if (!job) {
            if (wakeAt == std::chrono::steady_clock::time_point::max())
                m_wake.wait(lock);
            else
                m_wake.wait_until(lock, wakeAt);
            continue;
        }
        if (!deriver) {
            deriver = std::make_unique<crypto::X25519Deriver>(job->key);
            if (!deriver->isValid()) { // OpenSSL could not set up: leave it to the decapsulation
                deriver.reset();
                removeLocked(std::find(m_jobs.begin(), m_jobs.end(), job));
                continue;
            }
            current = job;
            took.start();
        }
        const std::size_t from = job->done;
        const std::size_t to = std::min(from + kBatch, job->count());
        lock.unlock();

        unsigned char out[kBatch * hpke::kSecretSize];
        QList<int> failed;
        DecapBox::decapsulateRange(*deriver, job->key.publicKey(), job->encs, from, to, out, failed);

        lock.lock();
        if (!job->ended) {
            std::memcpy(job->secrets.data() + from * hpke::kSecretSize, out, (to - from) * hpke::kSecretSize);
            for (int i : failed)
                job->failed[std::size_t(i)] = true;
            job->done = to;
            if (to == job->count()) {
                deriver.reset();
                job->key = crypto::X25519PrivateKey(); // not needed any more
                const QString line =
                    u"precomputed %1 shared secrets for vault %2 in %3 ms, for its next unlock"_s.arg(job->count())
                        .arg(job->account.toString(QUuid::WithoutBraces))
                        .arg(took.elapsed());
                lock.unlock();
                serviceLog(line);
                lock.lock();
            }
        }
        OPENSSL_cleanse(out, sizeof out);
    }
}

} // namespace credvault::keyserver
