// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionProfile.h"
#include "core/query/QueryLanguage.h"
#include "core/query/QuerySelection.h"
#include "core/series/SampleBatch.h"
#include "core/series/SeriesBatchCollector.h"
#include "core/workspace/ZoomHistory.h"

#include <QObject>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace sasquatch {

class HttpTransport;
class QueryService;
class SeriesStore;
struct QuerySummary;

/// Fills the SeriesStore with what the plots show: for every (bucket, measurement, tags) of the
/// plotted fields one query (core/query/QueryBuilder) for the visible range widened by half a
/// span on each side, so that short pans need nothing new, run by a QueryService (the request
/// runs on its worker thread; the GUI thread only turns result tables into SampleBatches and
/// swaps them into the store with SeriesStore::replaceRange). The window is sized to the pixel
/// width (windowPeriodNs, about one mean per pixel); raw points when the widened range would
/// hold at most kRawPointBudget samples of a 50 Hz stream (SAL's usual fastest rate), i.e.
/// views up to about half an hour.
///
/// A target is queried only when what was loaded for it does not cover the view at the
/// resolution needed (loaded range does not contain the view, or the loaded window is more
/// than twice the one wanted), or when what was loaded reached into the last kRecentNs before
/// the query and is older than kRecentRefreshNs (new samples may have arrived since). load()
/// abandons the query in flight and the ones queued.
class PlotDataLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr std::int64_t kRawPointBudget = 200'000;
    static constexpr std::int64_t kAssumedSampleIntervalNs = 20'000'000;
    static constexpr std::int64_t kRecentNs = 120'000'000'000;
    static constexpr std::int64_t kRecentRefreshNs = 10'000'000'000;

    /// What one query loads: fields of one measurement (and tag set) of one bucket.
    struct Target
    {
        QString bucket;
        QString measurement;
        std::vector<TagFilter> tags;
        QStringList fields;
    };

    PlotDataLoader(SeriesStore &store, std::shared_ptr<HttpTransport> transport, QObject *parent = nullptr);
    ~PlotDataLoader() override;

    void setConnection(const ConnectionProfile &profile, const QString &secret);
    void setLanguage(QueryLanguage language) { m_language = language; }
    QueryLanguage language() const { return m_language; }

    /// Loads what `targets` lack for `view` drawn `pixelWidth` wide.
    void load(const std::vector<Target> &targets, const TimeView &view, int pixelWidth);
    /// Runs a typed query once and hands its batches to `done` (restoring a workspace's query
    /// series); queued behind the view's queries.
    void runQuery(const QString &text, QueryLanguage language, std::function<void(std::vector<SampleBatch>)> done);
    /// Forgets what was loaded (after the connection changed) so that the next load() queries.
    void invalidate();
    bool isLoading() const { return m_running || !m_queue.empty(); }

    /// The store key's tags for a target's tag filters.
    static TagSet tagSet(const std::vector<TagFilter> &tags);

Q_SIGNALS:
    /// Samples were put into the store.
    void dataChanged();
    void loadingChanged(bool loading);
    /// A query failed (not when it was abandoned); `message` says which and why.
    void failed(const QString &message);

private:
    struct Job
    {
        Target target;
        TimeView range;
        std::int64_t windowNs = 0; ///< 0 = raw
        QString text;
        QueryLanguage language = QueryLanguage::InfluxQl;
        std::function<void(std::vector<SampleBatch>)> done; ///< set for runQuery() jobs
        std::int64_t startedAtNs = 0;
    };
    struct Coverage
    {
        TimeView range;
        std::int64_t windowNs = 0;
        std::int64_t loadedAtNs = 0; ///< wall clock of the query
    };

    void startNext();
    void onFinished(const QuerySummary &summary);
    void onFailed(const QString &message, bool cancelled);
    static std::string coverageKey(const Target &target, const QString &field);

    SeriesStore &m_store;
    QueryService *m_service = nullptr;
    ConnectionProfile m_profile;
    QString m_secret;
    QueryLanguage m_language = QueryLanguage::InfluxQl;
    bool m_connected = false;
    std::deque<Job> m_queue;
    Job m_current;
    bool m_running = false;
    SeriesBatchCollector m_collector;
    QStringList m_notes;
    std::map<std::string, Coverage> m_coverage;
};

} // namespace sasquatch
