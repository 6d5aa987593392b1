// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/influx/CatalogService.h"

#include "core/influx/InfluxClient.h"
#include "core/util/BackgroundTask.h"

#include <QMutex>

#include <algorithm>

namespace sasquatch {

namespace {

/// InfluxClient is not thread-safe; workers of one service take turns on the shared instance
/// only to resolve the flavour, then use a private copy.
QMutex g_flavourMutex;

/// Field keys of every measurement with their tag keys where one more bulk request can tell them:
/// SHOW FIELD KEYS never lists tags, and the EFD's camera databases (lsst.MTCamera ...) tag
/// every point (Raft, Reb, Sensor ...). When that request fails the fields still count; their
/// tags stay unknown and each topic asks for its own when expanded.
Outcome<std::vector<MeasurementFields>> allFieldsAndTags(InfluxClient &client, const BucketInfo &bucket,
                                                         const CancelToken &cancel)
{
    auto all = client.listAllFieldKeys(bucket, cancel);
    if (!all)
        return all;
    const bool tagsMissing = std::any_of(all->begin(), all->end(), [](const MeasurementFields &m) { return !m.tags; });
    if (!tagsMissing)
        return all;
    auto tags = client.listAllTagKeys(bucket, cancel);
    if (!tags) {
        if (tags.failure().cancelled)
            return tags.failure();
        return all;
    }
    for (MeasurementFields &m : all.value())
        if (!m.tags)
            m.tags = tags->value(m.measurement); // absent: the measurement has no tags
    return all;
}

} // namespace

CatalogService::CatalogService(std::shared_ptr<HttpTransport> transport, QObject *parent)
    : QObject(parent), m_transport(std::move(transport))
{
    m_pool.setMaxThreadCount(4);
}

CatalogService::~CatalogService()
{
    cancelAll();
    m_pool.waitForDone();
}

void CatalogService::setProfile(const ConnectionProfile &profile, const QString &secret)
{
    cancelAll();
    ++m_generation;
    m_profile = profile;
    m_secret = secret;
    m_client = std::make_shared<InfluxClient>(profile, secret, m_transport);
}

void CatalogService::cancelAll()
{
    for (const auto &token : m_tokens)
        token.cancel();
    m_tokens.clear();
}

template <class Work, class Done>
void CatalogService::submit(const QString &operation, Work work, Done done)
{
    if (!m_client) {
        Q_EMIT failed(operation, Failure{tr("No connection profile is selected.")});
        return;
    }
    const quint64 generation = m_generation;
    auto shared = m_client;
    ++m_pending;
    Q_EMIT pendingRequestsChanged(m_pending);
    CancelToken token = runInBackground(
        &m_pool, this,
        [shared, work](const CancelToken &cancel) {
            {
                QMutexLocker lock(&g_flavourMutex);
                auto f = shared->flavour(cancel);
                if (!f)
                    return decltype(work(*shared, cancel))(f.failure());
            }
            InfluxClient client = *shared;
            return work(client, cancel);
        },
        [this, generation, operation, done](auto result) {
            --m_pending;
            Q_EMIT pendingRequestsChanged(m_pending);
            if (generation != m_generation)
                return;
            if (!result) {
                if (!result.failure().cancelled)
                    Q_EMIT failed(operation, result.failure());
                return;
            }
            done(std::move(result).value());
        });
    m_tokens.push_back(token);
    if (m_tokens.size() > 64) // forget tokens of long-finished work
        m_tokens.erase(m_tokens.begin(), m_tokens.begin() + 32);
}

void CatalogService::connectToServer()
{
    submit(tr("Connecting"), [](InfluxClient &c, const CancelToken &cancel) { return c.ping(cancel); },
           [this](ServerInfo info) { Q_EMIT serverInfoReceived(info); });
}

void CatalogService::refreshBuckets()
{
    submit(tr("Listing buckets"), [](InfluxClient &c, const CancelToken &cancel) { return c.listBuckets(cancel); },
           [this](std::vector<BucketInfo> buckets) { Q_EMIT bucketsLoaded(buckets); });
}

void CatalogService::loadTopics(const BucketInfo &bucket)
{
    submit(tr("Listing topics of %1").arg(bucket.name),
           [bucket](InfluxClient &c, const CancelToken &cancel) { return c.listMeasurements(bucket, cancel); },
           [this, bucket](QStringList topics) {
               Q_EMIT topicsLoaded(bucket, topics);
               // All field keys in one go feed the search; the tree still loads lazily meanwhile.
               submit(tr("Listing fields of %1").arg(bucket.name),
                      [bucket](InfluxClient &c, const CancelToken &cancel) {
                          return allFieldsAndTags(c, bucket, cancel);
                      },
                      [this, bucket](std::vector<MeasurementFields> all) { Q_EMIT allFieldsLoaded(bucket, all); });
           });
}

void CatalogService::loadFields(const BucketInfo &bucket, const QString &measurement)
{
    struct FieldsAndTags
    {
        std::vector<FieldKey> fields;
        QStringList tags;
    };
    const quint64 generation = m_generation;
    auto shared = m_client;
    if (!shared) {
        Q_EMIT fieldsFailed(bucket, measurement, tr("No connection profile is selected."));
        return;
    }
    ++m_pending;
    Q_EMIT pendingRequestsChanged(m_pending);
    m_tokens.push_back(runInBackground(
        &m_pool, this,
        [shared, bucket, measurement](const CancelToken &cancel) -> Outcome<FieldsAndTags> {
            {
                QMutexLocker lock(&g_flavourMutex);
                if (auto f = shared->flavour(cancel); !f)
                    return f.failure();
            }
            InfluxClient client = *shared;
            auto fields = client.listFieldKeys(bucket, measurement, cancel);
            if (!fields)
                return fields.failure();
            auto tags = client.listTagKeys(bucket, measurement, cancel);
            if (!tags)
                return tags.failure();
            return FieldsAndTags{std::move(fields).value(), std::move(tags).value()};
        },
        [this, generation, bucket, measurement](Outcome<FieldsAndTags> result) {
            --m_pending;
            Q_EMIT pendingRequestsChanged(m_pending);
            if (generation != m_generation)
                return;
            if (!result)
                Q_EMIT fieldsFailed(bucket, measurement, result.error());
            else
                Q_EMIT fieldsLoaded(bucket, measurement, result->fields, result->tags);
        }));
}

void CatalogService::createBucket(const BucketSpec &spec)
{
    submit(tr("Creating a bucket"),
           [spec](InfluxClient &c, const CancelToken &cancel) { return c.createBucket(spec, cancel); },
           [this, spec](Done) {
               Q_EMIT bucketCreated(spec);
               refreshBuckets();
           });
}

} // namespace sasquatch
