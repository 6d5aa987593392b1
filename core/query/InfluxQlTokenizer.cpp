// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/InfluxQlTokenizer.h"

#include "core/query/InfluxQlFunctions.h"
#include "core/query/LexSupport.h"
#include "core/query/QueryKeywords.h"

namespace sasquatch {

namespace {

using namespace sasquatch::lex;

constexpr std::initializer_list<const char16_t *> kDurationUnits{u"ns", u"ms", u"u", u"µ", u"s",
                                                                u"m",  u"h",  u"d", u"w"};
constexpr std::initializer_list<const char16_t *> kOperators{u"::", u"=~", u"!~", u"!=", u"<>", u"<=", u">=",
                                                             u"=",  u"<",  u">",  u"+",  u"-",  u"*",  u"/",
                                                             u"%",  u"&",  u"|",  u"^"};

class InfluxQlLexer
{
public:
    explicit InfluxQlLexer(QStringView text) : m_text(text) {}

    TokenizedText run(LexState start)
    {
        const qsizetype n = m_text.size();
        if (start.mode() == LexState::Mode::InBlockComment)
            lexBlockComment(0, 0);
        while (m_pos < n) {
            const QChar c = m_text[m_pos];
            const QChar next = m_pos + 1 < n ? m_text[m_pos + 1] : QChar();
            if (c.isSpace()) {
                ++m_pos;
            } else if (c == u'-' && next == u'-') {
                qsizetype end = m_text.indexOf(u'\n', m_pos);
                push(TokenKind::Comment, m_pos, end < 0 ? n : end);
            } else if (c == u'/' && next == u'*') {
                lexBlockComment(m_pos, m_pos + 2);
            } else if (c == u'\'') {
                lexQuoted(TokenKind::String, u'\'');
            } else if (c == u'"') {
                lexQuoted(TokenKind::QuotedIdentifier, u'"');
            } else if (isDigit(c) || (c == u'.' && isDigit(next))) {
                const Token t = lexNumeric(m_text, m_pos, kDurationUnits);
                push(t.kind, t.start, t.end());
            } else if (isIdentStart(c)) {
                qsizetype end = m_pos + 1;
                while (end < n && isIdentChar(m_text[end]))
                    ++end;
                // Keywords now, not in refine(): whether a '/' starts a regex depends on it (FROM /…/).
                push(isInfluxQlKeyword(m_text.sliced(m_pos, end - m_pos)) ? TokenKind::Keyword : TokenKind::Identifier,
                     m_pos, end);
            } else if (c == u'$' && m_pos + 1 < n && isIdentStart(next)) {
                qsizetype end = m_pos + 2;
                while (end < n && isIdentChar(m_text[end]))
                    ++end;
                push(TokenKind::BindParameter, m_pos, end);
            } else if (c == u'(') {
                push(TokenKind::OpenBracket, m_pos, m_pos + 1);
            } else if (c == u')') {
                push(TokenKind::CloseBracket, m_pos, m_pos + 1);
            } else if (c == u',' || c == u';' || c == u'.' || (c == u':' && next != u':')) {
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
        if (m_commentOpen)
            result.endState = LexState(LexState::Mode::InBlockComment);
        return result;
    }

private:
    void push(TokenKind kind, qsizetype start, qsizetype end, bool closed = true)
    {
        m_tokens.append(Token{kind, start, end - start, closed});
        m_pos = end;
    }

    void lexBlockComment(qsizetype start, qsizetype bodyStart)
    {
        const qsizetype close = m_text.indexOf(u"*/", bodyStart);
        if (close < 0) {
            push(TokenKind::Comment, start, m_text.size(), false);
            m_commentOpen = true;
        } else {
            push(TokenKind::Comment, start, close + 2);
        }
    }

    /// '…' or "…": backslash escapes; a newline or the end of the text leaves it open.
    void lexQuoted(TokenKind kind, char16_t quote)
    {
        const qsizetype n = m_text.size();
        for (qsizetype i = m_pos + 1; i < n; ++i) {
            const QChar c = m_text[i];
            if (c == u'\n') {
                push(kind, m_pos, i, false);
                return;
            }
            if (c == u'\\' && i + 1 < n && m_text[i + 1] != u'\n') {
                ++i;
                continue;
            }
            if (c == QChar(quote)) {
                push(kind, m_pos, i + 1);
                return;
            }
        }
        push(kind, m_pos, n, false);
    }

    bool isChar(qsizetype index, char16_t c) const
    {
        return index >= 0 && m_tokens[index].length == 1 && m_text[m_tokens[index].start] == QChar(c)
               && m_tokens[index].kind != TokenKind::String && m_tokens[index].kind != TokenKind::QuotedIdentifier;
    }

    void refine()
    {
        for (qsizetype i = 0; i < m_tokens.size(); ++i) {
            Token &t = m_tokens[i];
            const QStringView text = tokenText(m_text, t);
            if (t.kind == TokenKind::String && t.closed && isDateTime(text.sliced(1, text.size() - 2))) {
                t.kind = TokenKind::DateTime;
                continue;
            }
            if (t.kind != TokenKind::Identifier && t.kind != TokenKind::Keyword)
                continue;
            const qsizetype prev = previousSignificant(m_tokens, i);
            const bool keyword = t.kind == TokenKind::Keyword;
            if (prev >= 0 && m_tokens[prev].kind == TokenKind::Operator && tokenText(m_text, m_tokens[prev]) == u"::") {
                t.kind = TokenKind::Keyword; // the cast type: field::float, tag::tag
            } else if (isChar(nextSignificant(m_tokens, i), u'(') && (!keyword || findInfluxQlFunction(text))) {
                t.kind = TokenKind::Function;
            } else if (text.compare(u"TRUE", Qt::CaseInsensitive) == 0 || text.compare(u"FALSE", Qt::CaseInsensitive) == 0) {
                t.kind = TokenKind::Constant;
            }
        }
    }

    QStringView m_text;
    qsizetype m_pos = 0;
    QList<Token> m_tokens;
    bool m_commentOpen = false;
};

} // namespace

TokenizedText InfluxQlTokenizer::tokenize(QStringView text, LexState start)
{
    return InfluxQlLexer(text).run(start);
}

} // namespace sasquatch
