// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/parse/ResultTable.h"
#include "core/series/SampleBatch.h"
#include "core/util/Outcome.h"

#include <QString>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sasquatch {

struct TableShape;

/// Turns query results into SampleBatches for SeriesStore: feed it the ResultTables of a
/// query as they arrive (whole tables or pieces, Flux or InfluxQL), then takeBatches().
///
/// Forms understood (column names as AnnotatedCsvParser and InfluxQlJsonParser produce them):
/// - Flux long form: `_time`, `_value`, `_field`, `_measurement` and tag columns. One series
///   per (measurement, field, tags). Tags are the other String columns (not `_field`,
///   `_measurement`, `result`, `table`). `_value` must be numeric.
/// - Wide form: InfluxQL (`time`, one column per field, then `_measurement` and the tag
///   columns as group keys) and Flux after pivot() (`_time` + field columns). Every numeric
///   column (double, long, unsignedLong, boolean as 0/1) other than the time and Flux's
///   `_start`/`_stop` is a field; String columns that are group keys (other than
///   `_measurement`) are tags; other String columns (string fields) are skipped with a note.
/// The time column is `_time` (Flux) or `time` (InfluxQL) and must be dateTime.
///
/// Identity columns (`_measurement`, `_field`, tags) that are group keys are read once per
/// table; when they are not (after Flux `group()`), rows are split by their values. A tag
/// with an empty value is left out of the key (the series has no such tag).
///
/// Null and NaN differ: a null cell (row without that field) is NOT a sample; a NaN value is
/// a sample that is a gap. Rows with a null time are skipped.
///
/// Sharing: rows that arrive together for several fields of one stream (a wide table) stay
/// together in one batch, so they share one time column in the store; fields of a stream that
/// arrive as separate tables (Flux long form) are merged into one batch when their times are
/// identical. takeBatches() returns at most one batch per series key: pieces of one table
/// are concatenated, and if a series arrived in several overlapping tables their rows are
/// merged by time (on equal times the row added first wins). Tables of different results
/// (Flux yields) for the same series are merged the same way: give a collector one result
/// when they differ.
class SeriesBatchCollector
{
public:
    /// Takes the table's samples. Returns how many samples (rows × fields) it held, or a
    /// failure saying why the table has nothing to plot (no time column, no numeric field,
    /// string values); nothing is kept from a failed table.
    Outcome<std::int64_t> add(const ResultTable &table);

    /// The batches collected so far (see the class comment), in first-seen order; the
    /// collector is empty afterwards.
    std::vector<SampleBatch> takeBatches();
    bool isEmpty() const { return m_pending.empty(); }
    void clear();

    /// Columns skipped in tables that were otherwise used, one line each ("column "x" of
    /// table 3 is a string: not plotted").
    const std::vector<QString> &notes() const { return m_notes; }

private:
    void addRun(const ResultTable &table, const TableShape &shape, std::size_t fromRow, std::size_t toRow);
    void addBatch(SampleBatch batch);
    static std::string signature(const SampleBatch &batch);

    std::vector<SampleBatch> m_pending;
    std::int64_t m_samplesAdded = 0; // by the add() in progress
    std::map<std::string, std::size_t> m_lastBySignature; // stream + fields -> latest pending batch
    std::vector<QString> m_notes;
};

} // namespace sasquatch
