// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/parse/ParseError.h"
#include "core/parse/ResultTable.h"

#include <QString>

#include <optional>
#include <vector>

namespace sasquatch {

/// Compact, diff-friendly text of parsed tables for test expectations:
///
///     T <result> <table id>[ +]          (+ = continuation piece)
///     C <name>:<type>[:key][=<default>] ...   (type: string double long ulong bool time)
///     R <cell>|<cell>|...                (one line per row, ~ = null, times RFC3339Nano)
///     E malformed L<line> C<column>[ (<name>)]: <message>
///     E server: <message>[ [ref <reference>]]
///
/// Lines are joined with '\n'; no trailing newline.
QString dumpResultTable(const ResultTable &table);
QString dumpParseError(const ParseError &error);
QString dumpParseResult(const std::vector<ResultTable> &tables, const std::optional<ParseError> &error);

} // namespace sasquatch
