// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ConnectionProfile.h"

#include <QUrl>

namespace sasquatch {

QString apiFlavourName(ApiFlavour flavour)
{
    switch (flavour) {
    case ApiFlavour::V1: return QStringLiteral("v1");
    case ApiFlavour::V2: return QStringLiteral("v2");
    case ApiFlavour::Auto: break;
    }
    return QStringLiteral("auto");
}

std::optional<ApiFlavour> parseApiFlavour(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"auto" || t.isEmpty())
        return ApiFlavour::Auto;
    if (t == u"v1" || t == u"1" || t == u"1.x")
        return ApiFlavour::V1;
    if (t == u"v2" || t == u"2" || t == u"2.x")
        return ApiFlavour::V2;
    return std::nullopt;
}

QJsonObject ConnectionProfile::toJson() const
{
    QJsonObject o;
    o[u"name"] = name;
    o[u"influxUrl"] = influxUrl;
    o[u"api"] = apiFlavourName(api);
    o[u"database"] = database;
    o[u"org"] = org;
    o[u"username"] = username;
    o[u"verifyTls"] = verifyTls;
    o[u"caFile"] = caFile;
    o[u"kafkaBootstrap"] = kafkaBootstrap;
    o[u"kafkaUsername"] = kafkaUsername;
    o[u"kafkaCaFile"] = kafkaCaFile;
    o[u"kafkaTls"] = kafkaTls;
    o[u"schemaRegistryUrl"] = schemaRegistryUrl;
    o[u"restProxyUrl"] = restProxyUrl;
    o[u"kafkaBridgeUrl"] = kafkaBridgeUrl;
    return o;
}

Outcome<ConnectionProfile> ConnectionProfile::fromJson(const QJsonObject &o)
{
    ConnectionProfile p;
    p.name = o.value(u"name").toString().trimmed();
    p.influxUrl = o.value(u"influxUrl").toString().trimmed();
    const auto api = parseApiFlavour(o.value(u"api").toString());
    if (!api)
        return Failure{QStringLiteral("profile \"%1\": unknown api \"%2\" (expected auto, v1 or v2)")
                           .arg(p.name, o.value(u"api").toString())};
    p.api = *api;
    p.database = o.value(u"database").toString();
    p.org = o.value(u"org").toString();
    p.username = o.value(u"username").toString();
    p.verifyTls = o.value(u"verifyTls").toBool(true);
    p.caFile = o.value(u"caFile").toString();
    p.kafkaBootstrap = o.value(u"kafkaBootstrap").toString();
    p.kafkaUsername = o.value(u"kafkaUsername").toString();
    p.kafkaCaFile = o.value(u"kafkaCaFile").toString();
    p.kafkaTls = o.value(u"kafkaTls").toBool(true);
    p.schemaRegistryUrl = o.value(u"schemaRegistryUrl").toString();
    p.restProxyUrl = o.value(u"restProxyUrl").toString();
    p.kafkaBridgeUrl = o.value(u"kafkaBridgeUrl").toString();
    if (p.name.isEmpty())
        return Failure{QStringLiteral("a profile has no name")};
    if (p.influxUrl.isEmpty())
        return Failure{QStringLiteral("profile \"%1\" has no InfluxDB URL").arg(p.name)};
    return p;
}

static bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") && !url.host().isEmpty();
}

QStringList ConnectionProfile::validate() const
{
    QStringList problems;
    if (name.trimmed().isEmpty())
        problems << QStringLiteral("The profile needs a name.");
    if (!isHttpUrl(influxUrl))
        problems << QStringLiteral("The InfluxDB URL must be an http:// or https:// address with a host.");
    else if (!QUrl(influxUrl).userInfo().isEmpty())
        problems << QStringLiteral("Put credentials in the username and password fields, not in the URL.");
    for (const auto &[label, url] : {std::pair{QStringLiteral("Schema Registry"), schemaRegistryUrl},
                                     std::pair{QStringLiteral("REST proxy"), restProxyUrl},
                                     std::pair{QStringLiteral("Kafka bridge"), kafkaBridgeUrl}}) {
        if (!url.isEmpty() && !isHttpUrl(url))
            problems << QStringLiteral("The %1 URL must be an http:// or https:// address.").arg(label);
    }
    if (!kafkaBootstrap.isEmpty()) {
        for (const QString &server : kafkaBootstrap.split(u',', Qt::SkipEmptyParts)) {
            const int colon = server.lastIndexOf(u':');
            bool portOk = false;
            const int port = colon > 0 ? server.mid(colon + 1).toInt(&portOk) : 0;
            if (colon <= 0 || !portOk || port <= 0 || port > 65535)
                problems << QStringLiteral("Kafka bootstrap server \"%1\" must be host:port.").arg(server.trimmed());
        }
    }
    return problems;
}

QString secretKey(const QString &profileName, SecretKind kind)
{
    switch (kind) {
    case SecretKind::InfluxPassword: return profileName + QStringLiteral("/influx-password");
    case SecretKind::InfluxToken: return profileName + QStringLiteral("/influx-token");
    case SecretKind::KafkaPassword: return profileName + QStringLiteral("/kafka-password");
    }
    return profileName;
}

} // namespace sasquatch
