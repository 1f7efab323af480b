#pragma once

// Result<T, E>: the value of an operation that can fail in expected ways, or the error
// saying why. No exceptions cross library boundaries; callers must look (nodiscard).
//
//     Result<Config> r = Config::load(path);
//     if (!r) return fail(r.error());
//     use(*r);

#include "common/Error.h"

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

namespace credvault {

template<typename E> class Unexpected {
public:
    explicit Unexpected(E e) : m_error(std::move(e)) {}
    E &error() & { return m_error; }
    E &&error() && { return std::move(m_error); }

private:
    E m_error;
};

/// Shorthand for the common case: `return fail(ErrorKind::Io, tr("…"));`
inline Unexpected<Error> fail(ErrorKind kind, QString message, QString code = {})
{
    return Unexpected<Error>(Error(kind, std::move(message), std::move(code)));
}
inline Unexpected<Error> fail(Error error)
{
    return Unexpected<Error>(std::move(error));
}

template<typename T, typename E = Error> class [[nodiscard]] Result {
public:
    using value_type = T;
    using error_type = E;

    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    template<typename G>
    requires std::is_constructible_v<E, G> Result(Unexpected<G> e)
        : m_v(std::in_place_index<1>, E(std::move(e).error()))
    {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() &
    {
        assert(ok());
        return std::get<0>(m_v);
    }
    const T &value() const &
    {
        assert(ok());
        return std::get<0>(m_v);
    }
    T &&value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_v));
    }
    T valueOr(T fallback) const & { return ok() ? std::get<0>(m_v) : std::move(fallback); }

    const E &error() const
    {
        assert(!ok());
        return std::get<1>(m_v);
    }

    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T &&operator*() && { return std::move(*this).value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

private:
    std::variant<T, E> m_v;
};

template<typename E> class [[nodiscard]] Result<void, E> {
public:
    Result() = default;
    template<typename G>
    requires std::is_constructible_v<E, G> Result(Unexpected<G> e) : m_error(E(std::move(e).error())), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const E &error() const
    {
        assert(!m_ok);
        return m_error;
    }

private:
    E m_error{};
    bool m_ok = true;
};

} // namespace credvault
