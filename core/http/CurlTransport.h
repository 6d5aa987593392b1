// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/HttpTransport.h"

#include <memory>

namespace sasquatch {

/// HttpTransport on libcurl. Each perform() runs on the calling thread; several threads may
/// perform at once. Finished handles go back to a small pool, so consecutive requests to
/// one server reuse its connection (and TLS session) instead of handshaking again.
///
/// The transfer loop wakes at least every 50 ms, so a CancelToken stops it within about
/// that long and HttpRequest::stallTimeout is measured to the millisecond, even while the
/// server sends nothing (libcurl's own progress callback may slow to once a second then).
class CurlTransport final : public HttpTransport
{
public:
    CurlTransport();
    ~CurlTransport() override;
    CurlTransport(const CurlTransport &) = delete;
    CurlTransport &operator=(const CurlTransport &) = delete;

    HttpResult perform(const HttpRequest &request, const BodySink &sink = {},
                       const ProgressSink &progress = {}, const CancelToken &cancel = {}) override;

    /// The libcurl version string, e.g. "libcurl/7.88.1 OpenSSL/3.0.11 zlib/1.2.13 nghttp2/1.52.0".
    static QString libraryVersion();

private:
    struct Pool;
    std::unique_ptr<Pool> m_pool;
};

} // namespace sasquatch
