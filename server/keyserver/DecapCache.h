#pragma once

// DecapCache: the KEM shared secrets of an account's entries, computed while its unlock
// code is on its way to the customer (docs/decisions.md 55). When the vault server asks for
// a code it sends the encs of the account's entries; one background thread computes their
// shared secrets with the account key, exactly as the decapsulation route does
// (hpke::decapInto), and keeps them until the account's next decapsulation takes them, a
// new code replaces them, the code is voided, or their time is up
// (`[codes] precompute`). Nothing leaves the cache except through a decapsulation of an
// open unlock session of that account, answered and audited as without it: only sooner.
// Memory is bounded (the oldest job goes first) and every secret is a SecureBuffer, wiped
// when its job ends in any way.

#include "crypto/SecureBuffer.h"
#include "crypto/X25519.h"

#include <QtCore/QByteArray>
#include <QtCore/QUuid>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace credvault::keyserver {

class DecapCache {
public:
    /// At most `maxEncs` secrets are held (or being computed) across all accounts.
    explicit DecapCache(std::size_t maxEncs = 100000);
    /// Stops the thread (within one batch) and wipes everything.
    ~DecapCache();
    DecapCache(const DecapCache &) = delete;
    DecapCache &operator=(const DecapCache &) = delete;

    /// Replaces the account's job, if any, with one for these concatenated encs (32 bytes
    /// each, at most maxEncs), kept for `lifetime` from now. Returns the job's number, for drop().
    std::uint64_t start(const QUuid &account, crypto::X25519PrivateKey key, QByteArray encs,
                        std::chrono::steady_clock::duration lifetime);
    /// Ends the account's job and wipes what it computed; with a number, only that job.
    void drop(const QUuid &account, std::uint64_t job = 0);

    /// What a job had computed when it was taken: the first `done` of its encs, their
    /// secrets (32 bytes each) and which of them failed (an all-zero DH).
    struct Taken {
        QByteArray encs;
        SecureBuffer secrets;
        std::vector<bool> failed;
        std::size_t done = 0;
    };
    /// Ends the account's job and hands over what it computed (nothing when there is no
    /// live job): one decapsulation takes it.
    Taken take(const QUuid &account);

    /// Secrets held now, computed or not (for tests and the bound).
    std::size_t heldEncs() const;
    /// How many of the account's live job are computed (0 without one).
    std::size_t computed(const QUuid &account) const;

private:
    struct Job;
    void run();
    std::vector<std::shared_ptr<Job>>::iterator removeLocked(std::vector<std::shared_ptr<Job>>::iterator it);

    const std::size_t m_maxEncs;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<std::shared_ptr<Job>> m_jobs; // oldest first
    std::uint64_t m_nextJob = 1;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace credvault::keyserver
