// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/AvroTestWriter.h"

#include <avro.h>

#include <cfloat>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace sasquatch::test {

struct AvroTestWriter::State
{
    avro_schema_t schema = nullptr;
    avro_value_iface_t *iface = nullptr;
    avro_value_t value{};
    bool hasValue = false;

    ~State()
    {
        if (hasValue)
            avro_value_decref(&value);
        if (iface)
            avro_value_iface_decref(iface);
        if (schema)
            avro_schema_decref(schema);
    }
};

namespace {

QString avroError()
{
    return QString::fromUtf8(avro_strerror()).trimmed();
}

template <class T>
T pick(std::mt19937_64 &rng, std::initializer_list<T> extremes, T random)
{
    // One value in four is an extreme of the type: they catch sign and width mistakes.
    if (rng() % 4 == 0) {
        const auto index = rng() % extremes.size();
        return *(extremes.begin() + std::ptrdiff_t(index));
    }
    return random;
}

std::string randomString(std::mt19937_64 &rng)
{
    static const char *pieces[] = {"a", "Z", "0", " ", "_", "\"", "\\", "\xc3\xa9" /* é */, "\xe2\x82\xac" /* € */, "\n"};
    std::string s;
    const auto n = rng() % 24;
    for (std::size_t i = 0; i < n; ++i)
        s += pieces[rng() % std::size(pieces)];
    return s;
}

bool fillScalar(avro_value_t *v, avro_schema_t s, std::mt19937_64 &rng, nlohmann::json &out)
{
    std::uniform_real_distribution<double> uniform(-1e4, 1e4);
    switch (avro_typeof(s)) {
    case AVRO_BOOLEAN: {
        const bool b = rng() & 1;
        out = b;
        return avro_value_set_boolean(v, b) == 0;
    }
    case AVRO_INT32: {
        const auto x = pick<std::int32_t>(rng, {std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::max(), 0, -1, 1},
                                          std::int32_t(rng() % 2000001) - 1000000);
        out = x;
        return avro_value_set_int(v, x) == 0;
    }
    case AVRO_INT64: {
        const auto x = pick<std::int64_t>(rng, {std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max(), 0, -1, std::int64_t(1) << 40},
                                          std::int64_t(rng()));
        out = x;
        return avro_value_set_long(v, x) == 0;
    }
    case AVRO_FLOAT: {
        const auto x = pick<float>(rng, {0.0f, -0.0f, FLT_MAX, -FLT_MAX, FLT_MIN, FLT_TRUE_MIN}, float(uniform(rng)));
        out = double(x);
        return avro_value_set_float(v, x) == 0;
    }
    case AVRO_DOUBLE: {
        const auto x = pick<double>(rng, {0.0, DBL_MAX, -DBL_MAX, DBL_MIN, DBL_TRUE_MIN, 1.7e9}, uniform(rng));
        out = x;
        return avro_value_set_double(v, x) == 0;
    }
    case AVRO_STRING: {
        const std::string x = randomString(rng);
        out = x;
        return avro_value_set_string_len(v, x.c_str(), x.size() + 1) == 0;
    }
    default:
        return false;
    }
}

bool fillRandom(avro_value_t *v, avro_schema_t s, std::mt19937_64 &rng, int arrayLength, nlohmann::json &out)
{
    if (is_avro_union(s)) {
        const int branches = int(avro_schema_union_size(s));
        const int chosen = int(rng() % std::uint64_t(branches));
        avro_value_t branch;
        if (avro_value_set_branch(v, chosen, &branch) != 0)
            return false;
        avro_schema_t bs = avro_schema_union_branch(s, chosen);
        if (is_avro_null(bs)) {
            out = nullptr;
            return avro_value_set_null(&branch) == 0;
        }
        return fillRandom(&branch, bs, rng, arrayLength, out);
    }
    if (is_avro_array(s)) {
        out = nlohmann::json::array();
        for (int k = 0; k < arrayLength; ++k) {
            avro_value_t element;
            if (avro_value_append(v, &element, nullptr) != 0)
                return false;
            nlohmann::json e;
            if (!fillRandom(&element, avro_schema_array_items(s), rng, arrayLength, e))
                return false;
            out.push_back(e);
        }
        return true;
    }
    return fillScalar(v, s, rng, out);
}

bool setScalar(avro_value_t *v, avro_schema_t s, const nlohmann::json &j)
{
    switch (avro_typeof(s)) {
    case AVRO_BOOLEAN:
        return j.is_boolean() && avro_value_set_boolean(v, j.get<bool>()) == 0;
    case AVRO_INT32:
        return j.is_number_integer() && avro_value_set_int(v, j.get<std::int32_t>()) == 0;
    case AVRO_INT64:
        return j.is_number_integer() && avro_value_set_long(v, j.get<std::int64_t>()) == 0;
    case AVRO_FLOAT:
        return j.is_number() && avro_value_set_float(v, j.get<float>()) == 0;
    case AVRO_DOUBLE:
        return j.is_number() && avro_value_set_double(v, j.get<double>()) == 0;
    case AVRO_STRING: {
        if (!j.is_string())
            return false;
        const auto &x = j.get_ref<const std::string &>();
        return avro_value_set_string_len(v, x.c_str(), x.size() + 1) == 0;
    }
    default:
        return false;
    }
}

bool setValue(avro_value_t *v, avro_schema_t s, const nlohmann::json &j)
{
    if (is_avro_union(s)) {
        const int branches = int(avro_schema_union_size(s));
        for (int b = 0; b < branches; ++b) {
            avro_schema_t bs = avro_schema_union_branch(s, b);
            if (is_avro_null(bs) != j.is_null())
                continue;
            avro_value_t branch;
            if (avro_value_set_branch(v, b, &branch) != 0)
                return false;
            return j.is_null() ? avro_value_set_null(&branch) == 0 : setValue(&branch, bs, j);
        }
        return false;
    }
    if (is_avro_array(s)) {
        if (!j.is_array())
            return false;
        for (const auto &e : j) {
            avro_value_t element;
            if (avro_value_append(v, &element, nullptr) != 0 || !setValue(&element, avro_schema_array_items(s), e))
                return false;
        }
        return true;
    }
    return setScalar(v, s, j);
}

} // namespace

AvroTestWriter::AvroTestWriter(const QByteArray &schemaJson) : m_state(std::make_unique<State>())
{
    if (avro_schema_from_json_length(schemaJson.constData(), std::size_t(schemaJson.size()), &m_state->schema) != 0) {
        m_error = QStringLiteral("avro-c: %1").arg(avroError());
        return;
    }
    m_state->iface = avro_generic_class_from_schema(m_state->schema);
    if (!m_state->iface || avro_generic_value_new(m_state->iface, &m_state->value) != 0) {
        m_error = QStringLiteral("avro-c: %1").arg(avroError());
        return;
    }
    m_state->hasValue = true;
}

AvroTestWriter::~AvroTestWriter() = default;

namespace {

QByteArray encode(avro_value_t *value, QString &error)
{
    std::size_t size = 0;
    if (avro_value_sizeof(value, &size) != 0) {
        error = QStringLiteral("avro-c sizeof: %1").arg(avroError());
        return {};
    }
    QByteArray out(qsizetype(size), '\0');
    avro_writer_t writer = avro_writer_memory(out.data(), std::int64_t(out.size()));
    const int rc = avro_value_write(writer, value);
    avro_writer_free(writer);
    if (rc != 0) {
        error = QStringLiteral("avro-c write: %1").arg(avroError());
        return {};
    }
    return out;
}

} // namespace

QByteArray AvroTestWriter::randomRecord(std::mt19937_64 &rng, int arrayLength, nlohmann::json *values)
{
    if (!ok())
        return {};
    avro_value_reset(&m_state->value);
    nlohmann::json record = nlohmann::json::object();
    const auto count = avro_schema_record_size(m_state->schema);
    for (std::size_t i = 0; i < count; ++i) {
        avro_value_t field;
        avro_value_get_by_index(&m_state->value, i, &field, nullptr);
        nlohmann::json out;
        if (!fillRandom(&field, avro_schema_record_field_get_by_index(m_state->schema, int(i)), rng, arrayLength, out)) {
            m_error = QStringLiteral("cannot fill field %1: %2").arg(i).arg(avroError());
            return {};
        }
        record[avro_schema_record_field_name(m_state->schema, int(i))] = out;
    }
    if (values)
        *values = std::move(record);
    return encode(&m_state->value, m_error);
}

QByteArray AvroTestWriter::record(const nlohmann::json &values)
{
    if (!ok())
        return {};
    avro_value_reset(&m_state->value);
    const auto count = avro_schema_record_size(m_state->schema);
    for (std::size_t i = 0; i < count; ++i) {
        const char *name = avro_schema_record_field_name(m_state->schema, int(i));
        avro_value_t field;
        avro_value_get_by_index(&m_state->value, i, &field, nullptr);
        const auto it = values.find(name);
        if (it == values.end()
            || !setValue(&field, avro_schema_record_field_get_by_index(m_state->schema, int(i)), *it)) {
            m_error = QStringLiteral("field %1: missing or of the wrong type").arg(QString::fromUtf8(name));
            return {};
        }
    }
    return encode(&m_state->value, m_error);
}

QByteArray AvroTestWriter::framed(std::int32_t schemaId, const QByteArray &body)
{
    QByteArray out;
    out.reserve(body.size() + 5);
    out.append(char(0));
    const auto id = std::uint32_t(schemaId);
    out.append(char(id >> 24)).append(char(id >> 16)).append(char(id >> 8)).append(char(id));
    out.append(body);
    return out;
}

QByteArray AvroTestWriter::forceActuatorDataSchema(bool nullableReals)
{
    nlohmann::json fields = nlohmann::json::array();
    // ts_xml's field_info.py (later versions) writes float and double as ["float","null"] /
    // ["double","null"], in scalars and in array items alike.
    const auto real = [nullableReals](const char *type) -> nlohmann::json {
        const bool isReal = std::strcmp(type, "float") == 0 || std::strcmp(type, "double") == 0;
        return nullableReals && isReal ? nlohmann::json::array({type, "null"}) : nlohmann::json(type);
    };
    const auto scalar = [&](const char *name, const char *type, const char *units, const char *description) {
        fields.push_back({{"name", name}, {"type", real(type)}, {"units", units}, {"description", description}});
    };
    const auto array = [&](const char *name, int length, const char *units, const char *description) {
        fields.push_back({{"name", name},
                          {"type", {{"type", "array"}, {"items", real("float")}}},
                          {"default", std::vector<double>(std::size_t(length), 0.0)},
                          {"units", units},
                          {"description", description}});
    };
    scalar("private_efdStamp", "double", "second", "UTC time for EFD timestamp. An integer (e.g. 1590782400.0) is exactly midnight UTC.");
    scalar("private_kafkaStamp", "double", "second", "TAI time at which the message was sent to Kafka.");
    scalar("salIndex", "int", "unitless", "SAL index (only present for indexed SAL components)");
    scalar("private_revCode", "string", "unitless", "Revision hashcode");
    scalar("private_sndStamp", "double", "second", "Time of instance publication");
    scalar("private_rcvStamp", "double", "second", "Time of instance reception");
    scalar("private_seqNum", "int", "unitless", "Sequence number");
    scalar("private_identity", "string", "unitless", "Identity of publisher: SAL component name for a CSC or user@host for a user");
    scalar("private_origin", "int", "unitless", "Process ID of publisher");
    scalar("timestamp", "double", "second", "Time of the measurement (TAI)");
    array("primaryCylinderForce", 156, "N", "Primary cylinder forces");
    array("secondaryCylinderForce", 112, "N", "Secondary cylinder forces");
    array("primaryCylinderFollowingError", 156, "N", "Primary cylinder following errors");
    array("secondaryCylinderFollowingError", 112, "N", "Secondary cylinder following errors");
    array("xForce", 12, "N", "X forces");
    array("yForce", 100, "N", "Y forces");
    array("zForce", 156, "N", "Z forces");
    for (const char *name : {"fx", "fy", "fz"})
        scalar(name, "float", "N", "Total force");
    for (const char *name : {"mx", "my", "mz"})
        scalar(name, "float", "N*m", "Total moment");
    scalar("forceMagnitude", "float", "N", "Force magnitude");
    const nlohmann::json schema = {{"type", "record"},
                                   {"name", "forceActuatorData"},
                                   {"namespace", "lsst.sal.MTM1M3"},
                                   {"fields", fields}};
    const std::string text = schema.dump();
    return QByteArray(text.data(), qsizetype(text.size()));
}

} // namespace sasquatch::test
