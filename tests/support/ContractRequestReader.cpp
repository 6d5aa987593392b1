// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/ContractRequestReader.h"

#include "core/http/GzipCodec.h"
#include "tests/support/ContractSocket.h"

#include <QByteArrayList>

namespace sasquatch::test {

bool ContractRequestReader::hasToken(const QByteArray &headerValue, const QByteArray &token)
{
    for (const QByteArray &part : headerValue.toLower().split(','))
        if (part.trimmed().split(';').value(0).trimmed() == token)
            return true;
    return false;
}

int ContractRequestReader::read(ContractRequest &request, qint64 maxBodyBytes)
{
    qsizetype headEnd = -1;
    while ((headEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (m_buffer.size() > kMaxHeadBytes)
            return 431;
        if (!m_socket.readSome(m_buffer))
            return -1;
    }
    const QByteArray head = m_buffer.left(headEnd);
    m_buffer.remove(0, headEnd + 4);

    if (!request.parseHead(head))
        return 400;

    if (!readBody(request, maxBodyBytes))
        return request.bodyError == QLatin1String("too large") ? 413 : (request.bodyError.isEmpty() ? -1 : 400);
    if (hasToken(request.header("content-encoding"), "gzip")) {
        auto decoded = GzipCodec::decompress(request.rawBody);
        if (decoded)
            request.body = std::move(decoded).value();
        else
            request.bodyError = decoded.error();
    } else {
        request.body = request.rawBody;
    }
    return 0;
}

bool ContractRequestReader::readBody(ContractRequest &request, qint64 limit)
{
    const bool chunked = hasToken(request.header("transfer-encoding"), "chunked");
    const QByteArray lengthHeader = request.header("content-length");
    bool lengthOk = true;
    const qint64 length = lengthHeader.isEmpty() ? 0 : lengthHeader.toLongLong(&lengthOk);
    if (!lengthOk || length < 0) {
        request.bodyError = QStringLiteral("bad Content-Length");
        return false;
    }
    if (length > limit) {
        request.bodyError = QStringLiteral("too large");
        return false;
    }
    // curl waits for "100 Continue" before sending a large body; answer as a server would.
    if (hasToken(request.header("expect"), "100-continue") && (chunked || length > 0) && m_buffer.isEmpty())
        if (!m_socket.writeAll("HTTP/1.1 100 Continue\r\n\r\n"))
            return false;

    if (!chunked) {
        while (m_buffer.size() < length)
            if (!m_socket.readSome(m_buffer))
                return false;
        request.rawBody = m_buffer.left(length);
        m_buffer.remove(0, length);
        return true;
    }
    for (;;) {
        qsizetype eol = -1;
        while ((eol = m_buffer.indexOf("\r\n")) < 0)
            if (!m_socket.readSome(m_buffer))
                return false;
        bool ok = false;
        const qint64 size = m_buffer.left(eol).split(';').value(0).trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0) {
            request.bodyError = QStringLiteral("bad chunk size");
            return false;
        }
        if (request.rawBody.size() + size > limit) {
            request.bodyError = QStringLiteral("too large");
            return false;
        }
        m_buffer.remove(0, eol + 2);
        if (size == 0) {
            // Trailer fields, if any, end with an empty line.
            qsizetype end = -1;
            while ((end = m_buffer.indexOf("\r\n")) != 0) {
                if (end > 0) {
                    m_buffer.remove(0, end + 2);
                    continue;
                }
                if (!m_socket.readSome(m_buffer))
                    return false;
            }
            m_buffer.remove(0, 2);
            return true;
        }
        while (m_buffer.size() < size + 2)
            if (!m_socket.readSome(m_buffer))
                return false;
        request.rawBody += m_buffer.left(size);
        m_buffer.remove(0, size + 2);
    }
}

} // namespace sasquatch::test
