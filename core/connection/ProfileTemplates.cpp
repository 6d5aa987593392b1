// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ProfileTemplates.h"

namespace sasquatch {

namespace {

// Hosts of the deployed environments; InfluxDB Enterprise sits behind the path below, the
// Schema Registry and REST proxy under the same host (DOMAIN.md). Kafka listens on 9094 with
// TLS + SCRAM-SHA-512.
ConnectionProfile environment(const QString &name, const QString &host, const QString &influxPath,
                              const QString &kafkaBootstrap)
{
    ConnectionProfile p;
    p.name = name;
    p.influxUrl = QStringLiteral("https://%1%2").arg(host, influxPath);
    p.api = ApiFlavour::V1;
    p.database = QStringLiteral("efd");
    p.verifyTls = true;
    p.kafkaBootstrap = kafkaBootstrap;
    p.kafkaTls = true;
    p.schemaRegistryUrl = QStringLiteral("https://%1/schema-registry").arg(host);
    p.restProxyUrl = QStringLiteral("https://%1/sasquatch-rest-proxy").arg(host);
    return p;
}

} // namespace

std::vector<ConnectionProfile> profileTemplates()
{
    std::vector<ConnectionProfile> list;
    list.push_back(environment(QStringLiteral("summit"), QStringLiteral("summit-lsp.lsst.codes"),
                               QStringLiteral("/influxdb-enterprise-data"),
                               QStringLiteral("sasquatch-summit-kafka-bootstrap.lsst.codes:9094")));
    list.push_back(environment(QStringLiteral("USDF"), QStringLiteral("usdf-rsp.slac.stanford.edu"),
                               QStringLiteral("/influxdb-enterprise-data"),
                               QStringLiteral("sasquatch-kafka-bootstrap.slac.stanford.edu:9094")));
    list.push_back(environment(QStringLiteral("USDF dev"), QStringLiteral("usdf-rsp-dev.slac.stanford.edu"),
                               QStringLiteral("/influxdb"),
                               QStringLiteral("sasquatch-dev-kafka-bootstrap.slac.stanford.edu:9094")));
    list.push_back(environment(QStringLiteral("BTS"), QStringLiteral("base-lsp.lsst.codes"),
                               QStringLiteral("/influxdb"),
                               QStringLiteral("sasquatch-base-kafka-bootstrap.lsst.codes:9094")));
    list.push_back(environment(QStringLiteral("TTS"), QStringLiteral("tucson-teststand.lsst.codes"),
                               QStringLiteral("/influxdb"),
                               QStringLiteral("sasquatch-tts-kafka-bootstrap.lsst.codes:9094")));
    list.push_back(environment(QStringLiteral("IDF"), QStringLiteral("data-int.lsst.cloud"),
                               QStringLiteral("/influxdb"), QString()));
    list.push_back(demoProfile(QStringLiteral("http://127.0.0.1:8086")));
    return list;
}

ConnectionProfile demoProfile(const QString &influxUrl, const QString &kafkaBootstrap)
{
    ConnectionProfile p;
    p.name = QString::fromLatin1(kDemoProfileName);
    p.influxUrl = influxUrl;
    p.api = ApiFlavour::V1;
    p.database = QStringLiteral("efd");
    p.verifyTls = true;
    p.kafkaTls = false;
    p.kafkaBootstrap = kafkaBootstrap;
    return p;
}

} // namespace sasquatch
