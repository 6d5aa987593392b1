// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/query/SchemaFeed.h"

#include <QTimer>

namespace sasquatch {

SchemaFeed::SchemaFeed(QObject *parent) : QObject(parent), m_coalesce(new QTimer(this))
{
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(150);
    connect(m_coalesce, &QTimer::timeout, this, [this] { Q_EMIT schemaChanged(m_schema); });
}

void SchemaFeed::setBuckets(const std::vector<BucketInfo> &buckets)
{
    m_schema.buckets.clear();
    for (const BucketInfo &bucket : buckets)
        m_schema.buckets << bucket.name;
    changed();
}

void SchemaFeed::setTopics(const BucketInfo &bucket, const QStringList &topics)
{
    if (bucket.name != m_bucket.name) {
        m_schema.fields.clear();
        m_schema.tagKeys.clear();
        m_schema.tagValues.clear();
        m_fieldSet.clear();
        m_tagSet.clear();
        m_bucket = bucket;
        Q_EMIT currentBucketChanged(m_bucket);
    }
    m_schema.measurements = topics;
    changed();
}

void SchemaFeed::setAllFields(const BucketInfo &bucket, const std::vector<MeasurementFields> &all)
{
    if (bucket.name != m_bucket.name)
        return;
    for (const MeasurementFields &measurement : all)
        for (const FieldKey &field : measurement.fields)
            addField(field.name);
    changed();
}

void SchemaFeed::addFields(const BucketInfo &bucket, const QString &, const std::vector<FieldKey> &fields,
                           const QStringList &tags)
{
    if (bucket.name != m_bucket.name)
        return;
    for (const FieldKey &field : fields)
        addField(field.name);
    for (const QString &tag : tags) {
        if (!m_tagSet.contains(tag)) {
            m_tagSet.insert(tag);
            m_schema.tagKeys << tag;
        }
    }
    changed();
}

void SchemaFeed::clear()
{
    m_schema = {};
    m_bucket = {};
    m_fieldSet.clear();
    m_tagSet.clear();
    changed();
}

void SchemaFeed::flush()
{
    if (m_coalesce->isActive()) {
        m_coalesce->stop();
        Q_EMIT schemaChanged(m_schema);
    }
}

void SchemaFeed::addField(const QString &name)
{
    if (m_fieldSet.contains(name))
        return;
    m_fieldSet.insert(name);
    m_schema.fields << name;
}

void SchemaFeed::changed()
{
    m_coalesce->start();
}

} // namespace sasquatch
