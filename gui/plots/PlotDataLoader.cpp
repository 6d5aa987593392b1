// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/plots/PlotDataLoader.h"

#include "core/query/QueryBuilder.h"
#include "core/query/QueryService.h"
#include "core/query/WindowPeriod.h"
#include "core/series/SeriesStore.h"

#include <algorithm>

namespace sasquatch {

PlotDataLoader::PlotDataLoader(SeriesStore &store, std::shared_ptr<HttpTransport> transport, QObject *parent)
    : QObject(parent), m_store(store), m_service(new QueryService(std::move(transport), this))
{
    connect(m_service, &QueryService::tablesReceived, this, [this](const std::vector<ResultTable> &tables) {
        for (const ResultTable &table : tables) {
            const Outcome<std::int64_t> added = m_collector.add(table);
            if (!added.ok() && m_notes.size() < 5)
                m_notes << added.error();
        }
    });
    connect(m_service, &QueryService::finished, this, &PlotDataLoader::onFinished);
    connect(m_service, &QueryService::failed, this,
            [this](const Failure &failure, const QuerySummary &) { onFailed(failure.message, failure.cancelled); });
}

PlotDataLoader::~PlotDataLoader() = default;

void PlotDataLoader::setConnection(const ConnectionProfile &profile, const QString &secret)
{
    m_profile = profile;
    m_secret = secret;
    m_service->setProfile(profile, secret); // abandons a running query
    m_connected = true;
    m_queue.clear();
    const bool wasRunning = std::exchange(m_running, false);
    invalidate();
    if (wasRunning)
        Q_EMIT loadingChanged(false);
}

void PlotDataLoader::invalidate()
{
    m_coverage.clear();
}

TagSet PlotDataLoader::tagSet(const std::vector<TagFilter> &tags)
{
    TagSet set;
    for (const TagFilter &t : tags)
        set.emplace_back(t.key.toStdString(), t.value.toStdString());
    return normalizedTags(std::move(set));
}

std::string PlotDataLoader::coverageKey(const Target &target, const QString &field)
{
    QStringList tags;
    for (const TagFilter &t : target.tags)
        tags << t.key + u'=' + t.value;
    return QStringList{target.bucket, target.measurement, tags.join(u','), field}.join(QChar(0x1f)).toStdString();
}

void PlotDataLoader::load(const std::vector<Target> &targets, const TimeView &view, int pixelWidth)
{
    if (!m_connected || view.spanNs() <= 0)
        return;
    const bool wasLoading = isLoading();
    // Abandon what is queued and running: the view moved on.
    m_queue.erase(std::remove_if(m_queue.begin(), m_queue.end(), [](const Job &j) { return !j.done; }), m_queue.end());
    if (m_running && !m_current.done) {
        // setProfile() abandons the running query without a signal (cancel() would answer
        // with a failed() that could be taken for the next query's).
        m_service->setProfile(m_profile, m_secret);
        m_running = false;
    }
    pixelWidth = std::max(1, pixelWidth);
    const std::int64_t span = view.spanNs();
    const TimeView range{view.startNs - span / 2, view.stopNs + span / 2};
    const bool raw = range.spanNs() / kAssumedSampleIntervalNs <= kRawPointBudget;
    const std::int64_t window = raw ? 0 : windowPeriodNs(span, pixelWidth);
    const std::int64_t now = TimeRange::currentTimeNs();
    for (const Target &target : targets) {
        if (target.fields.isEmpty() || target.measurement.isEmpty())
            continue;
        const bool covered = std::all_of(target.fields.begin(), target.fields.end(), [&](const QString &field) {
            const auto it = m_coverage.find(coverageKey(target, field));
            if (it == m_coverage.end())
                return false;
            const Coverage &c = it->second;
            const bool contains = c.range.startNs <= view.startNs && c.range.stopNs >= view.stopNs;
            const bool fineEnough = c.windowNs == 0 || (window != 0 && c.windowNs <= window * 2);
            const bool fresh = c.range.stopNs < c.loadedAtNs - kRecentNs || now - c.loadedAtNs < kRecentRefreshNs;
            return contains && fineEnough && fresh;
        });
        if (covered)
            continue;
        QuerySelection selection;
        selection.setBucket(target.bucket);
        selection.measurement = target.measurement;
        selection.setFieldNames(target.fields);
        selection.tagFilters = target.tags;
        QueryBuilder builder(selection, TimeRange::absolute(range.startNs, range.stopNs).value());
        builder.setPixelWidth(pixelWidth * 2);
        builder.setMode(raw ? QueryMode::Raw : QueryMode::Aggregated);
        const Outcome<QString> text = builder.build(m_language);
        if (!text.ok()) {
            Q_EMIT failed(tr("%1: %2").arg(target.measurement, text.error()));
            continue;
        }
        m_queue.push_back(Job{target, range, raw ? 0 : builder.windowNs(), text.value(), m_language, {}});
    }
    if (!m_running)
        startNext();
    if (wasLoading != isLoading())
        Q_EMIT loadingChanged(isLoading());
}

void PlotDataLoader::runQuery(const QString &text, QueryLanguage language, std::function<void(std::vector<SampleBatch>)> done)
{
    const bool wasLoading = isLoading();
    m_queue.push_back(Job{{}, {}, 0, text, language, std::move(done)});
    if (!m_running && m_connected)
        startNext();
    if (wasLoading != isLoading())
        Q_EMIT loadingChanged(isLoading());
}

void PlotDataLoader::startNext()
{
    m_collector.clear();
    m_notes.clear();
    if (m_queue.empty() || !m_connected) {
        m_running = false;
        return;
    }
    m_current = std::move(m_queue.front());
    m_queue.pop_front();
    m_current.startedAtNs = TimeRange::currentTimeNs();
    m_running = true;
    QueryRequest request;
    request.language = m_current.language;
    request.text = m_current.text;
    if (!m_current.target.bucket.isEmpty()) {
        QuerySelection selection;
        selection.setBucket(m_current.target.bucket);
        request.database = selection.database;
        request.retentionPolicy = selection.retentionPolicy;
    }
    m_service->start(request);
}

void PlotDataLoader::onFinished(const QuerySummary &summary)
{
    std::vector<SampleBatch> batches = m_collector.takeBatches();
    const Job job = std::move(m_current);
    m_running = false;
    if (job.done) {
        job.done(std::move(batches));
    } else {
        const TagSet tags = tagSet(job.target.tags);
        for (SampleBatch &batch : batches) {
            // The store key is what the panel asked for: the measurement and the tag filters
            // (InfluxQL leaves filtered tags out of the result, Flux keeps them).
            batch.topic = job.target.measurement.toStdString();
            batch.tags = tags;
            const Outcome<ApplyResult> applied = m_store.replaceRange(job.range.startNs, job.range.stopNs, batch);
            if (!applied.ok())
                Q_EMIT failed(tr("%1: %2").arg(job.target.measurement, applied.error()));
        }
        for (const QString &field : job.target.fields)
            m_coverage[coverageKey(job.target, field)] = Coverage{job.range, job.windowNs, job.startedAtNs};
        if (!summary.succeeded())
            Q_EMIT failed(tr("%1: %2").arg(job.target.measurement, summary.errorText()));
    }
    if (!m_notes.isEmpty())
        Q_EMIT failed(m_notes.join(u'\n'));
    Q_EMIT dataChanged();
    startNext();
    if (!isLoading())
        Q_EMIT loadingChanged(false);
}

void PlotDataLoader::onFailed(const QString &message, bool cancelled)
{
    const Job job = std::move(m_current);
    m_running = false;
    if (!cancelled) {
        Q_EMIT failed(job.target.measurement.isEmpty() ? message : tr("%1: %2").arg(job.target.measurement, message));
        if (job.done)
            job.done({});
    }
    startNext();
    if (!isLoading())
        Q_EMIT loadingChanged(false);
}

} // namespace sasquatch
