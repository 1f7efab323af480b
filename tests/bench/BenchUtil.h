#pragma once

// Measuring helpers for credvault-bench: run a per-thread operation for a fixed time on
// N threads and report operations per second; print "name: value" lines.

#include <QtCore/QFile>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace credvault::bench {

/// Something that runs one operation per call on one thread, set up before the clock starts.
struct Worker {
    virtual ~Worker() = default;
    virtual void runOnce() = 0;
};

/// Runs `make()`'s workers on `threads` threads for `seconds`; returns total operations per second.
inline double opsPerSecond(const std::function<std::unique_ptr<Worker>()> &make, int threads, double seconds)
{
    std::vector<std::unique_ptr<Worker>> workers;
    for (int i = 0; i < threads; ++i)
        workers.push_back(make());
    std::atomic<bool> go{false};
    std::atomic<bool> stop{false};
    std::vector<unsigned long long> counts(std::size_t(threads), 0);
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i) {
        pool.emplace_back([&, i] {
            while (!go.load(std::memory_order_acquire))
                std::this_thread::yield();
            unsigned long long n = 0;
            while (!stop.load(std::memory_order_relaxed)) {
                for (int k = 0; k < 16; ++k)
                    workers[std::size_t(i)]->runOnce();
                n += 16;
            }
            counts[std::size_t(i)] = n;
        });
    }
    const auto start = std::chrono::steady_clock::now();
    go.store(true, std::memory_order_release);
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop.store(true);
    for (auto &t : pool)
        t.join();
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    unsigned long long total = 0;
    for (auto c : counts)
        total += c;
    return double(total) / elapsed;
}

/// A process's resident set size in MB (this process's when `pid` is 0), from
/// /proc/PID/status; -1 if it cannot be read.
inline double residentMb(long long pid = 0)
{
    QFile f(pid > 0 ? QStringLiteral("/proc/%1/status").arg(pid) : QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024; // kB
    }
    return -1;
}

inline void print(const char *name, double value)
{
    if (value >= 100)
        std::printf("%s: %.0f\n", name, value);
    else
        std::printf("%s: %.3f\n", name, value);
    std::fflush(stdout);
}

} // namespace credvault::bench
