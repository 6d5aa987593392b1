// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace sasquatch {

/// What a completion proposes; the editor shows it as a badge.
enum class CompletionKind {
    Function,
    Keyword,
    Bucket,
    Database,
    RetentionPolicy,
    Measurement,
    Field,
    Tag,      ///< a tag key
    TagValue,
    Column,   ///< a Flux column every table has: _time, _value, _field, _measurement, _start, _stop
    Parameter,
    Package,
    Variable,
    Constant,
};

/// One proposal. Accepting it replaces [replaceStart, replaceEnd) of the text with insertText and
/// puts the cursor at replaceStart + cursorOffset (or after the insertion when cursorOffset < 0).
struct CompletionItem
{
    CompletionKind kind = CompletionKind::Keyword;
    QString label;      ///< what the list shows and what the typed prefix is matched against
    QString insertText; ///< quoted and escaped as the language needs
    qsizetype replaceStart = 0;
    qsizetype replaceEnd = 0;
    qsizetype cursorOffset = -1;
    QString detail;        ///< a signature (`range(start: time | duration, …) => stream`) or a type
    QString documentation; ///< one line
    /// A Flux import path the item needs and the text does not import yet (accepting the item
    /// should add `import "path"`); empty otherwise.
    QString requiredImport;
    int score = 0; ///< higher first; items arrive sorted
};

} // namespace sasquatch
