// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace sasquatch {

/// The kinds of value a metric file can hold. Arrays come from JSON (analysis_tools' `tags`,
/// array-valued measurements); CSV and line protocol give scalars only.
enum class MetricValueKind : std::uint8_t {
    Null,
    Float,
    Integer,
    Unsigned,
    Boolean,
    String,
    FloatArray,
    IntegerArray,
    StringArray,
};

/// One value of a metric record, kept in the type it was written with so that the Avro schema
/// and the line protocol can be built from it the way the dispatcher does.
struct MetricValue
{
    MetricValueKind kind = MetricValueKind::Null;
    double floatValue = 0.0;
    std::int64_t intValue = 0;
    std::uint64_t unsignedValue = 0;
    bool boolValue = false;
    QString text;
    std::vector<double> floats;
    std::vector<std::int64_t> ints;
    QStringList strings;

    static MetricValue null() { return {}; }
    static MetricValue fromDouble(double v);
    static MetricValue fromInt(std::int64_t v);
    static MetricValue fromUnsigned(std::uint64_t v);
    static MetricValue fromBool(bool v);
    static MetricValue fromString(QString v);

    bool isNull() const { return kind == MetricValueKind::Null; }
    bool isNumber() const;
    bool isArray() const;
    /// The value as a double (numbers and booleans), for times and numeric promotion.
    double toDouble() const;
    /// Text for previews and reports: numbers in shortest round-trip form, arrays in brackets.
    QString displayText() const;
    /// "float", "integer", "unsigned", "boolean", "string", "float array", ...
    static QString kindName(MetricValueKind kind);
};

/// Shortest decimal text that reads back as exactly `v` ("2328.9", "1e-07"); "NaN"/"inf" aside.
QString shortestDouble(double v);
/// The same into a std::string (line protocol and JSON bodies are built as bytes).
void appendShortestDouble(std::string &out, double v);

} // namespace sasquatch
