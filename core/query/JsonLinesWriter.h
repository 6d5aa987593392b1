// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/parse/ResultTable.h"
#include "core/query/QueryTypes.h"
#include "core/util/Outcome.h"

#include <cstdint>
#include <string>
#include <string_view>

class QIODevice;

namespace sasquatch {

/// Streams query results as JSON Lines (one JSON object per line, UTF-8, LF), one line per
/// table piece, so that nothing waits for the end of the result (`sasquatch-browser query
/// --format json`):
///
///     {"result":"_result","table":0,"continuation":false,
///      "columns":[{"name":"_time","type":"dateTime:RFC3339","group":false},...],
///      "rows":[["2024-05-01T00:00:00.02Z",12.5,"xForce0"],...]}
///
/// - `continuation` is true for the later pieces of a large table: same result, table and
///   columns, more rows.
/// - `type` is the Flux annotated-CSV datatype (string, double, long, unsignedLong, boolean,
///   dateTime:RFC3339); `group` the group-key flag.
/// - Cells: times as RFC3339Nano strings in UTC, long and unsignedLong as JSON integers (all
///   64 bits written out; readers that use doubles lose precision beyond 2^53), doubles as
///   numbers in shortest round-trip form except non-finite ones, written as the strings "NaN",
///   "+Inf", "-Inf"; booleans true/false; strings escaped; null as null.
/// - A failed InfluxQL statement is a line of its own, in stream order:
///   `{"result":"1","statement":"SELECT …","error":"database not found: x"}`.
/// Output is buffered; call finish() at the end. After a write error every call fails with it.
class JsonLinesWriter
{
public:
    /// The device must be open for writing and outlive the writer.
    explicit JsonLinesWriter(QIODevice &device);
    JsonLinesWriter(const JsonLinesWriter &) = delete;
    JsonLinesWriter &operator=(const JsonLinesWriter &) = delete;
    ~JsonLinesWriter();

    Outcome<Done> writeTable(const ResultTable &table);
    Outcome<Done> writeStatementError(const QueryStatementError &error);
    Outcome<Done> finish();

    std::int64_t linesWritten() const { return m_lines; }

    /// Appends `text` as a JSON string (quotes included).
    static void appendString(std::string &out, std::string_view text);

private:
    Outcome<Done> endLine();
    Outcome<Done> flush();

    QIODevice &m_device;
    std::string m_buffer;
    std::int64_t m_lines = 0;
    QString m_error;
};

} // namespace sasquatch
