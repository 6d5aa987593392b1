// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/parse/ParseError.h"

namespace sasquatch {

std::string ParseError::describe() const
{
    std::string text;
    if (kind == ParseErrorKind::ServerError) {
        text = "query failed: " + message;
        if (!reference.empty())
            text += " (reference " + reference + ")";
        return text;
    }
    if (line > 0)
        text += "line " + std::to_string(line);
    if (column > 0) {
        text += (text.empty() ? "column " : ", column ") + std::to_string(column);
        if (!columnName.empty())
            text += " (" + columnName + ")";
    }
    if (!text.empty())
        text += ": ";
    return text + message;
}

} // namespace sasquatch
