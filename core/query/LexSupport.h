// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/Token.h"

#include <QStringView>

#include <initializer_list>

// Pieces the Flux and InfluxQL tokenizers share. Not public API: use FluxTokenizer,
// InfluxQlTokenizer or QueryTokenizer.
namespace sasquatch::lex {

bool isIdentStart(QChar c);
bool isIdentChar(QChar c);
bool isDigit(QChar c);

/// Length of an RFC 3339 date (`2024-01-31`) or date-time (`2024-01-31T12:00:00.5Z`,
/// `…+02:00`, offset optional) starting at `pos`, or 0.
qsizetype matchDateTime(QStringView text, qsizetype pos);
/// True when all of `text` is a date or date-time as matchDateTime() accepts it.
bool isDateTime(QStringView text);

/// Length of the first of `units` that `text` continues with at `pos` (list longest first), or 0.
qsizetype matchUnit(QStringView text, qsizetype pos, std::initializer_list<const char16_t *> units);

/// Lexes a number, a duration (`5m`, `1h30m`) or, when trailing letters make it neither, an
/// Invalid run, starting at a digit or at `.digit`. `allowDurationAfterFraction` is never true in
/// either language; both reject `1.5h`.
Token lexNumeric(QStringView text, qsizetype pos, std::initializer_list<const char16_t *> units);

/// Index of the closest token before `index` that is not a comment, or -1.
qsizetype previousSignificant(const QList<Token> &tokens, qsizetype index);
/// Index of the closest token after `index` that is not a comment, or -1.
qsizetype nextSignificant(const QList<Token> &tokens, qsizetype index);

/// True when a `/` here starts a regular expression rather than dividing: the token before it
/// cannot end an operand (no identifier, literal or closing bracket).
bool regexAllowedAfter(const QList<Token> &tokens);
/// Length of a regex literal `/…/` starting at `pos` on one line (`\/` escapes), or 0.
qsizetype matchRegex(QStringView text, qsizetype pos);

/// Length of the first of `operators` at `pos` (list longest first), or 0.
qsizetype matchOperator(QStringView text, qsizetype pos, std::initializer_list<const char16_t *> operators);

/// The text of a token.
inline QStringView tokenText(QStringView text, const Token &token)
{
    return text.sliced(token.start, token.length);
}

} // namespace sasquatch::lex
