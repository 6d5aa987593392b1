// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/LineProtocolReader.h"

#include "core/ingest/LineProtocolParser.h"
#include "core/ingest/TextLineReader.h"

#include <QDateTime>
#include <QIODevice>

namespace sasquatch {

void LineProtocolReader::read(QIODevice &device, const ReadOptions &options, ReadResult &result)
{
    result.format = IngestFormat::LineProtocol;
    TextLineReader lines(device);
    LineProtocolParser parser(options.precision);
    LineProtocolPoint point;
    const std::int64_t defaultTime =
        options.defaultTimeNs != 0 ? options.defaultTimeNs : QDateTime::currentMSecsSinceEpoch() * 1'000'000;
    int untimed = 0;
    bool sawLine = false;
    for (;;) {
        const auto next = lines.next();
        if (next == TextLineReader::Next::End)
            break;
        if (next == TextLineReader::Next::Error) {
            result.addFatal(lines.errorLine(), lines.errorColumn(), lines.errorMessage());
            return;
        }
        const QByteArray &line = lines.line();
        qsizetype first = 0;
        while (first < line.size() && (line.at(first) == ' ' || line.at(first) == '\t'))
            ++first;
        if (first == line.size() || line.at(first) == '#')
            continue;
        sawLine = true;
        const std::string_view text(line.constData() + first, std::size_t(line.size() - first));
        MetricRecord record;
        record.line = lines.lineNumber();
        if (!parser.parse(text, point)) {
            // Keep what the line starts with so the preview can show the row.
            record.name = QString::fromUtf8(line.constData() + first, qMin<qsizetype>(line.size() - first, 60));
            result.records.push_back(std::move(record));
            result.addProblem(lines.lineNumber(), parser.errorColumn() + std::uint32_t(first), parser.errorMessage(),
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
    if (!sawLine) {
        result.addFatal(0, 0, QStringLiteral("empty file: no points"));
        return;
    }
    if (untimed > 0)
        result.notes << QStringLiteral("%1 point(s) without a timestamp get the time of reading").arg(untimed);
}

} // namespace sasquatch
