// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/QueryTokenizer.h"

#include "core/query/FluxTokenizer.h"
#include "core/query/InfluxQlTokenizer.h"

#include <algorithm>

namespace sasquatch {

TokenizedText QueryTokenizer::tokenize(QueryLanguage language, QStringView text, LexState start)
{
    return language == QueryLanguage::Flux ? FluxTokenizer::tokenize(text, start)
                                           : InfluxQlTokenizer::tokenize(text, start);
}

qsizetype QueryTokenizer::tokenAt(const QList<Token> &tokens, qsizetype position)
{
    // Tokens are sorted and disjoint: the candidate is the last one starting at or before position.
    const auto it = std::upper_bound(tokens.cbegin(), tokens.cend(), position,
                                     [](qsizetype pos, const Token &t) { return pos < t.start; });
    if (it == tokens.cbegin())
        return -1;
    const qsizetype index = std::distance(tokens.cbegin(), it) - 1;
    return position < tokens[index].end() ? index : -1;
}

} // namespace sasquatch
