// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoAvroEncoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <avro.h>

namespace sasquatch {

struct DemoAvroEncoder::Avro
{
    avro_schema_t schema = nullptr;
    avro_value_iface_t *iface = nullptr;
    avro_value_t record{};
    bool hasRecord = false;

    ~Avro()
    {
        if (hasRecord)
            avro_value_decref(&record);
        if (iface)
            avro_value_iface_decref(iface);
        if (schema)
            avro_schema_decref(schema);
    }
};

namespace {

QString avroError(const char *what)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromUtf8(avro_strerror()));
}

/// Sets one Avro scalar from a line value; false when the kinds do not fit.
bool setScalar(avro_value_t *v, DemoFieldType type, const DemoLineValue &x)
{
    switch (type) {
    case DemoFieldType::Float64:
        return x.kind != DemoLineValue::Kind::String && avro_value_set_double(v, x.number) == 0;
    case DemoFieldType::Float32:
        return x.kind != DemoLineValue::Kind::String && avro_value_set_float(v, float(x.number)) == 0;
    case DemoFieldType::Int32:
        return x.kind == DemoLineValue::Kind::Integer && avro_value_set_int(v, std::int32_t(x.integer)) == 0;
    case DemoFieldType::Int64:
        return x.kind == DemoLineValue::Kind::Integer && avro_value_set_long(v, x.integer) == 0;
    case DemoFieldType::Boolean:
        return x.kind == DemoLineValue::Kind::Boolean && avro_value_set_boolean(v, x.number != 0.0) == 0;
    case DemoFieldType::String:
        return x.kind == DemoLineValue::Kind::String && avro_value_set_string(v, x.text.c_str()) == 0;
    }
    return false;
}

} // namespace

QByteArray DemoAvroEncoder::schemaJson(const DemoTopic &topic)
{
    QJsonArray fields;
    for (const DemoField &f : topic.fields) {
        QJsonObject field;
        field[QStringLiteral("name")] = f.name;
        const QString scalar = avroFieldType(f.type);
        if (f.isArray()) {
            QJsonObject array;
            array[QStringLiteral("type")] = QStringLiteral("array");
            array[QStringLiteral("items")] = scalar;
            field[QStringLiteral("type")] = array;
        } else {
            field[QStringLiteral("type")] = scalar;
        }
        field[QStringLiteral("description")] = f.description;
        field[QStringLiteral("units")] = f.units.isEmpty() ? QStringLiteral("unitless") : f.units;
        fields.append(field);
    }
    QJsonObject record;
    record[QStringLiteral("type")] = QStringLiteral("record");
    record[QStringLiteral("name")] = topic.name;
    record[QStringLiteral("namespace")] = QString(QStringLiteral("lsst.sal.") + topic.csc);
    record[QStringLiteral("fields")] = fields;
    if (!topic.description.isEmpty())
        record[QStringLiteral("doc")] = topic.description;
    return QJsonDocument(record).toJson(QJsonDocument::Compact);
}

Outcome<std::shared_ptr<DemoAvroEncoder>> DemoAvroEncoder::create(const DemoTopic &topic, int schemaId)
{
    QByteArray json = schemaJson(topic);
    auto avro = std::make_unique<Avro>();
    if (avro_schema_from_json_length(json.constData(), size_t(json.size()), &avro->schema) != 0)
        return Failure{avroError("Avro schema of ") + topic.measurement()};
    avro->iface = avro_generic_class_from_schema(avro->schema);
    if (!avro->iface)
        return Failure{avroError("Avro class of ") + topic.measurement()};
    if (avro_generic_value_new(avro->iface, &avro->record) != 0)
        return Failure{avroError("Avro value of ") + topic.measurement()};
    avro->hasRecord = true;
    return std::shared_ptr<DemoAvroEncoder>(new DemoAvroEncoder(topic, schemaId, std::move(json), std::move(avro)));
}

DemoAvroEncoder::DemoAvroEncoder(const DemoTopic &topic, int schemaId, QByteArray schemaJson, std::unique_ptr<Avro> avro)
    : m_topic(&topic), m_schemaId(schemaId), m_schemaJson(std::move(schemaJson)), m_avro(std::move(avro))
{
}

DemoAvroEncoder::~DemoAvroEncoder() = default;

Outcome<Done> DemoAvroEncoder::encode(const DemoLine &line, std::string &out)
{
    avro_value_t *record = &m_avro->record;
    avro_value_reset(record);
    std::size_t at = 0;
    const auto mismatch = [&](const DemoField &f, const char *why) {
        return Failure{QStringLiteral("%1: field %2 (value %3 of the point): %4")
                           .arg(m_topic->measurement(), f.name)
                           .arg(at + 1)
                           .arg(QLatin1String(why))};
    };
    for (std::size_t i = 0; i < m_topic->fields.size(); ++i) {
        const DemoField &f = m_topic->fields[i];
        avro_value_t field;
        if (avro_value_get_by_index(record, i, &field, nullptr) != 0)
            return Failure{avroError("Avro record field")};
        if (at + std::size_t(f.count) > line.values.size())
            return mismatch(f, "the point has fewer values than the schema");
        if (!f.isArray()) {
            if (line.keys[at] != f.name.toStdString())
                return mismatch(f, "the point names another field here");
            if (!setScalar(&field, f.type, line.values[at]))
                return mismatch(f, "the value does not fit the Avro type");
            ++at;
            continue;
        }
        for (int k = 0; k < f.count; ++k, ++at) {
            avro_value_t element;
            if (avro_value_append(&field, &element, nullptr) != 0)
                return Failure{avroError("Avro array append")};
            if (!setScalar(&element, f.type, line.values[at]))
                return mismatch(f, "an array element does not fit the Avro type");
        }
    }
    if (at != line.values.size())
        return Failure{QStringLiteral("%1: the point has %2 values, the schema %3")
                           .arg(m_topic->measurement())
                           .arg(line.values.size())
                           .arg(at)};

    std::size_t size = 0;
    if (avro_value_sizeof(record, &size) != 0)
        return Failure{avroError("Avro size")};
    out.resize(5 + size);
    out[0] = 0;
    const auto id = std::uint32_t(m_schemaId);
    out[1] = char(id >> 24);
    out[2] = char(id >> 16);
    out[3] = char(id >> 8);
    out[4] = char(id);
    avro_writer_t writer = avro_writer_memory(out.data() + 5, std::int64_t(size));
    const int rc = avro_value_write(writer, record);
    avro_writer_free(writer);
    if (rc != 0)
        return Failure{avroError("Avro write")};
    return Done{};
}

} // namespace sasquatch
