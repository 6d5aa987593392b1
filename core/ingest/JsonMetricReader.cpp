// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/JsonMetricReader.h"

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
    if (!parseJsonDocument(bytes, root, error)) {
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
    // Identifiers and time from meta.
    std::vector<std::pair<QString, QString>> identifiers;
    std::optional<std::int64_t> time;
    const JsonNode *meta = root.member(QStringLiteral("meta"));
    if (meta && meta->isObject()) {
        const auto addIdentifier = [&](const JsonNode &n) {
            for (const auto &[k, v] : identifiers)
                if (k == n.key)
                    return;
            identifiers.emplace_back(n.key, identifierText(n));
        };
        for (const JsonNode &n : meta->children) {
            static const QStringList kTimeKeys{QStringLiteral("timestamp"), QStringLiteral("run_timestamp"),
                                               QStringLiteral("date"), QStringLiteral("datetime")};
            if (!time && kTimeKeys.contains(n.key)) {
                QString reason;
                time = timeOf(n, reason);
                if (!time) {
                    result.addFatal(n.line, n.column, reason);
                    return;
                }
                continue;
            }
            if (isScalar(n))
                addIdentifier(n);
            else if (n.isObject() && n.key != u"packages")
                for (const JsonNode &inner : n.children)
                    if (isScalar(inner))
                        addIdentifier(inner);
        }
    } else if (meta) {
        result.addFatal(meta->line, meta->column, QStringLiteral("\"meta\" is a %1; an object is expected").arg(meta->typeName()));
        return;
    }
    if (!time) {
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
        result.addColumn(fieldName);
        const JsonNode *value = m.member(QStringLiteral("value"));
        if (!value) {
            result.addProblem(m.line, m.column, QStringLiteral("measurement of \"%1\" has no \"value\"").arg(metric->text), index, fieldName);
            continue;
        }
        MetricValue v;
        QString reason;
        if (!toValue(*value, v, reason) || v.kind == MetricValueKind::String || v.kind == MetricValueKind::StringArray
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
    }
    if (result.records.empty())
        result.addFatal(measurements->line, measurements->column, QStringLiteral("the job has no measurements"));
}

void JsonMetricReader::readRecord(const JsonNode &node, const QString &name, ReadResult &result)
{
    MetricRecord record;
    record.name = name;
    record.line = node.line;
    const auto index = std::int64_t(result.records.size());
    result.records.push_back(record);
    const JsonNode *value = &node;
    if (node.isObject() && node.children.size() == 1 && node.member(QStringLiteral("value")))
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
        MetricValue v;
        QString reason;
        result.addColumn(n.key);
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
            readRecord(n, fallbackName, result);
    } else if (root.isObject() && root.member(QStringLiteral("records"))) {
        const JsonNode *records = root.member(QStringLiteral("records"));
        if (!records->isArray()) {
            result.addFatal(records->line, records->column, QStringLiteral("\"records\" is a %1; an array is expected").arg(records->typeName()));
            return;
        }
        for (const JsonNode &n : records->children)
            readRecord(n, fallbackName, result);
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
                readRecord(n, options.recordName.isEmpty() ? metric.key : options.recordName, result);
        }
    } else {
        result.addFatal(root.line, root.column, QStringLiteral("the document is a %1; an object or array of records is expected").arg(root.typeName()));
        return;
    }
    if (result.records.empty() && result.readable)
        result.addFatal(root.line, root.column, QStringLiteral("no records"));
}

} // namespace sasquatch
