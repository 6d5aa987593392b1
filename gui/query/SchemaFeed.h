// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/influx/InfluxTypes.h"
#include "core/query/SchemaSnapshot.h"

#include <QObject>
#include <QSet>

class QTimer;

namespace sasquatch {

/// Gathers what the catalog reports into the SchemaSnapshot the query editors complete from:
/// bucket names from bucketsLoaded, the current bucket's measurements from topicsLoaded (which
/// also makes that bucket current and forgets the previous one's names), and its field and tag
/// keys from allFieldsLoaded / fieldsLoaded. Answers about another bucket are ignored.
/// Catalog signals come in bursts (one fieldsLoaded per opened topic), so schemaChanged is
/// coalesced: emitted once, shortly after the last change.
class SchemaFeed : public QObject
{
    Q_OBJECT
public:
    explicit SchemaFeed(QObject *parent = nullptr);

    const SchemaSnapshot &schema() const { return m_schema; }
    /// The bucket whose measurements, fields and tags are in the schema.
    const BucketInfo &currentBucket() const { return m_bucket; }

    void setBuckets(const std::vector<BucketInfo> &buckets);
    void setTopics(const BucketInfo &bucket, const QStringList &topics);
    void setAllFields(const BucketInfo &bucket, const std::vector<MeasurementFields> &all);
    void addFields(const BucketInfo &bucket, const QString &topic, const std::vector<FieldKey> &fields,
                   const QStringList &tags);
    /// Forgets everything (another profile).
    void clear();
    /// Emits a pending schemaChanged now (tests; also harmless when nothing is pending).
    void flush();

Q_SIGNALS:
    void schemaChanged(const sasquatch::SchemaSnapshot &schema);
    /// The bucket of setTopics changed.
    void currentBucketChanged(const sasquatch::BucketInfo &bucket);

private:
    void addField(const QString &name);
    void changed();

    SchemaSnapshot m_schema;
    BucketInfo m_bucket;
    QSet<QString> m_fieldSet;
    QSet<QString> m_tagSet;
    QTimer *m_coalesce = nullptr;
};

} // namespace sasquatch
