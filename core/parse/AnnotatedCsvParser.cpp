// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/parse/AnnotatedCsvParser.h"

#include "core/parse/Rfc3339.h"
#include "core/parse/ValueText.h"

#include <algorithm>

namespace sasquatch {

namespace {

constexpr std::size_t kMaxRecordBytesLimit = std::size_t{1} << 30;
constexpr std::size_t kQuotedTextLimit = 60;
// A continuation piece reserves room for this many rows at most (the limit may be huge).
constexpr std::size_t kMaxReserveRows = std::size_t{1} << 20;

// Cell text for an error message: quoted, cut when long.
std::string quoted(std::string_view text)
{
    std::string q = "\"";
    if (text.size() > kQuotedTextLimit) {
        q.append(text.substr(0, kQuotedTextLimit));
        q += "...";
    } else {
        q.append(text);
    }
    q += '"';
    return q;
}

// Storage type for a #datatype value; `timeAsNumber` for dateTime:number.
ColumnType typeFromDatatype(std::string_view datatype, bool &timeAsNumber)
{
    timeAsNumber = false;
    if (datatype == "double")
        return ColumnType::Double;
    if (datatype == "long")
        return ColumnType::Long;
    if (datatype == "unsignedLong")
        return ColumnType::UnsignedLong;
    if (datatype == "boolean")
        return ColumnType::Boolean;
    if (datatype == "dateTime" || datatype == "dateTime:RFC3339" || datatype == "dateTime:RFC3339Nano")
        return ColumnType::DateTime;
    if (datatype == "dateTime:number") {
        timeAsNumber = true;
        return ColumnType::DateTime;
    }
    // string, duration, base64Binary, layouts meant for `influx write`, anything newer.
    return ColumnType::String;
}

std::string_view datatypeName(ColumnType type, bool timeAsNumber)
{
    return type == ColumnType::DateTime && timeAsNumber ? "dateTime:number" : columnTypeName(type);
}

} // namespace

AnnotatedCsvParser::AnnotatedCsvParser(ResultTableSink &sink) : m_sink(sink)
{
    m_reader.setMaxRecordBytes(kDefaultMaxRecordBytes);
}

void AnnotatedCsvParser::setMaxRecordBytes(std::size_t bytes)
{
    m_reader.setMaxRecordBytes(std::min(bytes, kMaxRecordBytesLimit));
}

void AnnotatedCsvParser::reset()
{
    m_reader.reset();
    m_state = State::BlockStart;
    m_blockKind = BlockKind::Tables;
    m_memo = {};
    m_datatype = {};
    m_group = {};
    m_default = {};
    m_specs.clear();
    m_hasAnnotationColumn = false;
    m_resultIndex.reset();
    m_tableIndex.reset();
    m_errorColumn = 0;
    m_referenceColumn.reset();
    m_defaultResult.clear();
    m_defaultTableId = 0;
    m_blockRows = 0;
    m_memo = {};
    m_template = {};
    m_current = {};
    m_hasCurrent = false;
    m_currentRows = 0;
    m_pieceOpen = false;
    m_pieceResult.clear();
    m_pieceTableId = 0;
    m_finished = false;
    m_error.reset();
    m_bytesFed = 0;
    m_rowsParsed = 0;
    m_tablesEmitted = 0;
}

bool AnnotatedCsvParser::feed(const char *data, std::size_t size)
{
    if (m_error)
        return false;
    if (m_finished) {
        fail(ParseErrorKind::Malformed, "data after the end of the response (feed() after finish())", 0, 0);
        return false;
    }
    m_bytesFed += size;
    m_reader.setInput(data, size);
    for (;;) {
        if (m_memo.valid && m_hasCurrent) {
            repeatRun();
            if (m_error)
                return false;
            while (m_hasCurrent && m_reader.nextFramed(m_memo.prefix, m_memo.suffix, m_memo.last - m_memo.first + 1)) {
                repeatRow();
                if (m_error)
                    return false;
            }
            flushRepeats();
        }
        const CsvRecordReader::Next next = m_reader.next();
        if (next == CsvRecordReader::Next::NeedMore)
            return true;
        if (next == CsvRecordReader::Next::Error) {
            failFromReader();
            return false;
        }
        processRecord();
        if (m_error)
            return false;
    }
}

bool AnnotatedCsvParser::finish()
{
    if (m_error)
        return false;
    if (m_finished)
        return true;
    m_finished = true;
    const CsvRecordReader::Next next = m_reader.finishInput();
    if (next == CsvRecordReader::Next::Error)
        failFromReader();
    else if (next == CsvRecordReader::Next::Record)
        processRecord();
    if (m_error)
        return false;
    endBlock();
    return !m_error;
}

void AnnotatedCsvParser::fail(ParseErrorKind kind, std::string message, std::uint64_t line, std::uint32_t column,
                              std::string columnName, std::string reference)
{
    if (m_error)
        return;
    ParseError error;
    error.kind = kind;
    error.message = std::move(message);
    error.reference = std::move(reference);
    error.line = line;
    error.column = column;
    error.columnName = std::move(columnName);
    m_error = std::move(error);
    // The table in progress may hold half a row: drop it rather than emit something wrong.
    m_hasCurrent = false;
    m_pieceOpen = false;
    m_current = {};
    m_sink.parseFailed(*m_error);
}

void AnnotatedCsvParser::failFromReader()
{
    const std::uint32_t column = m_reader.errorColumn();
    std::string name;
    if (m_state == State::Rows && column > 0 && column <= m_specs.size())
        name = m_specs[column - 1].name;
    fail(ParseErrorKind::Malformed, m_reader.errorMessage(), m_reader.errorLine(), column, std::move(name));
}

bool AnnotatedCsvParser::isAnnotationRow(std::string_view firstCell) const
{
    if (firstCell.empty() || firstCell.front() != '#')
        return false;
    if (m_state != State::Rows || m_hasAnnotationColumn)
        return true;
    // Plain CSV without an annotation column: a data cell may start with '#'.
    return firstCell == "#datatype" || firstCell == "#group" || firstCell == "#default";
}

void AnnotatedCsvParser::processRecord()
{
    const std::vector<std::string_view> &cells = m_reader.cells();
    const std::uint64_t line = m_reader.recordLine();
    if (m_reader.isBlank()) {
        endBlock();
        return;
    }
    if (isAnnotationRow(cells.front())) {
        if (m_state == State::Rows) {
            endBlock(); // a new block without the blank line: be lenient
            if (m_error)
                return;
        }
        handleAnnotation(cells, line);
        return;
    }
    if (m_state != State::Rows) {
        handleHeader(cells, line);
        return;
    }
    handleRow(cells, line);
}

void AnnotatedCsvParser::handleAnnotation(const std::vector<std::string_view> &cells, std::uint64_t line)
{
    m_state = State::Annotations;
    const std::string_view name = cells.front().substr(1);
    Annotation *annotation = nullptr;
    if (name == "datatype")
        annotation = &m_datatype;
    else if (name == "group")
        annotation = &m_group;
    else if (name == "default")
        annotation = &m_default;
    if (!annotation)
        return; // unknown annotations are ignored, as Flux's own decoder does
    annotation->present = true;
    annotation->line = line;
    annotation->cells.assign(cells.begin(), cells.end());
}

bool AnnotatedCsvParser::parseDefault(ColumnSpec &spec, std::uint64_t line, std::uint32_t column)
{
    bool ok = true;
    switch (spec.type) {
    case ColumnType::String:
        break;
    case ColumnType::DateTime:
        ok = spec.timeAsNumber ? parseLongText(spec.defaultText, spec.defaultInt)
                               : parseRfc3339(spec.defaultText, spec.defaultInt);
        break;
    case ColumnType::Long:
        ok = parseLongText(spec.defaultText, spec.defaultInt);
        break;
    case ColumnType::UnsignedLong:
        ok = parseUnsignedLongText(spec.defaultText, spec.defaultUInt);
        break;
    case ColumnType::Double:
        ok = parseDoubleText(spec.defaultText, spec.defaultDouble);
        break;
    case ColumnType::Boolean:
        ok = parseBooleanText(spec.defaultText, spec.defaultBool);
        break;
    }
    if (!ok)
        fail(ParseErrorKind::Malformed,
             "invalid #default value " + quoted(spec.defaultText) + " for "
                 + std::string(datatypeName(spec.type, spec.timeAsNumber)),
             line, column, spec.name);
    spec.hasDefault = ok;
    return ok;
}

void AnnotatedCsvParser::handleHeader(const std::vector<std::string_view> &cells, std::uint64_t line)
{
    const bool annotated = m_datatype.present || m_group.present || m_default.present;
    const std::size_t n = cells.size();
    if (annotated && !cells.front().empty()) {
        fail(ParseErrorKind::Malformed, "header row must start with an empty annotation column", line, 1);
        return;
    }
    for (const Annotation *a : {&m_datatype, &m_group, &m_default}) {
        if (a->present && a->cells.size() != n) {
            fail(ParseErrorKind::Malformed,
                 a->cells.front() + " annotation has " + std::to_string(a->cells.size())
                     + " columns but the header row has " + std::to_string(n),
                 a->line, 0);
            return;
        }
    }
    m_memo = {};
    m_hasAnnotationColumn = annotated || cells.front().empty();
    const std::size_t first = m_hasAnnotationColumn ? 1 : 0;
    m_specs.clear();
    m_specs.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        m_specs[i].name.assign(cells[i]);
    m_state = State::Rows;
    m_blockRows = 0;
    m_hasCurrent = false;
    m_pieceOpen = false;
    m_resultIndex.reset();
    m_tableIndex.reset();

    // Flux error table: columns `error` and (usually) `reference`, nothing else.
    const std::size_t dataColumns = n - first;
    if (dataColumns >= 1 && cells[first] == "error"
        && (dataColumns == 1 || (dataColumns == 2 && cells[first + 1] == "reference"))) {
        m_blockKind = BlockKind::ServerError;
        m_errorColumn = first;
        m_referenceColumn = dataColumns == 2 ? std::optional<std::size_t>(first + 1) : std::nullopt;
        return;
    }

    m_blockKind = BlockKind::Tables;
    m_template = ResultTable();
    m_defaultResult.clear();
    m_defaultTableId = 0;
    for (std::size_t i = 0; i < n; ++i) {
        ColumnSpec &spec = m_specs[i];
        const auto column = static_cast<std::uint32_t>(i + 1);
        if (i == 0 && m_hasAnnotationColumn) {
            spec.role = Role::Annotation;
            continue;
        }
        std::string defaultText = m_default.present ? m_default.cells[i] : std::string();
        if (!m_resultIndex && spec.name == "result") {
            spec.role = Role::Result;
            m_resultIndex = i;
            m_defaultResult = std::move(defaultText);
            continue;
        }
        if (!m_tableIndex && spec.name == "table") {
            spec.role = Role::Table;
            m_tableIndex = i;
            if (!defaultText.empty() && !parseLongText(defaultText, m_defaultTableId)) {
                fail(ParseErrorKind::Malformed, "#default table id " + quoted(defaultText) + " is not an integer",
                     m_default.line, column, spec.name);
                return;
            }
            continue;
        }
        spec.role = Role::Data;
        if (m_datatype.present)
            spec.type = typeFromDatatype(m_datatype.cells[i], spec.timeAsNumber);
        else if (spec.name == "_time" || spec.name == "_start" || spec.name == "_stop")
            spec.type = ColumnType::DateTime;
        else
            spec.type = ColumnType::String;
        spec.groupKey = m_group.present && m_group.cells[i] == "true";
        spec.defaultText = defaultText;
        if (!spec.defaultText.empty() && !parseDefault(spec, m_default.line, column))
            return;
        spec.dataIndex = m_template.columnCount();
        ResultColumn &c = m_template.addColumn(spec.name, spec.type, spec.groupKey ? GroupKey::Yes : GroupKey::No);
        c.setDefaultText(std::move(defaultText));
    }
    planRowMemo();
}

void AnnotatedCsvParser::endRow()
{
    m_current.endRow();
    ++m_currentRows;
    ++m_blockRows;
    ++m_rowsParsed;

    bool full = m_maxRowsPerPiece > 0 && m_currentRows >= m_maxRowsPerPiece;
    if (!full && m_maxPieceBytes > 0 && m_currentRows % 1024 == 0)
        full = m_current.memoryBytes() >= m_maxPieceBytes;
    if (full) {
        m_pieceOpen = true;
        m_pieceResult = m_current.resultName();
        m_pieceTableId = m_current.tableId();
        emitCurrent();
    }
}

void AnnotatedCsvParser::handleErrorRow(const std::vector<std::string_view> &cells)
{
    std::string message(cells[m_errorColumn]);
    if (message.empty() && m_default.present)
        message = m_default.cells[m_errorColumn];
    std::string reference;
    if (m_referenceColumn) {
        reference.assign(cells[*m_referenceColumn]);
        if (reference.empty() && m_default.present)
            reference = m_default.cells[*m_referenceColumn];
    }
    if (message.empty())
        message = "the server reported an error without a message";
    fail(ParseErrorKind::ServerError, std::move(message), m_reader.recordLine(), 0, {}, std::move(reference));
}

void AnnotatedCsvParser::startTable(std::string_view result, std::int64_t tableId, Continuation continuation)
{
    m_memo.valid = false; // the next rows compare with this table's first row
    m_current = m_template.emptyCopy();
    m_current.setResultName(std::string(result));
    m_current.setTableId(tableId);
    m_current.setContinuation(continuation);
    if (continuation == Continuation::Yes && m_maxRowsPerPiece > 0)
        m_current.reserveRows(std::min(m_maxRowsPerPiece, kMaxReserveRows));
    m_hasCurrent = true;
    m_currentRows = 0;
}

void AnnotatedCsvParser::emitCurrent()
{
    if (!m_hasCurrent)
        return;
    flushRepeats();
    m_hasCurrent = false;
    ++m_tablesEmitted;
    ResultTable table = std::move(m_current);
    m_current = {};
    m_sink.tableReady(std::move(table));
}

void AnnotatedCsvParser::endBlock()
{
    if (m_state == State::Rows && !m_error) {
        if (m_blockKind == BlockKind::ServerError) {
            // An error header with no row: still a failed query.
            fail(ParseErrorKind::ServerError, "the server reported an error without a message", m_reader.recordLine(),
                 0);
        } else if (m_hasCurrent) {
            emitCurrent();
        } else if (m_blockRows == 0) {
            // An empty table: its result, id and group-key values come from #default.
            ResultTable empty = m_template.emptyCopy();
            empty.setResultName(m_defaultResult);
            empty.setTableId(m_defaultTableId);
            ++m_tablesEmitted;
            m_sink.tableReady(std::move(empty));
        }
    }
    m_state = State::BlockStart;
    m_blockKind = BlockKind::Tables;
    m_datatype = {};
    m_group = {};
    m_default = {};
    m_hasCurrent = false;
    m_pieceOpen = false;
}

bool AnnotatedCsvParser::badValue(const ColumnSpec &spec, std::string_view text, std::uint64_t line,
                                  std::uint32_t column)
{
    fail(ParseErrorKind::Malformed,
         "invalid " + std::string(datatypeName(spec.type, spec.timeAsNumber)) + " value " + quoted(text), line,
         column, spec.name);
    return false;
}

bool AnnotatedCsvParser::appendCell(ColumnSpec &spec, std::string_view text, std::uint64_t line,
                                    std::uint32_t column)
{
    ResultColumn &c = m_current.column(spec.dataIndex);
    if (text.empty()) {
        if (!spec.hasDefault) {
            c.appendNull();
            return true;
        }
        switch (spec.type) {
        case ColumnType::String:
            c.appendString(spec.defaultText);
            break;
        case ColumnType::DateTime:
        case ColumnType::Long:
            c.appendInt64(spec.defaultInt);
            break;
        case ColumnType::UnsignedLong:
            c.appendUInt64(spec.defaultUInt);
            break;
        case ColumnType::Double:
            c.appendDouble(spec.defaultDouble);
            break;
        case ColumnType::Boolean:
            c.appendBool(spec.defaultBool);
            break;
        }
        return true;
    }
    switch (spec.type) {
    case ColumnType::String:
        c.appendString(text);
        return true;
    case ColumnType::DateTime: {
        std::int64_t ns = 0;
        if (spec.lastValid && text == spec.lastText) {
            ns = spec.lastTime;
        } else {
            const bool ok = spec.timeAsNumber ? parseLongText(text, ns) : parseRfc3339(text, ns, spec.timeMemo);
            if (!ok)
                return badValue(spec, text, line, column);
            if (spec.groupKey) {
                spec.lastText.assign(text);
                spec.lastTime = ns;
                spec.lastValid = true;
            }
        }
        c.appendInt64(ns);
        return true;
    }
    case ColumnType::Long: {
        std::int64_t v = 0;
        if (!parseLongText(text, v))
            return badValue(spec, text, line, column);
        c.appendInt64(v);
        return true;
    }
    case ColumnType::UnsignedLong: {
        std::uint64_t v = 0;
        if (!parseUnsignedLongText(text, v))
            return badValue(spec, text, line, column);
        c.appendUInt64(v);
        return true;
    }
    case ColumnType::Double: {
        double v = 0;
        if (!parseDoubleText(text, v))
            return badValue(spec, text, line, column);
        c.appendDouble(v);
        return true;
    }
    case ColumnType::Boolean: {
        bool v = false;
        if (!parseBooleanText(text, v))
            return badValue(spec, text, line, column);
        c.appendBool(v);
        return true;
    }
    }
    return true;
}

void AnnotatedCsvParser::handleRow(const std::vector<std::string_view> &cells, std::uint64_t line)
{
    if (cells.size() != m_specs.size()) {
        fail(ParseErrorKind::Malformed,
             "expected " + std::to_string(m_specs.size()) + " columns as in the header row, found "
                 + std::to_string(cells.size()),
             line, 0);
        return;
    }
    if (m_hasAnnotationColumn && !cells.front().empty()) {
        fail(ParseErrorKind::Malformed, "data row must start with an empty annotation column, found " + quoted(cells.front()),
             line, 1);
        return;
    }
    if (m_blockKind == BlockKind::ServerError) {
        handleErrorRow(cells);
        return;
    }

    std::string_view result = m_defaultResult;
    if (m_resultIndex && !cells[*m_resultIndex].empty())
        result = cells[*m_resultIndex];
    std::int64_t tableId = m_defaultTableId;
    if (m_tableIndex && !cells[*m_tableIndex].empty() && !parseLongText(cells[*m_tableIndex], tableId)) {
        fail(ParseErrorKind::Malformed, "invalid table id " + quoted(cells[*m_tableIndex]), line,
             static_cast<std::uint32_t>(*m_tableIndex + 1), "table");
        return;
    }

    // Rows of one table are contiguous: a new (result, table) pair starts the next table.
    if (m_hasCurrent) {
        if (m_current.tableId() != tableId || m_current.resultName() != result) {
            emitCurrent();
            m_pieceOpen = false;
            startTable(result, tableId, Continuation::No);
        }
    } else if (m_pieceOpen && m_pieceTableId == tableId && m_pieceResult == result) {
        startTable(result, tableId, Continuation::Yes);
    } else {
        m_pieceOpen = false;
        startTable(result, tableId, Continuation::No);
    }

    for (std::size_t i = 0; i < cells.size(); ++i) {
        ColumnSpec &spec = m_specs[i];
        if (spec.role == Role::Data && !appendCell(spec, cells[i], line, static_cast<std::uint32_t>(i + 1)))
            return;
    }
    if (m_memo.usable)
        rememberRow(cells);
    endRow();
}

} // namespace sasquatch
