// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/RetryingTransport.h"

#include <QRandomGenerator>

#include <algorithm>

#include <thread>

namespace sasquatch {

RetryingTransport::RetryingTransport(std::shared_ptr<HttpTransport> inner, RetryPolicy policy)
    : m_inner(std::move(inner)), m_policy(std::move(policy)), m_sleeper(&sleepUnlessCancelled),
      m_random([] { return QRandomGenerator::global()->generateDouble(); })
{
}

HttpResult RetryingTransport::perform(const HttpRequest &request, const BodySink &sink,
                                      const ProgressSink &progress, const CancelToken &cancel)
{
    if (!m_inner) {
        HttpResult r;
        r.errorKind = HttpErrorKind::Transport;
        r.transportError = QStringLiteral("no HTTP transport configured");
        return r;
    }

    // Track whether the caller's sink saw any byte: past that point a retry would replay them.
    bool delivered = false;
    BodySink counting;
    if (sink)
        counting = [&sink, &delivered](const char *data, std::size_t size) {
            if (size > 0)
                delivered = true;
            return sink(data, size);
        };

    const int maxAttempts = std::max(1, m_policy.maxAttempts);
    for (int attempt = 1;; ++attempt) {
        HttpResult result = m_inner->perform(request, counting, progress, cancel);
        if (cancel.isCancelled() && result.errorKind != HttpErrorKind::None) {
            result.errorKind = HttpErrorKind::Cancelled;
            return result;
        }
        if (result.errorKind == HttpErrorKind::None && result.response.status < 400
            && std::find(m_policy.retryStatuses.begin(), m_policy.retryStatuses.end(),
                         result.response.status) == m_policy.retryStatuses.end())
            return result;
        if (attempt >= maxAttempts || delivered || !m_policy.shouldRetry(request, result)) {
            if (attempt > 1 && (result.errorKind == HttpErrorKind::Transport
                                || result.errorKind == HttpErrorKind::Timeout))
                result.transportError += QStringLiteral(" (gave up after %1 attempts)").arg(attempt);
            return result;
        }
        const auto delay = m_policy.delayBefore(attempt + 1, result.response, m_random(),
                                                QDateTime::currentDateTimeUtc());
        if (!delay)
            return result; // the server asked for a longer pause than we are willing to hold
        if (m_observer) {
            RetryEvent event;
            event.nextAttempt = attempt + 1;
            event.maxAttempts = maxAttempts;
            event.delay = *delay;
            event.errorKind = result.errorKind;
            event.status = result.response.status;
            event.reason = result.errorKind != HttpErrorKind::None
                ? result.transportError
                : QString::fromLatin1(result.response.reason);
            m_observer(event);
        }
        if (!m_sleeper(*delay, cancel)) {
            result.errorKind = HttpErrorKind::Cancelled;
            result.transportError = QStringLiteral("cancelled while waiting to retry");
            return result;
        }
    }
}

bool RetryingTransport::sleepUnlessCancelled(std::chrono::milliseconds delay, const CancelToken &cancel)
{
    using namespace std::chrono;
    constexpr milliseconds kSlice{20};
    const auto deadline = steady_clock::now() + delay;
    while (!cancel.isCancelled()) {
        const auto now = steady_clock::now();
        if (now >= deadline)
            return true;
        std::this_thread::sleep_for(std::min<steady_clock::duration>(kSlice, deadline - now));
    }
    return false;
}

} // namespace sasquatch
