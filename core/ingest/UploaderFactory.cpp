// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/UploaderFactory.h"

#include "core/ingest/HttpProduceUploader.h"
#include "core/ingest/InfluxUploader.h"
#include "core/ingest/KafkaUploader.h"

namespace sasquatch {

QString uploadViaName(UploadVia via)
{
    switch (via) {
    case UploadVia::RestProxy:
        return QStringLiteral("rest-proxy");
    case UploadVia::Bridge:
        return QStringLiteral("bridge");
    case UploadVia::Kafka:
        return QStringLiteral("kafka");
    case UploadVia::Influx:
        return QStringLiteral("influx");
    }
    return {};
}

std::optional<UploadVia> parseUploadVia(const QString &name)
{
    for (UploadVia v : {UploadVia::RestProxy, UploadVia::Bridge, UploadVia::Kafka, UploadVia::Influx})
        if (uploadViaName(v) == name)
            return v;
    return std::nullopt;
}

QString UploadConnection::missing() const
{
    switch (via) {
    case UploadVia::RestProxy:
        return profile.restProxyUrl.isEmpty() ? QStringLiteral("No REST proxy URL: give --rest-proxy-url URL or a profile with one.")
                                              : QString();
    case UploadVia::Bridge:
        return profile.kafkaBridgeUrl.isEmpty() ? QStringLiteral("No Kafka bridge URL: give --bridge-url URL or a profile with one.")
                                                : QString();
    case UploadVia::Kafka:
        return profile.kafkaBootstrap.isEmpty()
                   ? QStringLiteral("No Kafka brokers: give --kafka-bootstrap HOST:PORT or a profile with them.")
                   : QString();
    case UploadVia::Influx:
        return profile.influxUrl.isEmpty() ? QStringLiteral("No InfluxDB URL: give --influx-url URL or --profile NAME.") : QString();
    }
    return {};
}

std::unique_ptr<Uploader> makeUploader(const UploadConnection &c, std::shared_ptr<HttpTransport> transport, RetryPolicy policy)
{
    switch (c.via) {
    case UploadVia::RestProxy:
    case UploadVia::Bridge: {
        HttpProduceOptions o;
        o.protocol = c.via == UploadVia::RestProxy ? HttpProduceProtocol::RestProxyAvro : HttpProduceProtocol::BridgeJson;
        o.endpoint.url = c.via == UploadVia::RestProxy ? c.profile.restProxyUrl : c.profile.kafkaBridgeUrl;
        o.endpoint.verifyTls = c.profile.verifyTls;
        o.endpoint.caFile = c.profile.caFile;
        o.endpoint.token = c.httpToken;
        o.partitions = c.partitions;
        o.replicationFactor = c.replicationFactor;
        return std::make_unique<HttpProduceUploader>(o, std::move(transport), policy);
    }
    case UploadVia::Kafka: {
        KafkaProduceOptions o;
        o.bootstrap = c.profile.kafkaBootstrap;
        o.username = c.profile.kafkaUsername;
        o.password = c.kafkaPassword;
        o.tls = c.profile.kafkaTls;
        o.caFile = c.profile.kafkaCaFile;
        o.schemaRegistry.url = c.profile.schemaRegistryUrl;
        o.schemaRegistry.verifyTls = c.profile.verifyTls;
        o.schemaRegistry.caFile = c.profile.caFile;
        return std::make_unique<KafkaUploader>(o, std::move(transport), policy);
    }
    case UploadVia::Influx:
        return std::make_unique<InfluxUploader>(InfluxWriteTarget{c.profile, c.influxSecret, c.bucket}, std::move(transport),
                                                policy);
    }
    return {};
}

} // namespace sasquatch
