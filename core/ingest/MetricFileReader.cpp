// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/MetricFileReader.h"

#include "core/ingest/CsvMetricReader.h"
#include "core/ingest/JsonMetricReader.h"
#include "core/ingest/LineProtocolReader.h"

#include <QFile>
#include <QFileInfo>

namespace sasquatch {

ReadResult MetricFileReader::readFile(const QString &path, const ReadOptions &options)
{
    QFile file(path);
    if (QFileInfo(path).isDir()) {
        ReadResult result;
        result.path = path;
        result.addFatal(0, 0, QStringLiteral("is a directory, not a metric file"));
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        ReadResult result;
        result.path = path;
        result.addFatal(0, 0, QStringLiteral("cannot open: %1").arg(file.errorString()));
        return result;
    }
    return readDevice(file, path, options);
}

ReadResult MetricFileReader::readDevice(QIODevice &device, const QString &path, const ReadOptions &options)
{
    ReadResult result;
    result.path = path;
    IngestFormat format = options.format;
    if (format == IngestFormat::Unknown) {
        const QByteArray head = device.peek(64 * 1024);
        if (head.isEmpty()) {
            result.addFatal(0, 0, QStringLiteral("empty file"));
            return result;
        }
        format = detectIngestFormat(path, head);
        if (format == IngestFormat::Unknown) {
            result.addFatal(0, 0, QStringLiteral("cannot tell the format: no header or data line found"));
            return result;
        }
    }
    switch (format) {
    case IngestFormat::VerifyJob:
    case IngestFormat::MetricRecords:
        JsonMetricReader::read(device, options, result);
        break;
    case IngestFormat::Csv:
        CsvMetricReader::read(device, options, result);
        break;
    case IngestFormat::LineProtocol:
        LineProtocolReader::read(device, options, result);
        break;
    case IngestFormat::Unknown:
        break;
    }
    if (result.format == IngestFormat::Unknown)
        result.format = format;
    return result;
}

} // namespace sasquatch
