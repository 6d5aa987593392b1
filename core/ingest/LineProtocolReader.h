// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ingest/ReadOptions.h"
#include "core/ingest/ReadResult.h"

class QIODevice;

namespace sasquatch {

/// Reads a line-protocol file (one point per line, `#` comments and blank lines skipped) into
/// records: measurement → record name, tags → identifiers, fields → fields, timestamps in the
/// given precision. A line that does not parse becomes an invalid record with the column where
/// it went wrong; reading goes on, so that every bad line is named.
///
/// As InfluxDB's scanLine does, a newline inside a quoted string field value does not end the
/// point: physical lines are joined while a string is open (log messages, tracebacks), and the
/// record keeps the line it started on. The head `influx_inspect export` writes (InfluxDB 1.x:
/// `# DDL` with CREATE DATABASE / CREATE RETENTION POLICY statements, `# DML`,
/// `# CONTEXT-DATABASE:` and `# CONTEXT-RETENTION-POLICY:` comments) is skipped, with a note.
class LineProtocolReader
{
public:
    static void read(QIODevice &device, const ReadOptions &options, ReadResult &result);
};

} // namespace sasquatch
