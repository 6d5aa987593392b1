// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace sasquatch {

enum class ParseErrorKind : std::uint8_t {
    Malformed,   ///< the bytes are not what the format allows (line/column say where)
    ServerError, ///< the server reported a failure inside the body (Flux error table after 200)
};

/// Why a response body could not be parsed, or the error the server put into it.
struct ParseError
{
    ParseErrorKind kind = ParseErrorKind::Malformed;
    std::string message;     ///< what is wrong (Malformed) or the server's text (ServerError)
    std::string reference;   ///< ServerError: the server's reference code, may be empty
    std::uint64_t line = 0;  ///< 1-based input line where the offending record starts; 0 = n/a
    std::uint32_t column = 0; ///< 1-based CSV column (counting the annotation column); 0 = n/a
    std::string columnName;  ///< header name of that column, when known

    /// One line for the user, e.g. `line 12, column 7 (_value): invalid double "abc"` or
    /// `query failed: ... (reference 897)`.
    std::string describe() const;
};

} // namespace sasquatch
