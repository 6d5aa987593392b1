// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/KafkaConsumer.h"

#include <QDateTime>
#include <QUuid>

#include <librdkafka/rdkafka.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <map>
#include <thread>

namespace sasquatch {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kFlushRows = 4096;
constexpr int kPollBatch = 1024;

struct TopicCounters
{
    std::int64_t messages = 0;
    std::int64_t windowMessages = 0;
    std::int64_t errors = 0;
    std::int64_t newestTimestamp_ms = -1;
    QString lastError;
    std::map<std::int32_t, std::int64_t> nextOffset; ///< per partition
};

QString kafkaError(rd_kafka_resp_err_t err)
{
    return QString::fromUtf8(rd_kafka_err2str(err));
}

} // namespace

struct KafkaConsumer::Impl
{
    KafkaConsumerConfig config;
    Callbacks callbacks;
    rd_kafka_t *rk = nullptr;
    rd_kafka_queue_t *queue = nullptr;
    std::thread thread;
    std::atomic<bool> stopFlag{false};
    std::atomic<bool> running{false};
    MessageDecoder decoder;
    std::map<std::string, TopicCounters> counters;
    rd_kafka_topic_partition_list_t *assignment = nullptr;
    KafkaConnectionState state = KafkaConnectionState::Stopped;
    QString stateDetail;
    Clock::time_point windowStart = Clock::now();
    std::string topicScratch;

    Impl(KafkaConsumerConfig c, Callbacks cb)
        : config(std::move(c)), callbacks(std::move(cb)), decoder(config.schemas, config.valueFormat)
    {
        decoder.setSampleFields(config.sampleFields);
    }

    void setState(KafkaConnectionState s, const QString &detail = {})
    {
        if (s == state && detail == stateDetail)
            return;
        state = s;
        stateDetail = detail;
        if (callbacks.state)
            callbacks.state(s, detail);
    }

    // librdkafka calls these from our poll, i.e. on the worker thread.
    static void onError(rd_kafka_t *, int err, const char *reason, void *opaque)
    {
        auto *self = static_cast<Impl *>(opaque);
        const auto code = rd_kafka_resp_err_t(err);
        const QString text = QString::fromUtf8(reason);
        if (code == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN || code == RD_KAFKA_RESP_ERR__TRANSPORT
            || code == RD_KAFKA_RESP_ERR__RESOLVE || code == RD_KAFKA_RESP_ERR__TIMED_OUT) {
            // librdkafka keeps reconnecting on its own; say so rather than failing.
            if (code == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN || self->state != KafkaConnectionState::Connected)
                self->setState(KafkaConnectionState::Reconnecting, text);
            return;
        }
        if (code == RD_KAFKA_RESP_ERR__AUTHENTICATION || code == RD_KAFKA_RESP_ERR__SSL
            || code == RD_KAFKA_RESP_ERR__FATAL) {
            self->setState(KafkaConnectionState::Failed, text);
            return;
        }
        // Anything else is shown but does not change the state.
        if (self->callbacks.state)
            self->callbacks.state(self->state, text);
    }

    static int onStats(rd_kafka_t *, char *json, size_t length, void *opaque)
    {
        auto *self = static_cast<Impl *>(opaque);
        const auto doc = nlohmann::json::parse(json, json + length, nullptr, false);
        if (doc.is_object()) {
            bool anyUp = false;
            if (const auto brokers = doc.find("brokers"); brokers != doc.end() && brokers->is_object())
                for (const auto &[name, broker] : brokers->items())
                    if (broker.value("nodeid", -1) >= 0 && broker.value("state", std::string()) == "UP")
                        anyUp = true;
            if (anyUp && self->state != KafkaConnectionState::Connected && self->state != KafkaConnectionState::Failed)
                self->setState(KafkaConnectionState::Connected);
        }
        return 0; // librdkafka frees the JSON
    }

    Outcome<Done> create()
    {
        char errstr[512] = {};
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        const auto set = [&](const std::string &name, const std::string &value) -> bool {
            if (rd_kafka_conf_set(conf, name.c_str(), value.c_str(), errstr, sizeof errstr) != RD_KAFKA_CONF_OK)
                return false;
            return true;
        };
        const bool sasl = !config.username.isEmpty();
        const std::string protocol = config.tls ? (sasl ? "SASL_SSL" : "SSL") : (sasl ? "SASL_PLAINTEXT" : "PLAINTEXT");
        QString group = config.groupId;
        if (group.isEmpty())
            group = QStringLiteral("sasquatch-browser-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
        std::vector<std::pair<std::string, std::string>> props = {
            {"bootstrap.servers", config.bootstrapServers.toStdString()},
            {"client.id", "sasquatch-browser"},
            {"group.id", group.toStdString()},
            {"enable.auto.commit", config.commitOffsets ? "true" : "false"},
            {"enable.auto.offset.store", config.commitOffsets ? "true" : "false"},
            {"auto.offset.reset", "latest"},
            {"security.protocol", protocol},
            // A live view wants messages as soon as they exist, not in large fetches.
            {"fetch.wait.max.ms", "20"},
            // After an empty or failed fetch librdkafka waits this long before the next one
            // (500 ms by default): a live view would show that as lag.
            {"fetch.error.backoff.ms", "20"},
            {"statistics.interval.ms", std::to_string(std::max<long long>(100, config.statsInterval.count()))},
            {"reconnect.backoff.ms", "100"},
            {"reconnect.backoff.max.ms", "2000"},
        };
        if (sasl) {
            props.emplace_back("sasl.mechanisms", "SCRAM-SHA-512");
            props.emplace_back("sasl.username", config.username.toStdString());
            props.emplace_back("sasl.password", config.password.toStdString());
        }
        if (config.tls) {
            props.emplace_back("enable.ssl.certificate.verification", config.verifyTls ? "true" : "false");
            if (!config.caFile.isEmpty())
                props.emplace_back("ssl.ca.location", config.caFile.toStdString());
        }
        for (const auto &p : config.extraProperties)
            props.push_back(p);
        for (const auto &[name, value] : props) {
            if (!set(name, value)) {
                rd_kafka_conf_destroy(conf);
                // Never quote a password back.
                return Failure{QStringLiteral("Kafka setting %1: %2")
                                   .arg(QString::fromStdString(name), QString::fromUtf8(errstr))};
            }
        }
        rd_kafka_conf_set_opaque(conf, this);
        rd_kafka_conf_set_error_cb(conf, &Impl::onError);
        rd_kafka_conf_set_stats_cb(conf, &Impl::onStats);
        // No log lines on stderr (they would interleave with `tail` output): what matters
        // arrives through the error callback and becomes the connection state.
        rd_kafka_conf_set_log_cb(conf, nullptr);
        rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
        if (!rk) {
            rd_kafka_conf_destroy(conf);
            return Failure{QStringLiteral("Cannot create the Kafka consumer: %1").arg(QString::fromUtf8(errstr))};
        }
        rd_kafka_poll_set_consumer(rk);
        queue = rd_kafka_queue_get_consumer(rk);
        return Done{};
    }

    /// Partitions of every topic (waits for the brokers, retrying, until stopped).
    bool resolvePartitions(rd_kafka_topic_partition_list_t *list)
    {
        for (const QString &topicName : config.topics) {
            const std::string name = topicName.toStdString();
            int attempt = 0;
            while (!stopFlag) {
                rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, name.c_str(), nullptr);
                const rd_kafka_metadata_t *md = nullptr;
                const auto err = rd_kafka_metadata(rk, 0, rkt, &md, 2000);
                rd_kafka_topic_destroy(rkt);
                if (err == RD_KAFKA_RESP_ERR_NO_ERROR && md && md->topic_cnt == 1) {
                    const auto &t = md->topics[0];
                    if (t.err == RD_KAFKA_RESP_ERR_NO_ERROR && t.partition_cnt > 0) {
                        for (int p = 0; p < t.partition_cnt; ++p)
                            rd_kafka_topic_partition_list_add(list, name.c_str(), t.partitions[p].id);
                        rd_kafka_metadata_destroy(md);
                        break;
                    }
                    const QString why = t.err ? kafkaError(t.err) : QStringLiteral("no partitions");
                    rd_kafka_metadata_destroy(md);
                    if (t.err == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART && attempt >= 2) {
                        // Kept waiting: the topic may be created later (a CSC not started yet).
                        setState(KafkaConnectionState::Connected,
                                 QStringLiteral("Topic %1: %2; waiting for it").arg(topicName, why));
                    }
                } else {
                    if (md)
                        rd_kafka_metadata_destroy(md);
                    setState(KafkaConnectionState::Reconnecting,
                             QStringLiteral("Cannot reach %1: %2").arg(config.bootstrapServers, kafkaError(err)));
                }
                ++attempt;
                for (int i = 0; i < 5 && !stopFlag; ++i)
                    std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        }
        return !stopFlag;
    }

    /// Start offsets per the configured mode, made explicit from the partitions' watermarks
    /// where possible: "now" is then the moment of the start (a message produced right after
    /// it is not missed), and the lag is known before the first message arrives.
    void chooseOffsets(rd_kafka_topic_partition_list_t *list)
    {
        const KafkaStartPosition start = config.start;
        std::vector<bool> useEnd(std::size_t(list->cnt), start.mode == KafkaStartMode::Now);
        if (start.mode == KafkaStartMode::SecondsAgo) {
            const std::int64_t then = QDateTime::currentMSecsSinceEpoch() - start.amount * 1000;
            for (int i = 0; i < list->cnt; ++i)
                list->elems[i].offset = then;
            const auto err = rd_kafka_offsets_for_times(rk, list, 5000);
            for (int i = 0; i < list->cnt; ++i) {
                // -1 means "no message at or after that time" (and the mock cluster always
                // answers it): start at the end.
                if (err != RD_KAFKA_RESP_ERR_NO_ERROR || list->elems[i].err || list->elems[i].offset < 0)
                    useEnd[std::size_t(i)] = true;
                list->elems[i].err = RD_KAFKA_RESP_ERR_NO_ERROR;
            }
        }
        for (int i = 0; i < list->cnt; ++i) {
            auto &e = list->elems[i];
            if (start.mode == KafkaStartMode::SecondsAgo && !useEnd[std::size_t(i)])
                continue;
            std::int64_t low = 0, high = 0;
            const bool known = rd_kafka_query_watermark_offsets(rk, e.topic, e.partition, &low, &high, 5000)
                               == RD_KAFKA_RESP_ERR_NO_ERROR;
            if (start.mode == KafkaStartMode::LastN)
                e.offset = known ? std::max(low, high - start.amount) : RD_KAFKA_OFFSET_TAIL(start.amount);
            else if (start.mode == KafkaStartMode::Beginning)
                e.offset = known ? low : RD_KAFKA_OFFSET_BEGINNING;
            else
                e.offset = known ? high : RD_KAFKA_OFFSET_END;
        }
        for (int i = 0; i < list->cnt; ++i)
            if (list->elems[i].offset >= 0)
                counters[list->elems[i].topic].nextOffset[list->elems[i].partition] = list->elems[i].offset;
    }

    void flush()
    {
        if (decoder.pendingRows() == 0)
            return;
        DecodedBatchList batches = decoder.takeBatches();
        if (callbacks.batches && !batches.empty())
            callbacks.batches(std::move(batches));
    }

    void publishStats()
    {
        const auto now = Clock::now();
        const double seconds = std::chrono::duration<double>(now - windowStart).count();
        windowStart = now;
        // Lag from our own positions (next offset per partition) and the high watermarks
        // librdkafka caches from fetch responses: no request to the brokers.
        std::map<std::string, std::int64_t> lag;
        for (auto &[topic, c] : counters) {
            for (const auto &[partition, next] : c.nextOffset) {
                std::int64_t low = -1, high = -1;
                rd_kafka_get_watermark_offsets(rk, topic.c_str(), partition, &low, &high);
                if (high < 0)
                    continue;
                lag[topic] += std::max<std::int64_t>(0, high - next);
            }
        }
        const std::int64_t nowMs = QDateTime::currentMSecsSinceEpoch();
        KafkaTopicStatsList list;
        for (const QString &t : config.topics) {
            TopicCounters &c = counters[t.toStdString()];
            KafkaTopicStats s;
            s.topic = t;
            s.messages = c.messages;
            s.messagesPerSecond = seconds > 0 ? double(c.windowMessages) / seconds : 0;
            const auto l = lag.find(t.toStdString());
            s.lag = l == lag.end() ? -1 : l->second;
            s.lastMessageAge_ms = c.newestTimestamp_ms < 0 ? -1 : std::max<std::int64_t>(0, nowMs - c.newestTimestamp_ms);
            s.decodeErrors = c.errors;
            s.lastError = c.lastError;
            c.windowMessages = 0;
            list.push_back(std::move(s));
        }
        if (callbacks.stats)
            callbacks.stats(std::move(list));
    }

    void handle(rd_kafka_message_t *m)
    {
        if (m->err) {
            if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF)
                return;
            const QString topic = m->rkt ? QString::fromUtf8(rd_kafka_topic_name(m->rkt)) : QString();
            const QString text = QStringLiteral("%1%2").arg(topic.isEmpty() ? QString() : topic + QStringLiteral(": "),
                                                          QString::fromUtf8(rd_kafka_message_errstr(m)));
            if (!topic.isEmpty())
                counters[topic.toStdString()].lastError = text;
            if (callbacks.state)
                callbacks.state(state, text);
            return;
        }
        if (state != KafkaConnectionState::Connected)
            setState(KafkaConnectionState::Connected);
        const char *topicName = rd_kafka_topic_name(m->rkt);
        TopicCounters &c = counters[topicName];
        c.nextOffset[m->partition] = m->offset + 1;
        rd_kafka_timestamp_type_t type;
        KafkaMessageMeta meta;
        meta.partition = m->partition;
        meta.offset = m->offset;
        meta.timestamp_ms = rd_kafka_message_timestamp(m, &type);
        QString error;
        topicScratch.assign(topicName); // reused: no allocation per message
        if (decoder.decode(topicScratch, meta, m->payload, m->len, &error)) {
            ++c.messages;
            ++c.windowMessages;
            c.newestTimestamp_ms = std::max(c.newestTimestamp_ms, meta.timestamp_ms);
        } else {
            ++c.errors;
            c.lastError = QStringLiteral("partition %1 offset %2: %3").arg(m->partition).arg(m->offset).arg(error);
        }
    }

    void run()
    {
        setState(KafkaConnectionState::Connecting);
        rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(8);
        if (!resolvePartitions(list)) {
            rd_kafka_topic_partition_list_destroy(list);
            return;
        }
        chooseOffsets(list);
        const auto err = rd_kafka_assign(rk, list);
        if (err) {
            setState(KafkaConnectionState::Failed, QStringLiteral("Cannot assign partitions: %1").arg(kafkaError(err)));
            rd_kafka_topic_partition_list_destroy(list);
            return;
        }
        assignment = list;
        setState(KafkaConnectionState::Connected);
        auto lastFlush = Clock::now();
        auto lastStats = Clock::now();
        windowStart = lastStats;
        std::vector<rd_kafka_message_t *> messages(kPollBatch);
        while (!stopFlag) {
            // consume_batch_queue waits until the batch is FULL or the timeout passes, so it is
            // only asked for what is already there; when nothing is, one message is awaited.
            const auto n = rd_kafka_consume_batch_queue(queue, 0, messages.data(), messages.size());
            for (ssize_t i = 0; i < n; ++i) {
                handle(messages[std::size_t(i)]);
                rd_kafka_message_destroy(messages[std::size_t(i)]);
            }
            if (n <= 0) {
                if (rd_kafka_message_t *m = rd_kafka_consume_queue(queue, 20)) {
                    handle(m);
                    rd_kafka_message_destroy(m);
                }
            }
            const auto now = Clock::now();
            const bool receiverReady = !callbacks.ready || callbacks.ready();
            if (decoder.pendingRows() >= kFlushRows || (now - lastFlush >= config.batchInterval && receiverReady)) {
                flush();
                lastFlush = now;
            }
            if (now - lastStats >= config.statsInterval) {
                publishStats();
                lastStats = now;
            }
        }
        flush();
    }
};

KafkaConsumer::KafkaConsumer(KafkaConsumerConfig config, Callbacks callbacks)
    : m_impl(std::make_unique<Impl>(std::move(config), std::move(callbacks)))
{
}

KafkaConsumer::~KafkaConsumer()
{
    stop();
}

Outcome<Done> KafkaConsumer::start()
{
    if (m_impl->running)
        return Failure{QStringLiteral("The Kafka consumer is already running.")};
    if (const QStringList problems = m_impl->config.validate(); !problems.isEmpty())
        return Failure{problems.join(u' ')};
    if (auto created = m_impl->create(); !created)
        return created;
    m_impl->stopFlag = false;
    m_impl->running = true;
    m_impl->thread = std::thread([impl = m_impl.get()] { impl->run(); });
    return Done{};
}

void KafkaConsumer::stop()
{
    if (!m_impl->rk)
        return;
    m_impl->stopFlag = true;
    if (m_impl->thread.joinable())
        m_impl->thread.join();
    if (m_impl->assignment) {
        rd_kafka_assign(m_impl->rk, nullptr);
        rd_kafka_topic_partition_list_destroy(m_impl->assignment);
        m_impl->assignment = nullptr;
    }
    if (m_impl->queue)
        rd_kafka_queue_destroy(m_impl->queue);
    m_impl->queue = nullptr;
    rd_kafka_consumer_close(m_impl->rk);
    rd_kafka_destroy(m_impl->rk);
    m_impl->rk = nullptr;
    m_impl->running = false;
    m_impl->setState(KafkaConnectionState::Stopped);
}

bool KafkaConsumer::isRunning() const
{
    return m_impl->running;
}

QString KafkaConsumer::libraryVersion()
{
    return QString::fromUtf8(rd_kafka_version_str());
}

} // namespace sasquatch
