// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/HttpTypes.h"

#include <QByteArray>
#include <QDateTime>

#include <chrono>
#include <optional>
#include <vector>

namespace sasquatch {

/// Which requests may be sent again. POST is not idempotent in general, but some POSTs are
/// pure reads (InfluxDB's /api/v2/query, /query with SELECT): their callers choose All.
enum class RetryMethods { IdempotentOnly, All };

/// Whether a transfer that timed out is tried again. A query that timed out on the server's
/// 180 s limit will time out again; a stalled connection through a proxy may not.
enum class TimeoutRetry { Retry, DontRetry };

/// When and how long to wait before sending a request again.
struct RetryPolicy
{
    int maxAttempts = 3; ///< attempts in all, the first included; 1 = never retry
    std::chrono::milliseconds initialDelay{500};
    std::chrono::milliseconds maxDelay{15'000}; ///< also the longest Retry-After honoured
    double multiplier = 2.0;
    double jitter = 0.2; ///< each delay is scaled by a random factor in [1 - jitter, 1 + jitter]
    RetryMethods methods = RetryMethods::IdempotentOnly;
    TimeoutRetry timeouts = TimeoutRetry::Retry;
    /// Statuses that say "try later": the server or a gateway in front of it is overloaded
    /// or restarting (InfluxDB behind Kubernetes ingress answers 502/503 during restarts).
    std::vector<int> retryStatuses{408, 429, 502, 503, 504};

    /// A policy that never retries.
    static RetryPolicy none();

    /// Whether `result` of `request` is worth another attempt (ignoring the attempt count).
    /// Cancelled and sink-aborted transfers never are.
    bool shouldRetry(const HttpRequest &request, const HttpResult &result) const;

    /// Backoff before attempt number `nextAttempt` (2 for the first retry). `random01` in
    /// [0, 1) picks the jitter. A Retry-After header in `response` wins over the backoff;
    /// std::nullopt when the server asks for a wait longer than maxDelay (give up instead).
    std::optional<std::chrono::milliseconds> delayBefore(int nextAttempt, const HttpResponse &response,
                                                         double random01,
                                                         const QDateTime &nowUtc) const;

    /// Parses a Retry-After value: delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
    /// std::nullopt when it is neither. Dates in the past give zero.
    static std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value,
                                                                    const QDateTime &nowUtc);
};

} // namespace sasquatch
