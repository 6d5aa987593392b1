// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/BodyPipe.h"

namespace sasquatch {

bool BodyPipe::push(const char *data, std::size_t size)
{
    std::unique_lock lock(m_mutex);
    m_spaceFree.wait(lock, [this] { return m_stopped || m_pending.size() < kMaxPendingBytes; });
    if (m_stopped)
        return false;
    const bool wasEmpty = m_pending.empty();
    m_pending.append(data, size);
    lock.unlock();
    // A parser busy with the previous run does not need waking for every chunk.
    if (wasEmpty)
        m_dataReady.notify_one();
    return true;
}

void BodyPipe::close()
{
    {
        const std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_dataReady.notify_one();
}

bool BodyPipe::take(std::string &out)
{
    out.clear();
    std::unique_lock lock(m_mutex);
    m_dataReady.wait(lock, [this] { return !m_pending.empty() || m_closed; });
    if (m_pending.empty())
        return false;
    // Swap, so that both strings keep their capacity and no byte is copied twice.
    out.swap(m_pending);
    lock.unlock();
    m_spaceFree.notify_one();
    return true;
}

void BodyPipe::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_pending.clear();
    }
    m_spaceFree.notify_one();
}

} // namespace sasquatch
