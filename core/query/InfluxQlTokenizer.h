// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/Token.h"

#include <QStringView>

namespace sasquatch {

/// Splits InfluxQL into tokens, following the InfluxQL specification: `--` and `/* */`
/// comments, identifiers (keywords case-insensitively), double-quoted identifiers and
/// single-quoted strings with backslash escapes (neither may span lines), integers, floats,
/// durations (`10s`, `7d`, `500ms`, `100u`), bind parameters (`$name`), regular expressions
/// where an operand may start (`=~ /…/`, `FROM /…/`), operators (incl. `::` casts) and
/// parentheses. A string whose content is an RFC 3339 time is a DateTime token; an identifier
/// followed by `(` is a Function (unless it is a keyword such as IN); the type after `::` is a
/// Keyword.
class InfluxQlTokenizer
{
public:
    /// Tokenizes `text` starting in `start` (the end state of the previous line: only an open
    /// block comment carries over).
    static TokenizedText tokenize(QStringView text, LexState start = {});
};

} // namespace sasquatch
