// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/HttpTransport.h"
#include "core/ingest/HttpProduceUploader.h"
#include "core/ingest/Uploader.h"
#include "core/util/Outcome.h"

#include <QByteArray>
#include <QHash>

#include <chrono>
#include <memory>
#include <utility>
#include <vector>

namespace sasquatch {

struct KafkaProduceOptions
{
    QString bootstrap;           ///< host:port[,host:port]
    QString username;            ///< SASL SCRAM-SHA-512 when set
    QString password;
    bool tls = true;             ///< SSL / SASL_SSL; false for a plaintext listener (local mock)
    QString caFile;
    /// Schema Registry: with it, values are Avro with Confluent framing (0x00, big-endian
    /// schema id, Avro binary) under the id POST /subjects/<topic>-value/versions returns;
    /// without it, values are plain JSON.
    HttpEndpoint schemaRegistry;
    std::chrono::milliseconds deliveryTimeout{120'000}; ///< message.timeout.ms
    /// More librdkafka properties (tests: retry.backoff.ms, ...); applied last.
    std::vector<std::pair<QByteArray, QByteArray>> extraConfig;
};

/// Produces straight to Kafka with librdkafka: an idempotent producer (enable.idempotence,
/// acks=all), so librdkafka's own retries of a failed or timed-out produce request never
/// duplicate or reorder a message. Each message carries its record's index; its delivery
/// report acknowledges the record with partition and offset, or fails it with librdkafka's
/// error. A cancel purges what is still queued or in flight (those records fail as
/// cancelled: a purged in-flight message may still have been written).
class KafkaUploader final : public Uploader
{
public:
    KafkaUploader(KafkaProduceOptions options, std::shared_ptr<HttpTransport> transport,
                  RetryPolicy policy = defaultRetryPolicy());
    ~KafkaUploader() override;

    QString describe() const override;
    std::vector<PlannedSend> dryRun(const UploadPlan &plan, const UploadLedger &ledger) override;
    void upload(const UploadPlan &plan, UploadLedger &ledger, const CancelToken &cancel,
                const UploadProgressSink &progress) override;

    /// Values as Avro (a registry is configured) or JSON.
    bool usesAvro() const { return !m_options.schemaRegistry.url.isEmpty(); }
    /// The Confluent wire format: magic byte 0, the schema id big-endian, then the Avro body.
    static void appendConfluentHeader(int schemaId, std::string &out);

private:
    Outcome<int> registerSchema(const PlannedTopic &topic, const CancelToken &cancel);
    HttpRequest registryRequest(const QString &topic, const QByteArray &schema) const;
    static void onDelivery(void *rk, const void *message, void *opaque);

    KafkaProduceOptions m_options;
    std::shared_ptr<HttpTransport> m_transport;
    QHash<QString, int> m_schemaIds;
    UploadLedger *m_ledger = nullptr; ///< during upload(), for delivery reports
    bool m_cancelled = false;
};

} // namespace sasquatch
