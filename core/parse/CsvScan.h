// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The byte scan CsvRecordReader splits records with, in a header so that its inline record
// loops (CsvRecordReader::framedRun) can use it too. Internal to core/parse.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sasquatch::csvscan {

// Bit i set where p[i] is ',', '\n' or '"' (kBlock bytes from p). One pass over a plain line
// finds all its cell boundaries, instead of a memchr per cell plus two over the line.
#if defined(__SSE2__)
inline constexpr std::ptrdiff_t kBlock = 16;
inline std::uint32_t specialBytes(const char *p)
{
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
    const __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')),
                                                   _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
                                      _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
    return static_cast<std::uint32_t>(_mm_movemask_epi8(hits));
}
#else
inline constexpr std::ptrdiff_t kBlock = 8;
// Exact per byte (no carries between bytes): 0x80 in each byte of x that is zero.
inline std::uint64_t zeroBytes(std::uint64_t x)
{
    constexpr std::uint64_t k7f = 0x7F7F7F7F7F7F7F7Fu;
    return ~(((x & k7f) + k7f) | x | k7f);
}
inline std::uint32_t specialBytes(const char *p)
{
    std::uint64_t v = 0;
    std::memcpy(&v, p, 8);
    if constexpr (std::endian::native == std::endian::big)
        v = __builtin_bswap64(v);
    constexpr std::uint64_t kOnes = 0x0101010101010101u;
    const std::uint64_t hits = zeroBytes(v ^ (kOnes * ',')) | zeroBytes(v ^ (kOnes * '\n')) | zeroBytes(v ^ (kOnes * '"'));
    std::uint32_t mask = 0;
    for (int i = 0; i < 8; ++i)
        mask |= static_cast<std::uint32_t>((hits >> (8 * i + 7)) & 1u) << i;
    return mask;
}
#endif

/// memcmp(a, b, n) == 0 for the short texts a row's frame holds, inline (a libc call per row
/// and frame cost more than the compare).
inline bool sameBytes(const char *a, const char *b, std::size_t n)
{
    const auto load4 = [](const char *p) {
        std::uint32_t v;
        std::memcpy(&v, p, 4);
        return v;
    };
    const auto load8 = [](const char *p) {
        std::uint64_t v;
        std::memcpy(&v, p, 8);
        return v;
    };
    if (n < 4) {
        for (std::size_t i = 0; i < n; ++i)
            if (a[i] != b[i])
                return false;
        return true;
    }
    if (n <= 8) // two loads that overlap when n < 8
        return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
    if (n <= 16)
        return load8(a) == load8(b) && load8(a + n - 8) == load8(b + n - 8);
#if defined(__SSE2__)
    const auto equal16 = [](const char *x, const char *y) {
        const __m128i u = _mm_loadu_si128(reinterpret_cast<const __m128i *>(x));
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(y));
        return _mm_movemask_epi8(_mm_cmpeq_epi8(u, v)) == 0xFFFF;
    };
    for (std::size_t i = 0; i + 16 < n; i += 16)
        if (!equal16(a + i, b + i))
            return false;
    return equal16(a + n - 16, b + n - 16); // the last 16, overlapping the loop's
#else
    return std::memcmp(a, b, n) == 0;
#endif
}

} // namespace sasquatch::csvscan
