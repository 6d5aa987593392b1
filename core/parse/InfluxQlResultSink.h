// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/parse/ResultTableSink.h"

#include <cstdint>
#include <string>

namespace sasquatch {

/// A statement of an InfluxQL request that failed while the others may have succeeded: the
/// `results[i].error` of a 200 response (`database not found: x`, `max-select-point limit
/// exceeded`, `not executed` for the statements after a failed one).
struct InfluxQlStatementError
{
    std::int64_t statementId = 0; ///< `statement_id` of the result (its index in `results` if absent)
    std::string message;          ///< the server's text
    std::uint64_t line = 0;       ///< 1-based input line of the result (the chunk, in chunked mode)

    bool operator==(const InfluxQlStatementError &) const = default;
};

/// A ResultTableSink that also wants InfluxQL statement errors as they arrive, in stream order
/// with the tables. Give one to InfluxQlJsonParser instead of a plain ResultTableSink; a plain
/// sink still gets every table, and the parser keeps the errors in statementErrors().
class InfluxQlResultSink : public ResultTableSink
{
public:
    /// A statement failed; the tables it produced before failing have been delivered already,
    /// and parsing goes on with the next statement.
    virtual void statementFailed(const InfluxQlStatementError &error) = 0;
};

} // namespace sasquatch
