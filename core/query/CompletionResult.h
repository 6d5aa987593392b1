// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/CompletionItem.h"

#include <QList>
#include <QString>

namespace sasquatch {

/// What the engine recognised at the cursor; decides which items it offers.
enum class CompletionContext {
    None,            ///< nothing to offer: a comment, a number, a string of no known role
    Expression,      ///< Flux: keywords, functions, packages and variables
    PipeFunction,    ///< Flux: after `|>`
    Member,          ///< Flux: after `package.`
    Argument,        ///< Flux: a parameter name inside a call's parentheses
    Import,          ///< Flux: `import "`
    Column,          ///< Flux: after `r.`, in `r["`, in `columns: ["`
    Bucket,
    Database,
    RetentionPolicy,
    Measurement,
    Field,           ///< also the InfluxQL SELECT list (fields, tags, functions)
    TagKey,
    TagValue,
    Condition,       ///< InfluxQL WHERE: tag keys, fields, time
    GroupBy,         ///< InfluxQL GROUP BY: tag keys, time()
    Statement,       ///< InfluxQL: the first word of a statement
    Keyword,         ///< InfluxQL: keywords that may follow, then the others
};

/// Ranked proposals for one cursor position.
struct CompletionResult
{
    CompletionContext context = CompletionContext::None;
    /// The word (or string content) being completed: most items replace exactly this range.
    qsizetype replaceStart = 0;
    qsizetype replaceEnd = 0;
    /// The part of that range before the cursor; items are ranked against it.
    QString prefix;
    QList<CompletionItem> items;
};

} // namespace sasquatch
