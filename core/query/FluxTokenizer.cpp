// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/FluxTokenizer.h"

#include "core/query/LexSupport.h"
#include "core/query/QueryKeywords.h"

namespace sasquatch {

namespace {

using namespace sasquatch::lex;

constexpr std::initializer_list<const char16_t *> kDurationUnits{u"mo", u"ms", u"us", u"µs", u"ns", u"y",
                                                                u"w",  u"d",  u"h",  u"m",  u"s"};
constexpr std::initializer_list<const char16_t *> kOperators{u"|>", u"<-", u"=>", u"==", u"!=", u"<=", u">=",
                                                             u"=~", u"!~", u"+",  u"-",  u"*",  u"/",  u"%",
                                                             u"^",  u"<",  u">",  u"=",  u"?",  u"@"};

class FluxLexer
{
public:
    explicit FluxLexer(QStringView text) : m_text(text) {}

    TokenizedText run(LexState start)
    {
        if (start.mode() == LexState::Mode::InString) {
            lexStringBody(0, 0);
        } else if (start.mode() == LexState::Mode::InInterpolation) {
            m_inInterpolation = true;
            m_braceDepth = start.braceDepth();
        }
        const qsizetype n = m_text.size();
        while (m_pos < n) {
            const QChar c = m_text[m_pos];
            const QChar next = m_pos + 1 < n ? m_text[m_pos + 1] : QChar();
            if (c.isSpace()) {
                ++m_pos;
            } else if (c == u'/' && next == u'/') {
                qsizetype end = m_text.indexOf(u'\n', m_pos);
                if (end < 0)
                    end = n;
                push(TokenKind::Comment, m_pos, end);
            } else if (c == u'"') {
                lexStringBody(m_pos, m_pos + 1);
            } else if (c == u'}' && m_inInterpolation && m_braceDepth == 0) {
                push(TokenKind::Interpolation, m_pos, m_pos + 1);
                m_inInterpolation = false;
                lexStringBody(m_pos, m_pos);
            } else if (isDigit(c) || (c == u'.' && isDigit(next))) {
                lexNumber();
            } else if (isIdentStart(c)) {
                qsizetype end = m_pos + 1;
                while (end < n && isIdentChar(m_text[end]))
                    ++end;
                const bool keyword = isFluxKeyword(m_text.sliced(m_pos, end - m_pos));
                push(keyword ? TokenKind::Keyword : TokenKind::Identifier, m_pos, end);
            } else if (c == u'(' || c == u'[' || c == u'{') {
                if (c == u'{' && m_inInterpolation)
                    ++m_braceDepth;
                push(TokenKind::OpenBracket, m_pos, m_pos + 1);
            } else if (c == u')' || c == u']' || c == u'}') {
                if (c == u'}' && m_inInterpolation)
                    --m_braceDepth;
                push(TokenKind::CloseBracket, m_pos, m_pos + 1);
            } else if (c == u',' || c == u':' || c == u'.') {
                push(TokenKind::Punctuation, m_pos, m_pos + 1);
            } else if (qsizetype regex = c == u'/' && regexAllowedAfter(m_tokens) ? matchRegex(m_text, m_pos) : 0) {
                push(TokenKind::Regex, m_pos, m_pos + regex);
            } else if (qsizetype op = matchOperator(m_text, m_pos, kOperators)) {
                push(TokenKind::Operator, m_pos, m_pos + op);
            } else {
                push(TokenKind::Invalid, m_pos, m_pos + 1);
            }
        }
        refine();
        TokenizedText result;
        result.tokens = std::move(m_tokens);
        if (m_stringOpen)
            result.endState = LexState(LexState::Mode::InString);
        else if (m_inInterpolation)
            result.endState = LexState(LexState::Mode::InInterpolation, qMax(0, m_braceDepth));
        return result;
    }

private:
    void push(TokenKind kind, qsizetype start, qsizetype end, bool closed = true)
    {
        m_tokens.append(Token{kind, start, end - start, closed});
        m_pos = end;
    }

    /// A string from `tokenStart` (its opening quote, or where a continuation begins) whose body
    /// starts at `i`: up to the closing quote, an interpolation `${`, or the end of the text.
    void lexStringBody(qsizetype tokenStart, qsizetype i)
    {
        const qsizetype n = m_text.size();
        while (i < n) {
            const QChar c = m_text[i];
            if (c == u'\\') {
                i += 2;
                continue;
            }
            if (c == u'"') {
                push(TokenKind::String, tokenStart, i + 1);
                return;
            }
            // Interpolations do not nest: inside one, "${" is plain text of the inner string.
            if (c == u'$' && i + 1 < n && m_text[i + 1] == u'{' && !m_inInterpolation) {
                if (i > tokenStart)
                    push(TokenKind::String, tokenStart, i);
                push(TokenKind::Interpolation, i, i + 2);
                m_inInterpolation = true;
                m_braceDepth = 0;
                return;
            }
            ++i;
        }
        push(TokenKind::String, tokenStart, n, false);
        m_stringOpen = true;
    }

    void lexNumber()
    {
        if (const qsizetype date = matchDateTime(m_text, m_pos)) {
            push(TokenKind::DateTime, m_pos, m_pos + date);
            return;
        }
        const Token t = lexNumeric(m_text, m_pos, kDurationUnits);
        push(t.kind, t.start, t.end());
    }

    /// Names take their role from their neighbours: `f(`, `.name`, `name:`.
    void refine()
    {
        for (qsizetype i = 0; i < m_tokens.size(); ++i) {
            Token &t = m_tokens[i];
            if (t.kind != TokenKind::Identifier)
                continue;
            if (isFluxConstant(tokenText(m_text, t))) {
                t.kind = TokenKind::Constant;
                continue;
            }
            const qsizetype next = nextSignificant(m_tokens, i);
            const qsizetype prev = previousSignificant(m_tokens, i);
            // `with` is a keyword only in a record extension: { r with x: 1 }.
            if (tokenText(m_text, t) == u"with" && prev >= 0 && m_tokens[prev].kind == TokenKind::Identifier) {
                const qsizetype brace = previousSignificant(m_tokens, prev);
                if (brace >= 0 && m_tokens[brace].kind == TokenKind::OpenBracket && m_text[m_tokens[brace].start] == u'{') {
                    t.kind = TokenKind::Keyword;
                    continue;
                }
            }
            const auto nextIs = [&](char16_t c) {
                return next >= 0 && m_tokens[next].length == 1 && m_text[m_tokens[next].start] == QChar(c)
                       && m_tokens[next].kind != TokenKind::String;
            };
            if (nextIs(u'('))
                t.kind = TokenKind::Function;
            else if (prev >= 0 && m_tokens[prev].kind == TokenKind::Punctuation && m_text[m_tokens[prev].start] == u'.')
                t.kind = TokenKind::Property;
            else if (nextIs(u':'))
                t.kind = TokenKind::Parameter;
        }
    }

    QStringView m_text;
    qsizetype m_pos = 0;
    QList<Token> m_tokens;
    bool m_inInterpolation = false;
    bool m_stringOpen = false;
    int m_braceDepth = 0;
};

} // namespace

TokenizedText FluxTokenizer::tokenize(QStringView text, LexState start)
{
    return FluxLexer(text).run(start);
}

QList<Token> FluxTokenizer::splitStringEscapes(QStringView text, const Token &string)
{
    QList<Token> parts;
    qsizetype runStart = string.start;
    const qsizetype end = qMin(string.end(), text.size());
    for (qsizetype i = string.start; i < end; ++i) {
        if (text[i] != u'\\')
            continue;
        qsizetype escapeEnd = qMin(i + 2, end);
        if (i + 1 < end && text[i + 1] == u'x') {
            // \xNN: up to two hex digits.
            while (escapeEnd < end && escapeEnd < i + 4 && QStringLiteral("0123456789abcdefABCDEF").contains(text[escapeEnd]))
                ++escapeEnd;
        }
        if (i > runStart)
            parts.append(Token{TokenKind::String, runStart, i - runStart, true});
        parts.append(Token{TokenKind::StringEscape, i, escapeEnd - i, true});
        runStart = escapeEnd;
        i = escapeEnd - 1;
    }
    if (end > runStart)
        parts.append(Token{TokenKind::String, runStart, end - runStart, string.closed});
    return parts;
}

} // namespace sasquatch
