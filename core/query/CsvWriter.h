// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/parse/ResultTable.h"
#include "core/util/Outcome.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

class QIODevice;

namespace sasquatch {

/// Whether CSV output starts each row with the table's `result` and `table`.
enum class CsvIdentityColumns : std::uint8_t { Include, Omit };

/// Streams query results as RFC 4180 CSV, table by table, to a QIODevice or a std::FILE*
/// (`sasquatch-browser query --format csv` writes to stdout; the GUI exports to a file).
///
/// - Fields containing a comma, a double quote, CR or LF are quoted, quotes doubled; lines
///   end with CRLF.
/// - A header row (column names) comes before the first table and again only when a table's
///   set of column names differs from the last header's. A table with the same names in
///   another order is written in the header's order.
/// - Times are RFC3339Nano in UTC, doubles the shortest text that reads back exactly
///   (`+Inf`, `-Inf`, `NaN`), booleans `true`/`false`, null an empty field.
/// - Tables without rows write nothing.
/// Output is buffered; call finish() at the end to flush and learn of write errors. After an
/// error every call fails with that error.
class CsvWriter
{
public:
    /// The device must be open for writing and outlive the writer.
    explicit CsvWriter(QIODevice &device, CsvIdentityColumns identity = CsvIdentityColumns::Include);
    /// The file must be open for writing and outlive the writer; the writer does not close it.
    explicit CsvWriter(std::FILE *file, CsvIdentityColumns identity = CsvIdentityColumns::Include);
    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;
    /// Flushes what is buffered, ignoring errors (call finish() to see them).
    ~CsvWriter();

    /// Writes the rows of one table or piece (after a header when the columns changed).
    Outcome<Done> writeTable(const ResultTable &table);
    /// Flushes the buffer to the device or file.
    Outcome<Done> finish();

    std::int64_t rowsWritten() const { return m_rows; }
    std::int64_t headersWritten() const { return m_headers; }

    /// Appends `field` to `out`, quoted when RFC 4180 requires it.
    static void appendField(std::string &out, std::string_view field);

private:
    Outcome<Done> flush();
    // True when the table has the last header's names (in any order); m_order then maps
    // header positions to the table's columns.
    bool matchHeader(const ResultTable &table);

    QIODevice *m_device = nullptr;
    std::FILE *m_file = nullptr;
    CsvIdentityColumns m_identity;
    std::string m_buffer;
    std::vector<std::string> m_header;     // data column names of the last header
    std::vector<std::size_t> m_order;      // header position -> table column
    std::int64_t m_rows = 0;
    std::int64_t m_headers = 0;
    QString m_error;
};

} // namespace sasquatch
