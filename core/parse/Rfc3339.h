// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sasquatch {

/// RFC 3339 timestamps as Flux writes them (Go's time.RFC3339 / RFC3339Nano layouts), converted
/// to and from int64 nanoseconds since the Unix epoch (UTC). Written for speed: the annotated
/// CSV parser calls parseRfc3339 for every `_time` cell.
///
/// Accepted: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`, `T`/`Z` in either case, any
/// number of fraction digits (digits past nanoseconds are truncated, as Go does). Rejected:
/// out-of-range fields (month 13, 30 February, hour 24, second 60, offset hour 24) and instants
/// outside the int64-nanosecond range (1677-09-21 .. 2262-04-11).
/// Returns false and leaves `ns` unchanged on malformed input.
bool parseRfc3339(std::string_view text, std::int64_t &ns);

/// What parseRfc3339 remembers between the times of one column: the date, hour and minute of
/// the last time in the layout Flux writes (`YYYY-MM-DDTHH:MM:SS[.fraction]Z`). Times of a
/// result come a few milliseconds apart, so the next one is usually in the same minute and
/// costs only its seconds and fraction. Value-initialised it remembers nothing.
struct Rfc3339Memo
{
    std::uint64_t date = 0;     ///< the bytes `YYYY-MM-` of the remembered minute
    std::uint64_t clock = 0;    ///< the bytes `DDTHH:MM`
    std::int64_t minuteNs = 0;  ///< that minute's start in ns since the epoch
    bool valid = false;
};

/// parseRfc3339 for the successive times of one column: the same results, faster when a time
/// falls in the same minute as the one before (see Rfc3339Memo).
bool parseRfc3339(std::string_view text, std::int64_t &ns, Rfc3339Memo &memo);

/// Appends `ns` as RFC3339Nano in UTC: `2024-05-01T12:00:00.123456789Z`, trailing zeros of the
/// fraction removed and no fraction at all for whole seconds (Go's RFC3339Nano).
void appendRfc3339Nano(std::string &out, std::int64_t ns);

/// appendRfc3339Nano into a new string.
std::string formatRfc3339Nano(std::int64_t ns);

} // namespace sasquatch
