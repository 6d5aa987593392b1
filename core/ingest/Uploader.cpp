// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/Uploader.h"

namespace sasquatch {

RetryPolicy Uploader::defaultRetryPolicy()
{
    RetryPolicy p;
    p.maxAttempts = 5;
    p.initialDelay = std::chrono::milliseconds(500);
    p.maxDelay = std::chrono::milliseconds(15'000);
    p.methods = RetryMethods::All;
    p.timeouts = TimeoutRetry::Retry;
    p.retryStatuses = {408, 429, 500, 502, 503, 504};
    return p;
}

} // namespace sasquatch
