// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sasquatch {

/// Text <-> value conversions for the scalar types of query results, as Flux and InfluxQL write
/// them. Every parse function consumes the whole text (no surrounding blanks), returns false on
/// anything else and leaves `value` unchanged then. No allocation, no locale.

/// Decimal int64 with optional sign: `-12`, `+7`.
bool parseLongText(std::string_view text, std::int64_t &value);

/// Decimal uint64, optional `+`.
bool parseUnsignedLongText(std::string_view text, std::uint64_t &value);

/// Decimal or exponent notation; also `+Inf`, `-Inf`, `Inf`, `NaN` (Flux's spelling, any case).
bool parseDoubleText(std::string_view text, double &value);

/// `true`/`false` (also `True`, `TRUE`, `False`, `FALSE`, `t`, `f`, `1`, `0` like Go's
/// strconv.ParseBool, which the Flux CSV decoder uses).
bool parseBooleanText(std::string_view text, bool &value);

/// Shortest text that reads back as the same double; `+Inf`, `-Inf`, `NaN` as Flux writes them.
void appendDoubleText(std::string &out, double value);

void appendLongText(std::string &out, std::int64_t value);
void appendUnsignedLongText(std::string &out, std::uint64_t value);

} // namespace sasquatch
