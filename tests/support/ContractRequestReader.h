// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/support/ContractRequest.h"

#include <QByteArray>

namespace sasquatch::test {

class ContractSocket;

/// Reads the HTTP/1.1 requests of one connection for ContractHttpServer: the head, the body
/// (Content-Length or chunked, answering `Expect: 100-continue` as a server would) and gzip
/// request bodies. Bytes read past a request stay for the next one (pipelining).
class ContractRequestReader
{
public:
    /// Largest request head accepted; beyond it read() answers 431.
    static constexpr qsizetype kMaxHeadBytes = 64 * 1024;

    explicit ContractRequestReader(ContractSocket &socket) : m_socket(socket) {}

    /// Reads the next request into `request`. Returns 0 on success, the status to answer with
    /// (400 malformed, 413 body over `maxBodyBytes`, 431 head too large), or -1 when the
    /// connection is gone.
    int read(ContractRequest &request, qint64 maxBodyBytes);

    /// Whether a header value lists `token` (comma-separated, parameters after ';' ignored,
    /// any case): `hasToken("gzip, deflate", "gzip")`.
    static bool hasToken(const QByteArray &headerValue, const QByteArray &token);

private:
    bool readBody(ContractRequest &request, qint64 limit);

    ContractSocket &m_socket;
    QByteArray m_buffer;
};

} // namespace sasquatch::test
