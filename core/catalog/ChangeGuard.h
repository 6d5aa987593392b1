// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace sasquatch {

/// Marks a structural change (begin…end, signals included) of TopicTreeModel in flight. Views and the model tester
/// walk the model from inside those signals; fetching then would nest a second change.
class ChangeGuard
{
public:
    explicit ChangeGuard(int &depth) : m_depth(depth) { ++m_depth; }
    ~ChangeGuard() { --m_depth; }
    ChangeGuard(const ChangeGuard &) = delete;
    ChangeGuard &operator=(const ChangeGuard &) = delete;

private:
    int &m_depth;
};

} // namespace sasquatch
