// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/KafkaUploader.h"

#include "core/http/HttpFailure.h"
#include "core/http/RetryingTransport.h"
#include "core/http/UrlBuilder.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <librdkafka/rdkafka.h>

#include <cstdint>

namespace sasquatch {

KafkaUploader::KafkaUploader(KafkaProduceOptions options, std::shared_ptr<HttpTransport> transport, RetryPolicy policy)
    : m_options(std::move(options)), m_transport(std::make_shared<RetryingTransport>(std::move(transport), policy))
{
}

KafkaUploader::~KafkaUploader() = default;

QString KafkaUploader::describe() const
{
    return usesAvro() ? QStringLiteral("Kafka %1 (Avro, Confluent framing, schemas registered at %2)")
                            .arg(m_options.bootstrap, UrlBuilder::redacted(m_options.schemaRegistry.url))
                      : QStringLiteral("Kafka %1 (JSON values: no Schema Registry configured)").arg(m_options.bootstrap);
}

void KafkaUploader::appendConfluentHeader(int schemaId, std::string &out)
{
    const auto id = std::uint32_t(schemaId);
    out += char(0);
    out += char((id >> 24) & 0xFF);
    out += char((id >> 16) & 0xFF);
    out += char((id >> 8) & 0xFF);
    out += char(id & 0xFF);
}

HttpRequest KafkaUploader::registryRequest(const QString &topic, const QByteArray &schema) const
{
    HttpRequest r;
    r.method = HttpMethod::Post;
    auto base = UrlBuilder::fromBase(m_options.schemaRegistry.url);
    const QString path = QStringLiteral("/subjects/%1/versions").arg(UrlBuilder::encodeComponent(topic + QStringLiteral("-value")));
    r.url = base ? base->path(path).toString() : m_options.schemaRegistry.url + path;
    if (base && !base->username().isEmpty()) {
        r.username = base->username();
        r.password = base->password();
    }
    if (!m_options.schemaRegistry.username.isEmpty()) {
        r.username = m_options.schemaRegistry.username;
        r.password = m_options.schemaRegistry.password;
    }
    r.verifyTls = m_options.schemaRegistry.verifyTls;
    r.caFile = m_options.schemaRegistry.caFile;
    r.headers.emplace_back("Content-Type", "application/vnd.schemaregistry.v1+json");
    r.headers.emplace_back("Accept", "application/vnd.schemaregistry.v1+json, application/json");
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("schema"), QString::fromUtf8(schema)}}).toJson(QJsonDocument::Compact);
    return r;
}

Outcome<int> KafkaUploader::registerSchema(const PlannedTopic &topic, const CancelToken &cancel)
{
    if (auto it = m_schemaIds.find(topic.topic); it != m_schemaIds.end())
        return *it;
    const HttpRequest r = registryRequest(topic.topic, topic.schema.json());
    const HttpResult result = m_transport->perform(r, {}, {}, cancel);
    if (!result.succeeded())
        return Failure{QStringLiteral("cannot register the schema of %1: %2").arg(topic.topic, HttpFailure::from(r, result).message)};
    const QJsonValue id = QJsonDocument::fromJson(result.response.body).object().value(u"id");
    if (!id.isDouble())
        return Failure{QStringLiteral("the Schema Registry answered no schema id for %1-value").arg(topic.topic)};
    m_schemaIds.insert(topic.topic, id.toInt());
    return id.toInt();
}

std::vector<PlannedSend> KafkaUploader::dryRun(const UploadPlan &plan, const UploadLedger &ledger)
{
    std::vector<PlannedSend> sends;
    for (const PlannedTopic &topic : plan.topics()) {
        const std::vector<int> pending = ledger.toSend(topic);
        if (pending.empty())
            continue;
        if (usesAvro()) {
            const HttpRequest r = registryRequest(topic.topic, topic.schema.json());
            sends.push_back(PlannedSend{QStringLiteral("POST %1").arg(UrlBuilder::redacted(r.url)),
                                        {QStringLiteral("Content-Type: application/vnd.schemaregistry.v1+json")}, r.body, 0});
        }
        PlannedSend send;
        send.target = QStringLiteral("produce to %1 at %2").arg(topic.topic, m_options.bootstrap);
        send.headers << (usesAvro() ? QStringLiteral("(values: 0x00, the schema id, then Avro binary of these records)")
                                    : QStringLiteral("(values: JSON, one message per line below)"));
        std::string body;
        for (int i : pending) {
            topic.schema.appendPlainJson(plan.record(i), body);
            body += '\n';
        }
        send.body = QByteArray(body.data(), qsizetype(body.size()));
        send.records = qsizetype(pending.size());
        sends.push_back(std::move(send));
    }
    return sends;
}

void KafkaUploader::onDelivery(void *, const void *message, void *opaque)
{
    auto *self = static_cast<KafkaUploader *>(opaque);
    const auto *m = static_cast<const rd_kafka_message_t *>(message);
    const int planned = int(reinterpret_cast<std::intptr_t>(m->_private));
    if (!self->m_ledger)
        return;
    if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
        self->m_ledger->acknowledge(planned, int(m->partition), std::int64_t(m->offset));
    } else if (m->err == RD_KAFKA_RESP_ERR__PURGE_QUEUE || m->err == RD_KAFKA_RESP_ERR__PURGE_INFLIGHT) {
        self->m_ledger->fail(planned, m->err == RD_KAFKA_RESP_ERR__PURGE_QUEUE
                                          ? QStringLiteral("cancelled before it was sent")
                                          : QStringLiteral("cancelled while in flight (it may have been written)"));
    } else {
        self->m_ledger->fail(planned, QStringLiteral("Kafka: %1").arg(QString::fromUtf8(rd_kafka_err2str(m->err))));
    }
}

void KafkaUploader::upload(const UploadPlan &plan, UploadLedger &ledger, const CancelToken &cancel,
                           const UploadProgressSink &progress)
{
    QString activity;
    const auto report = [&]() {
        if (progress)
            progress(UploadProgress{ledger.acknowledged(), ledger.failed(), ledger.sendable(), activity});
    };
    std::vector<int> all;
    for (const PlannedTopic &topic : plan.topics())
        for (int i : ledger.toSend(topic))
            all.push_back(i);
    if (all.empty()) {
        report();
        return;
    }
    const auto failAll = [&](const QString &reason) {
        for (int i : all)
            if (ledger.needsSending(i))
                ledger.fail(i, reason);
        report();
    };
    // Configuration.
    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    std::vector<std::pair<QByteArray, QByteArray>> settings{
        {"bootstrap.servers", m_options.bootstrap.toUtf8()},
        {"enable.idempotence", "true"},
        {"acks", "all"},
        {"linger.ms", "5"},
        {"message.timeout.ms", QByteArray::number(qint64(m_options.deliveryTimeout.count()))},
        {"client.id", "sasquatch-browser-upload"},
    };
    if (!m_options.username.isEmpty()) {
        settings.emplace_back("security.protocol", m_options.tls ? "SASL_SSL" : "SASL_PLAINTEXT");
        settings.emplace_back("sasl.mechanisms", "SCRAM-SHA-512");
        settings.emplace_back("sasl.username", m_options.username.toUtf8());
        settings.emplace_back("sasl.password", m_options.password.toUtf8());
    } else if (m_options.tls) {
        settings.emplace_back("security.protocol", "SSL");
    }
    if (!m_options.caFile.isEmpty())
        settings.emplace_back("ssl.ca.location", m_options.caFile.toUtf8());
    for (const auto &extra : m_options.extraConfig)
        settings.push_back(extra);
    for (const auto &[key, value] : settings)
        if (rd_kafka_conf_set(conf, key.constData(), value.constData(), err, sizeof err) != RD_KAFKA_CONF_OK) {
            rd_kafka_conf_destroy(conf);
            failAll(QStringLiteral("Kafka configuration %1: %2").arg(QString::fromUtf8(key), QString::fromUtf8(err)));
            return;
        }
    rd_kafka_conf_set_opaque(conf, this);
    rd_kafka_conf_set_dr_msg_cb(conf, [](rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
        onDelivery(rk, m, opaque);
    });
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    if (!rk) {
        failAll(QStringLiteral("cannot create the Kafka producer: %1").arg(QString::fromUtf8(err)));
        return;
    }
    m_ledger = &ledger;
    std::string value;
    for (const PlannedTopic &topic : plan.topics()) {
        const std::vector<int> pending = ledger.toSend(topic);
        if (pending.empty())
            continue;
        int schemaId = -1;
        if (usesAvro()) {
            activity = QStringLiteral("registering the schema of %1").arg(topic.topic);
            report();
            auto id = registerSchema(topic, cancel);
            if (!id) {
                for (int i : pending)
                    ledger.fail(i, id.error());
                continue;
            }
            schemaId = *id;
        }
        activity = QStringLiteral("producing %1 message(s) to %2").arg(pending.size()).arg(topic.topic);
        report();
        const QByteArray topicName = topic.topic.toUtf8();
        for (int i : pending) {
            if (cancel.isCancelled()) {
                ledger.fail(i, QStringLiteral("cancelled before it was sent"));
                continue;
            }
            value.clear();
            if (schemaId >= 0) {
                appendConfluentHeader(schemaId, value);
                topic.schema.appendBinary(plan.record(i), value);
            } else {
                topic.schema.appendPlainJson(plan.record(i), value);
            }
            ledger.markSent(i);
            for (;;) {
                const rd_kafka_resp_err_t e = rd_kafka_producev(
                    rk, RD_KAFKA_V_TOPIC(topicName.constData()), RD_KAFKA_V_VALUE(value.data(), value.size()),
                    RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_OPAQUE(reinterpret_cast<void *>(std::intptr_t(i))),
                    RD_KAFKA_V_END);
                if (e == RD_KAFKA_RESP_ERR__QUEUE_FULL && !cancel.isCancelled()) {
                    rd_kafka_poll(rk, 50); // delivery reports free room in the queue
                    continue;
                }
                if (e != RD_KAFKA_RESP_ERR_NO_ERROR)
                    ledger.fail(i, QStringLiteral("Kafka refused to queue it: %1").arg(QString::fromUtf8(rd_kafka_err2str(e))));
                break;
            }
            rd_kafka_poll(rk, 0);
        }
    }
    activity = QStringLiteral("waiting for delivery reports");
    while (rd_kafka_outq_len(rk) > 0) {
        if (cancel.isCancelled()) {
            rd_kafka_purge(rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
            rd_kafka_poll(rk, 100);
            if (rd_kafka_outq_len(rk) > 0)
                rd_kafka_flush(rk, 1000);
            break;
        }
        rd_kafka_flush(rk, 100);
        report();
    }
    rd_kafka_poll(rk, 0);
    rd_kafka_destroy(rk);
    m_ledger = nullptr;
    // A message without a delivery report (none should be left) is not silently pending.
    for (int i : all)
        if (ledger.status(i).fate == RecordFate::Pending)
            ledger.fail(i, QStringLiteral("no delivery report arrived"));
    activity = QStringLiteral("done");
    report();
}

} // namespace sasquatch
