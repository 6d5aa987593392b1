// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/HttpDispatcher.h"

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace sasquatch {

namespace {

struct Job
{
    quint64 id = 0;
    HttpRequest request;
    BodySink sink;
    CancelToken cancel;
};

HttpResult cancelledResult(const QString &why)
{
    HttpResult r;
    r.errorKind = HttpErrorKind::Cancelled;
    r.transportError = why;
    return r;
}

} // namespace

struct HttpDispatcher::Shared
{
    std::shared_ptr<HttpTransport> transport;
    int maxConcurrent = 1;
    mutable std::mutex mutex;
    std::condition_variable wake;
    std::deque<Job> queue;
    std::map<quint64, CancelToken> running;
    quint64 nextId = 1;
    bool stopping = false;
    std::vector<std::thread> workers;
};

HttpDispatcher::HttpDispatcher(std::shared_ptr<HttpTransport> transport, int maxConcurrent, QObject *parent)
    : QObject(parent), m_shared(std::make_shared<Shared>())
{
    m_shared->transport = std::move(transport);
    m_shared->maxConcurrent = std::max(1, maxConcurrent);
    for (int i = 0; i < m_shared->maxConcurrent; ++i)
        m_shared->workers.emplace_back([this] { workerLoop(); });
}

HttpDispatcher::~HttpDispatcher()
{
    shutdown();
}

quint64 HttpDispatcher::submit(HttpRequest request, BodySink sink)
{
    quint64 id = 0;
    bool refused = false;
    {
        std::lock_guard lock(m_shared->mutex);
        id = m_shared->nextId++;
        refused = m_shared->stopping || !m_shared->transport;
        if (!refused)
            m_shared->queue.push_back({id, std::move(request), std::move(sink), CancelToken()});
    }
    if (refused) {
        const HttpResult r = cancelledResult(m_shared->transport ? QStringLiteral("the dispatcher is shut down")
                                                                 : QStringLiteral("no HTTP transport configured"));
        // Queued even here, so that callers can connect after submit() returns.
        QMetaObject::invokeMethod(this, [this, id, r] { Q_EMIT finished(id, r); }, Qt::QueuedConnection);
        return id;
    }
    m_shared->wake.notify_one();
    return id;
}

void HttpDispatcher::cancel(quint64 id)
{
    bool wasQueued = false;
    {
        std::lock_guard lock(m_shared->mutex);
        if (const auto it = m_shared->running.find(id); it != m_shared->running.end()) {
            it->second.cancel();
            return;
        }
        for (auto it = m_shared->queue.begin(); it != m_shared->queue.end(); ++it)
            if (it->id == id) {
                m_shared->queue.erase(it);
                wasQueued = true;
                break;
            }
    }
    if (wasQueued) {
        const HttpResult r = cancelledResult(QStringLiteral("cancelled before it started"));
        QMetaObject::invokeMethod(this, [this, id, r] { Q_EMIT finished(id, r); }, Qt::QueuedConnection);
    }
}

void HttpDispatcher::cancelAll()
{
    std::vector<quint64> ids;
    {
        std::lock_guard lock(m_shared->mutex);
        for (const auto &job : m_shared->queue)
            ids.push_back(job.id);
        for (const auto &[id, token] : m_shared->running)
            ids.push_back(id);
    }
    for (quint64 id : ids)
        cancel(id);
}

int HttpDispatcher::pendingCount() const
{
    std::lock_guard lock(m_shared->mutex);
    return static_cast<int>(m_shared->queue.size() + m_shared->running.size());
}

int HttpDispatcher::maxConcurrent() const
{
    return m_shared->maxConcurrent;
}

void HttpDispatcher::shutdown()
{
    {
        std::lock_guard lock(m_shared->mutex);
        if (m_shared->stopping && m_shared->workers.empty())
            return;
        m_shared->stopping = true;
        m_shared->queue.clear();
        for (auto &[id, token] : m_shared->running)
            token.cancel();
    }
    m_shared->wake.notify_all();
    for (auto &w : m_shared->workers)
        if (w.joinable())
            w.join();
    m_shared->workers.clear();
}

void HttpDispatcher::workerLoop()
{
    Shared &s = *m_shared;
    // `this` outlives every worker: the destructor joins them first. The queued emissions
    // below have `this` as context, so Qt drops them if the object is destroyed before the
    // event loop gets to them.
    for (;;) {
        Job job;
        {
            std::unique_lock lock(s.mutex);
            s.wake.wait(lock, [&s] { return s.stopping || !s.queue.empty(); });
            if (s.stopping)
                return;
            job = std::move(s.queue.front());
            s.queue.pop_front();
            s.running.emplace(job.id, job.cancel);
        }
        const quint64 id = job.id;
        const ProgressSink progress = [this, id](const HttpProgress &p) {
            QMetaObject::invokeMethod(this, [this, id, p] { Q_EMIT progressed(id, p); }, Qt::QueuedConnection);
        };
        const HttpResult result = s.transport->perform(job.request, job.sink, progress, job.cancel);
        bool stopping = false;
        {
            std::lock_guard lock(s.mutex);
            s.running.erase(id);
            stopping = s.stopping;
        }
        if (stopping)
            return; // shut down: no signals any more
        QMetaObject::invokeMethod(this, [this, id, result] { Q_EMIT finished(id, result); }, Qt::QueuedConnection);
    }
}

} // namespace sasquatch
