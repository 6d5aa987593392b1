// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/QueryErrorLocation.h"
#include "core/query/QueryLanguage.h"
#include "core/time/TimeRange.h"

#include <QString>
#include <QStringView>

#include <cstdint>
#include <vector>

namespace sasquatch {

/// The time-range variables that dashboards put into queries, filled in from a query tab's
/// time range, so that queries copied from Chronograf or the InfluxDB UI run unchanged:
///
///   InfluxQL (Chronograf)     `:dashboardTime:`   `now() - 1h` or `'2026-11-23T03:12:00Z'`
///                             `:upperDashboardTime:` `now()` or `'2026-11-23T04:12:00Z'`
///                             `:interval:`        `10s`
///   Flux (InfluxDB UI)        `v.timeRangeStart`  `-1h` or `2026-11-23T03:12:00Z`
///                             `v.timeRangeStop`   `now()` or `2026-11-23T04:12:00Z`
///                             `v.windowPeriod`    `10s`
///
/// Only whole tokens count: the same words inside strings, comments or quoted identifiers stay.
/// A Flux query that declares its own `option v = …` is left alone. Expansion never changes
/// the number of lines, and originalLocation() maps a server error position in the expanded
/// text back to the text the user wrote.
class TimeVariables
{
public:
    /// One variable occurrence: where it is in the original text and what replaces it.
    struct Replacement
    {
        qsizetype start = 0;  ///< UTF-16 offset in the original text
        qsizetype length = 0; ///< of the variable
        QString value;
    };

    /// Expands the variables of `text` for `range` (a relative range stays relative to the
    /// server's now()) and the aggregation window `windowNs`.
    static TimeVariables expand(QueryLanguage language, QStringView text, const TimeRange &range, std::int64_t windowNs);
    /// True when `text` holds at least one variable of `language`.
    static bool uses(QueryLanguage language, QStringView text);

    const QString &text() const { return m_text; }
    const std::vector<Replacement> &replacements() const { return m_replacements; }
    bool changed() const { return !m_replacements.empty(); }

    /// The position in the original text of a position in the expanded text (1-based line and
    /// column; a position inside a value maps to the start of its variable). Ends move too.
    QueryErrorLocation originalLocation(const QueryErrorLocation &expanded) const;

private:
    /// A start inside a value maps to its variable's start, an (exclusive) end to its end.
    enum class Edge : std::uint8_t { Start, End };
    qsizetype originalOffset(qsizetype expandedOffset, Edge edge) const;

    QString m_original;
    QString m_text;
    std::vector<Replacement> m_replacements;
};

} // namespace sasquatch
