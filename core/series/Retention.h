// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace sasquatch {

/// How long a SeriesStore keeps samples: everything (query results), or a sliding window for
/// live data (a ring buffer per series: after every change a series drops its samples older
/// than its newest time minus the window).
class Retention
{
public:
    static constexpr std::int64_t kDefaultWindowNs = std::int64_t{10} * 60 * 1'000'000'000; ///< 10 minutes

    /// Keeps everything.
    Retention() = default;
    static Retention unbounded() { return Retention(0); }
    /// Keeps samples with time >= newest - windowNs; windowNs < 1 counts as 1.
    static Retention window(std::int64_t windowNs = kDefaultWindowNs) { return Retention(windowNs < 1 ? 1 : windowNs); }

    bool isWindow() const { return m_windowNs > 0; }
    /// The window in ns; 0 when unbounded.
    std::int64_t windowNs() const { return m_windowNs; }
    bool operator==(const Retention &) const = default;

private:
    explicit Retention(std::int64_t windowNs) : m_windowNs(windowNs) {}
    std::int64_t m_windowNs = 0;
};

} // namespace sasquatch
