// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/series/LiveSession.h"

#include "core/query/QueryBuilder.h"
#include "core/query/QueryService.h"
#include "core/time/TimeRange.h"

#include <algorithm>
#include <limits>

namespace sasquatch {

namespace {

/// History asks for a little beyond now: what InfluxDB has when the query runs is wanted,
/// and a clock a few seconds ahead elsewhere must not cut it off.
constexpr std::int64_t kHistoryLeadNs = 60'000'000'000;

void quantize(SampleBatch &batch)
{
    constexpr std::int64_t q = LiveSession::kTimeQuantumNs;
    for (std::int64_t &t : batch.times) {
        const std::int64_t r = t + q / 2;
        t = (r / q - ((r % q != 0) && (r < 0) ? 1 : 0)) * q;
    }
}

/// The median spacing of sorted times, 0 with fewer than two.
std::int64_t medianSpacing(std::vector<std::int64_t> times)
{
    if (times.size() < 2)
        return 0;
    std::sort(times.begin(), times.end());
    std::vector<std::int64_t> d(times.size() - 1);
    for (std::size_t i = 1; i < times.size(); ++i)
        d[i - 1] = times[i] - times[i - 1];
    std::nth_element(d.begin(), d.begin() + std::ptrdiff_t(d.size() / 2), d.end());
    return d[d.size() / 2];
}

} // namespace

LiveSession::LiveSession(SeriesStore &store, std::shared_ptr<HttpTransport> http, QObject *parent)
    : QObject(parent), m_store(store), m_http(std::move(http))
{
    m_tail = new KafkaTail(this);
    m_query = new QueryService(m_http, this);
    connect(m_tail, &KafkaTail::batchesReceived, this, &LiveSession::receive);
    connect(m_tail, &KafkaTail::statsUpdated, this, &LiveSession::updateStats);
    connect(m_tail, &KafkaTail::stateChanged, this, &LiveSession::connectionStateChanged);
    connect(m_query, &QueryService::tablesReceived, this, [this](const std::vector<ResultTable> &tables) {
        if (!m_current)
            return;
        for (const ResultTable &t : tables) {
            if (Outcome<std::int64_t> added = m_collector.add(t); !added)
                Q_EMIT message(tr("History of %1: %2").arg(m_current->topic, added.error()), true);
        }
    });
    connect(m_query, &QueryService::finished, this, [this](const QuerySummary &summary) {
        QString problem;
        for (const QueryStatementError &e : summary.statementErrors)
            problem = e.message;
        jobFinished(problem.isEmpty(), problem);
    });
    connect(m_query, &QueryService::failed, this,
            [this](const Failure &failure, const QuerySummary &) { jobFinished(false, failure.message); });
}

LiveSession::~LiveSession()
{
    stop();
}

void LiveSession::setHistorySource(const ConnectionProfile &profile, const QString &secret)
{
    m_profile = profile;
    m_secret = secret;
    m_query->setProfile(profile, secret);
}

void LiveSession::setKafkaConfig(const KafkaConsumerConfig &config)
{
    m_kafka = config;
}

void LiveSession::setWindow(std::int64_t windowNs)
{
    m_windowNs = std::max<std::int64_t>(1'000'000'000, windowNs);
    m_store.setRetention(Retention::window(m_windowNs));
}

bool LiveSession::isRunning() const
{
    return m_running;
}

Outcome<Done> LiveSession::start()
{
    stop();
    ++m_generation;
    m_store.setRetention(Retention::window(m_windowNs));
    m_topics.clear();
    KafkaConsumerConfig config = m_kafka;
    config.topics.clear();
    for (const auto &[topic, fields] : m_fields) {
        if (fields.isEmpty())
            continue;
        Topic &t = m_topics[topic];
        t.status.topic = topic;
        for (const QString &f : fields)
            t.fields.push_back(f.toStdString());
        config.topics.append(topic);
        config.sampleFields[topic.toStdString()] = t.fields; // converted on the Kafka thread
    }
    if (config.topics.isEmpty())
        return Failure{tr("Nothing to tail: drop topics or fields on the live panel first.")};
    if (Outcome<Done> started = m_tail->start(config); !started)
        return started;
    m_running = true;

    if (m_profile.influxUrl.isEmpty()) {
        for (auto &[name, t] : m_topics) {
            appendReleased(t, t.seam.close(std::nullopt));
            t.status.phase = LivePhase::Live;
        }
        Q_EMIT backfillFinished();
    } else {
        const std::int64_t now = TimeRange::currentTimeNs();
        for (const auto &[name, t] : m_topics)
            m_jobs.push_back({name, now - m_windowNs, now + kHistoryLeadNs, false});
        runNextJob();
    }
    Q_EMIT statusChanged();
    return Done{};
}

void LiveSession::stop()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_generation;
    m_tail->stop();
    m_jobs.clear();
    if (m_current) {
        m_current.reset();
        m_query->setProfile(m_profile, m_secret); // abandons the query: it emits nothing more
    }
    m_collector.clear();
    Q_EMIT statusChanged();
}

std::vector<LiveTopicStatus> LiveSession::status() const
{
    std::vector<LiveTopicStatus> out;
    out.reserve(m_topics.size());
    for (const auto &[name, t] : m_topics)
        out.push_back(t.status);
    return out;
}

void LiveSession::receive(const DecodedBatchList &batches)
{
    if (!m_running)
        return;
    for (const DecodedBatchPtr &batch : batches) {
        const auto it = m_topics.find(QString::fromStdString(batch->topic()));
        if (it == m_topics.end() || batch->empty())
            continue;
        Topic &topic = it->second;
        if (batch->layoutPtr() != topic.lastLayout) {
            topic.lastLayout = batch->layoutPtr();
            topic.selected = DecodedBatch::selectFields(*topic.lastLayout, topic.fields);
            Q_EMIT layoutSeen(it->first, batch->layoutPtr());
        }
        SampleBatch samples = batch->takeSamples(topic.selected);
        if (samples.fields.empty())
            continue;
        quantize(samples);
        appendReleased(topic, topic.seam.add(std::move(samples)));
    }
}

void LiveSession::appendReleased(Topic &topic, const SeamOutput &out)
{
    std::int64_t rows = 0;
    for (const SampleBatch &b : out.batches) {
        Outcome<ApplyResult> applied = m_store.append(b);
        if (!applied) {
            Q_EMIT message(tr("Live data of %1: %2").arg(topic.status.topic, applied.error()), true);
            continue;
        }
        rows += std::int64_t(b.rowCount());
    }
    // Late rows go in their place one by one, each replacing a sample of its time if any.
    for (std::uint32_t r = 0; r < out.late.rowCount(); ++r) {
        const std::int64_t t = out.late.times[r];
        Outcome<ApplyResult> placed = m_store.replaceRange(t, t + 1, LiveSeam::select(out.late, {r}));
        if (!placed) {
            Q_EMIT message(tr("Live data of %1: %2").arg(topic.status.topic, placed.error()), true);
            continue;
        }
        ++rows;
    }
    topic.status.seam += out.counts;
    if (out.gap)
        scheduleGapFill(topic.status.topic, *out.gap);
    if (rows > 0)
        Q_EMIT samplesAppended(rows);
}

void LiveSession::scheduleGapFill(const QString &topic, const SeamGap &gap, int attempt)
{
    if (m_profile.influxUrl.isEmpty())
        return;
    // InfluxDB's sink writes a little after Kafka has the message: ask once it has caught up.
    const quint64 generation = m_generation;
    QTimer::singleShot(m_gapFillDelay, this, [this, generation, topic, gap, attempt] {
        if (generation != m_generation || !m_running)
            return;
        m_jobs.push_back({topic, gap.afterNs + 1, gap.beforeNs, true, attempt, gap.rhythmNs});
        runNextJob();
    });
}

void LiveSession::runNextJob()
{
    while (!m_current && !m_jobs.empty()) {
        Job job = m_jobs.front();
        m_jobs.pop_front();
        const auto it = m_topics.find(job.topic);
        if (it == m_topics.end())
            continue;
        QuerySelection selection;
        selection.setBucket(m_profile.database.isEmpty() ? QStringLiteral("efd") : m_profile.database);
        selection.measurement = job.topic;
        QStringList names;
        for (const std::string &f : it->second.fields)
            names.append(QString::fromStdString(f));
        selection.setFieldNames(names);
        Outcome<TimeRange> range = TimeRange::absolute(job.startNs, job.stopNs);
        if (!range) {
            it->second.status.historyError = range.error();
            continue;
        }
        QueryBuilder builder(selection, *range);
        builder.setMode(QueryMode::Raw);
        const QueryLanguage language = m_profile.api == ApiFlavour::V2 ? QueryLanguage::Flux : QueryLanguage::InfluxQl;
        Outcome<QString> text = builder.build(language);
        if (!text) {
            it->second.status.historyError = text.error();
            Q_EMIT message(tr("History of %1: %2").arg(job.topic, text.error()), true);
            if (!job.gap) {
                appendReleased(it->second, it->second.seam.close(std::nullopt));
                it->second.status.phase = LivePhase::Live;
            }
            continue;
        }
        if (!job.gap)
            it->second.status.phase = LivePhase::Backfilling;
        m_current = job;
        m_collector.clear();
        QueryRequest request;
        request.language = language;
        request.text = *text;
        m_query->start(request);
        Q_EMIT statusChanged();
    }
}

void LiveSession::jobFinished(bool ok, const QString &error)
{
    if (!m_current)
        return;
    const Job job = *m_current;
    m_current.reset();
    std::vector<SampleBatch> batches = m_collector.takeBatches();
    for (SampleBatch &b : batches)
        quantize(b);
    const auto it = m_topics.find(job.topic);
    if (it != m_topics.end()) {
        Topic &t = it->second;
        if (!ok) {
            t.status.historyError = error;
            Q_EMIT message(tr("History of %1: %2").arg(job.topic, error), true);
        }
        std::int64_t rows = 0;
        std::optional<std::int64_t> last;
        // The newest time every field has: a point written in parts (InfluxDB's sink is still
        // writing it) comes back with some fields null, in a batch of its own; live must
        // complete those fields from there, the others' copies are rejected by the store.
        std::optional<std::int64_t> lastOfAll;
        std::vector<std::int64_t> times;
        for (const SampleBatch &b : batches) {
            if (b.rowCount() == 0)
                continue;
            // History replaces whatever an earlier run left in these series.
            const std::int64_t from = job.gap ? job.startNs : std::numeric_limits<std::int64_t>::min();
            const std::int64_t to = job.gap ? job.stopNs : std::numeric_limits<std::int64_t>::max();
            Outcome<ApplyResult> applied = m_store.replaceRange(from, to, b);
            if (!applied) {
                Q_EMIT message(tr("History of %1: %2").arg(job.topic, applied.error()), true);
                continue;
            }
            times.insert(times.end(), b.times.begin(), b.times.end());
            const std::int64_t newest = *std::max_element(b.times.begin(), b.times.end());
            last = last ? std::max(*last, newest) : newest;
            lastOfAll = lastOfAll ? std::min(*lastOfAll, newest) : newest;
        }
        // Rows are sample times: a result split into batches per field group (pieces that
        // typed a column differently) has the same times in several batches.
        std::sort(times.begin(), times.end());
        times.erase(std::unique(times.begin(), times.end()), times.end());
        rows = std::int64_t(times.size());
        // Of history only its end tells the rhythm at the seam.
        if (!job.gap && times.size() > 64)
            times.erase(times.begin(), times.end() - 64);
        if (job.gap) {
            t.status.gapRows += rows;
            // What the sink had not written yet is asked for again, a few times.
            const std::int64_t filledUpTo = last ? *last : job.startNs - 1;
            const std::int64_t rhythm = times.size() >= 2 ? medianSpacing(times) : job.rhythmNs;
            if (ok && job.stopNs - filledUpTo > t.seam.gapThreshold(rhythm) && job.attempt < kGapFillAttempts)
                scheduleGapFill(job.topic, SeamGap{filledUpTo, job.stopNs, rhythm}, job.attempt + 1);
        } else {
            t.status.historyRows += rows;
            t.status.phase = LivePhase::Live;
        }
        if (rows > 0)
            Q_EMIT samplesAppended(rows);
        if (!job.gap) {
            t.status.seamNs = lastOfAll.value_or(0);
            appendReleased(t, t.seam.close(lastOfAll, medianSpacing(std::move(times))));
        }
    }
    Q_EMIT statusChanged();
    const bool backfilling = std::any_of(m_topics.begin(), m_topics.end(),
                                         [](const auto &kv) { return kv.second.status.phase != LivePhase::Live; });
    if (!job.gap && !backfilling)
        Q_EMIT backfillFinished();
    runNextJob();
}

void LiveSession::updateStats(const KafkaTopicStatsList &stats)
{
    for (const KafkaTopicStats &s : stats) {
        const auto it = m_topics.find(s.topic);
        if (it != m_topics.end())
            it->second.status.kafka = s;
    }
    Q_EMIT statusChanged();
}

} // namespace sasquatch
