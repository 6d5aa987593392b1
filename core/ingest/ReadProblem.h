// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>

namespace sasquatch {

/// One thing wrong in a metric file, where it is, and the record (and column) it spoils.
struct ReadProblem
{
    std::uint64_t line = 0;   ///< 1-based; 0 = the file as a whole
    std::uint32_t column = 0; ///< 1-based byte column; 0 = none
    QString reason;
    std::int64_t record = -1; ///< index into ReadResult::records, -1 = not tied to a record
    QString field;            ///< column/field name the problem is about, when one is

    /// `file:line[:column]: reason` (just `file: reason` for a problem of the whole file).
    QString message(const QString &file) const
    {
        if (line == 0)
            return QStringLiteral("%1: %2").arg(file, reason);
        if (column == 0)
            return QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(reason);
        return QStringLiteral("%1:%2:%3: %4").arg(file).arg(line).arg(column).arg(reason);
    }
};

} // namespace sasquatch
