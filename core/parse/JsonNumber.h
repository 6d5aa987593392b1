// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace sasquatch {

/// A JSON number (RFC 8259 section 6) read by readJsonNumber(): the hot path of every InfluxQL
/// response, so it checks the grammar and converts in the same pass, eight digits at a time,
/// without allocating.
struct JsonNumber
{
    enum class Status : std::uint8_t {
        Complete, ///< a valid number ends at `end`
        NeedMore, ///< the bytes end inside the number (more input could extend it)
        Invalid,  ///< not a valid number; `why` may say why
    };
    enum class Kind : std::uint8_t {
        Int64,  ///< integral and fits int64: int64Value
        UInt64, ///< integral, above INT64_MAX, fits uint64: uint64Value
        Double, ///< fraction, exponent or out of 64-bit range: doubleValue (nearest, ties to even)
    };

    Status status = Status::Invalid;
    Kind kind = Kind::Int64;
    std::int64_t int64Value = 0;
    std::uint64_t uint64Value = 0;
    double doubleValue = 0;
    const char *end = nullptr; ///< Complete: the first byte after the number
    const char *why = "";      ///< Invalid: a hint such as "leading zero", or ""
};

/// Reads the number that starts at `begin` (a '-' or a digit). The number ends at the first
/// byte that cannot continue it; when it reaches `end` the result is NeedMore unless
/// `inputEnds` says nothing follows. A number followed directly by another number character
/// (`01`, `1.2.3`, `1e5e`) is Invalid. Magnitudes beyond double become +-infinity, below the
/// smallest subnormal +-0, as Go's ParseFloat does. Returns true when Complete.
bool readJsonNumber(const char *begin, const char *end, bool inputEnds, JsonNumber &out);

/// The bytes a number token can contain: digits, '+', '-', '.', 'e', 'E'.
bool isJsonNumberChar(char c);

} // namespace sasquatch
