// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/ContractSocket.h"

#include <cerrno>
#include <cstdio>
#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace sasquatch::test {

ContractSocket::ContractSocket(int fd, int wakeFd) : m_fd(fd), m_wakeFd(wakeFd) {}

ContractSocket::~ContractSocket()
{
    close();
}

bool ContractSocket::waitFor(short events, int timeoutMs)
{
    const int fd = m_fd.load();
    if (fd < 0)
        return false;
    pollfd fds[2] = {{fd, events, 0}, {m_wakeFd, POLLIN, 0}};
    for (;;) {
        const int rc = ::poll(fds, 2, timeoutMs);
        if (rc < 0 && errno == EINTR)
            continue;
        if (rc <= 0)
            return false;
        if (fds[1].revents != 0)
            return false; // the server is stopping
        return true;
    }
}

bool ContractSocket::readSome(QByteArray &buffer)
{
    if (!waitFor(POLLIN, -1))
        return false;
    char chunk[64 * 1024];
    for (;;) {
        const ssize_t n = ::recv(m_fd.load(), chunk, sizeof chunk, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        buffer.append(chunk, static_cast<qsizetype>(n));
        return true;
    }
}

bool ContractSocket::writeAll(const QByteArray &data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        if (!waitFor(POLLOUT, -1))
            return false;
        const ssize_t n = ::send(m_fd.load(), data.constData() + done,
                                 static_cast<std::size_t>(data.size() - done), MSG_NOSIGNAL);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

bool ContractSocket::writeChunk(const char *data, std::size_t size)
{
    char head[24];
    const int headSize = std::snprintf(head, sizeof head, "%zx\r\n", size);
    char tail[] = "\r\n";
    iovec parts[3] = {{head, std::size_t(headSize)}, {const_cast<char *>(data), size}, {tail, 2}};
    std::size_t first = 0; // parts before this one are sent
    while (first < 3) {
        if (!waitFor(POLLOUT, -1))
            return false;
        msghdr message{};
        message.msg_iov = parts + first;
        message.msg_iovlen = 3 - first;
        ssize_t n = ::sendmsg(m_fd.load(), &message, MSG_NOSIGNAL);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0)
            return false;
        // Skip what went out, possibly ending inside a part.
        while (first < 3 && std::size_t(n) >= parts[first].iov_len) {
            n -= ssize_t(parts[first].iov_len);
            ++first;
        }
        if (first < 3) {
            parts[first].iov_base = static_cast<char *>(parts[first].iov_base) + n;
            parts[first].iov_len -= std::size_t(n);
        }
    }
    return true;
}

bool ContractSocket::sleepFor(std::chrono::milliseconds duration)
{
    if (duration.count() <= 0)
        return true;
    pollfd wake{m_wakeFd, POLLIN, 0};
    const auto deadline = std::chrono::steady_clock::now() + duration;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            return true;
        const int rc = ::poll(&wake, 1, static_cast<int>(left.count()));
        if (rc > 0)
            return false;
    }
}

void ContractSocket::reset()
{
    const int fd = m_fd.exchange(-1);
    if (fd < 0)
        return;
    linger l{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    ::close(fd);
}

void ContractSocket::close()
{
    const int fd = m_fd.exchange(-1);
    if (fd >= 0)
        ::close(fd);
}

} // namespace sasquatch::test
