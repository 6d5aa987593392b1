// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace sasquatch {

/// The double nearest to `significand` x 10^`exponent10` (ties to even), negated when
/// `negative`, for the numbers servers write: the JSON tokenizer calls it for every float.
/// Returns false, leaving `value` unchanged, when it cannot decide cheaply — results that
/// would be subnormal, infinite or zero by underflow, exponents beyond +-160, or (very rarely)
/// a value too close to the midpoint of two doubles. Callers then fall back to std::from_chars.
///
/// Method: exact for significand <= 2^53 and |exponent10| <= 22 (one correctly rounded IEEE
/// operation on exact operands); otherwise the significand is multiplied by a 128-bit
/// truncation of 5^exponent10 (an exact 192-bit product), which brackets the true value in an
/// interval of relative width below 2^-127, and the answer is accepted only when both ends of
/// the interval round to the same double. (The idea of the 128-bit power-of-five product is
/// Eisel and Lemire's, "Number Parsing at a Gigabyte per Second", 2021.)
bool decimalToDouble(std::uint64_t significand, int exponent10, bool negative, double &value);

} // namespace sasquatch
