// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ingest/ReadOptions.h"
#include "core/ingest/ReadResult.h"

class QIODevice;

namespace sasquatch {

/// Opens a metric file, tells its format (unless the options say it) and reads it with the
/// matching reader. Never throws; every problem lands in the ReadResult.
class MetricFileReader
{
public:
    static ReadResult readFile(const QString &path, const ReadOptions &options = {});
    /// The same from an open device; `path` names it in messages and gives its suffix.
    static ReadResult readDevice(QIODevice &device, const QString &path, const ReadOptions &options = {});
};

} // namespace sasquatch
