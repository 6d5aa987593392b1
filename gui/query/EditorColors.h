// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/CompletionItem.h"
#include "core/query/Token.h"

#include <QColor>

class QPalette;

namespace sasquatch {

/// The query editor's colours: syntax, editor chrome and completion badges. Two sets, chosen by
/// the lightness of the palette's base colour; the dark one is tuned for the app's dark Fusion
/// palette (base #161a20) and keeps every syntax colour at a contrast ratio of 4.5 or more.
struct EditorColors
{
    QColor text;
    QColor keyword;
    QColor function;
    QColor property;
    QColor parameter;
    QColor constant;
    QColor string;
    QColor escape;
    QColor number;
    QColor duration;
    QColor dateTime;
    QColor regex;
    QColor comment;
    QColor op;
    QColor punctuation;
    QColor quotedIdentifier;
    QColor invalid;

    QColor currentLine;
    QColor bracketMatch;
    QColor bracketMismatch;
    QColor errorLine;
    QColor errorUnderline;
    QColor gutterBackground;
    QColor gutterText;
    QColor gutterCurrentText;
    QColor gutterSeparator;

    static EditorColors dark();
    static EditorColors light();
    static EditorColors forPalette(const QPalette &palette);

    QColor forToken(TokenKind kind) const;
    QColor forKind(CompletionKind kind) const;
};

/// The one- or two-letter badge of a completion kind ("f", "B", "M"…).
QString completionKindBadge(CompletionKind kind);
/// A word for a completion kind, for accessibility and tooltips.
QString completionKindName(CompletionKind kind);

} // namespace sasquatch
