// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/LexSupport.h"

namespace sasquatch::lex {

bool isIdentStart(QChar c)
{
    return c == u'_' || c.isLetter();
}

bool isIdentChar(QChar c)
{
    return c == u'_' || c.isLetterOrNumber();
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

namespace {

bool digitsAt(QStringView text, qsizetype pos, qsizetype count)
{
    if (pos + count > text.size())
        return false;
    for (qsizetype i = pos; i < pos + count; ++i)
        if (!isDigit(text[i]))
            return false;
    return true;
}

bool charAt(QStringView text, qsizetype pos, char16_t c)
{
    return pos < text.size() && text[pos] == QChar(c);
}

} // namespace

qsizetype matchDateTime(QStringView text, qsizetype pos)
{
    // YYYY-MM-DD
    if (!digitsAt(text, pos, 4) || !charAt(text, pos + 4, u'-') || !digitsAt(text, pos + 5, 2)
        || !charAt(text, pos + 7, u'-') || !digitsAt(text, pos + 8, 2))
        return 0;
    qsizetype end = pos + 10;
    // THH:MM:SS[.frac][Z|±HH:MM]
    if (charAt(text, end, u'T') && digitsAt(text, end + 1, 2) && charAt(text, end + 3, u':')
        && digitsAt(text, end + 4, 2) && charAt(text, end + 6, u':') && digitsAt(text, end + 7, 2)) {
        end += 9;
        if (charAt(text, end, u'.') && digitsAt(text, end + 1, 1)) {
            ++end;
            while (end < text.size() && isDigit(text[end]))
                ++end;
        }
        if (charAt(text, end, u'Z')) {
            ++end;
        } else if ((charAt(text, end, u'+') || charAt(text, end, u'-')) && digitsAt(text, end + 1, 2)
                   && charAt(text, end + 3, u':') && digitsAt(text, end + 4, 2)) {
            end += 6;
        }
    }
    if (end < text.size() && isIdentChar(text[end]))
        return 0;
    return end - pos;
}

bool isDateTime(QStringView text)
{
    return !text.isEmpty() && matchDateTime(text, 0) == text.size();
}

qsizetype matchUnit(QStringView text, qsizetype pos, std::initializer_list<const char16_t *> units)
{
    for (const char16_t *unit : units) {
        const QStringView u(unit);
        if (text.sliced(pos).startsWith(u))
            return u.size();
    }
    return 0;
}

Token lexNumeric(QStringView text, qsizetype pos, std::initializer_list<const char16_t *> units)
{
    const qsizetype n = text.size();
    qsizetype i = pos;
    while (i < n && isDigit(text[i]))
        ++i;
    TokenKind kind = TokenKind::Number;
    if (i < n && text[i] == u'.' && (i + 1 >= n || !isIdentStart(text[i + 1]))) {
        // A fraction: "1.5", ".5", "1." (never a duration).
        ++i;
        while (i < n && isDigit(text[i]))
            ++i;
    } else if (i > pos && i < n && isIdentStart(text[i])) {
        // int unit { int unit }: "5m", "1h30m", "1mo".
        kind = TokenKind::Duration;
        while (i < n) {
            const qsizetype unit = matchUnit(text, i, units);
            if (unit == 0) {
                kind = TokenKind::Invalid;
                break;
            }
            i += unit;
            if (i < n && isDigit(text[i])) {
                while (i < n && isDigit(text[i]))
                    ++i;
                continue;
            }
            break;
        }
    }
    if (i < n && isIdentChar(text[i])) {
        // "5mx", "1.5h", "12abc": one invalid run rather than a number glued to a name.
        kind = TokenKind::Invalid;
        while (i < n && isIdentChar(text[i]))
            ++i;
    }
    return Token{kind, pos, i - pos, true};
}

qsizetype previousSignificant(const QList<Token> &tokens, qsizetype index)
{
    for (qsizetype i = index - 1; i >= 0; --i)
        if (tokens[i].kind != TokenKind::Comment)
            return i;
    return -1;
}

qsizetype nextSignificant(const QList<Token> &tokens, qsizetype index)
{
    for (qsizetype i = index + 1; i < tokens.size(); ++i)
        if (tokens[i].kind != TokenKind::Comment)
            return i;
    return -1;
}

bool regexAllowedAfter(const QList<Token> &tokens)
{
    const qsizetype i = previousSignificant(tokens, tokens.size());
    if (i < 0)
        return true;
    switch (tokens[i].kind) {
    case TokenKind::Identifier:
    case TokenKind::QuotedIdentifier:
    case TokenKind::Property:
    case TokenKind::Function:
    case TokenKind::Parameter:
    case TokenKind::Constant:
    case TokenKind::Number:
    case TokenKind::Duration:
    case TokenKind::DateTime:
    case TokenKind::String:
    case TokenKind::Regex:
    case TokenKind::CloseBracket:
    case TokenKind::BindParameter:
        return false;
    default:
        return true;
    }
}

qsizetype matchRegex(QStringView text, qsizetype pos)
{
    for (qsizetype i = pos + 1; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\n')
            return 0;
        if (c == u'\\') {
            ++i;
            continue;
        }
        if (c == u'/')
            return i + 1 - pos;
    }
    return 0;
}

qsizetype matchOperator(QStringView text, qsizetype pos, std::initializer_list<const char16_t *> operators)
{
    return matchUnit(text, pos, operators);
}

} // namespace sasquatch::lex
