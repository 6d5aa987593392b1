// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionProfile.h"
#include "core/http/HttpTransport.h"
#include "core/ingest/UploadPlan.h"
#include "core/ingest/Uploader.h"

#include <memory>
#include <optional>

namespace sasquatch {

/// The four upload paths.
enum class UploadVia : std::uint8_t { RestProxy, Bridge, Kafka, Influx };

/// "rest-proxy", "bridge", "kafka", "influx".
QString uploadViaName(UploadVia via);
std::optional<UploadVia> parseUploadVia(const QString &name);

/// Everything needed to build an uploader: the path, the profile (its REST proxy, bridge,
/// Kafka, registry and InfluxDB settings) and the secrets, which never live in the profile.
struct UploadConnection
{
    UploadVia via = UploadVia::RestProxy;
    ConnectionProfile profile;
    QString influxSecret;   ///< 1.x password or 2.x token
    QString bucket;         ///< InfluxDB db[/rp] or bucket; empty = the profile's database
    QString kafkaPassword;  ///< SASL password of profile.kafkaUsername
    QString httpToken;      ///< Bearer token for the REST proxy or bridge, when they want one
    int partitions = 1;
    int replicationFactor = 3;

    /// Where records go for this path (names checked for Kafka, not for InfluxDB).
    UploadTarget target() const { return via == UploadVia::Influx ? UploadTarget::Influx : UploadTarget::Kafka; }
    /// What is missing to reach the server, or empty ("the profile has no REST proxy URL").
    QString missing() const;
};

/// The uploader for `connection`, sending over `transport`.
std::unique_ptr<Uploader> makeUploader(const UploadConnection &connection, std::shared_ptr<HttpTransport> transport,
                                       RetryPolicy policy = Uploader::defaultRetryPolicy());

} // namespace sasquatch
