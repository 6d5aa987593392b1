// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/parse/ParseError.h"
#include "core/parse/ResultTable.h"

namespace sasquatch {

/// Receives what a streaming result parser produces, on the thread that feeds the parser.
/// Tables arrive in input order; a large table arrives as several pieces (see ResultTable).
class ResultTableSink
{
public:
    virtual ~ResultTableSink() = default;

    /// A table, or a piece of one, is complete. The sink owns it from now on.
    virtual void tableReady(ResultTable &&table) = 0;

    /// Parsing stopped: malformed input or an error reported by the server inside the body.
    /// Called at most once; nothing else arrives afterwards.
    virtual void parseFailed(const ParseError &error) = 0;
};

} // namespace sasquatch
