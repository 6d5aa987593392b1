// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/MetricValue.h"

#include <charconv>
#include <cmath>
#include <string>

namespace sasquatch {

MetricValue MetricValue::fromDouble(double v)
{
    MetricValue m;
    m.kind = MetricValueKind::Float;
    m.floatValue = v;
    return m;
}

MetricValue MetricValue::fromInt(std::int64_t v)
{
    MetricValue m;
    m.kind = MetricValueKind::Integer;
    m.intValue = v;
    return m;
}

MetricValue MetricValue::fromUnsigned(std::uint64_t v)
{
    MetricValue m;
    m.kind = MetricValueKind::Unsigned;
    m.unsignedValue = v;
    return m;
}

MetricValue MetricValue::fromBool(bool v)
{
    MetricValue m;
    m.kind = MetricValueKind::Boolean;
    m.boolValue = v;
    return m;
}

MetricValue MetricValue::fromString(QString v)
{
    MetricValue m;
    m.kind = MetricValueKind::String;
    m.text = std::move(v);
    return m;
}

bool MetricValue::isNumber() const
{
    return kind == MetricValueKind::Float || kind == MetricValueKind::Integer || kind == MetricValueKind::Unsigned;
}

bool MetricValue::isArray() const
{
    return kind == MetricValueKind::FloatArray || kind == MetricValueKind::IntegerArray
           || kind == MetricValueKind::StringArray;
}

double MetricValue::toDouble() const
{
    switch (kind) {
    case MetricValueKind::Float:
        return floatValue;
    case MetricValueKind::Integer:
        return double(intValue);
    case MetricValueKind::Unsigned:
        return double(unsignedValue);
    case MetricValueKind::Boolean:
        return boolValue ? 1.0 : 0.0;
    default:
        return std::nan("");
    }
}

void appendShortestDouble(std::string &out, double v)
{
    // Shortest round-trip text; plain notation in the everyday range so that unix seconds read
    // as 1795000000.5 rather than 1.7950000005e+09.
    char buffer[64];
    const double magnitude = std::fabs(v);
    const bool plain = magnitude == 0.0 || (magnitude >= 1e-5 && magnitude < 1e17);
    const auto result = plain ? std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed)
                              : std::to_chars(buffer, buffer + sizeof buffer, v);
    out.append(buffer, result.ptr);
}

QString shortestDouble(double v)
{
    std::string s;
    appendShortestDouble(s, v);
    return QString::fromLatin1(s.data(), qsizetype(s.size()));
}

QString MetricValue::displayText() const
{
    switch (kind) {
    case MetricValueKind::Null:
        return {};
    case MetricValueKind::Float:
        return shortestDouble(floatValue);
    case MetricValueKind::Integer:
        return QString::number(intValue);
    case MetricValueKind::Unsigned:
        return QString::number(unsignedValue);
    case MetricValueKind::Boolean:
        return boolValue ? QStringLiteral("true") : QStringLiteral("false");
    case MetricValueKind::String:
        return text;
    case MetricValueKind::FloatArray: {
        QStringList parts;
        for (double d : floats)
            parts << shortestDouble(d);
        return u'[' + parts.join(QStringLiteral(", ")) + u']';
    }
    case MetricValueKind::IntegerArray: {
        QStringList parts;
        for (std::int64_t i : ints)
            parts << QString::number(i);
        return u'[' + parts.join(QStringLiteral(", ")) + u']';
    }
    case MetricValueKind::StringArray:
        return u'[' + strings.join(QStringLiteral(", ")) + u']';
    }
    return {};
}

QString MetricValue::kindName(MetricValueKind kind)
{
    switch (kind) {
    case MetricValueKind::Null:
        return QStringLiteral("null");
    case MetricValueKind::Float:
        return QStringLiteral("float");
    case MetricValueKind::Integer:
        return QStringLiteral("integer");
    case MetricValueKind::Unsigned:
        return QStringLiteral("unsigned integer");
    case MetricValueKind::Boolean:
        return QStringLiteral("boolean");
    case MetricValueKind::String:
        return QStringLiteral("string");
    case MetricValueKind::FloatArray:
        return QStringLiteral("float array");
    case MetricValueKind::IntegerArray:
        return QStringLiteral("integer array");
    case MetricValueKind::StringArray:
        return QStringLiteral("string array");
    }
    return {};
}

} // namespace sasquatch
