// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/HttpTypes.h"
#include "core/util/Outcome.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <functional>
#include <vector>

namespace sasquatch::test {

/// How the body is delimited on the wire.
enum class ContractFraming {
    ContentLength, ///< Content-Length header (not possible with a producer)
    Chunked,       ///< Transfer-Encoding: chunked, one HTTP chunk per piece
    CloseDelimited ///< no length; the server closes the connection after the body (HTTP/1.0 style)
};

/// Whether the body is gzip-encoded. InfluxDB compresses only when the client asked with
/// Accept-Encoding: gzip; Always is for clients that must cope regardless.
enum class ContractCompression { None, GzipIfAccepted, Always };

/// A misbehaviour to inject, for testing how a client survives real networks.
enum class ContractFault {
    None,
    CloseWithoutResponse, ///< read the request, then close without answering
    TruncateBody,         ///< promise the whole body, send half of it, close
    StallMidBody,         ///< send half the body, go silent for `stall`, then send the rest
    ResetMidBody,         ///< send half the body, then abort the connection with a TCP RST
};

/// One piece of a streamed body, sent after `delay`.
struct ContractChunk
{
    QByteArray data;
    std::chrono::milliseconds delay{0};
};

/// What ContractHttpServer answers. Build it with the static helpers, then adjust fields.
struct ContractResponse
{
    int status = 200;
    QByteArray reason;          ///< empty = the standard phrase for status
    HttpHeaders headers;        ///< sent as given (add content-type here)
    QByteArray body;            ///< the whole body, unless chunks or producer are set
    std::vector<ContractChunk> chunks; ///< the body in timed pieces (wins over body)
    /// Generates the body piece by piece on the connection's thread until it returns an
    /// empty array: for bodies too large to hold (benchmarks). Must own its state: it runs
    /// outside the server's handler lock. Implies Chunked unless CloseDelimited is chosen.
    std::function<QByteArray()> producer;
    ContractFraming framing = ContractFraming::ContentLength;
    ContractCompression compression = ContractCompression::None;
    std::chrono::milliseconds delayBeforeHeaders{0};
    ContractFault fault = ContractFault::None;
    std::chrono::milliseconds stall{0}; ///< for StallMidBody
    QByteArray raw; ///< when set, written verbatim instead of a response (malformed HTTP)
    bool closeAfter = false; ///< send Connection: close and close, even if the client keeps alive

    ContractResponse &header(const QByteArray &name, const QByteArray &value);

    static ContractResponse json(int status, const QByteArray &body);
    static ContractResponse text(int status, const QByteArray &body,
                                 const QByteArray &contentType = "text/plain; charset=utf-8");
    static ContractResponse noContent();
    /// A chunked response whose pieces follow one another `gap` apart.
    static ContractResponse chunked(int status, const QByteArray &contentType,
                                    const std::vector<QByteArray> &pieces,
                                    std::chrono::milliseconds gap = std::chrono::milliseconds(0));
    /// Verbatim bytes on the wire, e.g. "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabc" (short).
    static ContractResponse rawBytes(const QByteArray &bytes);

    /// Reads a recorded response: optional leading '#' note lines (name the documentation
    /// or server the shape comes from), a status line ("HTTP/1.1 200 OK"), header lines, a blank
    /// line, then the body to the end of the file. Lines may end in LF or CRLF in the head;
    /// the body is kept byte for byte. Content-Length and Transfer-Encoding lines are
    /// dropped (the server frames the body itself). Fails on a malformed file.
    static Outcome<ContractResponse> fromHttpMessage(const QByteArray &message);
    static Outcome<ContractResponse> fromHttpFile(const QString &path);
};

} // namespace sasquatch::test
