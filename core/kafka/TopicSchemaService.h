// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalog/FieldDocs.h"
#include "core/kafka/SchemaSource.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThreadPool>

#include <memory>

namespace sasquatch {

class AvroSchema;
struct MessageLayout;

/// Units and descriptions of topics' fields, from their Avro schemas: InfluxDB has neither,
/// the Schema Registry has both (SAL puts `units` and `description` on every field). describe()
/// asks the source for the latest schema of the topic's subject ("<topic>-value") on a worker
/// thread; learn() takes what a live message's schema says. Either way `described` tells the
/// catalog and the plots. A topic without a subject (not every measurement comes from Kafka
/// with Avro) is remembered as such and not asked about again; other failures are reported
/// once and may be retried by asking again.
class TopicSchemaService : public QObject
{
    Q_OBJECT

public:
    explicit TopicSchemaService(QObject *parent = nullptr);
    ~TopicSchemaService() override;

    /// Where schemas come from (nullptr: nowhere). Forgets what was learnt and cancels asks.
    void setSource(std::shared_ptr<SchemaSource> source);
    bool hasSource() const { return bool(m_source); }

    /// Asks for `topic`'s docs unless they are known, being asked for, or known not to exist.
    void describe(const QString &topic);
    /// The docs known for `topic`, nullptr if none yet.
    const FieldDocs *docs(const QString &topic) const;
    /// Takes the docs from a layout a message of `topic` was decoded with.
    void learn(const QString &topic, const MessageLayout &layout);

    /// The docs a schema carries: scalars by name, arrays once under the array's name.
    static FieldDocs docsOf(const AvroSchema &schema);
    /// The same from a flattened layout (elements documented through their array).
    static FieldDocs docsOf(const MessageLayout &layout);

Q_SIGNALS:
    void described(const QString &topic, const sasquatch::FieldDocs &docs);
    void failed(const QString &topic, const QString &message);

private:
    void store(const QString &topic, FieldDocs docs);

    std::shared_ptr<SchemaSource> m_source;
    QThreadPool m_pool;
    quint64 m_generation = 0;
    QHash<QString, FieldDocs> m_docs;
    QHash<QString, CancelToken> m_asking; ///< asks running, to cancel on setSource and exit
    QSet<QString> m_absent;               ///< topics without a subject
};

} // namespace sasquatch
