// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>

namespace sasquatch {

/// A time view [start, stop) in UTC ns.
struct TimeView
{
    std::int64_t startNs = 0;
    std::int64_t stopNs = 0;

    std::int64_t spanNs() const { return stopNs - startNs; }
    bool operator==(const TimeView &) const = default;
};

/// The back/forward list of a plot's time views, like a browser's: visit() records a new view
/// and drops the views ahead; back() and forward() move along the list. At most kMaxEntries
/// views are kept (the oldest go first).
class ZoomHistory
{
public:
    static constexpr std::size_t kMaxEntries = 200;

    /// Forgets everything; `view` becomes the only entry.
    void reset(TimeView view);
    /// Moves to `view` (no-op when it is the current one).
    void visit(TimeView view);
    bool canGoBack() const { return m_index > 0; }
    bool canGoForward() const { return m_index + 1 < m_views.size(); }
    /// The previous view (the current one when there is none).
    TimeView back();
    TimeView forward();
    TimeView current() const { return m_views.empty() ? TimeView{} : m_views[m_index]; }
    std::size_t size() const { return m_views.size(); }

private:
    std::deque<TimeView> m_views;
    std::size_t m_index = 0;
};

} // namespace sasquatch
