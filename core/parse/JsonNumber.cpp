// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/parse/JsonNumber.h"

#include "core/parse/DecimalToDouble.h"
#include "core/parse/DigitsSwar.h"

#include <array>
#include <bit>
#include <charconv>
#include <cstddef>
#include <cstring>
#include <limits>
#include <string_view>

namespace sasquatch {

namespace {

constexpr std::array<bool, 256> makeNumberChars()
{
    std::array<bool, 256> table{};
    for (char c : std::string_view("0123456789+-.eE"))
        table[static_cast<unsigned char>(c)] = true;
    return table;
}
constexpr std::array<bool, 256> kNumberChar = makeNumberChars();

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Appends the digits at `p` to `significand`, eight bytes at a time, while at least eight bytes
// are left and the total stays within 19 digits; returns how many digits it took. The caller's
// digit-by-digit loop does the rest (the end of the input, truncation beyond 19 digits).
[[gnu::always_inline]] inline int takeDigits(const char *p, const char *end, std::uint64_t &significand, int &digits)
{
    int taken = 0;
    while (end - p >= 8) {
        const std::uint64_t v = swar::loadEight(p);
        const int n = swar::leadingDigits(v);
        if (n == 0 || digits + n > 19)
            break;
        significand = significand * swar::kPowersOfTen[static_cast<std::size_t>(n)] + swar::firstDigitsValue(v, n);
        digits += n;
        taken += n;
        p += n;
        if (n < 8)
            break;
    }
    return taken;
}

} // namespace

bool isJsonNumberChar(char c)
{
    return kNumberChar[static_cast<unsigned char>(c)];
}

bool readJsonNumber(const char *begin, const char *end, bool inputEnds, JsonNumber &out)
{
    // Epoch-ns times since 2001-09-09 are 19-digit positive integers, half of the numbers of
    // a typical /query body (epoch=ns): one straight check of three words. The first word
    // alone turns away everything else that is common (negative numbers, short ones, floats).
    const std::uint64_t w1 = end - begin >= 24 ? swar::loadEight(begin) : 0;
    if (end - begin >= 24 && *begin != '0' && swar::nonDigitBytes(w1) == 0) {
        const std::uint64_t w2 = swar::loadEight(begin + 8);
        const std::uint64_t w3 = swar::loadEight(begin + 16);
        if ((swar::nonDigitBytes(w2) | (swar::nonDigitBytes(w3) & 0xFFFFFFu)) == 0
            && !kNumberChar[static_cast<unsigned char>(begin[19])]) {
            const std::uint64_t value = std::uint64_t{swar::eightDigitsValue(w1)} * 100'000'000'000u
                                        + std::uint64_t{swar::eightDigitsValue(w2)} * 1'000u
                                        + static_cast<std::uint64_t>(begin[16] - '0') * 100u
                                        + static_cast<std::uint64_t>(begin[17] - '0') * 10u
                                        + static_cast<std::uint64_t>(begin[18] - '0');
            constexpr std::uint64_t kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
            if (value <= kMax) {
                out.kind = JsonNumber::Kind::Int64;
                out.int64Value = static_cast<std::int64_t>(value);
            } else {
                out.kind = JsonNumber::Kind::UInt64;
                out.uint64Value = value;
            }
            out.status = JsonNumber::Status::Complete;
            out.end = begin + 19;
            return true;
        }
    }
    if (end - begin >= 40) {
        // The other half: decimals without exponent, `[-]d{1,7}.d{1,16}`, at most 19 digits in
        // all (floats as Go writes them), read a word at a time.
        const bool negative = *begin == '-';
        const char *q = begin + (negative ? 1 : 0);
        const std::uint64_t i1 = negative ? swar::loadEight(q) : w1;
        const int n = swar::leadingDigits(i1);
        if (n > 0 && n < 8 && q[n] == '.' && (n == 1 || *q != '0')) {
            const std::uint64_t f1 = swar::loadEight(q + n + 1);
            const int m1 = swar::leadingDigits(f1);
            std::uint64_t fraction = 0;
            int m = m1;
            if (m1 == 8) {
                const std::uint64_t f2 = swar::loadEight(q + n + 9);
                const int m2 = swar::leadingDigits(f2);
                fraction = std::uint64_t{swar::eightDigitsValue(f1)};
                if (m2 > 0 && m2 < 8)
                    fraction = fraction * swar::kPowersOfTen[static_cast<std::size_t>(m2)] + swar::firstDigitsValue(f2, m2);
                m = m2 == 8 ? 99 : 8 + m2;
            } else if (m1 > 0) {
                fraction = swar::firstDigitsValue(f1, m1);
            }
            const char *stop = q + n + 1 + m;
            if (m1 > 0 && n + m <= 19 && !kNumberChar[static_cast<unsigned char>(*stop)]) {
                const std::uint64_t significand
                    = std::uint64_t{swar::firstDigitsValue(i1, n)} * swar::kPowersOfTen[static_cast<std::size_t>(m)] + fraction;
                if (decimalToDouble(significand, -m, negative, out.doubleValue)) {
                    out.kind = JsonNumber::Kind::Double;
                    out.status = JsonNumber::Status::Complete;
                    out.end = stop;
                    return true;
                }
            }
        }
    }
    // One pass: grammar check, significand and exponent together.
    const char *p = begin;
    const auto needMore = [&] {
        out.status = JsonNumber::Status::NeedMore;
        return false;
    };
    const auto invalid = [&](const char *why) {
        out.status = JsonNumber::Status::Invalid;
        out.why = why;
        return false;
    };
    const bool negative = *p == '-';
    if (negative && ++p == end)
        return inputEnds ? invalid("") : needMore();
    if (!isDigit(*p))
        return invalid("");
    std::uint64_t significand = 0; // first 19 significant digits
    int digits = 0;
    int exponent = 0;
    bool truncated = false; // more than 19 significant digits
    if (*p == '0') {
        ++p;
    } else {
        p += takeDigits(p, end, significand, digits);
        for (; p != end && isDigit(*p); ++p) {
            if (digits < 19) {
                significand = significand * 10 + static_cast<unsigned>(*p - '0');
                ++digits;
            } else {
                ++exponent;
                truncated = true;
            }
        }
    }
    bool integral = true;
    if (p != end && *p == '.') {
        integral = false;
        if (++p == end)
            return inputEnds ? invalid("digit expected after '.'") : needMore();
        if (!isDigit(*p))
            return invalid("digit expected after '.'");
        if (significand != 0) {
            const int taken = takeDigits(p, end, significand, digits);
            p += taken;
            exponent -= taken;
        }
        for (; p != end && isDigit(*p); ++p) {
            const auto d = static_cast<unsigned>(*p - '0');
            if (digits < 19) {
                if (significand != 0 || d != 0) {
                    significand = significand * 10 + d;
                    ++digits;
                }
                --exponent;
            } else if (d != 0) {
                truncated = true;
            }
        }
    }
    if (p != end && (*p == 'e' || *p == 'E')) {
        integral = false;
        if (++p != end && (*p == '+' || *p == '-'))
            ++p;
        if (p == end)
            return inputEnds ? invalid("digit expected in the exponent") : needMore();
        if (!isDigit(*p))
            return invalid("digit expected in the exponent");
        const bool negativeExponent = p[-1] == '-';
        int value = 0;
        do {
            if (value < 100'000)
                value = value * 10 + (*p - '0');
        } while (++p != end && isDigit(*p));
        exponent += negativeExponent ? -value : value;
    }
    if (p == end) {
        if (!inputEnds)
            return needMore();
    } else if (isJsonNumberChar(*p)) {
        const bool leadingZero = isDigit(*p) && integral && p - begin == (negative ? 2 : 1) && p[-1] == '0';
        return invalid(leadingZero ? "leading zero" : "");
    }
    out.status = JsonNumber::Status::Complete;
    out.end = p;

    constexpr std::uint64_t kInt64Max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (integral && !truncated) {
        if (!negative && significand <= kInt64Max) {
            out.kind = JsonNumber::Kind::Int64;
            out.int64Value = static_cast<std::int64_t>(significand);
        } else if (!negative) {
            out.kind = JsonNumber::Kind::UInt64;
            out.uint64Value = significand;
        } else if (significand <= kInt64Max + 1) {
            out.kind = JsonNumber::Kind::Int64;
            // -2^63 has no positive counterpart: negate in unsigned arithmetic.
            out.int64Value = static_cast<std::int64_t>(0 - significand);
        } else {
            out.kind = JsonNumber::Kind::Double;
            out.doubleValue = -static_cast<double>(significand);
        }
        return true;
    }
    if (integral && !negative) {
        // 20 digits may still fit uint64 exactly.
        std::uint64_t wide = 0;
        const auto r = std::from_chars(begin, p, wide);
        if (r.ec == std::errc() && r.ptr == p) {
            out.kind = JsonNumber::Kind::UInt64;
            out.uint64Value = wide;
            return true;
        }
    }
    out.kind = JsonNumber::Kind::Double;
    if (!truncated && decimalToDouble(significand, exponent, negative, out.doubleValue))
        return true;
    const auto r = std::from_chars(begin, p, out.doubleValue);
    if (r.ec == std::errc::result_out_of_range) {
        // Beyond double: infinity; below the smallest subnormal: zero (as Go's ParseFloat).
        out.doubleValue = exponent < 0 ? 0.0 : std::numeric_limits<double>::infinity();
        if (negative)
            out.doubleValue = -out.doubleValue;
    } else if (r.ec != std::errc() || r.ptr != p) {
        return invalid("");
    }
    return true;
}

} // namespace sasquatch
