#include "crypto/SecureBuffer.h"

#include <openssl/crypto.h>

#include <cstring>
#include <mutex>
#include <new>

namespace credvault {

namespace {
std::once_flag g_arenaOnce;
bool g_arenaActive = false;
} // namespace

bool SecureMemory::initialize(std::size_t arenaBytes)
{
    std::call_once(g_arenaOnce, [arenaBytes] {
        // minsize 32: the smallest secret we hold is a 32-byte key.
        g_arenaActive = CRYPTO_secure_malloc_init(arenaBytes, 32) == 1;
    });
    return g_arenaActive;
}

bool SecureMemory::isInitialized()
{
    return CRYPTO_secure_malloc_initialized() == 1;
}

SecureBuffer::SecureBuffer(std::size_t size)
{
    if (size == 0)
        return;
    // The arena answers NULL when it is full (OpenSSL 3.0 does not fall back by itself);
    // file/line 0 keeps that expected miss off the OpenSSL error queue.
    m_data = static_cast<unsigned char *>(CRYPTO_secure_zalloc(size, nullptr, 0));
    if (!m_data)
        m_data = static_cast<unsigned char *>(OPENSSL_zalloc(size));
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

SecureBuffer::SecureBuffer(SecureBuffer &&other) noexcept : m_data(other.m_data), m_size(other.m_size)
{
    other.m_data = nullptr;
    other.m_size = 0;
}

SecureBuffer &SecureBuffer::operator=(SecureBuffer &&other) noexcept
{
    if (this != &other) {
        clear();
        m_data = other.m_data;
        m_size = other.m_size;
        other.m_data = nullptr;
        other.m_size = 0;
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

void SecureBuffer::clear() noexcept
{
    if (m_data) {
        // Wipes before freeing, for arena and normal-heap allocations alike.
        CRYPTO_secure_clear_free(m_data, m_size, nullptr, 0);
    }
    m_data = nullptr;
    m_size = 0;
}

bool SecureBuffer::isLocked() const noexcept
{
    return m_data && CRYPTO_secure_allocated(m_data) == 1;
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
