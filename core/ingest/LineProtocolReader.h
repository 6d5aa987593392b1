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
class LineProtocolReader
{
public:
    static void read(QIODevice &device, const ReadOptions &options, ReadResult &result);
};

} // namespace sasquatch
