// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/HttpProduceUploader.h"

#include "core/http/HttpFailure.h"
#include "core/http/RetryingTransport.h"
#include "core/http/UrlBuilder.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace sasquatch {

namespace {

const QByteArray kAvroV2 = "application/vnd.kafka.avro.v2+json";
const QByteArray kJsonV2 = "application/vnd.kafka.json.v2+json";
const QByteArray kV2 = "application/vnd.kafka.v2+json";

QString pathOfTopic(const QString &topic)
{
    return QStringLiteral("/topics/") + UrlBuilder::encodeComponent(topic);
}

/// Whether a Kafka exception's message names a condition that sending again cannot cure:
/// TopicAuthorizationException ("Not authorized to access topics: [t]"), RecordTooLargeException
/// ("The message is N bytes when serialized which is larger than ..."), InvalidTopicException.
/// UnknownTopicOrPartition is retriable (the topic may be being created).
bool isPermanentKafkaError(const QString &message)
{
    static const QStringList kPermanent{QStringLiteral("not authorized"), QStringLiteral("recordtoolarge"),
                                        QStringLiteral("too large"), QStringLiteral("larger than"),
                                        QStringLiteral("invalidtopic"), QStringLiteral("invalid topic")};
    const QString m = message.toLower();
    for (const QString &p : kPermanent)
        if (m.contains(p))
            return true;
    return false;
}

} // namespace

HttpProduceUploader::HttpProduceUploader(HttpProduceOptions options, std::shared_ptr<HttpTransport> transport,
                                         RetryPolicy policy)
    : m_options(std::move(options)), m_policy(policy), m_sleeper(&RetryingTransport::sleepUnlessCancelled)
{
    m_transport = std::make_shared<RetryingTransport>(std::move(transport), policy);
}

void HttpProduceUploader::setSleeper(std::function<bool(std::chrono::milliseconds, const CancelToken &)> sleeper)
{
    m_sleeper = std::move(sleeper);
    static_cast<RetryingTransport *>(m_transport.get())->setSleeper(m_sleeper);
}

QString HttpProduceUploader::describe() const
{
    return m_options.protocol == HttpProduceProtocol::RestProxyAvro
               ? QStringLiteral("Confluent REST proxy %1 (Avro, application/vnd.kafka.avro.v2+json)")
                     .arg(UrlBuilder::redacted(m_options.endpoint.url))
               : QStringLiteral("Strimzi Kafka bridge %1 (JSON, application/vnd.kafka.json.v2+json)")
                     .arg(UrlBuilder::redacted(m_options.endpoint.url));
}

HttpRequest HttpProduceUploader::request(HttpMethod method, const QString &path, const QByteArray &contentType) const
{
    HttpRequest r;
    r.method = method;
    auto base = UrlBuilder::fromBase(m_options.endpoint.url);
    r.url = base ? base->path(path).toString() : m_options.endpoint.url + path;
    if (base && !base->username().isEmpty()) {
        r.username = base->username();
        r.password = base->password();
    }
    if (!m_options.endpoint.username.isEmpty()) {
        r.username = m_options.endpoint.username;
        r.password = m_options.endpoint.password;
    }
    if (!m_options.endpoint.token.isEmpty())
        r.headers.emplace_back("Authorization", "Bearer " + m_options.endpoint.token.toUtf8());
    r.verifyTls = m_options.endpoint.verifyTls;
    r.caFile = m_options.endpoint.caFile;
    r.totalTimeout = std::chrono::milliseconds(120'000);
    if (!contentType.isEmpty())
        r.headers.emplace_back("Content-Type", contentType);
    r.headers.emplace_back("Accept", m_options.protocol == HttpProduceProtocol::RestProxyAvro ? kV2 + ", application/json"
                                                                                             : QByteArray("application/json"));
    return r;
}

QByteArray HttpProduceUploader::batchBody(const PlannedTopic &topic, const UploadPlan &plan, const std::vector<int> &records,
                                          std::optional<int> schemaId) const
{
    std::string out;
    out.reserve(records.size() * 200);
    out += '{';
    if (m_options.protocol == HttpProduceProtocol::RestProxyAvro) {
        if (schemaId) {
            out += "\"value_schema_id\":" + std::to_string(*schemaId) + ',';
        } else {
            out += "\"value_schema\":";
            AvroRecordSchema::appendJsonString(QString::fromUtf8(topic.schema.json()), out);
            out += ',';
        }
    }
    out += "\"records\":[";
    bool first = true;
    for (int i : records) {
        if (!first)
            out += ',';
        first = false;
        out += "{\"value\":";
        if (m_options.protocol == HttpProduceProtocol::RestProxyAvro)
            topic.schema.appendAvroJson(plan.record(i), out);
        else
            topic.schema.appendPlainJson(plan.record(i), out);
        out += '}';
    }
    out += "]}";
    return QByteArray(out.data(), qsizetype(out.size()));
}

std::vector<PlannedSend> HttpProduceUploader::dryRun(const UploadPlan &plan, const UploadLedger &ledger)
{
    std::vector<PlannedSend> sends;
    const bool rest = m_options.protocol == HttpProduceProtocol::RestProxyAvro;
    for (const PlannedTopic &topic : plan.topics()) {
        const std::vector<int> pending = ledger.toSend(topic);
        if (pending.empty())
            continue;
        if (rest) {
            const HttpRequest probe = request(HttpMethod::Get, pathOfTopic(topic.topic));
            sends.push_back(PlannedSend{QStringLiteral("GET %1").arg(probe.url),
                                        {QStringLiteral("(when it answers 404: GET /v3/clusters, then POST "
                                                        "/v3/clusters/<cluster_id>/topics {\"topic_name\":\"%1\","
                                                        "\"partitions_count\":%2,\"replication_factor\":%3})")
                                             .arg(topic.topic)
                                             .arg(m_options.partitions)
                                             .arg(m_options.replicationFactor)},
                                        {},
                                        0});
        }
        const std::size_t step = std::size_t(std::max(1, m_options.maxRecordsPerRequest));
        for (std::size_t start = 0; start < pending.size(); start += step) {
            const std::vector<int> batch(pending.begin() + qsizetype(start),
                                         pending.begin() + qsizetype(std::min(pending.size(), start + step)));
            // After the first request the proxy's value_schema_id replaces the schema text.
            const std::optional<int> id = rest && start > 0 ? std::optional<int>(m_schemaIds.value(topic.topic, 0)) : std::nullopt;
            const HttpRequest r = request(HttpMethod::Post, pathOfTopic(topic.topic), rest ? kAvroV2 : kJsonV2);
            PlannedSend send;
            send.target = QStringLiteral("POST %1").arg(r.url);
            for (const auto &[name, value] : r.headers)
                if (name != "Authorization")
                    send.headers << QString::fromUtf8(name + ": " + value);
            if (id && *id == 0)
                send.headers << QStringLiteral("(value_schema_id 0 stands for the id the first answer gives)");
            send.body = batchBody(topic, plan, batch, id);
            send.records = qsizetype(batch.size());
            sends.push_back(std::move(send));
        }
    }
    return sends;
}

bool HttpProduceUploader::ensureTopic(const QString &topic, const CancelToken &cancel, QString &error)
{
    HttpRequest probe = request(HttpMethod::Get, pathOfTopic(topic));
    HttpResult result = m_transport->perform(probe, {}, {}, cancel);
    if (result.succeeded())
        return true;
    if (result.response.status != 404) {
        error = HttpFailure::from(probe, result).message;
        return false;
    }
    if (m_clusterId.isEmpty()) {
        HttpRequest clusters = request(HttpMethod::Get, QStringLiteral("/v3/clusters"));
        result = m_transport->perform(clusters, {}, {}, cancel);
        if (!result.succeeded()) {
            error = QStringLiteral("topic %1 does not exist and the cluster id is unknown: %2")
                        .arg(topic, HttpFailure::from(clusters, result).message);
            return false;
        }
        const QJsonArray data = QJsonDocument::fromJson(result.response.body).object().value(u"data").toArray();
        m_clusterId = data.isEmpty() ? QString() : data.first().toObject().value(u"cluster_id").toString();
        if (m_clusterId.isEmpty()) {
            error = QStringLiteral("topic %1 does not exist, and GET /v3/clusters named no cluster_id").arg(topic);
            return false;
        }
    }
    HttpRequest create = request(HttpMethod::Post,
                                 QStringLiteral("/v3/clusters/%1/topics").arg(UrlBuilder::encodeComponent(m_clusterId)),
                                 "application/json");
    QJsonObject body{{QStringLiteral("topic_name"), topic},
                     {QStringLiteral("partitions_count"), m_options.partitions},
                     {QStringLiteral("replication_factor"), m_options.replicationFactor}};
    create.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    result = m_transport->perform(create, {}, {}, cancel);
    // 400/409 say the topic exists by now (another uploader was quicker): that is fine too.
    if (result.succeeded() || result.response.status == 400 || result.response.status == 409)
        return true;
    error = QStringLiteral("cannot create topic %1: %2").arg(topic, HttpFailure::from(create, result).message);
    return false;
}

std::vector<int> HttpProduceUploader::sendBatch(const PlannedTopic &topic, const UploadPlan &plan,
                                                const std::vector<int> &records, UploadLedger &ledger,
                                                const CancelToken &cancel, QString &retryReason)
{
    const bool rest = m_options.protocol == HttpProduceProtocol::RestProxyAvro;
    std::optional<int> id;
    if (rest && m_schemaIds.contains(topic.topic))
        id = m_schemaIds.value(topic.topic);
    HttpRequest r = request(HttpMethod::Post, pathOfTopic(topic.topic), rest ? kAvroV2 : kJsonV2);
    r.body = batchBody(topic, plan, records, id);
    for (int i : records)
        ledger.markSent(i);
    const HttpResult result = m_transport->perform(r, {}, {}, cancel);
    if (!result.succeeded()) {
        const QString message = HttpFailure::from(r, result).message;
        for (int i : records)
            ledger.fail(i, message);
        return {};
    }
    const QJsonObject answer = QJsonDocument::fromJson(result.response.body).object();
    if (rest && answer.value(u"value_schema_id").isDouble())
        m_schemaIds.insert(topic.topic, answer.value(u"value_schema_id").toInt());
    const QJsonArray offsets = answer.value(u"offsets").toArray();
    if (offsets.size() != qsizetype(records.size())) {
        const QString message = QStringLiteral("%1 answered %2 offsets for %3 records; their fate is unknown")
                                    .arg(r.url)
                                    .arg(offsets.size())
                                    .arg(records.size());
        for (int i : records)
            ledger.fail(i, message);
        return {};
    }
    std::vector<int> again;
    for (qsizetype k = 0; k < offsets.size(); ++k) {
        const int i = records[std::size_t(k)];
        const QJsonObject o = offsets.at(k).toObject();
        const QJsonValue code = o.value(u"error_code");
        if (code.isNull() || code.isUndefined()) {
            ledger.acknowledge(i, o.value(u"partition").toInt(-1), std::int64_t(o.value(u"offset").toDouble(-1)));
            continue;
        }
        const int c = code.toInt();
        const QString text = o.value(rest ? u"error" : u"message").toString();
        const QString reason = QStringLiteral("%1 refused it: error_code %2%3")
                                   .arg(rest ? QStringLiteral("REST proxy") : QStringLiteral("Kafka bridge"))
                                   .arg(c)
                                   .arg(text.isEmpty() ? QString() : QStringLiteral(": ") + text);
        ledger.fail(i, reason);
        // REST proxy v2: 1 = non-retriable, 2 = retriable Kafka exception. The bridge passes
        // HTTP-like codes: overload and server errors may pass, but it reports every failed
        // send but a missing topic as 500 with the Kafka exception's message.
        const bool retriable = rest ? c == 2 : ((c == 429 || c >= 500) && !isPermanentKafkaError(text));
        if (retriable) {
            again.push_back(i);
            retryReason = reason;
        }
    }
    return again;
}

void HttpProduceUploader::upload(const UploadPlan &plan, UploadLedger &ledger, const CancelToken &cancel,
                                 const UploadProgressSink &progress)
{
    const auto report = [&](const QString &activity) {
        if (progress)
            progress(UploadProgress{ledger.acknowledged(), ledger.failed(), ledger.sendable(), activity});
    };
    const bool rest = m_options.protocol == HttpProduceProtocol::RestProxyAvro;
    for (const PlannedTopic &topic : plan.topics()) {
        std::vector<int> pending = ledger.toSend(topic);
        if (pending.empty())
            continue;
        if (cancel.isCancelled()) {
            for (int i : pending)
                ledger.fail(i, QStringLiteral("cancelled before it was sent"));
            continue;
        }
        if (rest) {
            QString error;
            report(QStringLiteral("checking topic %1").arg(topic.topic));
            if (!ensureTopic(topic.topic, cancel, error)) {
                for (int i : pending)
                    ledger.fail(i, error);
                report({});
                continue;
            }
        }
        const std::size_t step = std::size_t(std::max(1, m_options.maxRecordsPerRequest));
        for (int round = 1; !pending.empty(); ++round) {
            std::vector<int> again;
            QString retryReason;
            for (std::size_t start = 0; start < pending.size(); start += step) {
                const std::vector<int> batch(pending.begin() + qsizetype(start),
                                             pending.begin() + qsizetype(std::min(pending.size(), start + step)));
                if (cancel.isCancelled()) {
                    for (int i : batch)
                        ledger.fail(i, QStringLiteral("cancelled before it was sent"));
                    continue;
                }
                report(QStringLiteral("POST /topics/%1 (%2 records)").arg(topic.topic).arg(batch.size()));
                const std::vector<int> retry = sendBatch(topic, plan, batch, ledger, cancel, retryReason);
                again.insert(again.end(), retry.begin(), retry.end());
                report({});
            }
            if (again.empty() || round >= m_policy.maxAttempts || cancel.isCancelled())
                break;
            const auto delay = m_policy.delayBefore(round + 1, HttpResponse{}, QRandomGenerator::global()->generateDouble(),
                                                    QDateTime::currentDateTimeUtc());
            report(QStringLiteral("%1 record(s) of %2 to send again: %3").arg(again.size()).arg(topic.topic, retryReason));
            if (!m_sleeper(delay.value_or(m_policy.maxDelay), cancel))
                break;
            pending = std::move(again);
        }
    }
    report(QStringLiteral("done"));
}

} // namespace sasquatch
