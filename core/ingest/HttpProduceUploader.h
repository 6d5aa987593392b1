// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/HttpTransport.h"
#include "core/ingest/Uploader.h"

#include <QHash>

#include <memory>

namespace sasquatch {

/// The two HTTP front ends of Kafka that Sasquatch runs.
enum class HttpProduceProtocol : std::uint8_t {
    /// Confluent REST proxy v2, `application/vnd.kafka.avro.v2+json`: `value_schema` in the
    /// first request of a topic, `value_schema_id` (from its answer) after; topics that do not
    /// exist are created through the v3 API first. What analysis_tools' dispatcher uses.
    RestProxyAvro,
    /// Strimzi Kafka bridge, `application/vnd.kafka.json.v2+json`: plain JSON values.
    BridgeJson,
};

/// A server reached over HTTP, with what is needed to authenticate.
struct HttpEndpoint
{
    QString url;
    bool verifyTls = true;
    QString caFile;
    QString username; ///< Basic auth when set
    QString password;
    QString token;    ///< `Authorization: Bearer` when set
};

struct HttpProduceOptions
{
    HttpProduceProtocol protocol = HttpProduceProtocol::RestProxyAvro;
    HttpEndpoint endpoint;
    int maxRecordsPerRequest = 1000;
    int partitions = 1;          ///< for topics created through v3 (the dispatcher's PARTITIONS)
    int replicationFactor = 3;   ///< (the dispatcher's REPLICATION_FACTOR)
};

/// Produces records through the Confluent REST proxy or the Strimzi bridge. Each answer's
/// `offsets` entry is matched to its record: an offset acknowledges it with partition and
/// offset, an error fails it with the server's words. Whole requests that fail with
/// 429/5xx/timeouts are retried with backoff (RetryingTransport); records refused with a
/// retriable per-record error (REST proxy error_code 2; bridge 429/5xx) are sent again, alone,
/// after a backoff, up to the policy's attempts.
class HttpProduceUploader final : public Uploader
{
public:
    HttpProduceUploader(HttpProduceOptions options, std::shared_ptr<HttpTransport> transport,
                        RetryPolicy policy = defaultRetryPolicy());

    QString describe() const override;
    std::vector<PlannedSend> dryRun(const UploadPlan &plan, const UploadLedger &ledger) override;
    void upload(const UploadPlan &plan, UploadLedger &ledger, const CancelToken &cancel,
                const UploadProgressSink &progress) override;

    /// Tests replace the backoff wait between per-record retries.
    void setSleeper(std::function<bool(std::chrono::milliseconds, const CancelToken &)> sleeper);

private:
    HttpRequest request(HttpMethod method, const QString &path, const QByteArray &contentType = {}) const;
    QByteArray batchBody(const PlannedTopic &topic, const UploadPlan &plan, const std::vector<int> &records,
                         std::optional<int> schemaId) const;
    bool ensureTopic(const QString &topic, const CancelToken &cancel, QString &error);
    /// Sends one batch; returns the records to try again (retriable per-record errors).
    std::vector<int> sendBatch(const PlannedTopic &topic, const UploadPlan &plan, const std::vector<int> &records,
                               UploadLedger &ledger, const CancelToken &cancel, QString &retryReason);

    HttpProduceOptions m_options;
    std::shared_ptr<HttpTransport> m_transport;
    RetryPolicy m_policy;
    std::function<bool(std::chrono::milliseconds, const CancelToken &)> m_sleeper;
    QHash<QString, int> m_schemaIds; ///< topic → value_schema_id the proxy answered
    QString m_clusterId;
};

} // namespace sasquatch
