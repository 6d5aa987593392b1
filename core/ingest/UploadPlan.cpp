// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/UploadPlan.h"

#include <QHash>

namespace sasquatch {

namespace {

/// Families of values that can share one field: numbers mix (ints widen to floats).
enum class Family : std::uint8_t { Number, Boolean, String, NumberArray, StringArray };

Family familyOf(const MetricValue &v)
{
    switch (v.kind) {
    case MetricValueKind::Boolean:
        return Family::Boolean;
    case MetricValueKind::String:
        return Family::String;
    case MetricValueKind::FloatArray:
    case MetricValueKind::IntegerArray:
        return Family::NumberArray;
    case MetricValueKind::StringArray:
        return Family::StringArray;
    default:
        return Family::Number;
    }
}

QString familyName(Family f)
{
    switch (f) {
    case Family::Number:
        return QStringLiteral("a number");
    case Family::Boolean:
        return QStringLiteral("a boolean");
    case Family::String:
        return QStringLiteral("a string");
    case Family::NumberArray:
        return QStringLiteral("an array of numbers");
    case Family::StringArray:
        return QStringLiteral("an array of strings");
    }
    return {};
}

} // namespace

QString UploadPlan::topicName(const UploadOptions &options, const QString &recordName)
{
    if (!options.topic.isEmpty())
        return options.topic;
    // A name that already carries the namespace (a line-protocol measurement) keeps it once.
    if (options.ns.isEmpty() || recordName.startsWith(options.ns + u'.'))
        return recordName;
    return options.ns + u'.' + recordName;
}

QString UploadPlan::topicName(const UploadOptions &options, const MetricRecord &record)
{
    if (options.topic.isEmpty() && !record.topicNamespace.isEmpty())
        return record.topicNamespace + u'.' + record.name;
    return topicName(options, record.name);
}

bool UploadPlan::isValidTopicName(const QString &topic)
{
    if (topic.isEmpty() || topic.size() > 249 || topic == u"." || topic == u"..")
        return false;
    for (QChar c : topic) {
        const bool ok = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.'
                        || c == u'_' || c == u'-';
        if (!ok)
            return false;
    }
    return true;
}

UploadPlan UploadPlan::build(std::vector<ReadResult> files, const UploadOptions &options)
{
    UploadPlan p;
    p.m_options = options;
    p.m_files = std::move(files);
    p.validate();
    p.plan();
    return p;
}

void UploadPlan::validate()
{
    // One type per field and topic, across every file: where did each field get its type?
    struct First
    {
        Family family;
        QString where; // "file:line"
    };
    QHash<QString, QHash<QString, First>> seen; // topic → field → first
    for (ReadResult &file : m_files) {
        if (!file.readable)
            continue;
        for (std::size_t i = 0; i < file.records.size(); ++i) {
            MetricRecord &r = file.records[i];
            if (!r.isValid())
                continue;
            const QString topic = topicName(m_options, r);
            if (m_options.target == UploadTarget::Kafka && !isValidTopicName(topic)) {
                file.addProblem(r.line, 0,
                                QStringLiteral("topic name \"%1\" is not valid for Kafka (1 to 249 letters, digits, '.', "
                                               "'_' or '-')")
                                    .arg(topic),
                                std::int64_t(i));
                continue;
            }
            auto &fields = seen[topic];
            for (const MetricField &f : r.fields) {
                if (m_options.target == UploadTarget::Kafka && !AvroRecordSchema::isValidName(f.name)) {
                    file.addProblem(r.line, 0,
                                    QStringLiteral("field name \"%1\" is not a valid Avro name (letters, digits and '_', "
                                                   "not starting with a digit)")
                                        .arg(f.name),
                                    std::int64_t(i), f.name);
                    continue;
                }
                if (f.value.isNull())
                    continue;
                const Family family = familyOf(f.value);
                auto it = fields.find(f.name);
                if (it == fields.end()) {
                    fields.insert(f.name, First{family, QStringLiteral("%1:%2").arg(file.path).arg(r.line)});
                } else if (it->family != family) {
                    file.addProblem(r.line, 0,
                                    QStringLiteral("field \"%1\" of topic %2 is %3 here but %4 at %5 (one type per field)")
                                        .arg(f.name, topic, familyName(family), familyName(it->family), it->where),
                                    std::int64_t(i), f.name);
                }
            }
            if (m_options.target == UploadTarget::Kafka)
                for (const auto &[key, text] : r.identifiers)
                    if (!AvroRecordSchema::isValidName(key))
                        file.addProblem(r.line, 0,
                                        QStringLiteral("identifier name \"%1\" is not a valid Avro name").arg(key),
                                        std::int64_t(i), key);
        }
    }
}

void UploadPlan::plan()
{
    QHash<QString, int> topicIndex;
    std::vector<std::vector<const MetricRecord *>> topicRecords;
    QStringList topicNamespaces; // the Avro namespace of each topic's schema
    for (std::size_t f = 0; f < m_files.size(); ++f) {
        const ReadResult &file = m_files[f];
        const qsizetype invalid = qsizetype(file.records.size()) - file.validCount();
        for (std::size_t i = 0; i < file.records.size(); ++i) {
            const MetricRecord &r = file.records[i];
            PlannedRecord planned;
            planned.file = int(f);
            planned.record = int(i);
            if (!file.readable) {
                planned.heldBack = QStringLiteral("not sent: the file could not be read as a whole");
            } else if (!r.isValid()) {
                QStringList reasons;
                for (const ReadProblem &pr : file.problems)
                    if (pr.record == std::int64_t(i))
                        reasons << pr.reason;
                planned.heldBack = QStringLiteral("invalid: %1").arg(reasons.join(QStringLiteral("; ")));
            } else if (invalid > 0 && m_options.policy == ValidationPolicy::AllOrNothing) {
                planned.heldBack = QStringLiteral("not sent: %1 has %2 invalid record(s) (--valid-only sends the valid ones)")
                                       .arg(file.path)
                                       .arg(invalid);
            }
            if (planned.heldBack.isEmpty()) {
                const QString topic = topicName(m_options, r);
                auto it = topicIndex.find(topic);
                if (it == topicIndex.end()) {
                    it = topicIndex.insert(topic, int(m_topics.size()));
                    m_topics.push_back(PlannedTopic{topic, {}, {}});
                    topicRecords.emplace_back();
                    topicNamespaces << (m_options.topic.isEmpty() && !r.topicNamespace.isEmpty() ? r.topicNamespace : m_options.ns);
                }
                planned.topic = *it;
                m_topics[std::size_t(*it)].records.push_back(int(m_records.size()));
                topicRecords[std::size_t(*it)].push_back(&r);
            }
            m_records.push_back(planned);
        }
    }
    for (std::size_t t = 0; t < m_topics.size(); ++t) {
        PlannedTopic &topic = m_topics[t];
        // The record name is the topic without the namespace (what the dispatcher calls metric).
        const QString &ns = topicNamespaces.at(qsizetype(t));
        QString name = topic.topic;
        if (!ns.isEmpty() && name.startsWith(ns + u'.'))
            name = name.mid(ns.size() + 1);
        topic.schema = AvroRecordSchema::infer(ns, name, topicRecords[t]);
    }
}

qsizetype UploadPlan::sendableCount() const
{
    qsizetype n = 0;
    for (const PlannedRecord &r : m_records)
        n += r.heldBack.isEmpty() ? 1 : 0;
    return n;
}

} // namespace sasquatch
