// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/DecodedBatch.h"

#include <memory>
#include <string>
#include <vector>

namespace sasquatch {

/// Output of `sasquatch-browser tail`.
enum class TailFormat { Json, Csv };

/// Turns decoded Kafka messages into `tail` lines. JSON: one object per message,
/// {"topic","partition","offset","timestamp_ms","fields":{...}}; floats printed in their
/// shortest exact form (as float for Avro float fields), NaN and null as null. CSV: a header
/// (topic,partition,offset,timestamp_ms, then the fields) before the first row; the columns
/// are the --fields, or the first message's fields; a message without a column leaves it empty.
/// `fields` selects flattened names (`zForce3`) or whole arrays (`zForce` = zForce0...).
class TailFormatter
{
public:
    TailFormatter(TailFormat format, std::vector<std::string> fields);

    /// Appends the line(s) of row `row` of `batch` to `out` (a header first, once, for CSV).
    void appendRow(const DecodedBatch &batch, std::size_t row, std::string &out);

    /// Whether `name` (a layout field) is selected.
    bool selects(const LayoutField &field) const;

private:
    void appendValue(const DecodedBatch &batch, std::size_t row, std::size_t field, std::string &out) const;

    TailFormat m_format;
    std::vector<std::string> m_fields;
    std::vector<std::string> m_columns; // CSV, fixed at the first row
    bool m_headerWritten = false;
    // CSV: the column of each field of the layout last seen (-1 = not printed).
    std::shared_ptr<const MessageLayout> m_lastLayout; // kept alive: a pointer alone could be reused
    std::vector<int> m_columnOfField;
};

} // namespace sasquatch
