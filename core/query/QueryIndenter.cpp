// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/QueryIndenter.h"

#include "core/query/BracketMatcher.h"
#include "core/query/LexSupport.h"
#include "core/query/QueryTokenizer.h"

namespace sasquatch {

namespace {

qsizetype lineStartOf(QStringView text, qsizetype position)
{
    return position <= 0 ? 0 : text.lastIndexOf(u'\n', position - 1) + 1;
}

qsizetype lineEndOf(QStringView text, qsizetype position)
{
    const qsizetype end = text.indexOf(u'\n', position);
    return end < 0 ? text.size() : end;
}

QStringView lineAt(QStringView text, qsizetype position)
{
    const qsizetype start = lineStartOf(text, position);
    return text.sliced(start, lineEndOf(text, start) - start);
}

QChar closerOf(QChar open)
{
    return open == u'(' ? u')' : open == u'[' ? u']' : u'}';
}

} // namespace

int QueryIndenter::indentOf(QStringView line)
{
    int columns = 0;
    for (const QChar c : line) {
        if (c == u' ')
            ++columns;
        else if (c == u'\t')
            columns += kIndentWidth - columns % kIndentWidth;
        else
            break;
    }
    return columns;
}

NewLineIndent QueryIndenter::newLine(QStringView text, qsizetype cursor, QueryLanguage language)
{
    cursor = qBound<qsizetype>(0, cursor, text.size());
    const qsizetype start = lineStartOf(text, cursor);
    const QStringView before = text.sliced(start, cursor - start);
    const QStringView after = text.sliced(cursor, lineEndOf(text, cursor) - cursor);
    NewLineIndent result;
    result.indent = indentOf(before.trimmed().isEmpty() ? before : lineAt(text, cursor));
    // The last token before the cursor on this line decides (a trailing comment does not).
    const QList<Token> tokens = QueryTokenizer::tokenize(language, before).tokens;
    const qsizetype last = lex::previousSignificant(tokens, tokens.size());
    if (last < 0)
        return result;
    const Token &t = tokens[last];
    const QStringView word = lex::tokenText(before, t);
    if (t.kind == TokenKind::OpenBracket) {
        const int base = result.indent;
        result.indent = base + kIndentWidth;
        const QStringView rest = after.trimmed();
        if (!rest.isEmpty() && rest[0] == closerOf(word[0]))
            result.closerIndent = base;
    } else if (language == QueryLanguage::Flux && t.kind == TokenKind::Operator && (word == u"|>" || word == u"=>")) {
        result.indent += kIndentWidth;
    }
    return result;
}

std::optional<int> QueryIndenter::electricIndent(QStringView text, qsizetype cursor, QueryLanguage language)
{
    cursor = qBound<qsizetype>(0, cursor, text.size());
    const qsizetype start = lineStartOf(text, cursor);
    const QStringView line = text.sliced(start, lineEndOf(text, start) - start);
    const QStringView typed = text.sliced(start, cursor - start).trimmed();
    const int current = indentOf(line);
    std::optional<int> wanted;
    if (typed.size() == 1 && (typed[0] == u')' || typed[0] == u']' || typed[0] == u'}')) {
        const qsizetype partner = BracketMatcher(language, text).partnerOf(cursor - 1);
        if (partner >= 0)
            wanted = indentOf(lineAt(text, partner));
    } else if (language == QueryLanguage::Flux && typed == u"|>") {
        // Bracket depth at each line start, to find the line that begins this pipeline.
        const QList<Token> tokens = QueryTokenizer::tokenize(language, text.first(start)).tokens;
        const auto depthAt = [&](qsizetype position) {
            int depth = 0;
            for (const Token &t : tokens) {
                if (t.start >= position)
                    break;
                if (t.kind == TokenKind::OpenBracket)
                    ++depth;
                else if (t.kind == TokenKind::CloseBracket)
                    --depth;
            }
            return depth;
        };
        const int depth = depthAt(start);
        for (qsizetype lineStart = lineStartOf(text, start - 1); start > 0;) {
            const QStringView candidate = text.sliced(lineStart, lineEndOf(text, lineStart) - lineStart);
            const QStringView trimmed = candidate.trimmed();
            const bool blank = trimmed.isEmpty() || trimmed.startsWith(u"//");
            if (!blank && depthAt(lineStart) == depth) {
                wanted = indentOf(candidate) + (trimmed.startsWith(u"|>") ? 0 : kIndentWidth);
                break;
            }
            if (lineStart == 0)
                break;
            lineStart = lineStartOf(text, lineStart - 1);
        }
    }
    if (!wanted || *wanted == current)
        return std::nullopt;
    return wanted;
}

} // namespace sasquatch
