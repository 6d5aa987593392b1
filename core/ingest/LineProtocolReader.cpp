// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/LineProtocolReader.h"

#include "core/ingest/LineProtocolParser.h"
#include "core/ingest/TextLineReader.h"

#include <QDateTime>
#include <QIODevice>

namespace sasquatch {

namespace {

/// Where InfluxDB's scanLine (models/points.go) stands in a point: a newline ends the point only
/// outside a string field value. Quotes count after the first space (in the fields), and only
/// where more '=' than ',' were seen (a value, not a key); a backslash skips the next byte.
struct QuoteScan
{
    bool fields = false;
    bool quoted = false;
    int equals = 0;
    int commas = 0;

    void feed(const QByteArray &line)
    {
        const qsizetype n = line.size();
        for (qsizetype i = 0; i < n; ++i) {
            const char c = line.at(i);
            if (c == '\\') {
                ++i;
                continue;
            }
            if (c == ' ')
                fields = true;
            if (!fields)
                continue;
            if (!quoted && c == '=')
                ++equals;
            else if (!quoted && c == ',')
                ++commas;
            else if (c == '"' && equals > commas)
                quoted = !quoted;
        }
    }
};

bool startsWithWords(const QByteArray &line, qsizetype from, QByteArrayView words)
{
    return line.size() - from >= words.size()
           && QByteArrayView(line).sliced(from, words.size()).compare(words, Qt::CaseInsensitive) == 0;
}

/// An influx_inspect DDL statement (CREATE DATABASE / CREATE RETENTION POLICY), checked without
/// allocating: this runs for every line of a file.
bool isDdlStatement(const QByteArray &line, qsizetype first)
{
    const char c = line.at(first);
    return (c == 'C' || c == 'c')
           && (startsWithWords(line, first, "CREATE DATABASE ") || startsWithWords(line, first, "CREATE RETENTION POLICY "));
}

} // namespace

void LineProtocolReader::read(QIODevice &device, const ReadOptions &options, ReadResult &result)
{
    result.format = IngestFormat::LineProtocol;
    TextLineReader lines(device);
    LineProtocolParser parser(options.precision);
    LineProtocolPoint point;
    const std::int64_t defaultTime =
        options.defaultTimeNs != 0 ? options.defaultTimeNs : QDateTime::currentMSecsSinceEpoch() * 1'000'000;
    int untimed = 0;
    int statements = 0; // influx_inspect export's DDL
    bool inDdl = false;
    QStringList contexts;
    bool sawLine = false;
    QByteArray joined;
    for (;;) {
        const auto next = lines.next();
        if (next == TextLineReader::Next::End)
            break;
        if (next == TextLineReader::Next::Error) {
            result.addFatal(lines.errorLine(), lines.errorColumn(), lines.errorMessage());
            return;
        }
        const QByteArray &line = lines.line(); // until the next lines.next()
        qsizetype first = 0;
        while (first < line.size() && (line.at(first) == ' ' || line.at(first) == '\t'))
            ++first;
        if (first == line.size())
            continue;
        if (line.at(first) == '#') {
            const QByteArray comment = line.mid(first + 1).trimmed();
            if (comment == "DDL") {
                inDdl = true;
            } else if (comment == "DML") {
                inDdl = false;
            } else if (comment.startsWith("CONTEXT-DATABASE:") || comment.startsWith("CONTEXT-RETENTION-POLICY:")) {
                const qsizetype colon = comment.indexOf(':');
                contexts << QStringLiteral("%1 %2").arg(QString::fromUtf8(comment.left(colon)).toLower().replace(u'-', u' ').mid(8),
                                                        QString::fromUtf8(comment.mid(colon + 1)));
            }
            continue;
        }
        if (inDdl || isDdlStatement(line, first)) {
            ++statements;
            continue;
        }
        sawLine = true;
        const std::uint64_t lineNumber = lines.lineNumber();
        QuoteScan scan;
        scan.feed(line);
        const QByteArray *text = &line;
        qsizetype firstLineEnd = line.size();
        if (scan.quoted) {
            // A string value goes on in the next physical lines.
            joined = line;
            while (scan.quoted) {
                const auto more = lines.next();
                if (more == TextLineReader::Next::End)
                    break;
                if (more == TextLineReader::Next::Error) {
                    result.addFatal(lines.errorLine(), lines.errorColumn(), lines.errorMessage());
                    return;
                }
                if (joined.size() + lines.line().size() + 1 > TextLineReader::kDefaultMaxLineBytes) {
                    result.addFatal(lineNumber, 0, TextLineReader::tooLongMessage(TextLineReader::kDefaultMaxLineBytes));
                    return;
                }
                joined += '\n';
                joined += lines.line();
                scan.feed(lines.line());
            }
            text = &joined;
        }
        const std::string_view view(text->constData() + first, std::size_t(text->size() - first));
        MetricRecord record;
        record.line = lineNumber;
        if (!parser.parse(view, point)) {
            // Keep what the line starts with so the preview can show the row.
            record.name = QString::fromUtf8(text->constData() + first, qMin<qsizetype>(firstLineEnd - first, 60));
            result.records.push_back(std::move(record));
            // A place past the first physical line has no column on it.
            const std::uint32_t column = parser.errorColumn() + std::uint32_t(first);
            result.addProblem(lineNumber, column <= firstLineEnd + 1 ? column : 0, parser.errorMessage(),
                              std::int64_t(result.records.size() - 1));
            continue;
        }
        record.name = point.measurement;
        record.identifiers = std::move(point.tags);
        for (auto &[key, value] : point.fields) {
            result.addColumn(key);
            record.fields.push_back(MetricField{key, std::move(value), {}});
        }
        if (point.timeNs) {
            record.timeNs = *point.timeNs;
        } else {
            record.timeNs = defaultTime;
            ++untimed;
        }
        result.records.push_back(std::move(record));
    }
    if (statements > 0 || !contexts.isEmpty())
        result.notes << QStringLiteral("influx_inspect export: %1 DDL statement(s) skipped%2")
                            .arg(statements)
                            .arg(contexts.isEmpty() ? QString() : QStringLiteral("; ") + contexts.join(QStringLiteral(", ")));
    if (!sawLine) {
        result.addFatal(0, 0, QStringLiteral("empty file: no points"));
        return;
    }
    if (untimed > 0)
        result.notes << QStringLiteral("%1 point(s) without a timestamp get the time of reading").arg(untimed);
}

} // namespace sasquatch
