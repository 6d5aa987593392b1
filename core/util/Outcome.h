// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace sasquatch {

/// What went wrong, in words for the user: HTTP status and server text, or transport error,
/// with the URL (credentials removed). `cancelled` distinguishes a user's cancel from a failure.
struct Failure
{
    QString message;
    int httpStatus = 0;
    bool cancelled = false;
};

/// A value or a Failure (std::expected is C++23; Debian 12's GCC 12 lacks it).
template <class T>
class Outcome
{
public:
    Outcome(T value) : m_value(std::move(value)) {}
    Outcome(Failure failure) : m_failure(std::move(failure)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const T &operator*() const { return *m_value; }
    const Failure &failure() const { return m_failure; }
    const QString &error() const { return m_failure.message; }

private:
    std::optional<T> m_value;
    Failure m_failure;
};

/// Outcome of an operation with no value.
struct Done
{
};

} // namespace sasquatch
