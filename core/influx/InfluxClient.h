// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionProfile.h"
#include "core/http/HttpTransport.h"
#include "core/influx/InfluxQlResponse.h"
#include "core/influx/InfluxTypes.h"
#include "core/util/CancelToken.h"

#include <QHash>

#include <memory>
#include <optional>

namespace sasquatch {

/// Talks to one InfluxDB server, 1.x (InfluxQL) or 2.x (HTTP API + Flux), for the catalog:
/// ping, buckets, measurements, field and tag keys, bucket creation. Blocking: call it from a
/// worker thread (the GUI goes through CatalogService). One instance per worker thread.
class InfluxClient
{
public:
    /// `secret` is the 1.x password or the 2.x token.
    InfluxClient(ConnectionProfile profile, QString secret, std::shared_ptr<HttpTransport> transport);

    const ConnectionProfile &profile() const { return m_profile; }

    /// `/ping`: version and flavour. With the profile's api on Auto the flavour is taken from
    /// the version; the result is remembered for flavour().
    Outcome<ServerInfo> ping(const CancelToken &cancel = {});
    /// The API in use: the profile's, or (Auto) what ping() found, pinging once if needed.
    Outcome<ApiFlavour> flavour(const CancelToken &cancel = {});

    Outcome<std::vector<BucketInfo>> listBuckets(const CancelToken &cancel = {});
    Outcome<Done> createBucket(const BucketSpec &spec, const CancelToken &cancel = {});

    /// Measurement (topic) names of a bucket, sorted.
    Outcome<QStringList> listMeasurements(const BucketInfo &bucket, const CancelToken &cancel = {});
    Outcome<std::vector<FieldKey>> listFieldKeys(const BucketInfo &bucket, const QString &measurement,
                                                 const CancelToken &cancel = {});
    /// Field keys of every measurement in one request where the API allows it (1.x). On 2.x the
    /// answer also carries each measurement's tag keys (MeasurementFields::tags); on 1.x they
    /// stay unknown (listAllTagKeys()).
    Outcome<std::vector<MeasurementFields>> listAllFieldKeys(const BucketInfo &bucket,
                                                             const CancelToken &cancel = {});
    Outcome<QStringList> listTagKeys(const BucketInfo &bucket, const QString &measurement,
                                     const CancelToken &cancel = {});
    /// Tag keys of every measurement in one request: measurement → keys, holding only
    /// measurements that have tags. On 2.x this is listAllFieldKeys()'s query, which already
    /// carries them.
    Outcome<QHash<QString, QStringList>> listAllTagKeys(const BucketInfo &bucket, const CancelToken &cancel = {});

    /// Runs InfluxQL (non-chunked, for small answers). `write` selects POST, as InfluxDB requires
    /// for statements that change anything. Statement errors are turned into Failures.
    Outcome<std::vector<InfluxQlStatement>> influxQl(const QString &statement, const QString &database,
                                                     const CancelToken &cancel = {},
                                                     HttpMethod method = HttpMethod::Get);

    /// A request to `apiPath` (with query items) carrying this profile's auth, TLS and timeouts.
    HttpRequest makeRequest(HttpMethod method, const QString &apiPath,
                            const std::vector<std::pair<QString, QString>> &query = {}) const;
    /// Performs a request and maps every non-2xx outcome to a Failure. With a `sink`, a 2xx
    /// body streams into it (a sink returning false ends the transfer; the caller knows why).
    Outcome<HttpResponse> perform(const HttpRequest &request, const CancelToken &cancel,
                                  const BodySink &sink = {});

private:
    Outcome<std::vector<BucketInfo>> listBucketsV1(const CancelToken &cancel);
    Outcome<std::vector<BucketInfo>> listBucketsV2(const CancelToken &cancel);
    Outcome<Done> createBucketV1(const BucketSpec &spec, const CancelToken &cancel);
    Outcome<Done> createBucketV2(const BucketSpec &spec, const CancelToken &cancel);
    Outcome<QString> orgId(const CancelToken &cancel);
    // 2.x schema queries, through Flux's schema package (InfluxFluxSchema.cpp).
    Outcome<QStringList> listMeasurementsV2(const BucketInfo &bucket, const CancelToken &cancel);
    Outcome<std::vector<FieldKey>> listFieldKeysV2(const BucketInfo &bucket, const QString &measurement,
                                                   const CancelToken &cancel);
    Outcome<std::vector<MeasurementFields>> listAllFieldKeysV2(const BucketInfo &bucket, const CancelToken &cancel);
    Outcome<QStringList> listTagKeysV2(const BucketInfo &bucket, const QString &measurement,
                                       const CancelToken &cancel);

    ConnectionProfile m_profile;
    QString m_secret;
    std::shared_ptr<HttpTransport> m_transport;
    std::optional<ApiFlavour> m_flavour;
};

/// The flavour a `/ping` version string implies ("1.8.10", "1.12.4-c1.12.4" → V1; "v2.7.4",
/// "2.7.4" → V2). nullopt when it cannot tell.
std::optional<ApiFlavour> flavourFromVersion(const QString &version);

} // namespace sasquatch
