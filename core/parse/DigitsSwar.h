// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Eight ASCII digits at a time in a 64-bit word (SWAR), shared by the number and time parsers
// that run once per cell of a query result. Header-only so that the callers inline it.

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace sasquatch::swar {

/// The eight bytes at p as a little-endian word (first byte lowest). p needs 8 readable bytes.
inline std::uint64_t loadEight(const char *p)
{
    std::uint64_t v = 0;
    std::memcpy(&v, p, 8);
    if constexpr (std::endian::native == std::endian::big)
        v = __builtin_bswap64(v);
    return v;
}

/// Bytes that are not ASCII digits are non-zero in the result. A non-digit may disturb the
/// bytes after it (a carry from a byte >= 0xFA), never the ones before: the lowest non-zero
/// byte is exact, and "all zero" is exact.
inline std::uint64_t nonDigitBytes(std::uint64_t v)
{
    return ((v & 0xF0F0F0F0F0F0F0F0u) ^ 0x3030303030303030u)
           | (((v + 0x0606060606060606u) & 0xF0F0F0F0F0F0F0F0u) ^ 0x3030303030303030u);
}

/// How many ASCII digits the word starts with (0..8).
inline int leadingDigits(std::uint64_t v)
{
    const std::uint64_t nonDigit = nonDigitBytes(v);
    return nonDigit == 0 ? 8 : std::countr_zero(nonDigit) / 8;
}

inline constexpr std::array<std::uint64_t, 20> kPowersOfTen = {1u,
                                                               10u,
                                                               100u,
                                                               1'000u,
                                                               10'000u,
                                                               100'000u,
                                                               1'000'000u,
                                                               10'000'000u,
                                                               100'000'000u,
                                                               1'000'000'000u,
                                                               10'000'000'000u,
                                                               100'000'000'000u,
                                                               1'000'000'000'000u,
                                                               10'000'000'000'000u,
                                                               100'000'000'000'000u,
                                                               1'000'000'000'000'000u,
                                                               10'000'000'000'000'000u,
                                                               100'000'000'000'000'000u,
                                                               1'000'000'000'000'000'000u,
                                                               10'000'000'000'000'000'000u};

/// The value of eight ASCII digits (first digit in the lowest byte).
inline std::uint32_t eightDigitsValue(std::uint64_t v)
{
    v -= 0x3030303030303030u;
    v = v * 10 + (v >> 8); // even bytes now hold two-digit values
    constexpr std::uint64_t kMask = 0x000000FF000000FFu;
    constexpr std::uint64_t kMul1 = 100 + (std::uint64_t{1'000'000} << 32);
    constexpr std::uint64_t kMul2 = 1 + (std::uint64_t{10'000} << 32);
    return static_cast<std::uint32_t>(((v & kMask) * kMul1 + ((v >> 16) & kMask) * kMul2) >> 32);
}

/// The value of the first n (1..8) digits of the word, which must all be ASCII digits.
inline std::uint32_t firstDigitsValue(std::uint64_t v, int n)
{
    if (n < 8) // keep the n digits as the last ones of eight, after '0's
        v = (v << (8 * (8 - n))) | (0x3030303030303030u >> (8 * n));
    return eightDigitsValue(v);
}

} // namespace sasquatch::swar
