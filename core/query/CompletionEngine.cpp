// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/CompletionEngine.h"

#include "core/query/FluxCompleter.h"
#include "core/query/InfluxQlCompleter.h"
#include "core/query/LexSupport.h"
#include "core/query/QueryTokenizer.h"

namespace sasquatch {

CompletionResult CompletionEngine::complete(QStringView text, qsizetype cursor, QueryLanguage language) const
{
    return complete(text, cursor, language, m_schema, m_maxItems);
}

CompletionResult CompletionEngine::complete(QStringView text, qsizetype cursor, QueryLanguage language,
                                            const SchemaSnapshot &schema, int maxItems)
{
    if (language == QueryLanguage::Flux)
        return FluxCompleter(text, cursor, schema).complete(maxItems);
    return InfluxQlCompleter(text, cursor, schema).complete(maxItems);
}

bool CompletionEngine::isAutoTrigger(QStringView text, qsizetype cursor, QueryLanguage language)
{
    if (cursor <= 0 || cursor > text.size())
        return false;
    const QChar typed = text[cursor - 1];
    const QList<Token> tokens = QueryTokenizer::tokenize(language, text).tokens;
    const qsizetype at = QueryTokenizer::tokenAt(tokens, cursor - 1);
    const TokenKind kind = at >= 0 ? tokens[at].kind : TokenKind::Invalid;
    if (kind == TokenKind::Comment)
        return false;
    if (lex::isIdentChar(typed)) {
        switch (kind) {
        case TokenKind::Identifier:
        case TokenKind::Keyword:
        case TokenKind::Function:
        case TokenKind::Property:
        case TokenKind::Parameter:
        case TokenKind::Constant:
            // From the second character on: a lone `r` or `x` is too often a name being written.
            return cursor - tokens[at].start >= 2;
        case TokenKind::String:
        case TokenKind::QuotedIdentifier:
            return true;
        default:
            return false; // numbers, durations, dates
        }
    }
    if (typed == u'"' || typed == u'\'')
        return at >= 0 && tokens[at].start == cursor - 1
               && (kind == TokenKind::String || kind == TokenKind::QuotedIdentifier || kind == TokenKind::DateTime);
    if (typed == u'.')
        return kind == TokenKind::Punctuation && lex::previousSignificant(tokens, at) >= 0
               && tokens[lex::previousSignificant(tokens, at)].end() == cursor - 1;
    if (typed == u' ') {
        qsizetype before = -1;
        for (qsizetype i = tokens.size() - 1; i >= 0; --i)
            if (tokens[i].end() <= cursor - 1) {
                before = lex::previousSignificant(tokens, i + 1);
                break;
            }
        if (before < 0 || tokens[before].end() != cursor - 1)
            return false;
        const QStringView word = lex::tokenText(text, tokens[before]);
        if (language == QueryLanguage::Flux)
            return tokens[before].kind == TokenKind::Operator && word == u"|>";
        if (tokens[before].kind != TokenKind::Keyword)
            return false;
        for (const char16_t *k : {u"FROM", u"SELECT", u"WHERE", u"AND", u"OR", u"BY", u"ON"})
            if (word.compare(QStringView(k), Qt::CaseInsensitive) == 0)
                return true;
    }
    return false;
}

} // namespace sasquatch
