// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>

namespace sasquatch {

/// Hands response body bytes from the thread that receives them (the HTTP transport's body
/// sink) to the thread that parses them, so that receiving and parsing overlap on two cores.
/// The parser takes everything that arrived since its last take, so a slow stream is parsed
/// as soon as its bytes come and a fast one in large runs. At most kMaxPendingBytes wait; past
/// that the receiver blocks (TCP then slows the server down) instead of buffering the response.
class BodyPipe
{
public:
    static constexpr std::size_t kMaxPendingBytes = std::size_t{8} << 20;

    /// Receiver: appends bytes; blocks while the pipe is full. False once stop() was called,
    /// which a BodySink returns to end the transfer.
    bool push(const char *data, std::size_t size);
    /// Receiver: no more bytes will come.
    void close();

    /// Parser: waits for bytes and moves all of them into `out` (replacing its content).
    /// False when the pipe is closed and empty.
    bool take(std::string &out);
    /// Parser: wants no more bytes; the receiver's next push() fails. Wakes a blocked push().
    void stop();

private:
    std::mutex m_mutex;
    std::condition_variable m_dataReady;
    std::condition_variable m_spaceFree;
    std::string m_pending;
    bool m_closed = false;
    bool m_stopped = false;
};

} // namespace sasquatch
