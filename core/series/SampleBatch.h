// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/series/SeriesKey.h"
#include "core/util/Outcome.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sasquatch {

/// One field's values in a SampleBatch.
struct BatchField
{
    std::string name;
    std::vector<double> values; ///< one per batch row; NaN = gap (drawn as a break)
};

/// Samples on their way into a SeriesStore: rows of one message stream (topic + tags), one
/// time per row and one value per row for each field. All fields of a batch share its times,
/// which is how the store knows they may share one time column (the 812 fields of
/// forceActuatorData). Built by SeriesBatchCollector from query results, or by hand (Kafka).
/// A plain value: build it on a worker thread, hand it to the GUI thread.
///
/// Times are int64 ns since the epoch (UTC). Rows need not be sorted: the store sorts them and
/// drops repeated times (see SeriesStore, "Ordering").
struct SampleBatch
{
    std::string topic;
    TagSet tags;
    std::vector<std::int64_t> times;
    std::vector<BatchField> fields;

    std::size_t rowCount() const { return times.size(); }
    /// The key of field `index`.
    SeriesKey key(std::size_t index) const { return {topic, fields[index].name, tags}; }
    /// The field with that name, or nullptr.
    const BatchField *field(const std::string &name) const;

    /// Done when usable: every field has one value per row, field names are non-empty and
    /// unique, tag keys are non-empty and unique. Otherwise the failure says what is wrong.
    Outcome<Done> validate() const;

    /// Row order that the store applies: rows sorted by time (stable), a row dropped when an
    /// earlier row in that order has the same time (the first one wins). Empty when the rows
    /// are already strictly increasing, which is the common case and costs one pass.
    std::vector<std::uint32_t> sortedUniqueRows() const;
};

} // namespace sasquatch
