// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Outcome.h"

#include <QJsonObject>
#include <QString>

namespace sasquatch {

/// Which InfluxDB API a profile speaks; Auto asks `/ping` (X-Influxdb-Version).
enum class ApiFlavour { Auto, V1, V2 };

QString apiFlavourName(ApiFlavour flavour);                 ///< "auto", "v1", "v2"
std::optional<ApiFlavour> parseApiFlavour(const QString &text);

/// Everything needed to reach one Sasquatch environment, except secrets: passwords and tokens
/// live in a SecretStore under secretKey(...) and never in this struct's JSON.
struct ConnectionProfile
{
    QString name;
    QString influxUrl;
    ApiFlavour api = ApiFlavour::Auto;
    QString database;       ///< 1.x database (e.g. "efd"); empty = choose in the bucket browser
    QString org;            ///< 2.x organisation
    QString username;       ///< 1.x user; the password is a secret
    bool verifyTls = true;  ///< TLS certificate verification; only ever off on explicit request
    QString caFile;         ///< extra CA bundle for HTTPS (PEM)

    QString kafkaBootstrap;   ///< host:port[,host:port]
    QString kafkaUsername;    ///< SASL SCRAM-SHA-512 user; the password is a secret
    QString kafkaCaFile;      ///< TLS CA for the brokers
    bool kafkaTls = true;
    QString schemaRegistryUrl;
    QString restProxyUrl;
    QString kafkaBridgeUrl;

    bool operator==(const ConnectionProfile &) const = default;

    QJsonObject toJson() const;
    /// Reads a profile; unknown keys are ignored, a missing name or URL is an error.
    static Outcome<ConnectionProfile> fromJson(const QJsonObject &json);

    /// Checks what a user must fix before connecting; empty when fine.
    QStringList validate() const;
};

/// Names of the secrets a profile may have, as stored in a SecretStore.
enum class SecretKind { InfluxPassword, InfluxToken, KafkaPassword };
QString secretKey(const QString &profileName, SecretKind kind);

} // namespace sasquatch
