// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/LoopbackPort.h"

#include <QString>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace sasquatch {

namespace {

sockaddr_in loopback(quint16 port)
{
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    return addr;
}

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

Outcome<quint16> LoopbackPort::pickFree()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return Failure{QStringLiteral("cannot open a socket to find a free port: %1").arg(errnoText())};
    sockaddr_in addr = loopback(0);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        const QString why = errnoText();
        ::close(fd);
        return Failure{QStringLiteral("cannot bind 127.0.0.1 to find a free port: %1").arg(why)};
    }
    socklen_t len = sizeof addr;
    const int rc = ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    const QString why = rc != 0 ? errnoText() : QString();
    ::close(fd);
    if (rc != 0)
        return Failure{QStringLiteral("cannot read the port the kernel picked: %1").arg(why)};
    return quint16(ntohs(addr.sin_port));
}

bool LoopbackPort::isListening(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    sockaddr_in addr = loopback(port);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

} // namespace sasquatch
