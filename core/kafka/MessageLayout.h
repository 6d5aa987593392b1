// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sasquatch {

/// SAL seconds (double, e.g. private_efdStamp = 1763950000.25) to int64 ns, exact to the
/// double's precision: whole seconds and the fraction are converted apart, since
/// seconds * 1e9 alone rounds 0.25 s to 0.249999872 s at today's epoch values.
std::int64_t secondsToNs(double seconds);

/// The type of one decoded (flattened) field. Avro int/long arrive as Int/Long, float/double
/// as Float/Double; JSON numbers are Double (Long when integral), JSON strings String.
enum class KafkaValueType : std::uint8_t { Boolean, Int, Long, Float, Double, String };

/// Storage class of a field's values in a DecodedBatch.
enum class KafkaColumnKind : std::uint8_t {
    Real,    ///< Boolean (0/1), Float, Double: one double per row, NaN for null
    Integer, ///< Int, Long: one int64 per row (exact), null tracked in a flag
    Text,    ///< String: one std::string per row
};

KafkaColumnKind columnKind(KafkaValueType type);
/// "boolean", "int", "long", "float", "double", "string" (the Avro names).
const char *valueTypeName(KafkaValueType type);

/// One scalar field of a message after flattening: Avro arrays of fixed length become one
/// field per element named as InfluxDB names them (`xForce0 ... xForce11`), so live and
/// historical series are the same series.
struct LayoutField
{
    std::string name;        ///< flattened name, e.g. "zForce17" or "fx"
    KafkaValueType type = KafkaValueType::Double;
    bool nullable = false;   ///< ["null", T] union
    std::string units;       ///< the Avro field's "units" attribute ("N", "s", "unitless"), may be empty
    std::string description; ///< the Avro field's "description" attribute, may be empty
    std::string arrayName;   ///< for array elements: the array's field name ("zForce"), else empty
    int arrayIndex = -1;     ///< element index within the array, -1 for scalars
    std::uint32_t slot = 0;  ///< column index within its KafkaColumnKind in a DecodedBatch
};

/// The flattened fields of one message shape (an Avro writer schema or a JSON shape), in
/// schema order. Shared (immutable) by every batch decoded with it.
struct MessageLayout
{
    /// Name of the SAL timestamp used as the series time when present (UTC seconds; it is
    /// InfluxDB's time too, which is what lets history and live meet without duplicates).
    static constexpr std::string_view kEfdStampField = "private_efdStamp";

    std::string recordName;        ///< Avro record full name, e.g. "lsst.sal.MTM1M3.forceActuatorData"; empty for JSON
    std::int32_t schemaId = -1;    ///< Confluent schema id; -1 for JSON messages
    std::vector<LayoutField> fields;
    std::uint32_t realColumns = 0; ///< columns per kind (see LayoutField::slot)
    std::uint32_t integerColumns = 0;
    std::uint32_t textColumns = 0;
    int timeField = -1;            ///< index of private_efdStamp (Real) in fields, or -1

    /// Index of the field called `name`, or -1.
    int indexOf(std::string_view name) const;
    /// Sets slot, the per-kind column counts and timeField from `fields`.
    void assignSlots();
    /// Number of numeric fields (everything but String), i.e. the series one message feeds.
    std::size_t numericFieldCount() const { return realColumns + integerColumns; }
};

} // namespace sasquatch
