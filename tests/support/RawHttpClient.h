// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/HttpTypes.h"

#include <QByteArray>
#include <QString>

namespace sasquatch::test {

/// One response as RawHttpClient read it.
struct RawHttpResponse
{
    int status = 0;       ///< 0 when no status line arrived
    QByteArray head;      ///< status line and headers as received
    HttpHeaders headers;  ///< names lower-cased
    QByteArray body;      ///< chunk framing removed, content encoding untouched
    QByteArray wireBody;  ///< the body bytes exactly as received
    bool complete = false; ///< the body ended where its framing said it would

    QByteArray header(const QByteArray &lowerName) const;
};

/// A deliberately dumb HTTP/1.1 client for testing servers byte for byte: it sends exactly
/// what it is given and reads responses without any tolerance or decoding, so framing
/// mistakes (a wrong Content-Length, a missing last chunk, an early close) stay visible.
/// Connects to loopback only.
class RawHttpClient
{
public:
    /// Connects to 127.0.0.1 (or ::1) on `port`; check connected().
    explicit RawHttpClient(quint16 port, bool ipv6 = false);
    template <class Server>
    explicit RawHttpClient(const Server &server, bool ipv6 = false) : RawHttpClient(server.port(), ipv6)
    {
    }
    ~RawHttpClient();
    RawHttpClient(const RawHttpClient &) = delete;
    RawHttpClient &operator=(const RawHttpClient &) = delete;

    bool connected() const { return m_connected; }
    /// Writes all of `bytes`.
    bool send(const QByteArray &bytes);
    /// Reads one response: 1xx, 204, 304 and `headRequest` ones have no body; otherwise
    /// chunked, Content-Length or read-until-close framing. Waits `timeoutMs` per read.
    RawHttpResponse readResponse(bool headRequest = false, int timeoutMs = 5000);
    /// True when the peer closed the connection within `timeoutMs` (bytes before are dropped).
    bool closedByPeer(int timeoutMs = 5000);
    /// errno of the read that ended the connection (ECONNRESET after an RST), else 0.
    int lastErrno() const { return m_lastErrno; }

private:
    bool fill(int timeoutMs);

    int m_fd = -1;
    bool m_connected = false;
    bool m_timedOut = false;
    int m_lastErrno = 0;
    QByteArray m_buffer;
};

} // namespace sasquatch::test
