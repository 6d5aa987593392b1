// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/BracketMatcher.h"

#include "core/query/QueryTokenizer.h"

#include <algorithm>

namespace sasquatch {

namespace {

QChar closerOf(QChar open)
{
    switch (open.unicode()) {
    case u'(':
        return u')';
    case u'[':
        return u']';
    default:
        return u'}';
    }
}

} // namespace

BracketMatcher::BracketMatcher(QueryLanguage language, QStringView text)
{
    const TokenizedText tokenized = QueryTokenizer::tokenize(language, text);
    QList<qsizetype> stack;
    for (const Token &t : tokenized.tokens) {
        if (t.kind == TokenKind::OpenBracket) {
            m_brackets.append(t.start);
            stack.append(t.start);
        } else if (t.kind == TokenKind::CloseBracket) {
            m_brackets.append(t.start);
            const QChar close = text[t.start];
            // The nearest opener of the right kind; the ones above it are left unclosed.
            for (qsizetype i = stack.size() - 1; i >= 0; --i) {
                if (closerOf(text[stack[i]]) == close) {
                    m_partner.insert(stack[i], t.start);
                    m_partner.insert(t.start, stack[i]);
                    stack.resize(i);
                    break;
                }
            }
        }
    }
}

std::optional<BracketMatch> BracketMatcher::matchAt(qsizetype cursor) const
{
    for (const qsizetype candidate : {cursor, cursor - 1}) {
        if (std::binary_search(m_brackets.cbegin(), m_brackets.cend(), candidate))
            return BracketMatch{candidate, partnerOf(candidate)};
    }
    return std::nullopt;
}

qsizetype BracketMatcher::partnerOf(qsizetype position) const
{
    return m_partner.value(position, -1);
}

QList<qsizetype> BracketMatcher::unmatched() const
{
    QList<qsizetype> result;
    for (const qsizetype position : m_brackets)
        if (!m_partner.contains(position))
            result.append(position);
    return result;
}

std::optional<BracketMatch> BracketMatcher::match(QueryLanguage language, QStringView text, qsizetype cursor)
{
    return BracketMatcher(language, text).matchAt(cursor);
}

} // namespace sasquatch
