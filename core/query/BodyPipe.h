// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace sasquatch {

/// Carries a response body from the thread that receives it to the thread that parses it, in
/// blocks, so that receiving (libcurl, the kernel's copies) and parsing run at the same time on
/// two cores. QueryRunner receives on a helper thread and parses on the caller's, so its sink
/// is still called on the thread that runs the query.
///
/// Blocks fill up to kBlockBytes while the parser is busy; a parser that waits for data takes
/// what has arrived at once, so a slow server's rows are not held back. At most kMaxBlocks
/// full blocks wait to be parsed (the writer then waits: memory stays bounded); blocks come
/// back to the writer through read(), so their memory is reused rather than allocated and
/// faulted in again for every block.
///
/// One writer thread (write, close) and one reader thread (read, stop).
class BodyPipe
{
public:
    static constexpr std::size_t kBlockBytes = std::size_t{512} << 10;
    static constexpr std::size_t kMaxBlocks = 8;

    BodyPipe() = default;
    BodyPipe(const BodyPipe &) = delete;
    BodyPipe &operator=(const BodyPipe &) = delete;

    /// Writer: appends bytes; waits while kMaxBlocks blocks are unread. False once the reader
    /// called stop() (the transfer should end then).
    bool write(const char *data, std::size_t size);
    /// Writer: nothing more comes; hands over the last bytes.
    void close();

    /// Reader: replaces `block` by the next bytes, waiting for them (the old contents go back
    /// to the writer for reuse). False when the writer closed and everything was read, or
    /// after stop().
    bool read(std::string &block);
    /// Reader: no more reads. write() returns false from now on and never waits again.
    void stop();

private:
    std::string spareBlock();

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::string> m_ready;  // full blocks, not yet read
    std::string m_filling;            // the block being written
    std::vector<std::string> m_spare; // read, for the writer to fill again
    bool m_closed = false;
    bool m_stopped = false;
    bool m_readerWaiting = false;
    bool m_writerWaiting = false;
};

} // namespace sasquatch
