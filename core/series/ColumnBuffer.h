// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdlib>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <type_traits>

namespace sasquatch {

/// A contiguous array of trivially copyable values with free room at BOTH ends: the storage
/// of the series store's time and value columns and of the pyramid levels.
///
/// Why not std::vector: a live series drops its oldest samples (popFront, O(1)), history is
/// backfilled before the data (prepend, amortized O(k) thanks to front room), and a re-queried
/// range is spliced in by moving whichever side of it is shorter. The values stay contiguous,
/// so readers get plain pointers and spans.
///
/// Storage comes from malloc/realloc (T is trivially copyable): room is never initialised, so
/// the pages of spare capacity stay out of the resident set until used, and growing a large
/// buffer is a realloc, which glibc turns into mremap (no copy, and no freed block left
/// behind in the heap to inflate the resident set).
template <class T>
class ColumnBuffer
{
    static_assert(std::is_trivially_copyable_v<T>, "ColumnBuffer moves values with memmove");

public:
    ColumnBuffer() = default;
    ColumnBuffer(const ColumnBuffer &other) { *this = other; }
    ColumnBuffer(ColumnBuffer &&other) noexcept { swap(other); }
    ~ColumnBuffer() = default;
    ColumnBuffer &operator=(const ColumnBuffer &other)
    {
        if (this == &other)
            return *this;
        // A copy gets exactly its size: copies are made when a shared time column is split,
        // and a tight copy keeps the store's accounting honest.
        m_storage.reset(other.m_size ? allocate(other.m_size) : nullptr);
        m_capacity = other.m_size;
        m_begin = 0;
        m_size = other.m_size;
        if (m_size)
            std::memcpy(m_storage.get(), other.data(), m_size * sizeof(T));
        return *this;
    }
    ColumnBuffer &operator=(ColumnBuffer &&other) noexcept
    {
        ColumnBuffer moved(std::move(other));
        swap(moved);
        return *this;
    }

    void swap(ColumnBuffer &other) noexcept
    {
        std::swap(m_storage, other.m_storage);
        std::swap(m_capacity, other.m_capacity);
        std::swap(m_begin, other.m_begin);
        std::swap(m_size, other.m_size);
    }

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    /// Elements allocated (used + free at both ends).
    std::size_t capacity() const { return m_capacity; }
    std::size_t usedBytes() const { return m_size * sizeof(T); }
    std::size_t reservedBytes() const { return m_capacity * sizeof(T); }

    T *data() { return m_storage.get() + m_begin; }
    const T *data() const { return m_storage.get() + m_begin; }
    T &operator[](std::size_t i)
    {
        assert(i < m_size);
        return data()[i];
    }
    const T &operator[](std::size_t i) const
    {
        assert(i < m_size);
        return data()[i];
    }
    const T &front() const { return (*this)[0]; }
    const T &back() const { return (*this)[m_size - 1]; }
    std::span<const T> span() const { return {data(), m_size}; }
    std::span<T> span() { return {data(), m_size}; }

    void clear()
    {
        m_begin = m_capacity / 2; // room for either direction after a clear
        m_size = 0;
    }
    /// Frees everything.
    void release()
    {
        m_storage.reset();
        m_capacity = m_begin = m_size = 0;
    }
    /// Makes sure `total` elements fit without another allocation (room added at the back).
    void reserve(std::size_t total)
    {
        if (total > m_capacity - m_begin)
            reallocate(m_begin + total, m_begin);
    }
    /// Gives back all free room.
    void shrinkToFit()
    {
        if (m_capacity != m_size)
            reallocate(m_size, 0);
    }

    /// Appends `n` elements left unset; returns where they start.
    T *growBack(std::size_t n)
    {
        if (n > m_capacity - m_begin - m_size) {
            if (m_begin >= m_size + n && m_begin > m_capacity / 2) {
                // Mostly empty at the front (a ring buffer after many popFront): slide down
                // instead of growing, amortized O(1) because at least half the room is gained.
                std::memmove(m_storage.get(), data(), m_size * sizeof(T));
                m_begin = 0;
            } else {
                reallocate(m_begin + grown(m_size + n), m_begin);
            }
        }
        T *out = data() + m_size;
        m_size += n;
        return out;
    }
    void append(const T *values, std::size_t n)
    {
        if (n)
            std::memcpy(growBack(n), values, n * sizeof(T));
    }
    void append(std::span<const T> values) { append(values.data(), values.size()); }
    void pushBack(const T &value) { *growBack(1) = value; }

    /// Prepends `n` elements left unset; returns where they start (the new data()).
    T *growFront(std::size_t n)
    {
        if (n > m_begin) {
            const std::size_t total = grown(m_size + n);
            // All new room goes in front: the next prepend is likely to follow.
            reallocate(total, total - m_size);
            assert(m_begin >= n);
        }
        m_begin -= n;
        m_size += n;
        return data();
    }

    /// Drops the first `n` elements (clamped to size()).
    void popFront(std::size_t n)
    {
        n = std::min(n, m_size);
        m_begin += n;
        m_size -= n;
        if (m_size == 0)
            clear();
    }
    /// Drops the last `n` elements (clamped to size()).
    void popBack(std::size_t n)
    {
        n = std::min(n, m_size);
        m_size -= n;
        if (m_size == 0)
            clear();
    }

    /// Replaces elements [pos, pos + count) with `n` elements left unset and returns where
    /// they start. Moves the shorter of the two sides around the gap, when the room allows.
    T *splice(std::size_t pos, std::size_t count, std::size_t n)
    {
        assert(pos + count <= m_size);
        const std::size_t prefix = pos;
        const std::size_t suffix = m_size - pos - count;
        if (n == count)
            return data() + pos;
        if (n < count) {
            const std::size_t shrink = count - n;
            if (prefix <= suffix) {
                std::memmove(data() + shrink, data(), prefix * sizeof(T));
                m_begin += shrink;
            } else {
                std::memmove(data() + pos + n, data() + pos + count, suffix * sizeof(T));
            }
            m_size -= shrink;
            if (m_size == 0)
                clear();
            return data() + pos;
        }
        const std::size_t widen = n - count;
        if (suffix == 0) {
            // At the end (a live append, or the tail replaced): growBack's room policy, which
            // slides a ring buffer down only when at least half of it is free. Moving the
            // whole column toward the free front instead would do it again on every append
            // once the window is full.
            m_size -= count;
            growBack(n);
            return data() + pos;
        }
        const std::size_t backRoom = m_capacity - m_begin - m_size;
        const bool frontFits = m_begin >= widen;
        const bool backFits = backRoom >= widen;
        if (frontFits && (prefix <= suffix || !backFits)) {
            std::memmove(data() - widen, data(), prefix * sizeof(T));
            m_begin -= widen;
        } else if (backFits) {
            std::memmove(data() + pos + n, data() + pos + count, suffix * sizeof(T));
        } else {
            const std::size_t total = grown(m_size + widen);
            // Free room goes to the side that moved less, where the next splice likely lands.
            const std::size_t front = prefix <= suffix ? total - m_size - widen : 0;
            reallocateWithGap(total, front, pos, count, n);
            m_size += widen;
            return data() + pos;
        }
        m_size += widen;
        return data() + pos;
    }

private:
    // Geometric growth keeps appends amortized O(1); untouched room costs address space, not
    // RAM. The factor (1.5 to 2.5) differs from buffer to buffer: the series of a live topic
    // grow in lockstep, and with one factor all of them would reallocate on the same append
    // (50 topics x 812 fields at 512 samples: 166 MB copied at once, a 300 ms stall).
    std::size_t grown(std::size_t needed) const
    {
        const auto spread = static_cast<std::size_t>((reinterpret_cast<std::uintptr_t>(this) >> 4) * 0x9E3779B97F4A7C15ULL >> 58);
        const std::size_t next = m_capacity + m_capacity / 2 + m_capacity * spread / 64; // 1.5x .. 2.48x
        return std::max({needed, next, std::size_t{16}});
    }

    struct Free
    {
        void operator()(T *p) const { std::free(p); }
    };

    static T *allocate(std::size_t n)
    {
        auto *p = static_cast<T *>(std::malloc(n * sizeof(T)));
        if (!p)
            throw std::bad_alloc();
        return p;
    }

    // Storage of `total` elements with the data placed `front` elements in, by realloc: the
    // data is moved within the block before shrinking or after growing.
    void reallocate(std::size_t total, std::size_t front)
    {
        assert(total >= front + m_size);
        if (front < m_begin && m_size)
            std::memmove(m_storage.get() + front, data(), m_size * sizeof(T));
        const std::size_t from = front < m_begin ? front : m_begin;
        T *p = static_cast<T *>(std::realloc(m_storage.get(), std::max<std::size_t>(total, 1) * sizeof(T)));
        if (!p)
            throw std::bad_alloc();
        (void)m_storage.release();
        m_storage.reset(p);
        if (front > from && m_size)
            std::memmove(p + front, p + from, m_size * sizeof(T));
        m_capacity = total;
        m_begin = front;
    }

    // New storage with [pos, pos + count) replaced by an unset gap of `n` elements.
    void reallocateWithGap(std::size_t total, std::size_t front, std::size_t pos, std::size_t count, std::size_t n)
    {
        std::unique_ptr<T, Free> storage(allocate(total));
        T *out = storage.get() + front;
        if (pos)
            std::memcpy(out, data(), pos * sizeof(T));
        const std::size_t suffix = m_size - pos - count;
        if (suffix)
            std::memcpy(out + pos + n, data() + pos + count, suffix * sizeof(T));
        m_storage = std::move(storage);
        m_capacity = total;
        m_begin = front;
    }

    std::unique_ptr<T, Free> m_storage;
    std::size_t m_capacity = 0;
    std::size_t m_begin = 0;
    std::size_t m_size = 0;
};

} // namespace sasquatch
