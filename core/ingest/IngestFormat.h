// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace sasquatch {

/// The metric file formats the readers understand.
enum class IngestFormat : std::uint8_t {
    Unknown,
    VerifyJob,     ///< lsst.verify job JSON (measurements, blobs, metrics, specs, meta)
    MetricRecords, ///< analysis_tools metric records JSON
    Csv,           ///< CSV with a header row
    LineProtocol,  ///< InfluxDB line protocol
};

/// "lsst.verify job", "metric records", "CSV", "line protocol", "unknown".
QString ingestFormatName(IngestFormat format);
/// Parses a command-line name: verify, records, csv, lp/line-protocol.
IngestFormat ingestFormatFromName(const QString &name);

/// Tells the format of a file from its name and its first bytes (`head`, up to 64 KiB): JSON
/// by its first character, split by whether a top-level "measurements" key appears; line
/// protocol versus CSV by the first data line (`measurement[,tags] field=value`).
IngestFormat detectIngestFormat(const QString &fileName, const QByteArray &head);

} // namespace sasquatch
