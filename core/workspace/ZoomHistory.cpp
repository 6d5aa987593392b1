// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workspace/ZoomHistory.h"

namespace sasquatch {

void ZoomHistory::reset(TimeView view)
{
    m_views.assign(1, view);
    m_index = 0;
}

void ZoomHistory::visit(TimeView view)
{
    if (!m_views.empty() && m_views[m_index] == view)
        return;
    if (!m_views.empty())
        m_views.erase(m_views.begin() + static_cast<std::ptrdiff_t>(m_index) + 1, m_views.end());
    m_views.push_back(view);
    while (m_views.size() > kMaxEntries)
        m_views.pop_front();
    m_index = m_views.size() - 1;
}

TimeView ZoomHistory::back()
{
    if (canGoBack())
        --m_index;
    return current();
}

TimeView ZoomHistory::forward()
{
    if (canGoForward())
        ++m_index;
    return current();
}

} // namespace sasquatch
