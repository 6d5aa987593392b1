// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/HttpTransport.h"
#include "core/http/RetryPolicy.h"

#include <chrono>
#include <functional>
#include <memory>

namespace sasquatch {

/// One retry about to happen, for logs and status bars.
struct RetryEvent
{
    int nextAttempt = 0;               ///< 2 for the first retry
    int maxAttempts = 0;
    std::chrono::milliseconds delay{0};
    HttpErrorKind errorKind = HttpErrorKind::None;
    int status = 0;                    ///< status of the failed attempt, 0 when none arrived
    QString reason;                    ///< transport error or reason phrase of the failed attempt
};

/// An HttpTransport that sends a request again, per a RetryPolicy, when the previous attempt
/// failed in a way that may pass (connection refused, gateway 502/503, 429 with Retry-After).
///
/// It never retries once body bytes have reached the caller's BodySink: the sink feeds a
/// streaming parser, and a second copy of the first rows would corrupt what it built.
/// Thread-safe when the wrapped transport is; configure it before sharing it.
class RetryingTransport final : public HttpTransport
{
public:
    /// Waits `delay` unless `cancel` fires first; returns false when cancelled.
    using Sleeper = std::function<bool(std::chrono::milliseconds delay, const CancelToken &cancel)>;
    using RetryObserver = std::function<void(const RetryEvent &)>;
    /// Uniform numbers in [0, 1) for jitter.
    using RandomSource = std::function<double()>;

    explicit RetryingTransport(std::shared_ptr<HttpTransport> inner, RetryPolicy policy = {});

    HttpResult perform(const HttpRequest &request, const BodySink &sink = {},
                       const ProgressSink &progress = {}, const CancelToken &cancel = {}) override;

    const RetryPolicy &policy() const { return m_policy; }
    /// Called on the performing thread before each wait.
    void setRetryObserver(RetryObserver observer) { m_observer = std::move(observer); }
    /// Tests replace the real wait (which polls the CancelToken every 20 ms).
    void setSleeper(Sleeper sleeper) { m_sleeper = std::move(sleeper); }
    void setRandomSource(RandomSource random) { m_random = std::move(random); }

    /// The default Sleeper.
    static bool sleepUnlessCancelled(std::chrono::milliseconds delay, const CancelToken &cancel);

private:
    std::shared_ptr<HttpTransport> m_inner;
    RetryPolicy m_policy;
    RetryObserver m_observer;
    Sleeper m_sleeper;
    RandomSource m_random;
};

} // namespace sasquatch
