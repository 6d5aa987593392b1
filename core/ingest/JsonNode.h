// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <vector>

namespace sasquatch {

/// A JSON value that remembers where it was written, so that a reader can say
/// `file:line:column` about any member. Built by parseJsonDocument().
struct JsonNode
{
    enum class Type : std::uint8_t { Null, Bool, Int, UInt, Double, String, Array, Object };
    Type type = Type::Null;
    bool boolValue = false;
    std::int64_t intValue = 0;
    std::uint64_t uintValue = 0;
    double doubleValue = 0.0;
    QString text;              ///< String value
    QString key;               ///< member name, when this is an object member
    std::vector<JsonNode> children; ///< array items or object members (in file order)
    std::uint64_t line = 0;
    std::uint32_t column = 0;

    bool isObject() const { return type == Type::Object; }
    bool isArray() const { return type == Type::Array; }
    bool isNumber() const { return type == Type::Int || type == Type::UInt || type == Type::Double; }
    /// Member `name` of an object, or nullptr.
    const JsonNode *member(const QString &name) const;
    double toDouble() const;
    /// "object", "array", "string", "number", "boolean", "null".
    QString typeName() const;
};

/// Parse failure with its place.
struct JsonParseError
{
    QString message;
    std::uint64_t line = 0;
    std::uint32_t column = 0;
};

/// Which JSON is accepted: RFC 8259, or that plus the `NaN`, `Infinity` and `-Infinity` that
/// Python's json.dump writes by default (read as Double nodes).
enum class JsonDialect : std::uint8_t { Strict, Python };

/// Parses one JSON document. False with `error` filled when it is malformed.
bool parseJsonDocument(const QByteArray &bytes, JsonNode &root, JsonParseError &error,
                       JsonDialect dialect = JsonDialect::Strict);

} // namespace sasquatch
