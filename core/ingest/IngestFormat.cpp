// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/IngestFormat.h"

#include <QFileInfo>

namespace sasquatch {

QString ingestFormatName(IngestFormat format)
{
    switch (format) {
    case IngestFormat::VerifyJob:
        return QStringLiteral("lsst.verify job");
    case IngestFormat::MetricRecords:
        return QStringLiteral("metric records");
    case IngestFormat::Csv:
        return QStringLiteral("CSV");
    case IngestFormat::LineProtocol:
        return QStringLiteral("line protocol");
    case IngestFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

IngestFormat ingestFormatFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == u"verify" || n == u"verify-job" || n == u"job")
        return IngestFormat::VerifyJob;
    if (n == u"records" || n == u"metric-records" || n == u"analysis-tools")
        return IngestFormat::MetricRecords;
    if (n == u"csv")
        return IngestFormat::Csv;
    if (n == u"lp" || n == u"line-protocol" || n == u"line")
        return IngestFormat::LineProtocol;
    return IngestFormat::Unknown;
}

namespace {

IngestFormat jsonKind(const QByteArray &head)
{
    // A verify job is an object with a "measurements" array; records never use that key.
    return head.contains("\"measurements\"") ? IngestFormat::VerifyJob : IngestFormat::MetricRecords;
}

/// Whether `line` reads as line protocol: a measurement, optional tags, a space, then
/// key=value. A CSV header has no '=' before its first comma-separated name ends.
bool looksLikeLineProtocol(const QByteArray &line)
{
    qsizetype i = 0;
    bool escaped = false;
    for (; i < line.size(); ++i) {
        const char c = line.at(i);
        if (escaped) {
            escaped = false;
            continue;
        }
        if (c == '\\')
            escaped = true;
        else if (c == ' ')
            break;
        else if (c == '"')
            return false;
    }
    if (i == 0 || i >= line.size())
        return false;
    const QByteArray rest = line.mid(i + 1);
    const qsizetype eq = rest.indexOf('=');
    return eq > 0 && !rest.left(eq).contains(',');
}

} // namespace

IngestFormat detectIngestFormat(const QString &fileName, const QByteArray &head)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    qsizetype first = 0;
    while (first < head.size() && (head.at(first) == ' ' || head.at(first) == '\t' || head.at(first) == '\r'
                                   || head.at(first) == '\n'))
        ++first;
    const bool jsonStart = first < head.size() && (head.at(first) == '{' || head.at(first) == '[');
    if (suffix == u"json" || (jsonStart && suffix != u"csv" && suffix != u"lp"))
        return jsonKind(head);
    if (suffix == u"csv" || suffix == u"tsv")
        return IngestFormat::Csv;
    if (suffix == u"lp" || suffix == u"line" || suffix == u"influx")
        return IngestFormat::LineProtocol;
    // influx_inspect export (InfluxDB 1.x) opens with "# INFLUXDB EXPORT: <start> - <end>".
    if (head.startsWith("# INFLUXDB EXPORT:"))
        return IngestFormat::LineProtocol;
    // By content: the first line that is neither blank nor a comment.
    qsizetype pos = 0;
    while (pos < head.size()) {
        qsizetype end = head.indexOf('\n', pos);
        if (end < 0)
            end = head.size();
        QByteArray line = head.mid(pos, end - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = end + 1;
        if (line.trimmed().isEmpty() || line.startsWith('#'))
            continue;
        // influx_inspect export's DDL (InfluxDB 1.x) before the points.
        if (line.startsWith("CREATE DATABASE ") || line.startsWith("CREATE RETENTION POLICY "))
            return IngestFormat::LineProtocol;
        return looksLikeLineProtocol(line) ? IngestFormat::LineProtocol : IngestFormat::Csv;
    }
    return IngestFormat::Unknown;
}

} // namespace sasquatch
