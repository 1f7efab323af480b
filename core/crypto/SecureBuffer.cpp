#include "crypto/SecureBuffer.h"

#include <openssl/crypto.h>

#include <array>
#include <bit>
#include <cstring>
#include <mutex>
#include <new>
#include <vector>

namespace credvault {

namespace {

std::once_flag g_arenaOnce;
bool g_arenaActive = false; // allocations may come from the arena
bool g_arenaLocked = false; // …and the arena is mlocked

// OpenSSL 3.0's secure heap takes one process-wide lock for every allocation, every free
// and every "is this from the arena" question; with two threads opening entries that lock
// halved throughput. So each thread keeps a few wiped arena blocks per size class and
// only goes to the arena when it has none. The arena's buddy allocator rounds to powers
// of two anyway; classes are 32 … 4096 bytes, larger buffers go to the arena directly.
constexpr std::size_t kMinClass = 32;
constexpr std::size_t kMaxClass = 4096;
constexpr std::size_t kClasses = 8; // 32, 64, …, 4096
constexpr std::size_t kCachedPerClass = 32;

std::size_t classIndex(std::size_t size)
{
    const std::size_t rounded = std::bit_ceil(std::max(size, kMinClass));
    return std::size_t(std::countr_zero(rounded) - std::countr_zero(kMinClass));
}

struct ThreadCache {
    std::array<std::vector<unsigned char *>, kClasses> free;
    ~ThreadCache()
    {
        for (auto &list : free)
            for (unsigned char *p : list)
                CRYPTO_secure_free(p, nullptr, 0); // already wiped when cached
    }
};

ThreadCache &threadCache()
{
    thread_local ThreadCache cache;
    return cache;
}

} // namespace

bool SecureMemory::initialize(std::size_t arenaBytes)
{
    std::call_once(g_arenaOnce, [arenaBytes] {
        // minsize 32: the smallest secret we hold is a 32-byte key. 2 means the arena is
        // there but mlock (or MADV_DONTDUMP) was not permitted.
        const int rc = CRYPTO_secure_malloc_init(arenaBytes, 32);
        g_arenaActive = rc != 0;
        g_arenaLocked = rc == 1;
    });
    return g_arenaLocked;
}

bool SecureMemory::isInitialized()
{
    return g_arenaLocked;
}

SecureBuffer::SecureBuffer(std::size_t size)
{
    if (size == 0)
        return;
    if (g_arenaActive) {
        const bool cacheable = size <= kMaxClass;
        const std::size_t capacity = cacheable ? std::bit_ceil(std::max(size, kMinClass)) : size;
        if (cacheable) {
            auto &list = threadCache().free[classIndex(size)];
            if (!list.empty()) {
                m_data = list.back();
                list.pop_back();
            }
        }
        // The arena answers NULL when it is full (OpenSSL 3.0 does not fall back by
        // itself); file/line 0 keeps that expected miss off the OpenSSL error queue.
        if (!m_data)
            m_data = static_cast<unsigned char *>(CRYPTO_secure_zalloc(capacity, nullptr, 0));
        if (m_data) {
            m_capacity = capacity;
            m_inArena = true;
        }
    }
    if (!m_data) {
        m_data = static_cast<unsigned char *>(OPENSSL_zalloc(size));
        m_capacity = size;
    }
    if (!m_data)
        throw std::bad_alloc();
    m_size = size;
}

SecureBuffer SecureBuffer::copyOf(QByteArrayView bytes)
{
    SecureBuffer b(std::size_t(bytes.size()));
    if (b.m_data)
        std::memcpy(b.m_data, bytes.data(), std::size_t(bytes.size()));
    return b;
}

SecureBuffer::SecureBuffer(SecureBuffer &&other) noexcept
    : m_data(other.m_data), m_size(other.m_size), m_capacity(other.m_capacity), m_inArena(other.m_inArena)
{
    other.m_data = nullptr;
    other.m_size = 0;
    other.m_capacity = 0;
    other.m_inArena = false;
}

SecureBuffer &SecureBuffer::operator=(SecureBuffer &&other) noexcept
{
    if (this != &other) {
        clear();
        m_data = other.m_data;
        m_size = other.m_size;
        m_capacity = other.m_capacity;
        m_inArena = other.m_inArena;
        other.m_data = nullptr;
        other.m_size = 0;
        other.m_capacity = 0;
        other.m_inArena = false;
    }
    return *this;
}

SecureBuffer::~SecureBuffer()
{
    clear();
}

void SecureBuffer::wipe() noexcept
{
    if (m_data)
        OPENSSL_cleanse(m_data, m_size);
}

void SecureBuffer::truncate(std::size_t size) noexcept
{
    if (size >= m_size)
        return;
    OPENSSL_cleanse(m_data + size, m_size - size);
    m_size = size;
}

void SecureBuffer::clear() noexcept
{
    if (m_data) {
        // Every byte ever handed out is wiped before the memory is reused or freed.
        OPENSSL_cleanse(m_data, m_capacity);
        if (m_inArena) {
            bool cached = false;
            if (m_capacity <= kMaxClass) {
                auto &list = threadCache().free[classIndex(m_capacity)];
                if (list.size() < kCachedPerClass) {
                    try {
                        list.push_back(m_data);
                        cached = true;
                    } catch (...) {
                    }
                }
            }
            if (!cached)
                CRYPTO_secure_free(m_data, nullptr, 0);
        } else {
            OPENSSL_free(m_data);
        }
    }
    m_data = nullptr;
    m_size = 0;
    m_capacity = 0;
    m_inArena = false;
}

bool SecureBuffer::isLocked() const noexcept
{
    return m_data && m_inArena && g_arenaLocked;
}

bool SecureBuffer::equals(const SecureBuffer &other) const noexcept
{
    return equals(other.view());
}

bool SecureBuffer::equals(QByteArrayView other) const noexcept
{
    if (std::size_t(other.size()) != m_size)
        return false;
    if (m_size == 0)
        return true;
    return CRYPTO_memcmp(m_data, other.data(), m_size) == 0;
}

} // namespace credvault
