// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/TopicSchemaService.h"

#include "core/kafka/AvroSchema.h"
#include "core/kafka/MessageLayout.h"
#include "core/util/BackgroundTask.h"

namespace sasquatch {

TopicSchemaService::TopicSchemaService(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(2); // a topic tree opened quickly asks for a few at once
}

TopicSchemaService::~TopicSchemaService()
{
    for (const CancelToken &t : std::as_const(m_asking))
        t.cancel();
    m_pool.waitForDone();
}

void TopicSchemaService::setSource(std::shared_ptr<SchemaSource> source)
{
    for (const CancelToken &t : std::as_const(m_asking))
        t.cancel();
    ++m_generation;
    m_source = std::move(source);
    m_docs.clear();
    m_asking.clear();
    m_absent.clear();
}

const FieldDocs *TopicSchemaService::docs(const QString &topic) const
{
    const auto it = m_docs.constFind(topic);
    return it == m_docs.constEnd() ? nullptr : &*it;
}

void TopicSchemaService::describe(const QString &topic)
{
    if (!m_source || topic.isEmpty() || m_docs.contains(topic) || m_asking.contains(topic) || m_absent.contains(topic))
        return;
    const quint64 generation = m_generation;
    std::shared_ptr<SchemaSource> source = m_source;
    const QString subject = topic + QStringLiteral("-value");
    m_asking.insert(topic, runInBackground(
        &m_pool, this,
        [source, subject](const CancelToken &cancel) -> Outcome<FieldDocs> {
            Outcome<QByteArray> json = source->latestSchemaJson(subject, cancel);
            if (!json)
                return json.failure();
            Outcome<std::shared_ptr<const AvroSchema>> schema = AvroSchema::parse(*json);
            if (!schema)
                return Failure{tr("Schema of %1: %2").arg(subject, schema.error())};
            return docsOf(**schema);
        },
        [this, generation, topic](Outcome<FieldDocs> result) {
            if (generation != m_generation)
                return;
            m_asking.remove(topic);
            if (!result) {
                if (result.failure().httpStatus == 404)
                    m_absent.insert(topic); // no Avro subject for this measurement
                else if (!result.failure().cancelled)
                    Q_EMIT failed(topic, result.error());
                return;
            }
            store(topic, std::move(result).value());
        }));
}

void TopicSchemaService::learn(const QString &topic, const MessageLayout &layout)
{
    FieldDocs docs = docsOf(layout);
    if (const FieldDocs *known = this->docs(topic); known && *known == docs)
        return;
    m_absent.remove(topic);
    store(topic, std::move(docs));
}

void TopicSchemaService::store(const QString &topic, FieldDocs docs)
{
    m_docs.insert(topic, docs);
    Q_EMIT described(topic, docs);
}

FieldDocs TopicSchemaService::docsOf(const AvroSchema &schema)
{
    FieldDocs docs;
    for (const AvroFieldShape &f : schema.fields()) {
        FieldDoc doc{QString::fromStdString(f.units), QString::fromStdString(f.description)};
        if (f.isArray)
            docs.addArray(QString::fromStdString(f.name), std::move(doc));
        else
            docs.addScalar(QString::fromStdString(f.name), std::move(doc));
    }
    return docs;
}

FieldDocs TopicSchemaService::docsOf(const MessageLayout &layout)
{
    FieldDocs docs;
    for (const LayoutField &f : layout.fields) {
        FieldDoc doc{QString::fromStdString(f.units), QString::fromStdString(f.description)};
        if (f.arrayIndex >= 0)
            docs.addArray(QString::fromStdString(f.arrayName), std::move(doc));
        else
            docs.addScalar(QString::fromStdString(f.name), std::move(doc));
    }
    return docs;
}

} // namespace sasquatch
