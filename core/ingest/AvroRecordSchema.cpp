// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/AvroRecordSchema.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace sasquatch {

namespace {

const QString kTimestamp = QStringLiteral("timestamp");

/// Whether `v` reads back as the same decimal text from a 32-bit float.
bool floatExact(double v)
{
    if (!std::isfinite(v) || std::fabs(v) > double(std::numeric_limits<float>::max()))
        return false;
    const float f = float(v);
    char a[32], b[32];
    const auto ra = std::to_chars(a, a + sizeof a, v);
    const auto rb = std::to_chars(b, b + sizeof b, f);
    return (ra.ptr - a) == (rb.ptr - b) && std::memcmp(a, b, std::size_t(ra.ptr - a)) == 0;
}

void appendLong(std::int64_t v, std::string &out)
{
    // Avro: zig-zag, then base-128 varint, low group first.
    auto z = (std::uint64_t(v) << 1) ^ std::uint64_t(v >> 63);
    while (z >= 0x80) {
        out += char((z & 0x7F) | 0x80);
        z >>= 7;
    }
    out += char(z);
}

void appendLittleEndian(const void *p, std::size_t n, std::string &out)
{
    // x86 and ARM Linux are little-endian, as Avro's float encoding is.
    static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "Avro float encoding assumes little-endian");
    out.append(static_cast<const char *>(p), n);
}

void appendUtf8(const QString &s, std::string &out)
{
    const QByteArray u = s.toUtf8();
    appendLong(u.size(), out);
    out.append(u.constData(), std::size_t(u.size()));
}

} // namespace

QString avroTypeName(AvroType type)
{
    switch (type) {
    case AvroType::Boolean:
        return QStringLiteral("boolean");
    case AvroType::Int:
        return QStringLiteral("int");
    case AvroType::Long:
        return QStringLiteral("long");
    case AvroType::Float:
        return QStringLiteral("float");
    case AvroType::Double:
        return QStringLiteral("double");
    case AvroType::String:
        return QStringLiteral("string");
    }
    return {};
}

namespace {

/// The JSON default of a non-nullable field: zero of its type, an empty array.
std::string defaultJson(const AvroField &f)
{
    if (f.array)
        return "[]";
    switch (f.type) {
    case AvroType::Boolean:
        return "false";
    case AvroType::Int:
    case AvroType::Long:
        return "0";
    case AvroType::Float:
    case AvroType::Double:
        return "0.0";
    case AvroType::String:
        return "\"\"";
    }
    return "null";
}

} // namespace

bool AvroRecordSchema::isValidName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        const bool letter = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || c == u'_';
        const bool digit = c >= u'0' && c <= u'9';
        if (!(letter || (digit && i > 0)))
            return false;
    }
    return true;
}

QString AvroRecordSchema::sanitizedName(const QString &text)
{
    QString out;
    for (QChar c : text) {
        const bool ok = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || c == u'_' || (c >= u'0' && c <= u'9');
        out += ok ? c : u'_';
    }
    if (out.isEmpty() || out.at(0).isDigit())
        out.prepend(u'_');
    return out;
}

void AvroRecordSchema::appendJsonString(const QString &text, std::string &out)
{
    const QByteArray u = text.toUtf8();
    out += '"';
    for (char c : u) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(static_cast<unsigned char>(c)));
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

AvroRecordSchema AvroRecordSchema::infer(const QString &ns, const QString &recordName,
                                         const std::vector<const MetricRecord *> &records)
{
    AvroRecordSchema schema;
    schema.m_namespace = ns;
    // A dotted record name ("validate_drp.PA1") is an Avro full name; keep each part valid.
    QStringList parts = recordName.split(u'.', Qt::SkipEmptyParts);
    for (QString &p : parts)
        p = sanitizedName(p);
    schema.m_name = parts.isEmpty() ? QStringLiteral("metric") : parts.join(u'.');

    AvroField time;
    time.name = kTimestamp;
    time.type = AvroType::Double;
    time.fromTime = true;
    schema.m_fields.push_back(time);

    struct Seen
    {
        AvroField field;
        qsizetype count = 0;
        bool anyFloat = false, allFloatExact = true, anyBeyondInt32 = false, anyBeyondInt64 = false;
        bool anyBool = false, anyString = false, anyArray = false;
    };
    std::vector<Seen> identifiers, values;
    const auto find = [](std::vector<Seen> &list, const QString &name) -> Seen * {
        for (Seen &s : list)
            if (s.field.name == name)
                return &s;
        return nullptr;
    };
    for (const MetricRecord *r : records) {
        for (const auto &[key, text] : r->identifiers) {
            Seen *s = find(identifiers, key);
            if (!s) {
                identifiers.push_back(Seen{});
                s = &identifiers.back();
                s->field.name = key;
                s->field.type = AvroType::String;
                s->field.identifier = true;
            }
            ++s->count;
        }
        for (const MetricField &f : r->fields) {
            if (f.name == kTimestamp)
                continue;
            Seen *s = find(values, f.name);
            if (!s) {
                values.push_back(Seen{});
                s = &values.back();
                s->field.name = f.name;
            }
            const MetricValue &v = f.value;
            if (v.isNull())
                continue;
            ++s->count;
            switch (v.kind) {
            case MetricValueKind::Float:
                s->anyFloat = true;
                s->allFloatExact = s->allFloatExact && floatExact(v.floatValue);
                break;
            case MetricValueKind::Integer:
                s->anyBeyondInt32 |= v.intValue < std::numeric_limits<std::int32_t>::min()
                                     || v.intValue > std::numeric_limits<std::int32_t>::max();
                s->allFloatExact = s->allFloatExact && std::llabs(v.intValue) <= (1LL << 24);
                break;
            case MetricValueKind::Unsigned:
                s->anyBeyondInt32 |= v.unsignedValue > std::uint64_t(std::numeric_limits<std::int32_t>::max());
                s->anyBeyondInt64 |= v.unsignedValue > std::uint64_t(std::numeric_limits<std::int64_t>::max());
                s->allFloatExact = s->allFloatExact && v.unsignedValue <= (1ULL << 24);
                break;
            case MetricValueKind::Boolean:
                s->anyBool = true;
                break;
            case MetricValueKind::String:
                s->anyString = true;
                break;
            case MetricValueKind::StringArray:
                s->anyString = s->anyArray = true;
                break;
            case MetricValueKind::FloatArray:
                s->anyArray = s->anyFloat = true;
                for (double d : v.floats)
                    s->allFloatExact = s->allFloatExact && floatExact(d);
                break;
            case MetricValueKind::IntegerArray:
                s->anyArray = true;
                for (std::int64_t i : v.ints) {
                    s->anyBeyondInt32 |= i < std::numeric_limits<std::int32_t>::min() || i > std::numeric_limits<std::int32_t>::max();
                    s->allFloatExact = s->allFloatExact && std::llabs(i) <= (1LL << 24);
                }
                break;
            case MetricValueKind::Null:
                break;
            }
        }
    }
    const auto total = qsizetype(records.size());
    for (Seen &s : identifiers) {
        s.field.nullable = s.count < total;
        schema.m_fields.push_back(s.field);
    }
    for (Seen &s : values) {
        AvroField &f = s.field;
        f.array = s.anyArray;
        f.nullable = s.count < total;
        if (s.anyString)
            f.type = AvroType::String;
        else if (s.anyBool)
            f.type = AvroType::Boolean;
        else if (f.name.contains(kTimestamp))
            f.type = AvroType::Double;
        else if (s.anyFloat || s.anyBeyondInt64)
            f.type = s.allFloatExact ? AvroType::Float : AvroType::Double;
        else
            f.type = s.anyBeyondInt32 ? AvroType::Long : AvroType::Int;
        schema.m_fields.push_back(f);
    }
    schema.buildJson();
    return schema;
}

void AvroRecordSchema::buildJson()
{
    std::string out = "{\"type\":\"record\",\"namespace\":";
    appendJsonString(m_namespace, out);
    out += ",\"name\":";
    appendJsonString(m_name, out);
    out += ",\"fields\":[";
    bool first = true;
    for (const AvroField &f : m_fields) {
        if (!first)
            out += ',';
        first = false;
        out += "{\"name\":";
        appendJsonString(f.name, out);
        const std::string base = "\"" + avroTypeName(f.type).toStdString() + "\"";
        const std::string type = f.array ? "{\"type\":\"array\",\"items\":" + base + "}" : base;
        out += ",\"type\":";
        if (f.nullable) {
            out += "[\"null\"," + type + "],\"default\":null}";
        } else {
            // A default on every field, as analysis_tools' dispatcher gives them (0.0, 0, ""):
            // a later upload to the same topic may then add fields and still pass the Schema
            // Registry's BACKWARD compatibility check.
            out += type + ",\"default\":" + defaultJson(f) + "}";
        }
    }
    out += "]}";
    m_json = QByteArray(out.data(), qsizetype(out.size()));
}

AvroRecordSchema::Slot AvroRecordSchema::slotOf(const MetricRecord &record, const AvroField &field, MetricValue &scratch) const
{
    Slot slot;
    if (field.identifier) {
        for (const auto &[key, text] : record.identifiers)
            if (key == field.name) {
                slot.identifier = text;
                slot.isIdentifier = slot.present = true;
                return slot;
            }
        return slot;
    }
    if (const MetricField *f = record.field(field.name); f && !f->value.isNull()) {
        slot.value = &f->value;
        slot.present = true;
        return slot;
    }
    if (field.fromTime) {
        scratch = MetricValue::fromDouble(double(record.timeNs) / 1e9);
        slot.value = &scratch;
        slot.present = true;
    }
    return slot;
}

void AvroRecordSchema::appendJsonValue(const AvroField &field, const MetricValue &value, bool wrap, std::string &out) const
{
    if (wrap) {
        out += "{\"";
        out += field.array ? "array" : avroTypeName(field.type).toStdString();
        out += "\":";
    }
    const auto scalar = [&](double d, std::int64_t i, bool isInt) {
        switch (field.type) {
        case AvroType::Int:
        case AvroType::Long:
            out += std::to_string(isInt ? i : std::int64_t(d));
            break;
        default:
            // Float fields hold values whose decimal text a float reproduces: write that text.
            appendShortestDouble(out, d);
            break;
        }
    };
    switch (value.kind) {
    case MetricValueKind::Integer:
        scalar(double(value.intValue), value.intValue, true);
        break;
    case MetricValueKind::Unsigned:
        scalar(double(value.unsignedValue), std::int64_t(value.unsignedValue), true);
        break;
    case MetricValueKind::Float:
        scalar(value.floatValue, 0, false);
        break;
    case MetricValueKind::Boolean:
        out += value.boolValue ? "true" : "false";
        break;
    case MetricValueKind::String:
        appendJsonString(value.text, out);
        break;
    case MetricValueKind::FloatArray:
    case MetricValueKind::IntegerArray:
    case MetricValueKind::StringArray: {
        out += '[';
        const std::size_t n = value.kind == MetricValueKind::FloatArray ? value.floats.size()
                              : value.kind == MetricValueKind::IntegerArray ? value.ints.size()
                                                                             : std::size_t(value.strings.size());
        for (std::size_t i = 0; i < n; ++i) {
            if (i)
                out += ',';
            if (value.kind == MetricValueKind::FloatArray)
                scalar(value.floats[i], 0, false);
            else if (value.kind == MetricValueKind::IntegerArray)
                scalar(double(value.ints[i]), value.ints[i], true);
            else
                appendJsonString(value.strings.at(qsizetype(i)), out);
        }
        out += ']';
        break;
    }
    case MetricValueKind::Null:
        out += "null";
        break;
    }
    if (wrap)
        out += '}';
}

void AvroRecordSchema::appendAvroJson(const MetricRecord &record, std::string &out) const
{
    out += '{';
    bool first = true;
    MetricValue scratch;
    for (const AvroField &f : m_fields) {
        const Slot slot = slotOf(record, f, scratch);
        if (!first)
            out += ',';
        first = false;
        appendJsonString(f.name, out);
        out += ':';
        if (!slot.present)
            out += "null";
        else if (slot.isIdentifier)
            appendJsonValue(f, MetricValue::fromString(slot.identifier), f.nullable, out);
        else
            appendJsonValue(f, *slot.value, f.nullable, out);
    }
    out += '}';
}

void AvroRecordSchema::appendPlainJson(const MetricRecord &record, std::string &out) const
{
    out += '{';
    bool first = true;
    MetricValue scratch;
    for (const AvroField &f : m_fields) {
        const Slot slot = slotOf(record, f, scratch);
        if (!slot.present)
            continue; // absent rather than null: JSON consumers read a missing key as null
        if (!first)
            out += ',';
        first = false;
        appendJsonString(f.name, out);
        out += ':';
        if (slot.isIdentifier)
            appendJsonValue(f, MetricValue::fromString(slot.identifier), false, out);
        else
            appendJsonValue(f, *slot.value, false, out);
    }
    out += '}';
}

void AvroRecordSchema::appendBinary(const MetricRecord &record, std::string &out) const
{
    MetricValue scratch;
    for (const AvroField &f : m_fields) {
        const Slot slot = slotOf(record, f, scratch);
        if (f.nullable) {
            appendLong(slot.present ? 1 : 0, out); // union branch: 0 = null, 1 = the type
            if (!slot.present)
                continue;
        }
        const MetricValue stringValue = slot.isIdentifier ? MetricValue::fromString(slot.identifier) : MetricValue{};
        const MetricValue &v = slot.isIdentifier ? stringValue : *slot.value;
        const auto scalar = [&](double d, std::int64_t i, const QString &s, bool b) {
            switch (f.type) {
            case AvroType::Boolean:
                out += char(b ? 1 : 0);
                break;
            case AvroType::Int:
            case AvroType::Long:
                appendLong(i, out);
                break;
            case AvroType::Float: {
                const float x = float(d);
                appendLittleEndian(&x, 4, out);
                break;
            }
            case AvroType::Double:
                appendLittleEndian(&d, 8, out);
                break;
            case AvroType::String:
                appendUtf8(s, out);
                break;
            }
        };
        switch (v.kind) {
        case MetricValueKind::FloatArray:
            appendLong(std::int64_t(v.floats.size()), out);
            for (double d : v.floats)
                scalar(d, std::int64_t(d), {}, false);
            if (!v.floats.empty())
                appendLong(0, out);
            break;
        case MetricValueKind::IntegerArray:
            appendLong(std::int64_t(v.ints.size()), out);
            for (std::int64_t i : v.ints)
                scalar(double(i), i, {}, false);
            if (!v.ints.empty())
                appendLong(0, out);
            break;
        case MetricValueKind::StringArray:
            appendLong(v.strings.size(), out);
            for (const QString &s : v.strings)
                scalar(0, 0, s, false);
            if (!v.strings.isEmpty())
                appendLong(0, out);
            break;
        default:
            scalar(v.toDouble(),
                   v.kind == MetricValueKind::Integer ? v.intValue
                   : v.kind == MetricValueKind::Unsigned ? std::int64_t(v.unsignedValue)
                                                        : std::int64_t(v.toDouble()),
                   v.kind == MetricValueKind::String ? v.text : v.displayText(), v.boolValue);
            break;
        }
    }
}

} // namespace sasquatch
