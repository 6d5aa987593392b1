// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ingest/UploadLedger.h"
#include "core/ingest/UploadPlan.h"

#include <QByteArray>
#include <QString>

namespace sasquatch {

/// What an upload did, file by file: for the command line's summary and the saved report.
class UploadReport
{
public:
    /// Per file: counts, then every problem (`file:line[:column]: reason`), notes, and each
    /// record that was not acknowledged with why (at most `maxRecordLines` per file; 0 = all).
    /// With `dryRun`, the counts say what would be sent and what would not.
    static QString text(const UploadPlan &plan, const UploadLedger &ledger, int maxRecordLines = 20, bool dryRun = false);
    /// The same as JSON, every record included: {"target", "dryRun", "files": [{"path",
    /// "format", "records", "acknowledged", "failed", "notSent", "problems", "notes",
    /// "outcomes": [{"line", "topic", "fate", "partition", "offset", "reason"}]}]}.
    static QByteArray json(const UploadPlan &plan, const UploadLedger &ledger, const QString &target, bool dryRun);
    /// "acknowledged", "failed", "not sent", "pending".
    static QString fateName(RecordFate fate);
};

} // namespace sasquatch
