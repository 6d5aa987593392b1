// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/parse/ResultTable.h"
#include "core/query/QueryTypes.h"
#include "core/util/Outcome.h"

namespace sasquatch {

/// Receives what QueryRunner produces, on the thread that runs the query, in stream order.
class QueryResultSink
{
public:
    virtual ~QueryResultSink() = default;

    /// A table, or a piece of one (see ResultTable): the sink owns it from now on. Returning a
    /// Failure stops the query at once (a full disk, a closed pipe); its message becomes the
    /// query's failure.
    virtual Outcome<Done> tableReady(ResultTable &&table) = 0;
    /// An InfluxQL statement failed; the tables it produced came before, the next statements'
    /// tables follow.
    virtual void statementFailed(const QueryStatementError &error) { (void)error; }
    /// Bytes and rows so far; called after each block of the body is parsed (what arrived
    /// since the last call, at most 512 KiB). Keep it cheap.
    virtual void progressed(const QueryProgress &progress) { (void)progress; }
};

} // namespace sasquatch
