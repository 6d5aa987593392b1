// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/QueryLanguage.h"

#include <QStringView>

#include <optional>

namespace sasquatch {

/// Indentation for a line opened by Enter.
struct NewLineIndent
{
    int indent = 0; ///< columns of the new line
    /// When Enter splits a bracket pair `(|)`, the closer moves to a line of its own with this
    /// indentation (the new line between them gets `indent`).
    std::optional<int> closerIndent;
    bool operator==(const NewLineIndent &other) const = default;
};

/// Where lines of a query start, the way Flux is usually laid out:
/// ```
/// from(bucket: "efd/autogen")
///     |> range(start: -1h)
///     |> filter(fn: (r) =>
///         r._measurement == "lsst.sal.MTM1M3.forceActuatorData")
/// ```
/// Spaces only; a tab counts as kIndentWidth columns when measuring.
class QueryIndenter
{
public:
    static constexpr int kIndentWidth = 4;

    /// Enter at `cursor`: the current line's indentation, one level more after an opening
    /// bracket, `|>` or `=>` that ends the text before the cursor (comments ignored).
    static NewLineIndent newLine(QStringView text, qsizetype cursor, QueryLanguage language);

    /// After typing at `cursor`: when the line now holds only a `|>` (Flux) or only a closing
    /// bracket before the cursor, the indentation it should have — a `|>` lines up under the
    /// previous `|>` of the same pipeline or one level under the pipeline's first line; a closer
    /// lines up with the line of its opener. nullopt when nothing should change.
    static std::optional<int> electricIndent(QStringView text, qsizetype cursor, QueryLanguage language);

    /// Columns of leading white space of `line`.
    static int indentOf(QStringView line);
};

} // namespace sasquatch
