// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/HttpTransport.h"

#include <QObject>

#include <memory>

namespace sasquatch {

/// The GUI thread's handle on HTTP: requests are queued to a few worker threads that run
/// them through an HttpTransport, and results come back as signals on the dispatcher's own
/// thread (queued), so slots may touch widgets. A BodySink given to submit() runs on the
/// worker thread, where a streaming parser belongs; it must not touch GUI objects.
///
/// Every submitted id gets exactly one finished() unless the dispatcher is shut down first.
/// Shutting down (or destroying it) cancels what runs, drops what waits and joins the
/// workers; requests cut short that way report nothing.
class HttpDispatcher : public QObject
{
    Q_OBJECT
public:
    /// `maxConcurrent` workers (at least 1) share `transport`, which must be thread-safe.
    explicit HttpDispatcher(std::shared_ptr<HttpTransport> transport, int maxConcurrent = 4,
                            QObject *parent = nullptr);
    ~HttpDispatcher() override;

    /// Queues `request` and returns its id (never 0). After shutdown() the request is not
    /// run and finished() reports it cancelled.
    quint64 submit(HttpRequest request, BodySink sink = {});
    /// Cancels a waiting or running request; finished() still follows, with Cancelled.
    /// Unknown or finished ids are ignored.
    void cancel(quint64 id);
    void cancelAll();
    /// Requests waiting or running.
    int pendingCount() const;
    int maxConcurrent() const;
    /// Cancels everything and joins the workers. Idempotent; the destructor calls it.
    void shutdown();

Q_SIGNALS:
    /// Throttled by the transport (about every 100 ms), plus once at the end.
    void progressed(quint64 id, const sasquatch::HttpProgress &progress);
    void finished(quint64 id, const sasquatch::HttpResult &result);

private:
    struct Shared;
    void workerLoop();
    std::shared_ptr<Shared> m_shared;
};

} // namespace sasquatch
