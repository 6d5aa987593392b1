// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <chrono>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace sasquatch {

enum class HttpMethod { Get, Head, Post, Put, Patch, Delete };

using HttpHeaders = std::vector<std::pair<QByteArray, QByteArray>>;

/// One HTTP request. Credentials for Basic auth travel in username/password, never in the
/// URL, so that messages and logs built from the URL cannot leak them.
struct HttpRequest
{
    HttpMethod method = HttpMethod::Get;
    QString url;
    HttpHeaders headers;
    QByteArray body;
    QString username; ///< Basic auth when not empty
    QString password;
    std::chrono::milliseconds connectTimeout{10'000};
    std::chrono::milliseconds totalTimeout{0};        ///< 0 = no limit on the whole transfer
    std::chrono::milliseconds stallTimeout{60'000};   ///< abort when no byte moves this long
    bool verifyTls = true;
    QString caFile;                                   ///< extra CA bundle (PEM); empty = system
    bool acceptGzip = true;                           ///< Accept-Encoding: gzip, decoded transparently
    bool gzipBody = false;                            ///< send body with Content-Encoding: gzip
    int maxRedirects = 5;
};

/// Status and headers of a response; body filled only when no body sink consumed it (and
/// always for statuses >= 400, so that error text is kept).
struct HttpResponse
{
    int status = 0;                  ///< 0 when no HTTP response arrived
    QByteArray reason;               ///< reason phrase, e.g. "Not Found"
    HttpHeaders headers;             ///< names lower-cased
    QByteArray body;
    QString effectiveUrl;            ///< after redirects, credentials removed
    std::int64_t bytesReceived = 0;  ///< decoded body bytes

    /// First header with that (lower-case) name, or empty.
    QByteArray header(const QByteArray &lowerName) const
    {
        for (const auto &h : headers)
            if (h.first == lowerName)
                return h.second;
        return {};
    }
};

enum class HttpErrorKind {
    None,      ///< a response arrived (check status)
    Transport, ///< DNS, connect, TLS, reset...
    Timeout,
    Cancelled, ///< the CancelToken fired
    Aborted,   ///< the body sink asked to stop (e.g. a memory budget)
};

struct HttpResult
{
    HttpResponse response;
    HttpErrorKind errorKind = HttpErrorKind::None;
    QString transportError; ///< libcurl's description, when errorKind is not None

    bool succeeded() const
    {
        return errorKind == HttpErrorKind::None && response.status >= 200 && response.status < 300;
    }
};

struct HttpProgress
{
    std::int64_t bytesReceived = 0;
    std::int64_t bytesExpected = -1; ///< -1 when unknown (chunked)
    std::int64_t bytesSent = 0;
    std::int64_t bytesToSend = 0;
};

/// Receives decoded body bytes as they arrive, on the worker thread. Return false to abort.
using BodySink = std::function<bool(const char *data, std::size_t size)>;
/// Called on the worker thread, at most every ~100 ms.
using ProgressSink = std::function<void(const HttpProgress &)>;

} // namespace sasquatch
