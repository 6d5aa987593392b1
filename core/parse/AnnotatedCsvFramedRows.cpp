// SPDX-License-Identifier: GPL-3.0-or-later
// AnnotatedCsvParser's shortcut for the rows of one Flux table: within a table the group key
// (and result, table) is the same on every row, so a row whose text repeats the previous row's
// around the changing cells is not split or parsed there (see RowMemo).
#include "core/parse/AnnotatedCsvParser.h"

#include "core/parse/Rfc3339.h"
#include "core/parse/ValueText.h"

#include <array>
#include <optional>

namespace sasquatch {

void AnnotatedCsvParser::planRowMemo()
{
    // The cells that change from row to row are the data columns outside the group key (the
    // group key is the same on every row of a table, by Flux's definition). The cells before
    // and after them are compared as text with the previous row's instead of being split and
    // parsed; `result` and `table` must be among those, so that a row matching them belongs
    // to the table in progress.
    m_memo = {};
    std::optional<std::size_t> first;
    std::size_t last = 0;
    for (std::size_t i = 0; i < m_specs.size(); ++i) {
        if (m_specs[i].role == Role::Data && !m_specs[i].groupKey) {
            if (!first)
                first = i;
            last = i;
        }
    }
    if (!first || *first == 0)
        return; // nothing changes, or nothing to compare in front of the changing cells
    for (const std::optional<std::size_t> &index : {m_resultIndex, m_tableIndex})
        if (index && *index >= *first && *index <= last)
            return;
    m_memo.usable = true;
    m_memo.first = *first;
    m_memo.last = last;
    for (std::size_t i = 0; i < m_specs.size(); ++i) {
        if (m_specs[i].role != Role::Data)
            continue;
        if (i < *first || i > last)
            m_memo.repeated.push_back(m_specs[i].dataIndex);
        else
            m_memo.parsed.push_back(i);
    }
}

void AnnotatedCsvParser::rememberRow(const std::vector<std::string_view> &cells)
{
    // Only a row split straight from the input has the text to compare the next rows with
    // (a quoted cell would read differently from its raw text).
    const std::string_view text = m_reader.plainRecordText();
    if (text.empty()) {
        m_memo.valid = false;
        return;
    }
    const std::string_view firstCell = cells[m_memo.first];
    const std::string_view lastCell = cells[m_memo.last];
    const auto from = static_cast<std::size_t>(firstCell.data() - text.data());
    const auto to = static_cast<std::size_t>(lastCell.data() + lastCell.size() - text.data());
    m_memo.prefix.assign(text.substr(0, from));
    m_memo.suffix.assign(text.substr(to));
    m_memo.valid = true;
}

void AnnotatedCsvParser::repeatRow()
{
    // The row's text around cells first..last equals the previous row's: those cells hold the
    // same values, and the rest are parsed as handleRow would.
    const std::vector<std::string_view> &changing = m_reader.cells();
    const std::uint64_t line = m_reader.recordLine();
    for (const std::size_t i : m_memo.parsed)
        if (!appendCell(m_specs[i], changing[i - m_memo.first], line, static_cast<std::uint32_t>(i + 1)))
            return;
    // The repeated cells are appended in bulk when the run of such rows ends (flushRepeats).
    ++m_memo.pending;
    endRow();
}

void AnnotatedCsvParser::repeatRun()
{
    // repeatRow for as many rows as the reader finds framed in a row, without a call per row,
    // and with each changing cell's column and parse decided once for the run. Empty cells
    // (null or #default) and group-key times go through appendCell as on any other row.
    enum class Kind : std::uint8_t { Time, Double, Other };
    struct Cell
    {
        Kind kind;
        std::size_t index; // among the changing cells
        ColumnSpec *spec;
        ResultColumn *column;
    };
    std::array<Cell, CsvRecordReader::kMaxRunCells> plan;
    const std::size_t count = m_memo.last - m_memo.first + 1;
    if (count > plan.size())
        return;
    std::size_t cells = 0;
    for (const std::size_t i : m_memo.parsed) {
        ColumnSpec &spec = m_specs[i];
        Kind kind = Kind::Other;
        if (spec.type == ColumnType::DateTime && !spec.timeAsNumber && !spec.groupKey)
            kind = Kind::Time;
        else if (spec.type == ColumnType::Double)
            kind = Kind::Double;
        plan[cells++] = Cell{kind, i - m_memo.first, &spec, &m_current.column(spec.dataIndex)};
    }
    m_reader.framedRun(m_memo.prefix, m_memo.suffix, count, [&](const std::string_view *changing, std::uint64_t line) {
        for (std::size_t k = 0; k < cells; ++k) {
            const Cell &cell = plan[k];
            const std::string_view text = changing[cell.index];
            const auto column = static_cast<std::uint32_t>(m_memo.first + cell.index + 1);
            bool ok = true;
            if (text.empty() || cell.kind == Kind::Other) {
                ok = appendCell(*cell.spec, text, line, column);
            } else if (cell.kind == Kind::Time) {
                std::int64_t ns = 0;
                ok = parseRfc3339(text, ns, cell.spec->timeMemo) ? (cell.column->appendInt64(ns), true)
                                                                  : badValue(*cell.spec, text, line, column);
            } else {
                double v = 0;
                ok = parseDoubleText(text, v) ? (cell.column->appendDouble(v), true)
                                              : badValue(*cell.spec, text, line, column);
            }
            if (!ok)
                return CsvRecordReader::RunStep::Leave;
        }
        ++m_memo.pending;
        endRow();
        return m_hasCurrent ? CsvRecordReader::RunStep::Take : CsvRecordReader::RunStep::TakeAndStop;
    });
}

void AnnotatedCsvParser::flushRepeats()
{
    if (m_memo.pending == 0)
        return;
    for (const std::size_t column : m_memo.repeated)
        m_current.column(column).repeatLast(m_memo.pending);
    m_memo.pending = 0;
}

} // namespace sasquatch
