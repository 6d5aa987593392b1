// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/AvroReferenceDecoder.h"

#include <avro.h>

#include <cmath>
#include <limits>

namespace sasquatch {

struct AvroReferenceDecoder::State
{
    avro_value_iface_t *iface = nullptr;
    avro_value_t value{};
    bool hasValue = false;
    avro_reader_t reader = nullptr;

    ~State()
    {
        if (reader)
            avro_reader_free(reader);
        if (hasValue)
            avro_value_decref(&value);
        if (iface)
            avro_value_iface_decref(iface);
    }

    /// Reads one record; empty string on success, else avro-c's message.
    QString read(const std::uint8_t *data, std::size_t size)
    {
        static const char kEmpty = 0;
        const char *buffer = size ? reinterpret_cast<const char *>(data) : &kEmpty;
        if (!reader)
            reader = avro_reader_memory(buffer, std::int64_t(size));
        else
            avro_reader_memory_set_source(reader, buffer, std::int64_t(size));
        avro_value_reset(&value);
        if (avro_value_read(reader, &value) != 0)
            return QStringLiteral("avro-c: %1").arg(QString::fromUtf8(avro_strerror()).trimmed());
        // avro_reader_is_eof() answers only for file readers: probe for one more byte instead.
        char extra = 0;
        if (avro_read(reader, &extra, 1) == 0)
            return QStringLiteral("avro-c: bytes left over after the record");
        return {};
    }
};

AvroReferenceDecoder::AvroReferenceDecoder(std::shared_ptr<const AvroSchema> schema)
    : m_schema(std::move(schema)), m_state(std::make_unique<State>())
{
    m_state->iface = avro_generic_class_from_schema(m_schema->handle());
    if (m_state->iface && avro_generic_value_new(m_state->iface, &m_state->value) == 0)
        m_state->hasValue = true;
}

AvroReferenceDecoder::~AvroReferenceDecoder() = default;

Outcome<std::vector<int>> AvroReferenceDecoder::arrayLengths(const std::uint8_t *data, std::size_t size)
{
    if (!m_state->hasValue)
        return Failure{QStringLiteral("avro-c could not build a value for the schema: %1").arg(QString::fromUtf8(avro_strerror()))};
    if (QString problem = m_state->read(data, size); !problem.isEmpty())
        return Failure{problem};
    std::vector<int> lengths;
    const auto &fields = m_schema->fields();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (!fields[i].isArray)
            continue;
        avro_value_t field;
        avro_value_get_by_index(&m_state->value, i, &field, nullptr);
        if (fields[i].nullable) {
            int discriminant = 0;
            avro_value_get_discriminant(&field, &discriminant);
            if (discriminant == fields[i].nullBranch) {
                lengths.push_back(std::max(0, fields[i].declaredLength));
                continue;
            }
            avro_value_t branch;
            avro_value_get_current_branch(&field, &branch);
            field = branch;
        }
        std::size_t n = 0;
        avro_value_get_size(&field, &n);
        lengths.push_back(int(n));
    }
    return lengths;
}

bool AvroReferenceDecoder::decode(const std::uint8_t *data, std::size_t size, const KafkaMessageMeta &meta,
                                  DecodedBatch &batch, QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!m_state->hasValue)
        return fail(QStringLiteral("avro-c could not build a value for the schema"));
    if (QString problem = m_state->read(data, size); !problem.isEmpty())
        return fail(problem);
    const MessageLayout &layout = batch.layout();
    const std::size_t row = batch.addRow(meta);
    const auto &shapes = m_schema->fields();
    std::size_t next = 0; // layout field
    const auto store = [&](avro_value_t *v, const LayoutField &f) {
        switch (f.type) {
        case KafkaValueType::Boolean: {
            int b = 0;
            avro_value_get_boolean(v, &b);
            batch.realData(f.slot)[row] = b ? 1.0 : 0.0;
            break;
        }
        case KafkaValueType::Int: {
            std::int32_t x = 0;
            avro_value_get_int(v, &x);
            batch.integerData(f.slot)[row] = x;
            break;
        }
        case KafkaValueType::Long: {
            std::int64_t x = 0;
            avro_value_get_long(v, &x);
            batch.integerData(f.slot)[row] = x;
            break;
        }
        case KafkaValueType::Float: {
            float x = 0;
            avro_value_get_float(v, &x);
            batch.realData(f.slot)[row] = double(x);
            break;
        }
        case KafkaValueType::Double: {
            double x = 0;
            avro_value_get_double(v, &x);
            batch.realData(f.slot)[row] = x;
            break;
        }
        case KafkaValueType::String: {
            const char *s = nullptr;
            std::size_t n = 0; // includes the terminating NUL
            avro_value_get_string(v, &s, &n);
            batch.textData(f.slot)[row].assign(s ? s : "", n ? n - 1 : 0);
            break;
        }
        }
    };
    const auto setNull = [&](const LayoutField &f) {
        if (columnKind(f.type) == KafkaColumnKind::Real)
            batch.realData(f.slot)[row] = std::numeric_limits<double>::quiet_NaN();
        else
            batch.setNull(row, f);
    };
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        const AvroFieldShape &shape = shapes[i];
        avro_value_t field;
        avro_value_get_by_index(&m_state->value, i, &field, nullptr);
        std::size_t count = 1;
        if (shape.isArray) {
            count = 0;
            while (next + count < layout.fields.size() && layout.fields[next + count].arrayName == shape.name
                   && layout.fields[next + count].arrayIndex == int(count))
                ++count;
        }
        if (shape.nullable) {
            int discriminant = 0;
            avro_value_get_discriminant(&field, &discriminant);
            if (discriminant == shape.nullBranch) {
                for (std::size_t k = 0; k < count; ++k)
                    setNull(layout.fields[next + k]);
                next += count;
                continue;
            }
            avro_value_t branch;
            avro_value_get_current_branch(&field, &branch);
            field = branch;
        }
        if (shape.isArray) {
            std::size_t n = 0;
            avro_value_get_size(&field, &n);
            if (n != count) {
                batch.dropLastRow();
                return fail(QStringLiteral("array %1 has %2 elements, the layout %3")
                                .arg(QString::fromStdString(shape.name))
                                .arg(n)
                                .arg(count));
            }
            for (std::size_t k = 0; k < n; ++k) {
                avro_value_t element;
                avro_value_get_by_index(&field, k, &element, nullptr);
                if (shape.itemNullable) {
                    int discriminant = 0;
                    avro_value_get_discriminant(&element, &discriminant);
                    if (discriminant == shape.itemNullBranch) {
                        setNull(layout.fields[next + k]);
                        continue;
                    }
                    avro_value_t branch;
                    avro_value_get_current_branch(&element, &branch);
                    element = branch;
                }
                store(&element, layout.fields[next + k]);
            }
        } else {
            store(&field, layout.fields[next]);
        }
        next += count;
    }
    if (layout.timeField >= 0) {
        const double seconds = batch.realData(layout.fields[std::size_t(layout.timeField)].slot)[row];
        if (std::isfinite(seconds))
            batch.setMetaTime(row, secondsToNs(seconds));
    }
    return true;
}

} // namespace sasquatch
