// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/AvroDecodePlan.h"

#include <cmath>
#include <cstring>
#include <limits>

namespace sasquatch {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

enum class OpKind : std::uint8_t { Boolean, Integer, Float, Double, String };

OpKind opKind(KafkaValueType type)
{
    switch (type) {
    case KafkaValueType::Boolean:
        return OpKind::Boolean;
    case KafkaValueType::Int:
    case KafkaValueType::Long:
        return OpKind::Integer;
    case KafkaValueType::Float:
        return OpKind::Float;
    case KafkaValueType::Double:
        return OpKind::Double;
    case KafkaValueType::String:
        break;
    }
    return OpKind::String;
}

/// Bounds-checked reader over the Avro body; the first failure sticks.
struct Reader
{
    const std::uint8_t *p;
    const std::uint8_t *end;
    const std::uint8_t *begin;
    const char *failure = nullptr;

    bool need(std::size_t n)
    {
        if (std::size_t(end - p) >= n)
            return true;
        failure = "truncated body";
        return false;
    }
    bool varint(std::int64_t &out)
    {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (p == end) {
                failure = "truncated body";
                return false;
            }
            const std::uint8_t b = *p++;
            value |= std::uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80)) {
                out = std::int64_t((value >> 1) ^ (~(value & 1) + 1)); // zigzag
                return true;
            }
        }
        failure = "varint longer than 10 bytes";
        return false;
    }
    std::size_t offset() const { return std::size_t(p - begin); }
};

} // namespace

struct AvroDecodePlan::Op
{
    OpKind kind;
    bool nullable;
    bool array;
    bool itemNullable;        ///< each element is a ["null", T] union
    std::int8_t nullBranch;
    std::int8_t itemNullBranch;
    std::uint32_t slot;       ///< first column of its kind
    std::uint32_t count;      ///< elements (1 for scalars)
    std::uint32_t firstField; ///< index into layout fields, for messages and nulls
};

AvroDecodePlan::~AvroDecodePlan() = default;

std::vector<int> AvroDecodePlan::arrayLengths() const
{
    std::vector<int> lengths;
    for (const Op &op : m_ops)
        if (op.array)
            lengths.push_back(int(op.count));
    return lengths;
}

Outcome<std::shared_ptr<const AvroDecodePlan>> AvroDecodePlan::compile(std::shared_ptr<const AvroSchema> schema,
                                                                       const std::vector<int> &arrayLengths)
{
    if (arrayLengths.empty() && !schema->lengthsDeclared())
        return Failure{QStringLiteral("Schema %1: array lengths are not declared; decode a message first.")
                           .arg(schema->schemaId())};
    std::shared_ptr<AvroDecodePlan> plan(new AvroDecodePlan);
    auto layout = schema->layout(arrayLengths);
    std::uint32_t field = 0;
    for (const AvroFieldShape &shape : schema->fields()) {
        Op op{};
        op.kind = opKind(shape.type);
        op.nullable = shape.nullable;
        op.array = shape.isArray;
        op.nullBranch = std::int8_t(shape.nullBranch);
        op.itemNullable = shape.itemNullable;
        op.itemNullBranch = std::int8_t(shape.itemNullBranch);
        op.firstField = field;
        std::uint32_t count = 1;
        if (shape.isArray) {
            count = 0;
            while (field + count < layout->fields.size() && layout->fields[field + count].arrayName == shape.name
                   && layout->fields[field + count].arrayIndex == int(count))
                ++count;
        }
        op.count = count;
        op.slot = count > 0 ? layout->fields[field].slot : 0;
        field += count;
        plan->m_ops.push_back(op);
    }
    if (layout->timeField >= 0)
        plan->m_timeSlot = int(layout->fields[std::size_t(layout->timeField)].slot);
    plan->m_layout = std::move(layout);
    plan->m_schema = std::move(schema);
    return std::shared_ptr<const AvroDecodePlan>(std::move(plan));
}

bool AvroDecodePlan::decode(const std::uint8_t *data, std::size_t size, const KafkaMessageMeta &meta,
                            DecodedBatch &batch, QString *error) const
{
    const std::size_t row = batch.addRow(meta);
    Reader in{data, data + size, data};
    const Op *failedOp = nullptr;
    std::int64_t failedElement = -1;
    QString detail;

    const auto setNull = [&](const Op &op, std::uint32_t k) {
        if (op.kind == OpKind::Integer || op.kind == OpKind::String)
            batch.setNull(row, m_layout->fields[op.firstField + k]);
        else
            batch.realData(op.slot + k)[row] = kNaN;
    };
    // One element of a nullable-items array: its branch, then its value unless null.
    const auto readItem = [&](const Op &op, std::uint32_t k) {
        std::int64_t branch = 0;
        if (!in.varint(branch))
            return;
        if (branch == op.itemNullBranch) {
            setNull(op, k);
            return;
        }
        if (branch != 1 - op.itemNullBranch) {
            in.failure = "union branch out of range";
            detail = QStringLiteral(" (branch %1)").arg(branch);
            return;
        }
        switch (op.kind) {
        case OpKind::Boolean:
            if (in.need(1))
                batch.realData(op.slot + k)[row] = *in.p++ ? 1.0 : 0.0;
            return;
        case OpKind::Float:
            if (in.need(4)) {
                float v;
                std::memcpy(&v, in.p, 4);
                batch.realData(op.slot + k)[row] = double(v);
                in.p += 4;
            }
            return;
        case OpKind::Double:
            if (in.need(8)) {
                std::memcpy(batch.realData(op.slot + k) + row, in.p, 8);
                in.p += 8;
            }
            return;
        case OpKind::Integer:
            in.varint(batch.integerData(op.slot + k)[row]);
            return;
        case OpKind::String: {
            std::int64_t length = 0;
            if (!in.varint(length))
                return;
            if (length < 0) {
                in.failure = "negative string length";
                return;
            }
            if (in.need(std::size_t(length))) {
                batch.textData(op.slot + k)[row].assign(reinterpret_cast<const char *>(in.p), std::size_t(length));
                in.p += length;
            }
            return;
        }
        }
    };

    for (const Op &op : m_ops) {
        failedOp = &op;
        if (op.nullable) {
            std::int64_t branch = 0;
            if (!in.varint(branch))
                break;
            if (branch == op.nullBranch) {
                for (std::uint32_t k = 0; k < op.count; ++k)
                    setNull(op, k);
                continue;
            }
            if (branch != 1 - op.nullBranch) {
                in.failure = "union branch out of range";
                detail = QStringLiteral(" (branch %1)").arg(branch);
                break;
            }
        }
        std::uint32_t element = 0;
        std::int64_t blockCount = op.array ? 0 : 1;
        while (true) {
            if (op.array) {
                if (!in.varint(blockCount))
                    break;
                if (blockCount == 0)
                    break;
                if (blockCount < 0) {
                    // A negative count is followed by the block's size in bytes (skippable blocks).
                    if (blockCount == std::numeric_limits<std::int64_t>::min()) {
                        in.failure = "array block count out of range";
                        break;
                    }
                    blockCount = -blockCount;
                    std::int64_t bytes = 0;
                    if (!in.varint(bytes))
                        break;
                }
                if (std::uint64_t(element) + std::uint64_t(blockCount) > op.count) {
                    in.failure = "array longer than the schema's length";
                    detail = QStringLiteral(" (more than %1 elements)").arg(op.count);
                    break;
                }
            }
            const std::uint32_t n = std::uint32_t(blockCount);
            if (op.itemNullable) {
                for (std::uint32_t k = 0; k < n && !in.failure; ++k)
                    readItem(op, element + k);
                if (in.failure) {
                    failedElement = element;
                    break;
                }
                element += n;
                continue;
            }
            switch (op.kind) {
            case OpKind::Boolean:
                if (!in.need(n))
                    break;
                for (std::uint32_t k = 0; k < n; ++k)
                    batch.realData(op.slot + element + k)[row] = in.p[k] ? 1.0 : 0.0;
                in.p += n;
                break;
            case OpKind::Float:
                if (!in.need(std::size_t(n) * 4))
                    break;
                for (std::uint32_t k = 0; k < n; ++k) {
                    float v;
                    std::memcpy(&v, in.p + 4 * k, 4);
                    batch.realData(op.slot + element + k)[row] = double(v);
                }
                in.p += std::size_t(n) * 4;
                break;
            case OpKind::Double:
                if (!in.need(std::size_t(n) * 8))
                    break;
                for (std::uint32_t k = 0; k < n; ++k)
                    std::memcpy(batch.realData(op.slot + element + k) + row, in.p + 8 * k, 8);
                in.p += std::size_t(n) * 8;
                break;
            case OpKind::Integer:
                for (std::uint32_t k = 0; k < n && !in.failure; ++k)
                    in.varint(batch.integerData(op.slot + element + k)[row]);
                break;
            case OpKind::String:
                for (std::uint32_t k = 0; k < n && !in.failure; ++k) {
                    std::int64_t length = 0;
                    if (!in.varint(length))
                        break;
                    if (length < 0) {
                        in.failure = "negative string length";
                        break;
                    }
                    if (!in.need(std::size_t(length)))
                        break;
                    batch.textData(op.slot + element + k)[row].assign(reinterpret_cast<const char *>(in.p),
                                                                      std::size_t(length));
                    in.p += length;
                }
                break;
            }
            if (in.failure) {
                failedElement = element;
                break;
            }
            element += n;
            if (!op.array)
                break;
        }
        if (in.failure)
            break;
        if (op.array && element != op.count) {
            in.failure = "array shorter than the schema's length";
            detail = QStringLiteral(" (%1 of %2 elements)").arg(element).arg(op.count);
            break;
        }
    }
    if (!in.failure && in.p != in.end) {
        failedOp = nullptr;
        in.failure = "bytes left over after the last field";
        detail = QStringLiteral(" (%1 bytes)").arg(in.end - in.p);
    }
    if (in.failure) {
        batch.dropLastRow();
        if (error) {
            QString field;
            if (failedOp) {
                const LayoutField &f = m_layout->fields.empty() || failedOp->count == 0
                                           ? LayoutField{}
                                           : m_layout->fields[failedOp->firstField];
                field = QStringLiteral(", field %1")
                            .arg(QString::fromStdString(f.arrayName.empty() ? f.name : f.arrayName));
                if (failedOp->array && failedElement >= 0)
                    field += QStringLiteral(" element %1").arg(failedElement);
            }
            *error = QStringLiteral("Avro %1%2 at byte %3 of %4%5 (schema %6)")
                         .arg(QString::fromLatin1(in.failure), detail)
                         .arg(in.offset())
                         .arg(size)
                         .arg(field)
                         .arg(m_schema->schemaId());
        }
        return false;
    }
    if (m_timeSlot >= 0) {
        const double seconds = batch.realData(std::uint32_t(m_timeSlot))[row];
        if (std::isfinite(seconds))
            batch.setMetaTime(row, secondsToNs(seconds));
    }
    return true;
}

} // namespace sasquatch
