// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionProfile.h"
#include "core/http/HttpTransport.h"
#include "core/kafka/KafkaConsumerConfig.h"
#include "core/kafka/KafkaTail.h"
#include "core/series/LiveSeam.h"
#include "core/series/SeriesBatchCollector.h"
#include "core/series/SeriesStore.h"
#include "core/util/Outcome.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <deque>
#include <map>
#include <memory>

namespace sasquatch {

class QueryService;

/// Where a topic of a live session is.
enum class LivePhase : std::uint8_t {
    Waiting,     ///< queued for its history
    Backfilling, ///< history query running; live rows are held at the seam
    Live,        ///< history in, live rows appended as they come
};

/// One topic's line in the live panel's status.
struct LiveTopicStatus
{
    QString topic;
    LivePhase phase = LivePhase::Waiting;
    KafkaTopicStats kafka;      ///< messages/s, lag, age of the last message, decode errors
    std::int64_t historyRows = 0;
    std::int64_t gapRows = 0;   ///< rows a gap query found between history and live
    SeamCounts seam;            ///< live rows kept, dropped as overlap/duplicate, and late rows put in place
    std::int64_t seamNs = 0;    ///< the newest history sample when live took over; 0 before/without
    QString historyError;       ///< the last failed history query, for the user
};

/// History stitched to live for the fields of some topics, into a SeriesStore (the live
/// panel's, whose retention is the ring window): start() subscribes to the topics (KafkaTail,
/// on its worker thread) and, one topic at a time, backfills the window from InfluxDB
/// (QueryService, raw points of the fields). Live rows of a topic are held at its LiveSeam
/// until its history is in; then the overlap is removed by time (private_efdStamp) and live
/// rows are appended as they arrive. When live starts later than history ends (InfluxDB's
/// sink lags a little behind Kafka), the gap is queried once after gapFillDelay and put in
/// place with replaceRange, so the line has no gap and no sample twice.
///
/// Lives in the GUI thread (it changes the store); nothing here waits on the network.
class LiveSession : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kDefaultGapFillDelay{2000};
    /// A gap is asked for again (the sink may still be catching up) at most this often.
    static constexpr int kGapFillAttempts = 5;
    /// Times of both sources are compared at 1 µs: a double of SAL seconds resolves ~0.24 µs
    /// at today's epoch, so the same private_efdStamp can reach us as 1763950000.179999828 s
    /// from Kafka and as …180000000 ns from InfluxDB.
    static constexpr std::int64_t kTimeQuantumNs = 1000;

    LiveSession(SeriesStore &store, std::shared_ptr<HttpTransport> http, QObject *parent = nullptr);
    ~LiveSession() override;

    /// Where history comes from; a profile without influxUrl means live only.
    void setHistorySource(const ConnectionProfile &profile, const QString &secret);
    /// Brokers, credentials, schema source, start position, intervals; topics are set by
    /// setFields().
    void setKafkaConfig(const KafkaConsumerConfig &config);
    /// The ring window (default Retention::kDefaultWindowNs): history covers it and the store
    /// keeps that much behind each series' newest sample.
    void setWindow(std::int64_t windowNs);
    std::int64_t windowNs() const { return m_windowNs; }
    void setGapFillDelay(std::chrono::milliseconds delay) { m_gapFillDelay = delay; }

    /// The flattened field names (as InfluxDB names them: zForce0 … zForce155) per topic.
    /// Takes effect at the next start().
    void setFields(const std::map<QString, QStringList> &fields) { m_fields = fields; }
    const std::map<QString, QStringList> &fields() const { return m_fields; }

    /// Starts tailing and backfilling (stops a previous run). Fails for a configuration
    /// the consumer refuses (no bootstrap servers, no fields...).
    Outcome<Done> start();
    /// Stops the tail and any history query; what is in the store stays.
    void stop();
    bool isRunning() const;
    KafkaConnectionState connectionState() const { return m_tail->state(); }

    /// One entry per topic, in topic order.
    std::vector<LiveTopicStatus> status() const;

Q_SIGNALS:
    /// Samples were added to the store (history, gap or live rows): redraw soon.
    void samplesAppended(qint64 rows);
    void statusChanged();
    void connectionStateChanged(sasquatch::KafkaConnectionState state, const QString &detail);
    /// Every topic's history is in (or failed).
    void backfillFinished();
    /// The first message of `topic`, or the first after its writer schema changed, was
    /// decoded with `layout` (its fields' units and descriptions are there).
    void layoutSeen(const QString &topic, std::shared_ptr<const sasquatch::MessageLayout> layout);
    void message(const QString &text, bool error);

private:
    struct Job
    {
        QString topic;
        std::int64_t startNs = 0;
        std::int64_t stopNs = 0; ///< exclusive
        bool gap = false;
        int attempt = 1;
        std::int64_t rhythmNs = 0; ///< gap jobs: the stream's rhythm at the seam
    };
    struct Topic
    {
        LiveTopicStatus status;
        LiveSeam seam;
        std::vector<std::string> fields;
        std::shared_ptr<const MessageLayout> lastLayout; ///< for layoutSeen
        std::vector<std::uint32_t> selected; ///< `fields` in lastLayout (DecodedBatch::selectFields)
    };

    void receive(const DecodedBatchList &batches);
    void updateStats(const KafkaTopicStatsList &stats);
    void runNextJob();
    void jobFinished(bool ok, const QString &error);
    void appendReleased(Topic &topic, const SeamOutput &out);
    void scheduleGapFill(const QString &topic, const SeamGap &gap, int attempt = 1);

    SeriesStore &m_store;
    std::shared_ptr<HttpTransport> m_http;
    ConnectionProfile m_profile;
    QString m_secret;
    KafkaConsumerConfig m_kafka;
    std::int64_t m_windowNs = Retention::kDefaultWindowNs;
    std::chrono::milliseconds m_gapFillDelay = kDefaultGapFillDelay;
    std::map<QString, QStringList> m_fields;

    KafkaTail *m_tail = nullptr;
    QueryService *m_query = nullptr;
    std::map<QString, Topic> m_topics;
    std::deque<Job> m_jobs;
    std::optional<Job> m_current;
    SeriesBatchCollector m_collector;
    quint64 m_generation = 0; ///< drops timers of a previous run
    bool m_running = false;
};

} // namespace sasquatch
