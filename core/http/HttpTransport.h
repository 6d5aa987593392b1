// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/HttpTypes.h"
#include "core/util/CancelToken.h"

namespace sasquatch {

/// Performs HTTP requests synchronously, on the calling (worker) thread. Implementations
/// are thread-safe: several threads may call perform() at once. Tests substitute their own.
class HttpTransport
{
public:
    virtual ~HttpTransport() = default;

    /// Runs one request to completion, streaming the body into `sink` when given and the
    /// status is < 400 (error bodies always land in response.body). Never throws.
    virtual HttpResult perform(const HttpRequest &request, const BodySink &sink = {},
                               const ProgressSink &progress = {},
                               const CancelToken &cancel = {}) = 0;
};

} // namespace sasquatch
