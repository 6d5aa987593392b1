// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/RawHttpClient.h"

#include <QByteArrayList>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace sasquatch::test {

QByteArray RawHttpResponse::header(const QByteArray &lowerName) const
{
    for (const auto &h : headers)
        if (h.first == lowerName)
            return h.second;
    return {};
}

RawHttpClient::RawHttpClient(quint16 port, bool ipv6)
{
    m_fd = ::socket(ipv6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        return;
    int rc = -1;
    if (ipv6) {
        sockaddr_in6 a{};
        a.sin6_family = AF_INET6;
        a.sin6_addr = in6addr_loopback;
        a.sin6_port = htons(port);
        rc = ::connect(m_fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    } else {
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(port);
        rc = ::connect(m_fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    }
    m_connected = rc == 0;
}

RawHttpClient::~RawHttpClient()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool RawHttpClient::send(const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::send(m_fd, bytes.constData() + done, std::size_t(bytes.size() - done), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

bool RawHttpClient::fill(int timeoutMs)
{
    pollfd p{m_fd, POLLIN, 0};
    if (::poll(&p, 1, timeoutMs) <= 0) {
        m_timedOut = true;
        return false;
    }
    char chunk[65536];
    const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
    if (n <= 0) {
        m_lastErrno = n < 0 ? errno : 0;
        return false;
    }
    m_buffer.append(chunk, qsizetype(n));
    return true;
}

RawHttpResponse RawHttpClient::readResponse(bool headRequest, int timeoutMs)
{
    RawHttpResponse r;
    qsizetype end = -1;
    while ((end = m_buffer.indexOf("\r\n\r\n")) < 0)
        if (!fill(timeoutMs))
            return r;
    r.head = m_buffer.left(end);
    m_buffer.remove(0, end + 4);
    const QList<QByteArray> lines = r.head.split('\n');
    r.status = lines[0].split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray l = lines[i].trimmed();
        const qsizetype c = l.indexOf(':');
        r.headers.emplace_back(l.left(c).trimmed().toLower(), l.mid(c + 1).trimmed());
    }
    if (headRequest || r.status < 200 || r.status == 204 || r.status == 304) {
        r.complete = true;
        return r;
    }
    if (r.header("transfer-encoding") == "chunked") {
        for (;;) {
            qsizetype eol;
            while ((eol = m_buffer.indexOf("\r\n")) < 0)
                if (!fill(timeoutMs))
                    return r;
            const qsizetype size = m_buffer.left(eol).toLongLong(nullptr, 16);
            while (m_buffer.size() < eol + 2 + size + 2)
                if (!fill(timeoutMs))
                    return r;
            r.wireBody += m_buffer.left(eol + 2 + size + 2);
            r.body += m_buffer.mid(eol + 2, size);
            m_buffer.remove(0, eol + 2 + size + 2);
            if (size == 0) {
                r.complete = true;
                return r;
            }
        }
    }
    if (!r.header("content-length").isEmpty()) {
        const qsizetype length = r.header("content-length").toLongLong();
        while (m_buffer.size() < length)
            if (!fill(timeoutMs))
                break;
        r.body = m_buffer.left(length);
        r.wireBody = r.body;
        m_buffer.remove(0, r.body.size());
        r.complete = r.body.size() == length;
        return r;
    }
    while (fill(timeoutMs)) {
    }
    r.body = r.wireBody = m_buffer;
    m_buffer.clear();
    r.complete = !m_timedOut;
    return r;
}

bool RawHttpClient::closedByPeer(int timeoutMs)
{
    while (fill(timeoutMs)) {
    }
    return !m_timedOut;
}

} // namespace sasquatch::test
