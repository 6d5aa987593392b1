// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ingest/IngestFormat.h"
#include "core/ingest/MetricRecord.h"
#include "core/ingest/ReadProblem.h"

#include <QStringList>

#include <vector>

namespace sasquatch {

/// Everything a reader found in one file: the records (valid or not), every problem with its
/// place, and notes about choices it made (assumed time unit, skipped NaNs...).
struct ReadResult
{
    QString path;          ///< as given, used in messages
    IngestFormat format = IngestFormat::Unknown;
    std::vector<MetricRecord> records;
    std::vector<ReadProblem> problems;
    QStringList notes;
    /// Columns in preview order (identifiers, then fields; the time first when there is one).
    QStringList columns;
    /// False when the file as a whole could not be read (binary, a line too long, bad JSON):
    /// none of its records may be sent, even with --valid-only.
    bool readable = true;

    /// Records a problem; when it names a record, that record becomes invalid.
    void addProblem(std::uint64_t line, std::uint32_t column, const QString &reason, std::int64_t record = -1,
                    const QString &field = {})
    {
        problems.push_back(ReadProblem{line, column, reason, record, field});
        if (record >= 0 && std::size_t(record) < records.size())
            ++records[std::size_t(record)].problems;
    }
    /// A problem of the whole file: nothing from it can be trusted.
    void addFatal(std::uint64_t line, std::uint32_t column, const QString &reason)
    {
        problems.push_back(ReadProblem{line, column, reason, -1, {}});
        readable = false;
    }
    qsizetype validCount() const
    {
        qsizetype n = 0;
        for (const MetricRecord &r : records)
            n += r.isValid() ? 1 : 0;
        return n;
    }
    /// Every problem as `file:line[:column]: reason`, in the order found.
    QStringList messages() const
    {
        QStringList out;
        for (const ReadProblem &p : problems)
            out << p.message(path);
        return out;
    }
    void addColumn(const QString &name)
    {
        if (!columns.contains(name))
            columns << name;
    }
};

} // namespace sasquatch
