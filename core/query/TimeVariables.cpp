// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/TimeVariables.h"

#include "core/parse/Rfc3339.h"
#include "core/query/QueryTokenizer.h"
#include "core/time/DurationLiteral.h"

namespace sasquatch {

namespace {

enum class Variable : std::uint8_t { Start, Stop, Window };

struct Found
{
    qsizetype start = 0;
    qsizetype length = 0;
    Variable variable = Variable::Start;
};

bool textIs(QStringView text, const Token &token, QStringView word)
{
    return text.mid(token.start, token.length) == word;
}

/// Kinds a variable's name may be lexed as (never a string, comment or quoted identifier).
bool isName(TokenKind kind)
{
    return kind == TokenKind::Identifier || kind == TokenKind::Keyword || kind == TokenKind::Function
           || kind == TokenKind::Property || kind == TokenKind::Parameter;
}

std::vector<Found> findInfluxQl(QStringView text, const QList<Token> &tokens)
{
    // `:name:` lexes as punctuation, a name, punctuation, with nothing between them.
    std::vector<Found> found;
    for (qsizetype i = 0; i + 2 < tokens.size(); ++i) {
        const Token &open = tokens[i], &name = tokens[i + 1], &close = tokens[i + 2];
        if (open.kind != TokenKind::Punctuation || !textIs(text, open, u":") || close.kind != TokenKind::Punctuation
            || !textIs(text, close, u":") || !isName(name.kind) || name.start != open.end() || close.start != name.end())
            continue;
        const QStringView word = text.mid(name.start, name.length);
        std::optional<Variable> variable;
        if (word == u"dashboardTime")
            variable = Variable::Start;
        else if (word == u"upperDashboardTime")
            variable = Variable::Stop;
        else if (word == u"interval")
            variable = Variable::Window;
        if (!variable)
            continue;
        found.push_back({open.start, close.end() - open.start, *variable});
        i += 2;
    }
    return found;
}

std::vector<Found> findFlux(QStringView text, const QList<Token> &tokens)
{
    // A query with its own `option v = …` means its own v.
    for (qsizetype i = 0; i + 1 < tokens.size(); ++i)
        if (textIs(text, tokens[i], u"option") && textIs(text, tokens[i + 1], u"v"))
            return {};
    std::vector<Found> found;
    for (qsizetype i = 0; i + 2 < tokens.size(); ++i) {
        const Token &v = tokens[i], &dot = tokens[i + 1], &member = tokens[i + 2];
        if (!isName(v.kind) || !textIs(text, v, u"v") || !textIs(text, dot, u".") || !isName(member.kind)
            || dot.start != v.end() || member.start != dot.end())
            continue;
        if (i > 0 && textIs(text, tokens[i - 1], u".") && tokens[i - 1].end() == v.start)
            continue; // `x.v.timeRangeStart` is another record's member
        const QStringView word = text.mid(member.start, member.length);
        std::optional<Variable> variable;
        if (word == u"timeRangeStart")
            variable = Variable::Start;
        else if (word == u"timeRangeStop")
            variable = Variable::Stop;
        else if (word == u"windowPeriod")
            variable = Variable::Window;
        if (!variable)
            continue;
        found.push_back({v.start, member.end() - v.start, *variable});
        i += 2;
    }
    return found;
}

QString valueOf(Variable variable, QueryLanguage language, const TimeRange &range, std::int64_t windowNs)
{
    const bool flux = language == QueryLanguage::Flux;
    if (variable == Variable::Window)
        return durationLiteral(windowNs);
    if (range.isRelative()) {
        if (variable == Variable::Stop)
            return QStringLiteral("now()");
        return flux ? durationLiteral(-range.durationNs()) : QStringLiteral("now() - ") + durationLiteral(range.durationNs());
    }
    const QString time = QString::fromStdString(formatRfc3339Nano(variable == Variable::Start ? range.startNs(0) : range.stopNs(0)));
    return flux ? time : u'\'' + time + u'\'';
}

/// 0-based offset of a 1-based line and column (clamped to the text).
qsizetype offsetOf(QStringView text, int line, int column)
{
    qsizetype offset = 0;
    for (int l = 1; l < line; ++l) {
        const qsizetype newline = text.indexOf(u'\n', offset);
        if (newline < 0)
            return text.size();
        offset = newline + 1;
    }
    const qsizetype lineEnd = text.indexOf(u'\n', offset) < 0 ? text.size() : text.indexOf(u'\n', offset);
    return std::min(offset + std::max(column, 1) - 1, lineEnd);
}

void lineColumnOf(QStringView text, qsizetype offset, int &line, int &column)
{
    const QStringView before = text.left(offset);
    line = int(before.count(u'\n')) + 1;
    column = int(offset - (before.lastIndexOf(u'\n') + 1)) + 1;
}

std::vector<Found> findAll(QueryLanguage language, QStringView text)
{
    const QList<Token> tokens = QueryTokenizer::tokenize(language, text).tokens;
    return language == QueryLanguage::Flux ? findFlux(text, tokens) : findInfluxQl(text, tokens);
}

} // namespace

bool TimeVariables::uses(QueryLanguage language, QStringView text)
{
    return !findAll(language, text).empty();
}

TimeVariables TimeVariables::expand(QueryLanguage language, QStringView text, const TimeRange &range, std::int64_t windowNs)
{
    TimeVariables out;
    out.m_original = text.toString();
    qsizetype at = 0;
    for (const Found &f : findAll(language, text)) {
        const Replacement &r = out.m_replacements.emplace_back(
            Replacement{f.start, f.length, valueOf(f.variable, language, range, windowNs)});
        out.m_text += text.mid(at, r.start - at);
        out.m_text += r.value;
        at = r.start + r.length;
    }
    out.m_text += text.mid(at);
    return out;
}

qsizetype TimeVariables::originalOffset(qsizetype expandedOffset, Edge edge) const
{
    qsizetype delta = 0; // expanded − original, before the current replacement
    for (const Replacement &r : m_replacements) {
        const qsizetype expandedStart = r.start + delta;
        const qsizetype expandedEnd = expandedStart + r.value.size();
        // An end right at a value's start belongs before it; a start there belongs to it.
        if (edge == Edge::Start ? expandedOffset < expandedStart : expandedOffset <= expandedStart)
            break;
        if (expandedOffset < expandedEnd)
            return edge == Edge::Start ? r.start : r.start + r.length;
        delta += r.value.size() - r.length;
    }
    return expandedOffset - delta;
}

QueryErrorLocation TimeVariables::originalLocation(const QueryErrorLocation &expanded) const
{
    if (m_replacements.empty())
        return expanded;
    QueryErrorLocation out = expanded;
    lineColumnOf(m_original, originalOffset(offsetOf(m_text, expanded.line, expanded.column), Edge::Start), out.line,
                 out.column);
    if (expanded.endLine > 0)
        lineColumnOf(m_original, originalOffset(offsetOf(m_text, expanded.endLine, expanded.endColumn), Edge::End),
                     out.endLine, out.endColumn);
    return out;
}

} // namespace sasquatch
