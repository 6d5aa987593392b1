// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/CsvWriter.h"

#include <QIODevice>

#include <cerrno>
#include <cstring>
#include <unordered_map>

namespace sasquatch {

namespace {

constexpr std::size_t kFlushBytes = 256 * 1024;

} // namespace

CsvWriter::CsvWriter(QIODevice &device, CsvIdentityColumns identity) : m_device(&device), m_identity(identity) {}

CsvWriter::CsvWriter(std::FILE *file, CsvIdentityColumns identity) : m_file(file), m_identity(identity) {}

CsvWriter::~CsvWriter()
{
    if (m_error.isEmpty())
        (void)flush();
}

void CsvWriter::appendField(std::string &out, std::string_view field)
{
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out.append(field);
        return;
    }
    out += '"';
    for (const char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

bool CsvWriter::matchHeader(const ResultTable &table)
{
    if (m_headers == 0 || table.columnCount() != m_header.size())
        return false;
    std::unordered_map<std::string_view, std::size_t> byName;
    for (std::size_t c = 0; c < table.columnCount(); ++c)
        if (!byName.emplace(table.column(c).name(), c).second)
            return false; // repeated names: only the same order is unambiguous
    std::vector<std::size_t> order;
    order.reserve(m_header.size());
    for (const std::string &name : m_header) {
        const auto it = byName.find(name);
        if (it == byName.end())
            return false;
        order.push_back(it->second);
    }
    m_order = std::move(order);
    return true;
}

Outcome<Done> CsvWriter::writeTable(const ResultTable &table)
{
    if (!m_error.isEmpty())
        return Failure{m_error};
    if (table.isEmpty())
        return Done{};
    const bool identity = m_identity == CsvIdentityColumns::Include;
    if (!matchHeader(table)) {
        m_header.clear();
        m_order.clear();
        for (std::size_t c = 0; c < table.columnCount(); ++c) {
            m_header.push_back(table.column(c).name());
            m_order.push_back(c);
        }
        if (identity)
            m_buffer += "result,table";
        for (std::size_t i = 0; i < m_header.size(); ++i) {
            if (identity || i > 0)
                m_buffer += ',';
            appendField(m_buffer, m_header[i]);
        }
        m_buffer += "\r\n";
        ++m_headers;
    }

    // The identity prefix is the same on every row of the table.
    std::string prefix;
    if (identity) {
        appendField(prefix, table.resultName());
        prefix += ',';
        prefix += std::to_string(table.tableId());
    }
    std::vector<const ResultColumn *> columns;
    columns.reserve(m_order.size());
    for (const std::size_t c : m_order)
        columns.push_back(&table.column(c));
    for (std::size_t row = 0; row < table.rowCount(); ++row) {
        m_buffer += prefix;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (identity || i > 0)
                m_buffer += ',';
            const ResultColumn &col = *columns[i];
            if (col.isNull(row))
                continue;
            if (col.type() == ColumnType::String)
                appendField(m_buffer, col.stringAt(row));
            else
                col.appendText(row, m_buffer); // numbers, booleans and times never need quotes
        }
        m_buffer += "\r\n";
        ++m_rows;
        if (m_buffer.size() >= kFlushBytes) {
            if (auto flushed = flush(); !flushed)
                return flushed;
        }
    }
    return Done{};
}

Outcome<Done> CsvWriter::finish()
{
    if (!m_error.isEmpty())
        return Failure{m_error};
    return flush();
}

Outcome<Done> CsvWriter::flush()
{
    const char *data = m_buffer.data();
    std::size_t left = m_buffer.size();
    while (left > 0) {
        if (m_device) {
            const qint64 n = m_device->write(data, static_cast<qint64>(left));
            if (n <= 0) {
                m_error = QStringLiteral("Cannot write CSV: %1")
                              .arg(m_device->errorString().isEmpty() ? QStringLiteral("the device took no data")
                                                                     : m_device->errorString());
                return Failure{m_error};
            }
            data += n;
            left -= static_cast<std::size_t>(n);
        } else {
            errno = 0;
            const std::size_t n = std::fwrite(data, 1, left, m_file);
            if (n < left && (std::ferror(m_file) || n == 0)) {
                m_error = QStringLiteral("Cannot write CSV: %1")
                              .arg(errno != 0 ? QString::fromLocal8Bit(std::strerror(errno))
                                              : QStringLiteral("write error"));
                return Failure{m_error};
            }
            data += n;
            left -= n;
        }
    }
    m_buffer.clear();
    if (m_file && std::fflush(m_file) != 0) {
        m_error = QStringLiteral("Cannot write CSV: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return Failure{m_error};
    }
    return Done{};
}

} // namespace sasquatch
