// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/HttpTransport.h"
#include "core/influx/InfluxTypes.h"
#include "core/util/CancelToken.h"
#include "core/util/Outcome.h"

#include <QObject>
#include <QThreadPool>

#include <memory>

namespace sasquatch {

class InfluxClient;

/// The GUI thread's handle on one InfluxDB server's catalog. Every call returns at once; the
/// work runs on worker threads and comes back as signals on this object's thread. Answers that
/// belong to a previous profile are dropped.
class CatalogService : public QObject
{
    Q_OBJECT
public:
    explicit CatalogService(std::shared_ptr<HttpTransport> transport, QObject *parent = nullptr);
    ~CatalogService() override;

    /// Switches server: cancels everything under way. `secret` = 1.x password or 2.x token.
    void setProfile(const ConnectionProfile &profile, const QString &secret);
    const ConnectionProfile &profile() const { return m_profile; }

    void connectToServer();                ///< ping, then serverInfoReceived or failed
    void refreshBuckets();
    /// topicsLoaded, then allFieldsLoaded in the background: every measurement's field keys and, when
    /// the bulk tag query succeeded, its tag keys (MeasurementFields::tags, else nullopt).
    void loadTopics(const BucketInfo &bucket);
    void loadFields(const BucketInfo &bucket, const QString &measurement);
    void createBucket(const BucketSpec &spec);
    void cancelAll();

    int pendingRequests() const { return m_pending; }

Q_SIGNALS:
    void serverInfoReceived(const sasquatch::ServerInfo &info);
    void bucketsLoaded(const std::vector<sasquatch::BucketInfo> &buckets);
    void topicsLoaded(const sasquatch::BucketInfo &bucket, const QStringList &topics);
    void allFieldsLoaded(const sasquatch::BucketInfo &bucket, const std::vector<sasquatch::MeasurementFields> &fields);
    void fieldsLoaded(const sasquatch::BucketInfo &bucket, const QString &measurement,
                      const std::vector<sasquatch::FieldKey> &fields, const QStringList &tags);
    void fieldsFailed(const sasquatch::BucketInfo &bucket, const QString &measurement, const QString &message);
    void bucketCreated(const sasquatch::BucketSpec &spec);
    /// `operation` names what failed ("Listing buckets"...), for the status line.
    void failed(const QString &operation, const sasquatch::Failure &failure);
    void pendingRequestsChanged(int count);

private:
    template <class Work, class Done>
    void submit(const QString &operation, Work work, Done done);

    std::shared_ptr<HttpTransport> m_transport;
    ConnectionProfile m_profile;
    QString m_secret;
    std::shared_ptr<InfluxClient> m_client; ///< shared by workers: remembers the detected flavour
    quint64 m_generation = 0;
    std::vector<CancelToken> m_tokens;
    int m_pending = 0;
    QThreadPool m_pool;
};

} // namespace sasquatch
