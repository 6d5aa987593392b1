// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/BodyPipe.h"

#include <algorithm>

namespace sasquatch {

std::string BodyPipe::spareBlock()
{
    if (m_spare.empty())
        return {};
    std::string block = std::move(m_spare.back());
    m_spare.pop_back();
    block.clear();
    return block;
}

bool BodyPipe::write(const char *data, std::size_t size)
{
    std::unique_lock lock(m_mutex);
    while (size > 0) {
        if (m_stopped)
            return false;
        if (m_filling.size() == kBlockBytes) {
            if (m_ready.size() >= kMaxBlocks) {
                m_writerWaiting = true;
                m_changed.wait(lock, [this] { return m_stopped || m_ready.size() < kMaxBlocks; });
                m_writerWaiting = false;
                if (m_stopped)
                    return false;
            }
            // The reader may have taken the block meanwhile.
            if (m_filling.size() == kBlockBytes) {
                m_ready.push_back(std::move(m_filling));
                m_filling = spareBlock();
            }
        }
        if (m_filling.capacity() < kBlockBytes)
            m_filling.reserve(kBlockBytes);
        const std::size_t n = std::min(size, kBlockBytes - m_filling.size());
        m_filling.append(data, n);
        data += n;
        size -= n;
    }
    if (m_readerWaiting) {
        lock.unlock();
        m_changed.notify_all();
    }
    return true;
}

void BodyPipe::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_changed.notify_all();
}

bool BodyPipe::read(std::string &block)
{
    std::unique_lock lock(m_mutex);
    if (block.capacity() > 0)
        m_spare.push_back(std::move(block));
    block = {};
    m_readerWaiting = true;
    m_changed.wait(lock, [this] { return m_stopped || m_closed || !m_ready.empty() || !m_filling.empty(); });
    m_readerWaiting = false;
    if (m_stopped)
        return false;
    if (!m_ready.empty()) {
        block = std::move(m_ready.front());
        m_ready.pop_front();
    } else if (!m_filling.empty()) {
        // Nothing full yet: take what has arrived rather than wait for more.
        block = std::move(m_filling);
        m_filling = spareBlock();
    } else {
        return false; // closed and all read
    }
    if (m_writerWaiting) {
        lock.unlock();
        m_changed.notify_all();
    }
    return true;
}

void BodyPipe::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
    }
    m_changed.notify_all();
}

} // namespace sasquatch
