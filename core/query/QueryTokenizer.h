// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/QueryLanguage.h"
#include "core/query/Token.h"

#include <QStringView>

namespace sasquatch {

/// The tokenizer of either language, for code that works on both (highlighter, bracket
/// matching, completion).
class QueryTokenizer
{
public:
    static TokenizedText tokenize(QueryLanguage language, QStringView text, LexState start = {});

    /// Index of the token whose range contains `position` (start <= position < end), or -1.
    static qsizetype tokenAt(const QList<Token> &tokens, qsizetype position);
};

} // namespace sasquatch
