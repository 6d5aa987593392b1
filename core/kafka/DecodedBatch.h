// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/MessageLayout.h"
#include "core/series/SampleBatch.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <optional>
#include <span>
#include <vector>

namespace sasquatch {

/// Where one decoded message came from.
struct KafkaMessageMeta
{
    std::int32_t partition = 0;
    std::int64_t offset = -1;
    std::int64_t timestamp_ms = 0; ///< Kafka message timestamp (create or log-append time)
    std::int64_t time_ns = 0;      ///< series time: private_efdStamp when the layout has it, else timestamp_ms
};

/// One decoded value: null, boolean, integer, floating point or text.
using KafkaValue = std::variant<std::monostate, bool, std::int64_t, double, std::string>;

/// Decoded messages of ONE topic that share ONE MessageLayout, stored by column: the unit in
/// which the Kafka worker hands data to the GUI thread (as std::shared_ptr<const DecodedBatch>:
/// immutable once delivered). Real columns hold doubles (NaN = null), integer columns int64,
/// text columns strings; LayoutField::slot says which column of its kind a field uses.
class DecodedBatch
{
public:
    DecodedBatch() = default;
    DecodedBatch(std::string topic, std::shared_ptr<const MessageLayout> layout);

    const std::string &topic() const { return m_topic; }
    const MessageLayout &layout() const { return *m_layout; }
    const std::shared_ptr<const MessageLayout> &layoutPtr() const { return m_layout; }
    std::size_t rowCount() const { return m_rows; }
    bool empty() const { return m_rows == 0; }
    const KafkaMessageMeta &meta(std::size_t row) const { return m_meta[row]; }

    /// Value of field `field` (index into layout().fields) in `row`.
    KafkaValue value(std::size_t row, std::size_t field) const;
    /// The value as a double (booleans 0/1, integers converted); NaN for null and text.
    double number(std::size_t row, std::size_t field) const;
    bool isNull(std::size_t row, std::size_t field) const;
    /// A real column (rowCount() doubles) by slot.
    const double *realColumn(std::uint32_t slot) const { return m_real[slot].data(); }
    const std::int64_t *integerColumn(std::uint32_t slot) const { return m_integer[slot].data(); }

    /// The numeric fields (or only those named in `only`, when not empty) as a SampleBatch for
    /// the SeriesStore: times are KafkaMessageMeta::time_ns, integer nulls become NaN.
    SampleBatch toSampleBatch(const std::vector<std::string> &only = {}) const;
    /// The same for fields chosen once per layout with selectFields(): no name is compared
    /// per batch (the live path converts every batch of a topic with the same choice).
    SampleBatch toSampleBatch(std::span<const std::uint32_t> fields) const;
    /// Indices (into layout.fields) of the numeric fields named in `only`, or of all numeric
    /// fields when `only` is empty, in layout order.
    static std::vector<std::uint32_t> selectFields(const MessageLayout &layout, const std::vector<std::string> &only);
    /// The SampleBatch of `fields`: the one the worker thread converted ahead (see
    /// KafkaConsumerConfig::sampleFields), moved out on the first call, or converted now.
    /// One receiver takes it; the live tail's GUI thread then only appends.
    SampleBatch takeSamples(std::span<const std::uint32_t> fields) const;
    /// Whether a converted SampleBatch is waiting to be taken.
    bool hasSamples() const { return m_samples.has_value(); }

    // --- Building (decoders, on the worker thread) -----------------------------------------
    /// Room for `rows` rows without reallocating.
    void reserve(std::size_t rows);
    /// Starts a new row (every value default: 0 / empty / not null) and returns its index.
    std::size_t addRow(const KafkaMessageMeta &meta);
    /// Drops the last row (a message that failed half-way through decoding).
    void dropLastRow();
    void setMetaTime(std::size_t row, std::int64_t time_ns) { m_meta[row].time_ns = time_ns; }
    /// Writable column pointers for the current capacity (valid until the next addRow/reserve).
    double *realData(std::uint32_t slot) { return m_real[slot].data(); }
    std::int64_t *integerData(std::uint32_t slot) { return m_integer[slot].data(); }
    std::string *textData(std::uint32_t slot) { return m_text[slot].data(); }
    /// Marks an integer or text field null in `row` (real fields use NaN).
    void setNull(std::size_t row, const LayoutField &field);
    /// Trims spare capacity; call before handing the batch over.
    void finish();
    /// Converts `fields` now (on the worker thread), for takeSamples().
    void prepareSamples(std::span<const std::uint32_t> fields) { m_samples = toSampleBatch(fields); }

private:
    std::string m_topic;
    std::shared_ptr<const MessageLayout> m_layout;
    std::size_t m_rows = 0;
    std::size_t m_capacity = 0;
    std::vector<KafkaMessageMeta> m_meta;
    std::vector<std::vector<double>> m_real;
    std::vector<std::vector<std::int64_t>> m_integer;
    std::vector<std::vector<std::string>> m_text;
    // Nulls of integer/text fields, as (row, field index) pairs: rare, so kept aside.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_nulls;
    // Converted on the worker thread, moved out by the one receiver (takeSamples): the batch
    // is otherwise immutable once delivered.
    mutable std::optional<SampleBatch> m_samples;
};

using DecodedBatchPtr = std::shared_ptr<const DecodedBatch>;
using DecodedBatchList = std::vector<DecodedBatchPtr>;

} // namespace sasquatch
