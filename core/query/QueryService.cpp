// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/QueryService.h"

#include "core/query/QueryResultSink.h"
#include "core/query/QueryRunner.h"

#include <atomic>
#include <mutex>

namespace sasquatch {

/// One query: filled by the worker, drained by the GUI thread's timer.
struct QueryService::Run final : public QueryResultSink
{
    CancelToken cancel;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    std::atomic<std::uint64_t> bytes{0};
    std::atomic<std::uint64_t> rows{0};
    std::mutex mutex;
    std::vector<ResultTable> pending; // guarded by mutex
    // GUI thread only: what progress() said last, and when.
    std::uint64_t shownBytes = 0;
    std::uint64_t shownRows = 0;
    std::chrono::steady_clock::time_point shownAt = start;

    Outcome<Done> tableReady(ResultTable &&table) override
    {
        const std::lock_guard lock(mutex);
        pending.push_back(std::move(table));
        return Done{};
    }
    void progressed(const QueryProgress &p) override
    {
        bytes.store(p.bytesReceived, std::memory_order_relaxed);
        rows.store(p.rowsParsed, std::memory_order_relaxed);
    }
};

QueryService::QueryService(std::shared_ptr<HttpTransport> transport, QObject *parent)
    : QObject(parent), m_transport(std::move(transport))
{
    // Room for an abandoned query that is still winding down beside the new one.
    m_pool.setMaxThreadCount(2);
    m_timer.setInterval(kBatchInterval);
    connect(&m_timer, &QTimer::timeout, this, [this] { drain(false); });
}

QueryService::~QueryService()
{
    abandon();
    m_pool.waitForDone();
}

void QueryService::setProfile(const ConnectionProfile &profile, const QString &secret)
{
    abandon();
    m_profile = profile;
    m_secret = secret;
}

void QueryService::abandon()
{
    if (m_current)
        m_current->cancel.cancel();
    m_current.reset();
    m_timer.stop();
}

void QueryService::cancel()
{
    if (m_current)
        m_current->cancel.cancel();
}

void QueryService::start(const QueryRequest &request)
{
    abandon();
    auto run = std::make_shared<Run>();
    m_current = run;
    m_timer.start();
    if (m_profile.influxUrl.isEmpty()) {
        QuerySummary summary;
        summary.status = QueryStatus::Failed;
        summary.failure.message = tr("No connection profile is selected.");
        QMetaObject::invokeMethod(this, [this, run, summary] { complete(run, summary); }, Qt::QueuedConnection);
        return;
    }
    auto *self = this;
    m_pool.start([self, run, request, profile = m_profile, secret = m_secret, transport = m_transport] {
        QueryRunner runner(profile, secret, transport);
        QuerySummary summary = runner.run(request, *run, run->cancel);
        // The destructor waits for this worker, so `self` is alive here; the queued call is
        // dropped if it is destroyed before the call is delivered.
        QMetaObject::invokeMethod(
            self,
            [self, run, summary, flavour = runner.flavour()] {
                // Later queries skip the /ping that Auto needs.
                if (flavour && self->m_current == run && self->m_profile.api == ApiFlavour::Auto)
                    self->m_profile.api = *flavour;
                self->complete(run, summary);
            },
            Qt::QueuedConnection);
    });
}

void QueryService::drain(bool final)
{
    if (!m_current)
        return;
    const std::shared_ptr<Run> run = m_current;
    std::vector<ResultTable> tables;
    {
        const std::lock_guard lock(run->mutex);
        tables.swap(run->pending);
    }
    if (!tables.empty())
        Q_EMIT tablesReceived(tables);
    if (m_current != run) // a receiver started another query or changed the profile
        return;
    const auto now = std::chrono::steady_clock::now();
    const std::uint64_t bytes = run->bytes.load(std::memory_order_relaxed);
    const std::uint64_t rows = run->rows.load(std::memory_order_relaxed);
    if (final || bytes != run->shownBytes || rows != run->shownRows || now - run->shownAt >= kIdleProgressInterval) {
        run->shownBytes = bytes;
        run->shownRows = rows;
        run->shownAt = now;
        Q_EMIT progress(qint64(bytes), qint64(rows),
                        std::chrono::duration_cast<std::chrono::milliseconds>(now - run->start).count());
    }
}

void QueryService::complete(const std::shared_ptr<Run> &run, const QuerySummary &summary)
{
    if (m_current != run)
        return; // abandoned
    drain(true);
    if (m_current != run)
        return;
    m_current.reset();
    m_timer.stop();
    if (summary.status == QueryStatus::Completed)
        Q_EMIT finished(summary);
    else
        Q_EMIT failed(summary.failure, summary);
}

} // namespace sasquatch
