#pragma once

// SecureBuffer: the one type that holds secret bytes (private keys, shared secrets,
// codes, plaintext entries). Memory comes from OpenSSL's secure heap when
// SecureMemory::initialize() has set one up (mlocked, excluded from core dumps, guard
// pages) — through a small per-thread cache of wiped blocks, because the arena has one
// process-wide lock — and otherwise, or when the arena is full, from the normal heap.
// Either way the bytes are wiped with OPENSSL_cleanse before the memory is reused or
// released. Move-only: a secret is never copied by accident.

#include <QtCore/QByteArrayView>

#include <cstddef>
#include <span>

namespace credvault {

class SecureMemory {
public:
    /// Sets up the process-wide locked arena (power of two bytes). Safe to call more
    /// than once; only the first call counts. Returns whether the arena is in use
    /// (false where mlock is not permitted: buffers still get wiped).
    static bool initialize(std::size_t arenaBytes = std::size_t(1) << 22);
    static bool isInitialized();
};

class SecureBuffer {
public:
    SecureBuffer() noexcept = default;
    /// `size` zero bytes.
    explicit SecureBuffer(std::size_t size);
    /// A copy of `bytes`. The caller remains responsible for wiping its own copy.
    static SecureBuffer copyOf(QByteArrayView bytes);

    SecureBuffer(SecureBuffer &&other) noexcept;
    SecureBuffer &operator=(SecureBuffer &&other) noexcept;
    SecureBuffer(const SecureBuffer &) = delete;
    SecureBuffer &operator=(const SecureBuffer &) = delete;
    ~SecureBuffer();

    unsigned char *data() noexcept { return m_data; }
    const unsigned char *data() const noexcept { return m_data; }
    std::size_t size() const noexcept { return m_size; }
    bool isEmpty() const noexcept { return m_size == 0; }
    std::span<unsigned char> span() noexcept { return {m_data, m_size}; }
    std::span<const unsigned char> span() const noexcept { return {m_data, m_size}; }
    /// A view for APIs that take bytes; it must not outlive the buffer nor be copied
    /// into a QByteArray that lives on.
    QByteArrayView view() const noexcept
    {
        return QByteArrayView(reinterpret_cast<const char *>(m_data), qsizetype(m_size));
    }

    /// Zeroes the bytes and keeps the size.
    void wipe() noexcept;
    /// Shrinks to the first `size` bytes in place (no copy); the rest is zeroed.
    void truncate(std::size_t size) noexcept;
    /// Zeroes and releases the memory; the buffer becomes empty.
    void clear() noexcept;
    /// True when the bytes sit in the locked secure arena.
    bool isLocked() const noexcept;

    /// Constant-time equality of contents (sizes are not secret).
    bool equals(const SecureBuffer &other) const noexcept;
    bool equals(QByteArrayView other) const noexcept;

private:
    unsigned char *m_data = nullptr;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0; // what was allocated: wiped and freed in full
    bool m_inArena = false;     // from OpenSSL's secure arena (possibly via the thread cache)
};

} // namespace credvault
