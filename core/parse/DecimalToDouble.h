// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace sasquatch {

namespace detail {

/// decimalToDouble beyond its first case (out of line).
bool decimalToDoubleWide(std::uint64_t significand, int exponent10, bool negative, double &value);

inline constexpr double kSigns[2] = {1.0, -1.0};

inline constexpr double kExactPowersOfTen[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                                 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

} // namespace detail

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
inline bool decimalToDouble(std::uint64_t significand, int exponent10, bool negative, double &value)
{
    // The common case inline (the numbers of a query result, one per cell): exact operands,
    // one correctly rounded IEEE operation. A call per number cost ~2.5 ns on
    // bench_queryinfluxql's floats.
    if (significand <= (std::uint64_t{1} << 53) && exponent10 >= -22 && exponent10 <= 22) {
        double d = static_cast<double>(significand);
        d = exponent10 < 0 ? d / detail::kExactPowersOfTen[-exponent10] : d * detail::kExactPowersOfTen[exponent10];
        // The sign by its bit, not by a branch: half the values of a signal are negative in no
        // order a predictor could learn (the branch cost a quarter of bench_queryflux's
        // number parsing).
        value = d * detail::kSigns[negative ? 1 : 0]; // exact, and it stays in a float register
        return true;
    }
    return detail::decimalToDoubleWide(significand, exponent10, negative, value);
}

} // namespace sasquatch
