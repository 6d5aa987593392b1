// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/parse/ColumnType.h"
#include "core/query/QueryBudget.h"
#include "core/query/QueryLanguage.h"
#include "core/util/Outcome.h"

#include <QString>

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sasquatch {

/// One query to run: the text, its language and where it runs.
struct QueryRequest
{
    QueryLanguage language = QueryLanguage::Flux;
    QString text;
    /// InfluxQL: the database (`db=`); empty = the profile's database. Flux names its bucket
    /// in the text and ignores this.
    QString database;
    /// InfluxQL: the retention policy (`rp=`); empty = the database's default.
    QString retentionPolicy;
    /// InfluxQL: rows per chunk the server sends (`chunk_size=`); 0 = the server's default
    /// (10,000). Small values only matter to tests.
    int chunkSize = 0;
    /// InfluxQL: the type of columns by name, when known (the catalog's field types). Without
    /// it a column's type comes from its values, so a float field whose values happen to be
    /// integral arrives as Long (InfluxDB writes 2.0 as `2`).
    std::vector<std::pair<std::string, ColumnType>> columnTypes;
    QueryBudget budget = QueryBudget::forThisMachine();
};

/// How far a running query has got.
struct QueryProgress
{
    std::uint64_t bytesReceived = 0; ///< response body bytes (after gzip decoding)
    std::uint64_t rowsParsed = 0;    ///< rows read so far, including a piece not yet delivered
    std::chrono::milliseconds elapsed{0};
};

/// How a query ended.
enum class QueryStatus : std::uint8_t {
    Completed,      ///< the whole response was read (InfluxQL statements may still have failed)
    Failed,         ///< the server refused it, the network failed, the body was malformed...
    Cancelled,      ///< the CancelToken fired
    BudgetExceeded, ///< stopped at the memory budget; the tables before the stop were delivered
};

/// An InfluxQL statement that failed while the others ran (`results[i].error` in a 200).
struct QueryStatementError
{
    int statementId = 0;   ///< 0-based, as the server numbers them
    QString statement;     ///< its text (trimmed, shortened), when it could be found
    QString message;       ///< the server's words
    /// "statement 2 (SELECT … FROM nope): database not found: nope"
    QString describe() const;

    bool operator==(const QueryStatementError &) const = default;
};

/// What a query produced and how it ended.
struct QuerySummary
{
    QueryStatus status = QueryStatus::Completed;
    /// When status is not Completed: the message for the user (server text, what to do),
    /// the HTTP status when one arrived, and cancelled for Cancelled.
    Failure failure;
    std::vector<QueryStatementError> statementErrors; ///< InfluxQL, in statement order

    std::uint64_t rows = 0;    ///< rows delivered to the sink
    std::uint64_t tables = 0;  ///< tables delivered (pieces of one table count once)
    std::uint64_t pieces = 0;  ///< ResultTable pieces delivered
    std::uint64_t bytes = 0;   ///< response body bytes (after gzip decoding)
    std::uint64_t memoryBytes = 0; ///< column storage of the delivered tables
    std::chrono::nanoseconds elapsed{0};

    /// Completed and no statement failed.
    bool succeeded() const { return status == QueryStatus::Completed && statementErrors.empty(); }
    double seconds() const { return std::chrono::duration<double>(elapsed).count(); }
    /// Every problem in one text (the failure, then the failed statements, one per line);
    /// empty when succeeded().
    QString errorText() const;
};

/// "completed", "failed", "cancelled", "budget exceeded".
QString queryStatusName(QueryStatus status);

} // namespace sasquatch
