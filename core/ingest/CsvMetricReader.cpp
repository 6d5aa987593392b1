// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/CsvMetricReader.h"

#include "core/ingest/TextLineReader.h"
#include "core/ingest/TimeCell.h"
#include "core/ingest/Utf8Validator.h"
#include "core/parse/CsvRecordReader.h"

#include <QFileInfo>
#include <QIODevice>

#include <charconv>
#include <cmath>

namespace sasquatch {

namespace {

enum class ColumnRole : std::uint8_t { Time, Identifier, Metric };
enum class ColumnType : std::uint8_t { Unknown, Number, Boolean, String };

struct Column
{
    QString name;
    ColumnRole role = ColumnRole::Metric;
    ColumnType type = ColumnType::Unknown;
    std::uint64_t typeLine = 0; // where the type was set
    QString unit;
};

bool isTimeName(const QString &lower)
{
    return lower == u"time" || lower == u"timestamp" || lower == u"_time" || lower == u"date" || lower == u"datetime"
           || lower.startsWith(u"time_") || lower.startsWith(u"timestamp_");
}

std::optional<MetricValue> parseNumber(std::string_view cell)
{
    if (cell.empty())
        return std::nullopt;
    const char *b = cell.data();
    const char *e = b + cell.size();
    if (*b == '+')
        ++b;
    std::int64_t i = 0;
    auto r = std::from_chars(b, e, i);
    if (r.ec == std::errc() && r.ptr == e)
        return MetricValue::fromInt(i);
    double d = 0;
    // from_chars takes "inf" and "nan": those are handled by the caller.
    const char first = *b;
    if (!(first == '-' || first == '.' || (first >= '0' && first <= '9')))
        return std::nullopt;
    r = std::from_chars(b, e, d);
    if (r.ec == std::errc() && r.ptr == e && std::isfinite(d))
        return MetricValue::fromDouble(d);
    return std::nullopt;
}

bool isNanText(std::string_view cell)
{
    return cell == "nan" || cell == "NaN" || cell == "NAN";
}

std::optional<bool> parseBool(std::string_view cell)
{
    if (cell == "true" || cell == "True" || cell == "TRUE")
        return true;
    if (cell == "false" || cell == "False" || cell == "FALSE")
        return false;
    return std::nullopt;
}

QString typeName(ColumnType type)
{
    switch (type) {
    case ColumnType::Number:
        return QStringLiteral("numbers");
    case ColumnType::Boolean:
        return QStringLiteral("booleans");
    case ColumnType::String:
        return QStringLiteral("text");
    case ColumnType::Unknown:
        break;
    }
    return {};
}

QString text(std::string_view cell)
{
    return QString::fromUtf8(cell.data(), qsizetype(cell.size()));
}

class Reader
{
public:
    Reader(const ReadOptions &options, ReadResult &result) : m_options(options), m_result(result), m_time(options) {}

    /// False once reading must stop.
    bool record(const std::vector<std::string_view> &cells, std::uint64_t line)
    {
        if (m_columns.empty())
            return header(cells, line);
        if (!m_unitsChecked) {
            m_unitsChecked = true;
            const std::string_view t = m_timeColumn < cells.size() ? cells[m_timeColumn] : std::string_view{};
            const QString lower = text(t).trimmed().toLower();
            if (lower.isEmpty() || lower == u"unit" || lower == u"units") {
                for (std::size_t c = 0; c < m_columns.size() && c < cells.size(); ++c)
                    if (c != m_timeColumn)
                        m_columns[c].unit = text(cells[c]).trimmed();
                return true;
            }
        }
        data(cells, line);
        return true;
    }

private:
    bool header(const std::vector<std::string_view> &cells, std::uint64_t line)
    {
        bool haveTime = false;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            Column col;
            col.name = text(cells[c]).trimmed();
            if (col.name.isEmpty()) {
                m_result.addFatal(line, std::uint32_t(c + 1), QStringLiteral("column %1 of the header has no name").arg(c + 1));
                return false;
            }
            for (std::size_t p = 0; p < m_columns.size(); ++p)
                if (m_columns[p].name == col.name) {
                    m_result.addFatal(line, std::uint32_t(c + 1),
                                      QStringLiteral("duplicate column \"%1\" (also column %2)").arg(col.name).arg(p + 1));
                    return false;
                }
            const QString lower = col.name.toLower();
            if (!haveTime && isTimeName(lower)) {
                col.role = ColumnRole::Time;
                haveTime = true;
                m_timeColumn = c;
                m_time.setColumnName(lower);
            } else if (isIdentifierName(col.name)) {
                col.role = ColumnRole::Identifier;
            }
            m_columns.push_back(col);
        }
        if (!haveTime) {
            m_result.addFatal(line, 0, QStringLiteral("no time column: name one time, timestamp, _time, date or datetime"));
            return false;
        }
        if (m_columns.size() < 2) {
            m_result.addFatal(line, 0, QStringLiteral("no metric columns: the header has only the time column"));
            return false;
        }
        m_result.addColumn(m_columns[m_timeColumn].name);
        for (const Column &col : m_columns)
            if (col.role == ColumnRole::Identifier)
                m_result.addColumn(col.name);
        for (const Column &col : m_columns)
            if (col.role == ColumnRole::Metric)
                m_result.addColumn(col.name);
        return true;
    }

    void data(const std::vector<std::string_view> &cells, std::uint64_t line)
    {
        MetricRecord record;
        record.name = m_options.recordName;
        record.line = line;
        const auto index = std::int64_t(m_result.records.size());
        m_result.records.push_back(std::move(record));
        MetricRecord &r = m_result.records.back();
        if (cells.size() != m_columns.size())
            m_result.addProblem(line, 0,
                                QStringLiteral("row has %1 cells, the header has %2").arg(cells.size()).arg(m_columns.size()),
                                index);
        for (std::size_t c = 0; c < m_columns.size() && c < cells.size(); ++c) {
            Column &col = m_columns[c];
            const std::string_view cell = cells[c];
            const auto column = std::uint32_t(c + 1);
            if (col.role == ColumnRole::Time) {
                QString reason;
                if (auto t = m_time.parse(cell, reason)) {
                    r.timeNs = *t;
                } else {
                    // Keep the text so that the preview shows what was there.
                    r.fields.push_back(MetricField{col.name, MetricValue::fromString(text(cell)), {}});
                    m_result.addProblem(line, column, reason, index, col.name);
                }
                continue;
            }
            if (cell.empty())
                continue; // null: the field is absent from this record
            if (col.role == ColumnRole::Identifier) {
                r.identifiers.emplace_back(col.name, text(cell));
                continue;
            }
            MetricValue value;
            ColumnType type = ColumnType::String;
            if (isNanText(cell)) {
                ++m_nans;
                continue;
            }
            if (auto n = parseNumber(cell)) {
                value = *n;
                type = ColumnType::Number;
            } else if (auto b = parseBool(cell)) {
                value = MetricValue::fromBool(*b);
                type = ColumnType::Boolean;
            } else {
                value = MetricValue::fromString(text(cell));
            }
            if (col.type == ColumnType::Unknown) {
                col.type = type;
                col.typeLine = line;
            } else if (col.type != type) {
                if (col.type == ColumnType::String) {
                    value = MetricValue::fromString(text(cell)); // text columns take anything
                } else {
                    r.fields.push_back(MetricField{col.name, MetricValue::fromString(text(cell)), col.unit});
                    m_result.addProblem(line, column,
                                        QStringLiteral("column \"%1\" holds %2 (since line %3); \"%4\" is not %5")
                                            .arg(col.name, typeName(col.type))
                                            .arg(col.typeLine)
                                            .arg(text(cell),
                                                 col.type == ColumnType::Number ? QStringLiteral("a number")
                                                                                : QStringLiteral("true or false")),
                                        index, col.name);
                    continue;
                }
            }
            r.fields.push_back(MetricField{col.name, std::move(value), col.unit});
        }
    }

public:
    void finish()
    {
        if (m_nans > 0)
            m_result.notes << QStringLiteral("%1 NaN value(s) skipped (sent as null, as the dispatcher skips NaN)").arg(m_nans);
        if (!m_time.note().isEmpty())
            m_result.notes << m_time.note();
    }
    bool sawHeader() const { return !m_columns.empty(); }

private:
    const ReadOptions &m_options;
    ReadResult &m_result;
    TimeCell m_time;
    std::vector<Column> m_columns;
    std::size_t m_timeColumn = 0;
    bool m_unitsChecked = false;
    int m_nans = 0;
};

} // namespace

void CsvMetricReader::read(QIODevice &device, const ReadOptions &options, ReadResult &result)
{
    result.format = IngestFormat::Csv;
    ReadOptions effective = options;
    if (effective.recordName.isEmpty())
        effective.recordName = QFileInfo(result.path).completeBaseName();
    Reader reader(effective, result);
    CsvRecordReader csv;
    csv.setMaxRecordBytes(std::size_t(TextLineReader::kDefaultMaxLineBytes));
    Utf8Validator utf8;
    QByteArray chunk(TextLineReader::kChunkBytes, Qt::Uninitialized);
    std::uint64_t line = 1;  // line of the chunk's first byte, for bad-byte positions
    std::uint64_t column = 1;
    bool stop = false;
    const auto handle = [&](CsvRecordReader::Next next) {
        if (next == CsvRecordReader::Next::Record) {
            const auto &cells = csv.cells();
            const bool blank = csv.isBlank() || (cells.size() == 1 && cells[0].empty());
            const bool comment = !cells.empty() && !cells[0].empty() && cells[0].front() == '#';
            if (!blank && !comment && !reader.record(cells, csv.recordLine()))
                stop = true;
            return true;
        }
        if (next == CsvRecordReader::Next::Error) {
            const QString message = QString::fromStdString(csv.errorMessage());
            result.addFatal(csv.errorLine(), csv.errorColumn(),
                            message.startsWith(u"record longer than")
                                ? TextLineReader::tooLongMessage(TextLineReader::kDefaultMaxLineBytes)
                                : message);
            stop = true;
        }
        return false;
    };
    while (!stop) {
        const qint64 n = device.read(chunk.data(), chunk.size());
        if (n < 0) {
            result.addFatal(0, 0, QStringLiteral("cannot read: %1").arg(device.errorString()));
            return;
        }
        if (n == 0)
            break;
        std::size_t bad = 0;
        const auto verdict = utf8.feed(chunk.constData(), std::size_t(n), bad);
        const std::size_t usable = verdict == Utf8Validator::Verdict::Ok ? std::size_t(n) : bad;
        csv.setInput(chunk.constData(), usable);
        while (!stop && handle(csv.next())) {
        }
        if (verdict != Utf8Validator::Verdict::Ok) {
            for (std::size_t i = 0; i < bad; ++i) {
                if (chunk.at(qsizetype(i)) == '\n') {
                    ++line;
                    column = 1;
                } else {
                    ++column;
                }
            }
            if (!stop)
                result.addFatal(line, std::uint32_t(column),
                                verdict == Utf8Validator::Verdict::NulByte ? TextLineReader::binaryMessage()
                                                                           : TextLineReader::invalidUtf8Message());
            return;
        }
        for (qint64 i = 0; i < n; ++i) {
            if (chunk.at(qsizetype(i)) == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
    }
    if (!stop)
        while (!stop && handle(csv.finishInput())) {
        }
    if (!result.readable)
        return;
    if (!reader.sawHeader()) {
        result.addFatal(0, 0, QStringLiteral("empty file: no header row"));
        return;
    }
    if (result.records.empty())
        result.addFatal(0, 0, QStringLiteral("no data rows after the header"));
    reader.finish();
}

} // namespace sasquatch
