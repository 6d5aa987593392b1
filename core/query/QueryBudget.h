// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/QueryLanguage.h"

#include <QString>

#include <cstdint>

namespace sasquatch {

/// How much of a result one query may hold in memory: a number of points (rows of all tables)
/// and a number of bytes (the parsed tables' column storage, ResultTable::memoryBytes). Past
/// either, QueryRunner stops the transfer and says how to narrow the query; the program keeps
/// running with what arrived before. 0 means "no limit" for that measure.
struct QueryBudget
{
    /// Never more than this by default, however large the machine: a desktop plot or table of
    /// 4 GiB is already far past what anyone reads.
    static constexpr std::uint64_t kMaxDefaultBytes = std::uint64_t{4} << 30;
    /// Bytes a row of a typical telemetry result costs in columns (time 8, value 8, `_field`
    /// and `_measurement` 12 each): the default point limit is the byte limit over this.
    static constexpr std::uint64_t kTypicalRowBytes = 40;

    std::uint64_t maxPoints = 0;
    std::uint64_t maxBytes = 0;

    /// min(25 % of physical memory, 4 GiB) and as many points as that holds of typical rows.
    static QueryBudget forThisMachine();
    /// No limit at all: for consumers that stream the result away (the `query` command).
    static QueryBudget unlimited() { return {}; }
    /// Physical memory of this machine in bytes (8 GiB when it cannot be read).
    static std::uint64_t physicalMemoryBytes();

    bool isUnlimited() const { return maxPoints == 0 && maxBytes == 0; }
    /// True when `points` rows taking `bytes` would be past the budget.
    bool exceededBy(std::uint64_t points, std::uint64_t bytes) const
    {
        return (maxPoints != 0 && points > maxPoints) || (maxBytes != 0 && bytes > maxBytes);
    }

    /// The message for a query stopped by this budget after `rows` rows: what happened and how
    /// to narrow the query in `language`.
    QString exceededMessage(QueryLanguage language, std::uint64_t rows) const;

    bool operator==(const QueryBudget &) const = default;
};

/// "1.5 GiB", "512 MiB", "900 bytes": sizes in messages.
QString formatByteSize(std::uint64_t bytes);

} // namespace sasquatch
