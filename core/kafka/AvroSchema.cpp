// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/AvroSchema.h"

#include <avro.h>

#include <nlohmann/json.hpp>

#include <optional>
#include <utility>

namespace sasquatch {

namespace {

std::optional<KafkaValueType> scalarType(avro_schema_t s)
{
    switch (avro_typeof(s)) {
    case AVRO_BOOLEAN:
        return KafkaValueType::Boolean;
    case AVRO_INT32:
        return KafkaValueType::Int;
    case AVRO_INT64:
        return KafkaValueType::Long;
    case AVRO_FLOAT:
        return KafkaValueType::Float;
    case AVRO_DOUBLE:
        return KafkaValueType::Double;
    case AVRO_STRING:
        return KafkaValueType::String;
    default:
        return std::nullopt;
    }
}

QString typeName(avro_schema_t s)
{
    // avro_schema_type_name() gives a named type's name ("in"), not its kind.
    switch (avro_typeof(s)) {
    case AVRO_RECORD:
        return QStringLiteral("record");
    case AVRO_ENUM:
        return QStringLiteral("enum");
    case AVRO_FIXED:
        return QStringLiteral("fixed");
    case AVRO_MAP:
        return QStringLiteral("map");
    case AVRO_ARRAY:
        return QStringLiteral("array");
    case AVRO_UNION:
        return QStringLiteral("union");
    default:
        return QString::fromUtf8(avro_schema_type_name(s));
    }
}

/// For a two-branch union with "null": the null branch's index and the other branch.
std::optional<std::pair<int, avro_schema_t>> nullableUnion(avro_schema_t s)
{
    if (!is_avro_union(s) || avro_schema_union_size(s) != 2)
        return std::nullopt;
    avro_schema_t a = avro_schema_union_branch(s, 0);
    avro_schema_t b = avro_schema_union_branch(s, 1);
    if (is_avro_null(a) && !is_avro_null(b))
        return std::pair{0, b};
    if (is_avro_null(b) && !is_avro_null(a))
        return std::pair{1, a};
    return std::nullopt;
}

std::string stringAttribute(const nlohmann::json &field, const char *name)
{
    const auto it = field.find(name);
    return it != field.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

AvroSchema::~AvroSchema()
{
    if (m_schema)
        avro_schema_decref(m_schema);
}

Outcome<std::shared_ptr<const AvroSchema>> AvroSchema::parse(const QByteArray &json, std::int32_t schemaId)
{
    const QString where = schemaId >= 0 ? QStringLiteral("Schema %1").arg(schemaId) : QStringLiteral("Avro schema");
    avro_schema_t schema = nullptr;
    if (avro_schema_from_json_length(json.constData(), std::size_t(json.size()), &schema) != 0 || !schema)
        return Failure{QStringLiteral("%1 is not a valid Avro schema: %2").arg(where, QString::fromUtf8(avro_strerror()).trimmed())};
    std::shared_ptr<AvroSchema> result(new AvroSchema);
    result->m_schema = schema;
    result->m_json = json;
    result->m_schemaId = schemaId;
    if (!is_avro_record(schema))
        return Failure{QStringLiteral("%1 is a %2, not a record.").arg(where, typeName(schema))};
    const char *space = avro_schema_namespace(schema);
    result->m_recordName = (space && *space) ? std::string(space) + '.' + avro_schema_name(schema)
                                             : std::string(avro_schema_name(schema));

    // avro-c drops attributes it does not know (units, description, default), so the JSON is
    // read a second time for them; avro-c has already checked it is valid.
    const auto doc = nlohmann::json::parse(json.constBegin(), json.constEnd(), nullptr, false);
    std::map<std::string, const nlohmann::json *> jsonFields;
    if (doc.is_object())
        if (const auto f = doc.find("fields"); f != doc.end() && f->is_array())
            for (const auto &field : *f)
                if (field.is_object() && field.contains("name") && field["name"].is_string())
                    jsonFields[field["name"].get<std::string>()] = &field;

    const auto count = avro_schema_record_size(schema);
    for (std::size_t i = 0; i < count; ++i) {
        AvroFieldShape shape;
        shape.name = avro_schema_record_field_name(schema, int(i));
        avro_schema_t type = avro_schema_record_field_get_by_index(schema, int(i));
        const auto unsupported = [&](avro_schema_t t) {
            return Failure{QStringLiteral("%1, field \"%2\": type %3 is not supported (SAL uses boolean, int, long, "
                                          "float, double, string, arrays of those (items may be [\"null\", T]) and [\"null\", T] unions).")
                               .arg(where, QString::fromStdString(shape.name), typeName(t))};
        };
        if (is_avro_union(type)) {
            const auto nullable = nullableUnion(type);
            if (!nullable)
                return unsupported(type);
            shape.nullable = true;
            shape.nullBranch = nullable->first;
            type = nullable->second;
        }
        if (is_avro_array(type)) {
            avro_schema_t items = avro_schema_array_items(type);
            if (is_avro_union(items)) {
                const auto nullable = nullableUnion(items);
                if (!nullable)
                    return unsupported(items);
                shape.itemNullable = true;
                shape.itemNullBranch = nullable->first;
                items = nullable->second;
            }
            const auto itemType = scalarType(items);
            if (!itemType)
                return unsupported(items);
            shape.isArray = true;
            shape.type = *itemType;
        } else {
            const auto t = scalarType(type);
            if (!t)
                return unsupported(type);
            shape.type = *t;
        }
        if (const auto it = jsonFields.find(shape.name); it != jsonFields.end()) {
            const nlohmann::json &field = *it->second;
            shape.units = stringAttribute(field, "units");
            shape.description = stringAttribute(field, "description");
            if (shape.isArray)
                if (const auto d = field.find("default"); d != field.end() && d->is_array() && !d->empty())
                    shape.declaredLength = int(d->size());
        }
        result->m_fields.push_back(std::move(shape));
    }
    return std::shared_ptr<const AvroSchema>(std::move(result));
}

bool AvroSchema::lengthsDeclared() const
{
    for (const auto &f : m_fields)
        if (f.isArray && f.declaredLength < 0)
            return false;
    return true;
}

std::shared_ptr<MessageLayout> AvroSchema::layout(const std::vector<int> &arrayLengths) const
{
    auto layout = std::make_shared<MessageLayout>();
    layout->recordName = m_recordName;
    layout->schemaId = m_schemaId;
    std::size_t array = 0;
    for (const auto &f : m_fields) {
        LayoutField base;
        base.type = f.type;
        base.nullable = f.nullable || f.itemNullable;
        base.units = f.units;
        base.description = f.description;
        if (!f.isArray) {
            base.name = f.name;
            layout->fields.push_back(std::move(base));
            continue;
        }
        const int length = array < arrayLengths.size() ? arrayLengths[array] : std::max(0, f.declaredLength);
        ++array;
        base.arrayName = f.name;
        for (int k = 0; k < length; ++k) {
            LayoutField element = base;
            element.name = f.name + std::to_string(k);
            element.arrayIndex = k;
            layout->fields.push_back(std::move(element));
        }
    }
    layout->assignSlots();
    return layout;
}

} // namespace sasquatch
