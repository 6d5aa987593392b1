// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/JsonLinesWriter.h"

#include <QIODevice>

#include <cmath>

namespace sasquatch {

namespace {

constexpr std::size_t kFlushBytes = 256 * 1024;

void appendCell(std::string &out, const ResultColumn &column, std::size_t row)
{
    if (column.isNull(row)) {
        out += "null";
        return;
    }
    switch (column.type()) {
    case ColumnType::String:
        JsonLinesWriter::appendString(out, column.stringAt(row));
        return;
    case ColumnType::DateTime:
        out += '"';
        column.appendText(row, out);
        out += '"';
        return;
    case ColumnType::Double:
        if (!std::isfinite(column.doubleAt(row))) {
            out += '"';
            column.appendText(row, out); // NaN, +Inf, -Inf: JSON has no such numbers
            out += '"';
            return;
        }
        column.appendText(row, out);
        return;
    case ColumnType::Long:
    case ColumnType::UnsignedLong:
    case ColumnType::Boolean:
        column.appendText(row, out);
        return;
    }
}

} // namespace

JsonLinesWriter::JsonLinesWriter(QIODevice &device) : m_device(device) {}

JsonLinesWriter::~JsonLinesWriter()
{
    if (m_error.isEmpty())
        (void)flush();
}

void JsonLinesWriter::appendString(std::string &out, std::string_view text)
{
    static const char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t plain = 0; // start of the run of bytes that need no escape
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(text.data() + plain, i - plain);
        plain = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xf];
        }
    }
    out.append(text.data() + plain, text.size() - plain);
    out += '"';
}

Outcome<Done> JsonLinesWriter::writeTable(const ResultTable &table)
{
    if (!m_error.isEmpty())
        return Failure{m_error};
    m_buffer += "{\"result\":";
    appendString(m_buffer, table.resultName());
    m_buffer += ",\"table\":";
    m_buffer += std::to_string(table.tableId());
    m_buffer += table.isContinuation() ? ",\"continuation\":true" : ",\"continuation\":false";
    m_buffer += ",\"columns\":[";
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        const ResultColumn &column = table.column(c);
        if (c > 0)
            m_buffer += ',';
        m_buffer += "{\"name\":";
        appendString(m_buffer, column.name());
        m_buffer += ",\"type\":\"";
        m_buffer += columnTypeName(column.type());
        m_buffer += column.isGroupKey() ? "\",\"group\":true}" : "\",\"group\":false}";
    }
    m_buffer += "],\"rows\":[";
    for (std::size_t row = 0; row < table.rowCount(); ++row) {
        m_buffer += row > 0 ? ",[" : "[";
        for (std::size_t c = 0; c < table.columnCount(); ++c) {
            if (c > 0)
                m_buffer += ',';
            appendCell(m_buffer, table.column(c), row);
        }
        m_buffer += ']';
        // A large piece streams out while it is written, not after.
        if (m_buffer.size() >= kFlushBytes)
            if (auto flushed = flush(); !flushed)
                return flushed;
    }
    m_buffer += "]}";
    return endLine();
}

Outcome<Done> JsonLinesWriter::writeStatementError(const QueryStatementError &error)
{
    if (!m_error.isEmpty())
        return Failure{m_error};
    m_buffer += "{\"result\":";
    appendString(m_buffer, std::to_string(error.statementId));
    m_buffer += ",\"statement\":";
    appendString(m_buffer, error.statement.toStdString());
    m_buffer += ",\"error\":";
    appendString(m_buffer, error.message.toStdString());
    m_buffer += '}';
    return endLine();
}

Outcome<Done> JsonLinesWriter::endLine()
{
    m_buffer += '\n';
    ++m_lines;
    if (m_buffer.size() >= kFlushBytes)
        return flush();
    return Done{};
}

Outcome<Done> JsonLinesWriter::finish()
{
    if (!m_error.isEmpty())
        return Failure{m_error};
    return flush();
}

Outcome<Done> JsonLinesWriter::flush()
{
    const char *data = m_buffer.data();
    qint64 left = qint64(m_buffer.size());
    while (left > 0) {
        const qint64 n = m_device.write(data, left);
        if (n <= 0) {
            m_error = QStringLiteral("Cannot write JSON: %1")
                          .arg(m_device.errorString().isEmpty() ? QStringLiteral("the device took no data")
                                                                : m_device.errorString());
            return Failure{m_error};
        }
        data += n;
        left -= n;
    }
    m_buffer.clear();
    return Done{};
}

} // namespace sasquatch
