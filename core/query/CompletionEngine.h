// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/CompletionResult.h"
#include "core/query/QueryLanguage.h"
#include "core/query/SchemaSnapshot.h"

#include <QStringView>

namespace sasquatch {

/// Context-aware completion for Flux and InfluxQL.
///
/// Flux: after `from(bucket: "` the buckets; after `r._measurement == "` (or `r["_measurement"]`)
/// the measurements; after `r._field == "` the fields; after `r.tag == "` that tag's values;
/// `r.` / `r["` / `columns: ["` the columns (_time, _value…, tags, fields); `import "` the
/// packages; `pkg.` the package's members (adding the import when missing); after `|>` the
/// functions that take piped tables; inside a call's parentheses the parameters not yet given;
/// after `param:` values suited to it; elsewhere keywords, functions, packages and variables.
/// InfluxQL: after FROM the measurements (`"db"."rp".` too), in the SELECT list the fields, tags
/// and functions, in WHERE the tag keys, fields and time, `tag = '` the tag's values, GROUP BY
/// tag keys and time(), SHOW … ON the databases, and the keywords that may come next elsewhere.
///
/// Names are escaped for where they land (Flux strings; InfluxQL double-quoted identifiers and
/// single-quoted strings). Purely a function of its inputs: no I/O, cheap enough to call on
/// every keystroke (a few ms for 10 000 schema names).
class CompletionEngine
{
public:
    static constexpr int kDefaultMaxItems = 200;

    CompletionEngine() = default;
    explicit CompletionEngine(SchemaSnapshot schema) : m_schema(std::move(schema)) {}

    void setSchema(SchemaSnapshot schema) { m_schema = std::move(schema); }
    const SchemaSnapshot &schema() const { return m_schema; }
    void setMaxItems(int maxItems) { m_maxItems = qMax(1, maxItems); }
    int maxItems() const { return m_maxItems; }

    /// Proposals for the cursor position `cursor` (a UTF-16 index into `text`), best first.
    CompletionResult complete(QStringView text, qsizetype cursor, QueryLanguage language) const;

    /// One-shot form with an explicit schema.
    static CompletionResult complete(QStringView text, qsizetype cursor, QueryLanguage language,
                                     const SchemaSnapshot &schema, int maxItems = kDefaultMaxItems);

    /// Whether the character just typed before `cursor` should open the completion list by
    /// itself: the second or later character of a name, an identifier character inside a string
    /// or quoted identifier, an opening quote, a `.` after a name, or a
    /// space after `|>` (Flux) or after FROM, SELECT, WHERE, AND, OR, BY, ON (InfluxQL). Never
    /// inside comments or numbers.
    static bool isAutoTrigger(QStringView text, qsizetype cursor, QueryLanguage language);

private:
    SchemaSnapshot m_schema;
    int m_maxItems = kDefaultMaxItems;
};

} // namespace sasquatch
