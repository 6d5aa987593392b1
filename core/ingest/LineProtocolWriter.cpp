// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/LineProtocolWriter.h"

#include <algorithm>
#include <limits>

namespace sasquatch {

namespace {

void appendEscaped(const QString &text, std::string &out, bool equals)
{
    const QByteArray u = text.toUtf8();
    for (char c : u) {
        if (c == ',' || c == ' ' || (equals && c == '='))
            out += '\\';
        if (c == '\n') {
            out += "\\n"; // a raw newline would end the line
            continue;
        }
        out += c;
    }
}

void appendString(const QString &text, std::string &out)
{
    out += '"';
    const QByteArray u = text.toUtf8();
    for (char c : u) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
}

void appendScalar(const MetricValue &v, std::string &out)
{
    switch (v.kind) {
    case MetricValueKind::Float:
        appendShortestDouble(out, v.floatValue);
        break;
    case MetricValueKind::Integer:
        out += std::to_string(v.intValue);
        out += 'i';
        break;
    case MetricValueKind::Unsigned:
        // InfluxDB 1.x has no unsigned type: integers up to int64, floats beyond.
        if (v.unsignedValue <= std::uint64_t(std::numeric_limits<std::int64_t>::max())) {
            out += std::to_string(v.unsignedValue);
            out += 'i';
        } else {
            appendShortestDouble(out, double(v.unsignedValue));
        }
        break;
    case MetricValueKind::Boolean:
        out += v.boolValue ? "true" : "false";
        break;
    case MetricValueKind::String:
        appendString(v.text, out);
        break;
    default:
        break;
    }
}

} // namespace

void LineProtocolWriter::appendMeasurement(const QString &text, std::string &out)
{
    appendEscaped(text, out, false);
}

void LineProtocolWriter::appendKey(const QString &text, std::string &out)
{
    appendEscaped(text, out, true);
}

bool LineProtocolWriter::append(const QString &measurement, const MetricRecord &record, std::string &out,
                                const AvroRecordSchema *schema)
{
    const auto isFloatField = [schema](const QString &name) {
        if (!schema)
            return false;
        for (const AvroField &f : schema->fields())
            if (f.name == name)
                return f.type == AvroType::Float || f.type == AvroType::Double;
        return false;
    };
    const std::size_t start = out.size();
    appendMeasurement(measurement, out);
    auto tags = record.identifiers;
    std::sort(tags.begin(), tags.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[key, value] : tags) {
        if (value.isEmpty())
            continue; // InfluxDB refuses empty tag values; absent means the same
        out += ',';
        appendKey(key, out);
        out += '=';
        appendKey(value, out);
    }
    char sep = ' ';
    for (const MetricField &f : record.fields) {
        const MetricValue &v = f.value;
        if (v.isNull())
            continue;
        if (v.isArray()) {
            const qsizetype n = v.kind == MetricValueKind::FloatArray   ? qsizetype(v.floats.size())
                                : v.kind == MetricValueKind::IntegerArray ? qsizetype(v.ints.size())
                                                                          : v.strings.size();
            for (qsizetype i = 0; i < n; ++i) {
                out += sep;
                sep = ',';
                appendKey(f.name + QString::number(i), out);
                out += '=';
                if (v.kind == MetricValueKind::FloatArray)
                    appendScalar(MetricValue::fromDouble(v.floats[std::size_t(i)]), out);
                else if (v.kind == MetricValueKind::IntegerArray)
                    appendScalar(isFloatField(f.name) ? MetricValue::fromDouble(double(v.ints[std::size_t(i)]))
                                                      : MetricValue::fromInt(v.ints[std::size_t(i)]),
                                 out);
                else
                    appendScalar(MetricValue::fromString(v.strings.at(i)), out);
            }
            continue;
        }
        out += sep;
        sep = ',';
        appendKey(f.name, out);
        out += '=';
        if ((v.kind == MetricValueKind::Integer || v.kind == MetricValueKind::Unsigned) && isFloatField(f.name))
            appendScalar(MetricValue::fromDouble(v.toDouble()), out);
        else
            appendScalar(v, out);
    }
    if (sep == ' ') {
        out.resize(start);
        return false;
    }
    out += ' ';
    out += std::to_string(record.timeNs);
    out += '\n';
    return true;
}

} // namespace sasquatch
