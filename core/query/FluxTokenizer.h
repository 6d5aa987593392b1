// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/Token.h"

#include <QStringView>

namespace sasquatch {

/// Splits Flux source into tokens, following the lexical elements of the Flux language
/// specification: `//` comments, identifiers and keywords, integer and float literals,
/// duration literals (`5m`, `1h30m`, `1mo`), date-time literals (`2024-01-31T12:00:00Z`),
/// string literals with escapes and `${…}` interpolation (strings may span lines), regular
/// expressions `/…/` where an operand may start, operators and brackets.
///
/// Identifiers are refined from their neighbours on the same text: followed by `(` → Function,
/// after `.` → Property, followed by `:` → Parameter; `true`/`false` → Constant.
class FluxTokenizer
{
public:
    /// Tokenizes `text` (one line or a whole query) starting in `start`, the end state of the
    /// previous line when a highlighter feeds lines one by one.
    static TokenizedText tokenize(QStringView text, LexState start = {});

    /// The parts of a String token: String runs and StringEscape tokens (`\"`, `\\`, `\n`, `\t`,
    /// `\r`, `\$`, `\xNN`), positions in `text`.
    static QList<Token> splitStringEscapes(QStringView text, const Token &string);
};

} // namespace sasquatch
