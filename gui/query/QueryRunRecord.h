// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/QueryLanguage.h"

#include <QDateTime>
#include <QString>

#include <cstdint>

namespace sasquatch {

/// How a run in a query tab ended, as the history and the status line tell it.
enum class RunEnd : std::uint8_t { Completed, Failed, Cancelled };

/// One run of a query tab, handed to the history. Kept apart from the query service's and the
/// history's own types so that the tab and the history panel do not depend on each other.
struct QueryRunRecord
{
    QString text;
    QueryLanguage language = QueryLanguage::Flux;
    QDateTime startedAt;          ///< UTC
    std::int64_t durationMs = 0;
    std::int64_t rows = 0;
    std::int64_t tables = 0;
    RunEnd end = RunEnd::Completed;
    QString error;                ///< the server's or transport's message when Failed
};

} // namespace sasquatch
