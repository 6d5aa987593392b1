// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <atomic>
#include <chrono>
#include <cstddef>

namespace sasquatch::test {

/// A connected TCP socket for ContractHttpServer's connection threads: blocking reads and
/// writes and sleeps that all return early once the server's stop pipe becomes readable.
class ContractSocket
{
public:
    /// Takes ownership of `fd`; `wakeFd` is the read end of the server's stop pipe.
    ContractSocket(int fd, int wakeFd);
    ~ContractSocket();
    ContractSocket(const ContractSocket &) = delete;
    ContractSocket &operator=(const ContractSocket &) = delete;

    /// Appends what is available (waiting for at least one byte) to `buffer`. False when
    /// the peer closed, on an error, or when the server stops.
    bool readSome(QByteArray &buffer);
    /// Writes all of `data`; false when the peer is gone or the server stops.
    bool writeAll(const QByteArray &data);
    /// Writes `data` as one HTTP/1.1 chunk (size line, data, CRLF) with one gathering write,
    /// so a large produced body goes out without being copied into a framed buffer first.
    /// The bytes on the wire are those of writeAll(size line + data + CRLF).
    bool writeChunk(const char *data, std::size_t size);
    /// Sleeps `duration`; false when the server stops meanwhile.
    bool sleepFor(std::chrono::milliseconds duration);
    /// Closes with an RST instead of a FIN (SO_LINGER 0), as a crashed proxy would.
    void reset();
    /// Sends FIN and closes.
    void close();

private:
    bool waitFor(short events, int timeoutMs);

    std::atomic<int> m_fd;
    int m_wakeFd;
};

} // namespace sasquatch::test
