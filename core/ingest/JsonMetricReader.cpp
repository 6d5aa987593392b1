// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/JsonMetricReader.h"

#include "core/ingest/AvroRecordSchema.h"
#include "core/ingest/TextLineReader.h"
#include "core/ingest/Utf8Validator.h"
#include "core/time/TimeText.h"

#include <QDateTime>
#include <QFileInfo>
#include <QIODevice>

#include <cmath>

namespace sasquatch {

namespace {

QString identifierText(const JsonNode &n)
{
    switch (n.type) {
    case JsonNode::Type::String:
        return n.text;
    case JsonNode::Type::Int:
        return QString::number(n.intValue);
    case JsonNode::Type::UInt:
        return QString::number(n.uintValue);
    case JsonNode::Type::Double:
        return shortestDouble(n.doubleValue);
    case JsonNode::Type::Bool:
        return n.boolValue ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return {};
    }
}

/// How Python writes a non-finite double: NaN, Infinity, -Infinity.
QString nonFiniteText(double v)
{
    return std::isnan(v) ? QStringLiteral("NaN") : v > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
}

bool isScalar(const JsonNode &n)
{
    return n.type == JsonNode::Type::String || n.isNumber() || n.type == JsonNode::Type::Bool;
}

/// A time member: unix seconds (number) or ISO 8601 text.
std::optional<std::int64_t> timeOf(const JsonNode &n, QString &reason)
{
    if (n.isNumber()) {
        const double s = n.toDouble();
        if (!std::isfinite(s) || std::fabs(s) > 9.2e9) {
            reason = QStringLiteral("\"%1\" is out of range for unix seconds").arg(n.key);
            return std::nullopt;
        }
        return std::int64_t(std::llround(s * 1e9));
    }
    if (n.type == JsonNode::Type::String) {
        auto t = parseTimeText(n.text);
        if (t)
            return *t;
        reason = QStringLiteral("\"%1\": %2").arg(n.key, t.error());
        return std::nullopt;
    }
    reason = QStringLiteral("\"%1\" is a %2; unix seconds or ISO 8601 text is expected").arg(n.key, n.typeName());
    return std::nullopt;
}

/// A produce request's record: `value` (an object) with only `key`, `partition` and
/// `timestamp` beside it (Confluent REST proxy v2, Strimzi bridge `{"records":[{"key",
/// "value","partition","timestamp"}]}`).
bool isProduceRecord(const JsonNode &n)
{
    const JsonNode *value = n.member(QStringLiteral("value"));
    if (!value || !value->isObject())
        return false;
    for (const JsonNode &c : n.children)
        if (c.key != u"value" && c.key != u"key" && c.key != u"partition" && c.key != u"timestamp")
            return false;
    return true;
}

/// The namespace and name of a REST proxy body's `value_schema` (an Avro record schema as a
/// JSON string).
bool schemaName(const JsonNode &schema, QString &ns, QString &name, QString &reason)
{
    if (schema.type != JsonNode::Type::String) {
        reason = QStringLiteral("\"value_schema\" is a %1; the Avro schema as a JSON string is expected").arg(schema.typeName());
        return false;
    }
    JsonNode root;
    JsonParseError error;
    if (!parseJsonDocument(schema.text.toUtf8(), root, error)) {
        reason = QStringLiteral("\"value_schema\" is not an Avro schema: %1").arg(error.message);
        return false;
    }
    const JsonNode *n = root.member(QStringLiteral("name"));
    if (!n || n->type != JsonNode::Type::String || n->text.isEmpty()) {
        reason = QStringLiteral("\"value_schema\" has no \"name\": the topic cannot be told");
        return false;
    }
    name = n->text;
    // Avro: a dotted name is a full name and the namespace is ignored.
    if (const qsizetype dot = name.lastIndexOf(u'.'); dot > 0) {
        ns = name.left(dot);
        name = name.mid(dot + 1);
    } else if (const JsonNode *space = root.member(QStringLiteral("namespace")); space && space->type == JsonNode::Type::String) {
        ns = space->text;
    }
    return true;
}

} // namespace

bool JsonMetricReader::toValue(const JsonNode &node, MetricValue &value, QString &reason)
{
    switch (node.type) {
    case JsonNode::Type::Null:
        value = MetricValue::null();
        return true;
    case JsonNode::Type::Bool:
        value = MetricValue::fromBool(node.boolValue);
        return true;
    case JsonNode::Type::Int:
        value = MetricValue::fromInt(node.intValue);
        return true;
    case JsonNode::Type::UInt:
        value = MetricValue::fromUnsigned(node.uintValue);
        return true;
    case JsonNode::Type::Double:
        value = MetricValue::fromDouble(node.doubleValue);
        return true;
    case JsonNode::Type::String:
        value = MetricValue::fromString(node.text);
        return true;
    case JsonNode::Type::Object:
        reason = QStringLiteral("\"%1\" is an object; only numbers, strings, booleans and arrays can be sent").arg(node.key);
        return false;
    case JsonNode::Type::Array:
        break;
    }
    // Arrays must hold one type, as Avro arrays do (the dispatcher refuses mixed sequences).
    bool strings = false, floats = false, ints = false;
    for (const JsonNode &c : node.children) {
        strings |= c.type == JsonNode::Type::String;
        floats |= c.type == JsonNode::Type::Double;
        ints |= c.type == JsonNode::Type::Int || c.type == JsonNode::Type::UInt;
        if (!(c.type == JsonNode::Type::String || c.isNumber())) {
            reason = QStringLiteral("array \"%1\" holds a %2; only numbers or strings can be sent").arg(node.key, c.typeName());
            return false;
        }
        if (c.type == JsonNode::Type::Double && !std::isfinite(c.doubleValue)) {
            reason = QStringLiteral("array \"%1\" holds %2; it cannot be sent").arg(node.key, nonFiniteText(c.doubleValue));
            return false;
        }
    }
    if (strings && (floats || ints)) {
        reason = QStringLiteral("array \"%1\" mixes strings and numbers; Avro arrays hold one type").arg(node.key);
        return false;
    }
    if (strings) {
        value.kind = MetricValueKind::StringArray;
        for (const JsonNode &c : node.children)
            value.strings << c.text;
    } else if (floats) {
        value.kind = MetricValueKind::FloatArray;
        for (const JsonNode &c : node.children)
            value.floats.push_back(c.toDouble());
    } else {
        value.kind = MetricValueKind::IntegerArray;
        for (const JsonNode &c : node.children)
            value.ints.push_back(c.type == JsonNode::Type::Int ? c.intValue : std::int64_t(c.uintValue));
    }
    return true;
}

void JsonMetricReader::read(QIODevice &device, const ReadOptions &options, ReadResult &result)
{
    QByteArray bytes;
    Utf8Validator utf8;
    QByteArray chunk(TextLineReader::kChunkBytes, Qt::Uninitialized);
    for (;;) {
        const qint64 n = device.read(chunk.data(), chunk.size());
        if (n < 0) {
            result.addFatal(0, 0, QStringLiteral("cannot read: %1").arg(device.errorString()));
            return;
        }
        if (n == 0)
            break;
        std::size_t bad = 0;
        const auto verdict = utf8.feed(chunk.constData(), std::size_t(n), bad);
        if (verdict != Utf8Validator::Verdict::Ok) {
            bytes.append(chunk.constData(), qsizetype(bad));
            const std::uint64_t line = std::uint64_t(bytes.count('\n')) + 1;
            const qsizetype lineStart = bytes.lastIndexOf('\n') + 1;
            result.addFatal(line, std::uint32_t(bytes.size() - lineStart + 1),
                            verdict == Utf8Validator::Verdict::NulByte ? TextLineReader::binaryMessage()
                                                                       : TextLineReader::invalidUtf8Message());
            return;
        }
        if (bytes.size() + n > kMaxBytes) {
            result.addFatal(0, 0, QStringLiteral("larger than %1 MiB: too large for a JSON metric file").arg(kMaxBytes >> 20));
            return;
        }
        bytes.append(chunk.constData(), qsizetype(n));
    }
    if (bytes.trimmed().isEmpty()) {
        result.addFatal(0, 0, QStringLiteral("empty file: no JSON value"));
        return;
    }
    JsonNode root;
    JsonParseError error;
    if (!parseJsonDocument(bytes, root, error, JsonDialect::Python)) {
        result.addFatal(error.line, error.column, error.message);
        return;
    }
    bytes.clear();
    if (root.isObject() && root.member(QStringLiteral("measurements")))
        readVerifyJob(root, options, result);
    else
        readRecords(root, options, result);
}

void JsonMetricReader::readVerifyJob(const JsonNode &root, const ReadOptions &options, ReadResult &result)
{
    result.format = IngestFormat::VerifyJob;
    const JsonNode *measurements = root.member(QStringLiteral("measurements"));
    if (!measurements->isArray()) {
        result.addFatal(measurements->line, measurements->column,
                        QStringLiteral("\"measurements\" is a %1; an array is expected").arg(measurements->typeName()));
        return;
    }
    // Units the metric definitions give, for measurements that do not repeat them.
    QHash<QString, QString> metricUnits;
    if (const JsonNode *metrics = root.member(QStringLiteral("metrics")); metrics && metrics->isArray())
        for (const JsonNode &m : metrics->children)
            if (const JsonNode *name = m.member(QStringLiteral("name")); name && name->type == JsonNode::Type::String)
                if (const JsonNode *unit = m.member(QStringLiteral("unit")); unit && unit->type == JsonNode::Type::String)
                    metricUnits.insert(name->text, unit->text);
    // lsst.verify's Job merges each measurement's notes into meta as "<metric>.<note>": such a
    // key belongs to that measurement only.
    QStringList metricNames;
    for (const JsonNode &m : measurements->children)
        if (const JsonNode *metric = m.member(QStringLiteral("metric")); metric && metric->type == JsonNode::Type::String)
            metricNames << metric->text;
    const auto ownerOf = [&](const QString &key) {
        QString owner;
        for (const QString &name : metricNames)
            if (key.size() > name.size() + 1 && key.startsWith(name) && key.at(name.size()) == u'.' && name.size() > owner.size())
                owner = name;
        return owner;
    };
    // Identifiers and time from meta (dispatch_verify.py puts the job's time in meta.env.date).
    std::vector<std::pair<QString, QString>> identifiers;
    QHash<QString, std::vector<const JsonNode *>> notes; // metric → its notes in meta
    const JsonNode *timeNode = nullptr;
    const JsonNode *nestedTimeNode = nullptr;
    const JsonNode *meta = root.member(QStringLiteral("meta"));
    if (meta && meta->isObject()) {
        static const QStringList kTimeKeys{QStringLiteral("timestamp"), QStringLiteral("run_timestamp"),
                                           QStringLiteral("date"), QStringLiteral("datetime")};
        const auto take = [&](const JsonNode &n, const JsonNode *&timeSlot) {
            if (kTimeKeys.contains(n.key)) {
                if (!timeSlot)
                    timeSlot = &n;
                return;
            }
            if (!isScalar(n))
                return;
            if (const QString owner = ownerOf(n.key); !owner.isEmpty()) {
                notes[owner].push_back(&n);
                return;
            }
            if (!AvroRecordSchema::isValidName(n.key)) {
                result.notes << QStringLiteral("%1:%2: meta key \"%3\" is not a valid identifier name (letters, digits "
                                               "and '_'): skipped")
                                    .arg(result.path)
                                    .arg(n.line)
                                    .arg(n.key);
                return;
            }
            for (const auto &[k, v] : identifiers)
                if (k == n.key)
                    return;
            identifiers.emplace_back(n.key, identifierText(n));
        };
        for (const JsonNode &n : meta->children) {
            if (n.isObject() && n.key != u"packages") {
                for (const JsonNode &inner : n.children)
                    take(inner, nestedTimeNode);
                continue;
            }
            take(n, timeNode);
        }
    } else if (meta) {
        result.addFatal(meta->line, meta->column, QStringLiteral("\"meta\" is a %1; an object is expected").arg(meta->typeName()));
        return;
    }
    std::optional<std::int64_t> time;
    if (const JsonNode *n = timeNode ? timeNode : nestedTimeNode) {
        QString reason;
        time = timeOf(*n, reason);
        if (!time) {
            result.addFatal(n->line, n->column, reason);
            return;
        }
    } else {
        time = options.defaultTimeNs != 0 ? options.defaultTimeNs : QDateTime::currentMSecsSinceEpoch() * 1'000'000;
        result.notes << QStringLiteral("meta has no timestamp, run_timestamp, date or datetime: the time of reading is used");
    }
    for (const JsonNode &m : measurements->children) {
        MetricRecord record;
        record.line = m.line;
        record.timeNs = *time;
        record.identifiers = identifiers;
        const auto index = std::int64_t(result.records.size());
        result.records.push_back(record);
        if (!m.isObject()) {
            result.addProblem(m.line, m.column, QStringLiteral("a measurement is a %1; an object is expected").arg(m.typeName()), index);
            continue;
        }
        const JsonNode *metric = m.member(QStringLiteral("metric"));
        if (!metric || metric->type != JsonNode::Type::String || metric->text.isEmpty()) {
            result.addProblem(m.line, m.column, QStringLiteral("measurement without a \"metric\" name"), index);
            continue;
        }
        MetricRecord &r = result.records.back();
        r.name = metric->text;
        const QString fieldName = metric->text.section(u'.', -1);
        const JsonNode *value = m.member(QStringLiteral("value"));
        if (!value) {
            result.addColumn(fieldName);
            result.addProblem(m.line, m.column, QStringLiteral("measurement of \"%1\" has no \"value\"").arg(metric->text), index, fieldName);
            continue;
        }
        if (value->type == JsonNode::Type::Double && std::isnan(value->doubleValue)) {
            // As analysis_tools' dispatcher does (_prepareBundle: "dispatch will be skipped").
            result.records.pop_back();
            result.notes << QStringLiteral("%1:%2: value of \"%3\" is NaN: the measurement is skipped")
                                .arg(result.path)
                                .arg(value->line)
                                .arg(metric->text);
            continue;
        }
        result.addColumn(fieldName);
        MetricValue v;
        QString reason;
        if (value->type == JsonNode::Type::Null) {
            // Measurement.json writes null for a measurement without a quantity; the dispatcher
            // sends 0.0 for it ("Missing values are replaced by 0 in sasquatch, see RFC-763").
            v = MetricValue::fromDouble(0.0);
            result.notes << QStringLiteral("%1:%2: value of \"%3\" is null: sent as 0.0, as analysis_tools' dispatcher "
                                           "does (RFC-763)")
                                .arg(result.path)
                                .arg(value->line)
                                .arg(metric->text);
        } else if (value->type == JsonNode::Type::Double && std::isinf(value->doubleValue)) {
            r.fields.push_back(MetricField{fieldName, MetricValue::fromString(nonFiniteText(value->doubleValue)), {}});
            result.addProblem(value->line, value->column,
                              QStringLiteral("value of \"%1\" is %2: it cannot be sent")
                                  .arg(metric->text, nonFiniteText(value->doubleValue)),
                              index, fieldName);
            continue;
        } else if (!toValue(*value, v, reason) || v.kind == MetricValueKind::String || v.kind == MetricValueKind::StringArray
                   || v.kind == MetricValueKind::Boolean) {
            if (reason.isEmpty())
                reason = QStringLiteral("value of \"%1\" is a %2; a number is expected").arg(metric->text, value->typeName());
            r.fields.push_back(MetricField{fieldName, MetricValue::fromString(value->type == JsonNode::Type::String ? value->text : value->typeName()), {}});
            result.addProblem(value->line, value->column, reason, index, fieldName);
            continue;
        }
        QString unit;
        if (const JsonNode *u = m.member(QStringLiteral("unit")); u && u->type == JsonNode::Type::String)
            unit = u->text;
        else
            unit = metricUnits.value(metric->text);
        r.fields.push_back(MetricField{fieldName, std::move(v), unit});
        for (const JsonNode *note : notes.value(metric->text)) {
            const QString name = note->key.mid(metric->text.size() + 1);
            if (!AvroRecordSchema::isValidName(name) || name == fieldName) {
                result.notes << QStringLiteral("%1:%2: meta key \"%3\" is a note of measurement \"%4\", but \"%5\" %6: "
                                               "dropped")
                                    .arg(result.path)
                                    .arg(note->line)
                                    .arg(note->key, metric->text, name,
                                         name == fieldName ? QStringLiteral("is the name of its value")
                                                           : QStringLiteral("is not a valid identifier name"));
                continue;
            }
            bool replaced = false;
            for (auto &[k, text] : r.identifiers)
                if (k == name) {
                    text = identifierText(*note);
                    replaced = true;
                }
            if (!replaced)
                r.identifiers.emplace_back(name, identifierText(*note));
        }
    }
    if (measurements->children.empty())
        result.addFatal(measurements->line, measurements->column, QStringLiteral("the job has no measurements"));
    else if (result.records.empty())
        result.addFatal(measurements->line, measurements->column, QStringLiteral("every measurement's value is NaN: nothing to send"));
}

void JsonMetricReader::readRecord(const JsonNode &node, const QString &name, const QString &topicNamespace,
                                  ReadResult &result)
{
    MetricRecord record;
    record.name = name;
    record.topicNamespace = topicNamespace;
    record.line = node.line;
    const auto index = std::int64_t(result.records.size());
    result.records.push_back(record);
    const JsonNode *value = &node;
    if (isProduceRecord(node))
        value = node.member(QStringLiteral("value"));
    if (!value->isObject()) {
        result.addProblem(value->line, value->column, QStringLiteral("a record is a %1; an object is expected").arg(value->typeName()), index);
        return;
    }
    MetricRecord &r = result.records.back();
    bool timed = false;
    for (const JsonNode &n : value->children) {
        if (n.key == u"timestamp") {
            QString reason;
            if (auto t = timeOf(n, reason)) {
                r.timeNs = *t;
                timed = true;
            } else {
                result.addProblem(n.line, n.column, reason, index, n.key);
                continue;
            }
        }
        if (isIdentifierName(n.key) && isScalar(n)) {
            r.identifiers.emplace_back(n.key, identifierText(n));
            result.addColumn(n.key);
            continue;
        }
        if (n.type == JsonNode::Type::Double && std::isnan(n.doubleValue)) {
            result.notes << QStringLiteral("%1:%2: \"%3\" is NaN: skipped (as analysis_tools' dispatcher skips NaN values)")
                                .arg(result.path)
                                .arg(n.line)
                                .arg(n.key);
            continue;
        }
        MetricValue v;
        QString reason;
        result.addColumn(n.key);
        if (n.type == JsonNode::Type::Double && std::isinf(n.doubleValue)) {
            r.fields.push_back(MetricField{n.key, MetricValue::fromString(nonFiniteText(n.doubleValue)), {}});
            result.addProblem(n.line, n.column,
                              QStringLiteral("\"%1\" is %2: it cannot be sent").arg(n.key, nonFiniteText(n.doubleValue)),
                              index, n.key);
            continue;
        }
        if (!toValue(n, v, reason)) {
            r.fields.push_back(MetricField{n.key, MetricValue::fromString(n.typeName()), {}});
            result.addProblem(n.line, n.column, reason, index, n.key);
            continue;
        }
        if (v.isArray() && v.floats.empty() && v.ints.empty() && v.strings.isEmpty())
            continue; // an empty array has no item type: the dispatcher leaves it out too
        r.fields.push_back(MetricField{n.key, std::move(v), {}});
    }
    if (!timed && !value->member(QStringLiteral("timestamp")))
        result.addProblem(value->line, value->column, QStringLiteral("record has no \"timestamp\" (unix seconds)"), index);
}

void JsonMetricReader::readRecords(const JsonNode &root, const ReadOptions &options, ReadResult &result)
{
    result.format = IngestFormat::MetricRecords;
    const QString fallbackName =
        options.recordName.isEmpty() ? QFileInfo(result.path).completeBaseName() : options.recordName;
    if (root.isArray()) {
        for (const JsonNode &n : root.children)
            readRecord(n, fallbackName, {}, result);
    } else if (root.isObject() && root.member(QStringLiteral("records"))) {
        const JsonNode *records = root.member(QStringLiteral("records"));
        if (!records->isArray()) {
            result.addFatal(records->line, records->column, QStringLiteral("\"records\" is a %1; an array is expected").arg(records->typeName()));
            return;
        }
        // A saved REST proxy body names its topic in value_schema: <namespace>.<name>.
        QString name = fallbackName, ns;
        if (const JsonNode *schema = root.member(QStringLiteral("value_schema")); schema && options.recordName.isEmpty()) {
            QString reason;
            if (!schemaName(*schema, ns, name, reason)) {
                result.addFatal(schema->line, schema->column, reason);
                return;
            }
        }
        for (const JsonNode &n : records->children)
            readRecord(n, name, ns, result);
    } else if (root.isObject()) {
        // metric name → list of records, as the dispatcher's _prepareBundle builds them.
        for (const JsonNode &metric : root.children) {
            if (!metric.isArray()) {
                result.addFatal(metric.line, metric.column,
                                QStringLiteral("\"%1\" is a %2; a list of records is expected (or give \"records\" or "
                                               "\"measurements\")")
                                    .arg(metric.key, metric.typeName()));
                return;
            }
            for (const JsonNode &n : metric.children)
                readRecord(n, options.recordName.isEmpty() ? metric.key : options.recordName, {}, result);
        }
    } else {
        result.addFatal(root.line, root.column, QStringLiteral("the document is a %1; an object or array of records is expected").arg(root.typeName()));
        return;
    }
    if (result.records.empty() && result.readable)
        result.addFatal(root.line, root.column, QStringLiteral("no records"));
}

} // namespace sasquatch
