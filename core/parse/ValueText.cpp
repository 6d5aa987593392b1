// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/parse/ValueText.h"

#include "core/parse/DecimalToDouble.h"
#include "core/parse/DigitsSwar.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace sasquatch {

namespace {

bool equalsNoCase(std::string_view a, std::string_view lowerB)
{
    if (a.size() != lowerB.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        if (c != lowerB[i])
            return false;
    }
    return true;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Appends the digits at p (up to `end`) to `significand`, eight at a time; false when they make
// more than 19 digits in all (the significand would no longer be exact).
inline bool takeDigits(const char *&p, const char *end, std::uint64_t &significand, int &digits)
{
    while (end - p >= 8) {
        const std::uint64_t v = swar::loadEight(p);
        const int n = swar::leadingDigits(v);
        if (n == 0)
            return true;
        if (digits + n > 19)
            return false;
        significand = significand * swar::kPowersOfTen[static_cast<std::size_t>(n)] + swar::firstDigitsValue(v, n);
        digits += n;
        p += n;
        if (n < 8)
            return true;
    }
    for (; p != end && isDigit(*p); ++p) {
        if (++digits > 19)
            return false;
        significand = significand * 10 + static_cast<unsigned>(*p - '0');
    }
    return true;
}

// The shape Flux writes for nearly every float, `digits[.digits]` (sign already taken) with at
// most 19 digits, converted exactly without from_chars (the hot path of every _value cell:
// from_chars was the largest single cost of bench_queryflux). False for any other shape, and
// when decimalToDouble cannot decide cheaply; the caller's from_chars then decides, so the
// result is always the correctly rounded double.
bool parsePlainDecimal(const char *p, const char *end, bool negative, double &value)
{
    const std::ptrdiff_t size = end - p;
    if (size >= 8) {
        // `d{1,7}.d{1,16}` in one go, every load inside the cell: the integer digits from its
        // first word, the last (up to eight) fraction digits from the word that ends it, any
        // fraction digits before those from the word where the fraction starts.
        const std::uint64_t first = swar::loadEight(p);
        const int n = swar::leadingDigits(first);
        const int m = static_cast<int>(size) - n - 1; // fraction digits, if p[n] is the dot
        if (n > 0 && n < 8 && p[n] == '.' && m > 0 && m <= 16 && n + m <= 19) {
            std::uint64_t last = swar::loadEight(end - 8);
            if (m < 8) { // keep the m fraction digits, '0's before them
                const int pad = 8 * (8 - m);
                last = (last >> pad << pad) | (0x3030303030303030u >> (64 - pad));
            }
            std::uint64_t fraction = 0;
            bool digitsOnly = swar::nonDigitBytes(last) == 0;
            if (m > 8) {
                const std::uint64_t head = swar::loadEight(p + n + 1);
                digitsOnly = digitsOnly && swar::leadingDigits(head) >= m - 8;
                fraction = std::uint64_t{swar::firstDigitsValue(head, m - 8)} * 100'000'000u;
            }
            if (digitsOnly) {
                fraction += swar::eightDigitsValue(last);
                const std::uint64_t significand
                    = std::uint64_t{swar::firstDigitsValue(first, n)} * swar::kPowersOfTen[static_cast<std::size_t>(m)]
                      + fraction;
                return decimalToDouble(significand, -m, negative, value);
            }
        }
    }
    std::uint64_t significand = 0;
    int digits = 0;
    const char *const intBegin = p;
    if (!takeDigits(p, end, significand, digits))
        return false;
    const bool hasInteger = p != intBegin;
    int exponent = 0;
    if (p != end && *p == '.') {
        const char *const fractionBegin = ++p;
        if (!takeDigits(p, end, significand, digits))
            return false;
        if (p == fractionBegin && !hasInteger)
            return false;
        exponent = -static_cast<int>(p - fractionBegin);
    } else if (!hasInteger) {
        return false;
    }
    return p == end && decimalToDouble(significand, exponent, negative, value);
}

} // namespace

bool parseLongText(std::string_view text, std::int64_t &value)
{
    const char *p = text.data();
    const char *end = p + text.size();
    // from_chars rejects a leading '+'; accept it, but not "+-1".
    if (p != end && *p == '+') {
        ++p;
        if (p != end && *p == '-')
            return false;
    }
    if (p == end)
        return false;
    std::int64_t v = 0;
    const auto r = std::from_chars(p, end, v);
    if (r.ec != std::errc() || r.ptr != end)
        return false;
    value = v;
    return true;
}

bool parseUnsignedLongText(std::string_view text, std::uint64_t &value)
{
    const char *p = text.data();
    const char *end = p + text.size();
    if (p != end && *p == '+')
        ++p;
    if (p == end || *p == '-')
        return false;
    std::uint64_t v = 0;
    const auto r = std::from_chars(p, end, v);
    if (r.ec != std::errc() || r.ptr != end)
        return false;
    value = v;
    return true;
}

bool parseDoubleText(std::string_view text, double &value)
{
    const char *p = text.data();
    const char *end = p + text.size();
    if (p == end)
        return false;
    // Without a branch on the sign: half the values of a signal are negative, in no order
    // a predictor could learn.
    const bool negative = *p == '-';
    p += (negative || *p == '+') ? 1 : 0;
    if (p == end || *p == '+' || *p == '-')
        return false;
    // Spell out the specials: from_chars also takes "infinity" and "nan(...)", which no server
    // writes, and the explicit check keeps "+NaN"/"-NaN" meaning plain NaN.
    if (*p == 'i' || *p == 'I' || *p == 'n' || *p == 'N') {
        const std::string_view word(p, static_cast<std::size_t>(end - p));
        if (equalsNoCase(word, "inf") || equalsNoCase(word, "infinity")) {
            value = negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
            return true;
        }
        if (equalsNoCase(word, "nan")) {
            value = std::numeric_limits<double>::quiet_NaN();
            return true;
        }
        return false;
    }
    if (parsePlainDecimal(p, end, negative, value))
        return true;
    double v = 0;
    const auto r = std::from_chars(p, end, v);
    // Out-of-range magnitudes (1e999) are an error for from_chars; Go's ParseFloat gives ±Inf
    // for them, and so do we, so that a value Flux accepted is never an error here.
    if (r.ec == std::errc::result_out_of_range && r.ptr == end) {
        double probe = 0;
        // Distinguish overflow from underflow by the exponent's sign.
        bool underflow = false;
        for (const char *q = p; q != end; ++q) {
            if (*q == 'e' || *q == 'E') {
                underflow = q + 1 != end && q[1] == '-';
                break;
            }
        }
        probe = underflow ? 0.0 : std::numeric_limits<double>::infinity();
        value = negative ? -probe : probe;
        return true;
    }
    if (r.ec != std::errc() || r.ptr != end)
        return false;
    value = negative ? -v : v;
    return true;
}

bool parseBooleanText(std::string_view text, bool &value)
{
    if (text == "true" || text == "True" || text == "TRUE" || text == "t" || text == "T" || text == "1") {
        value = true;
        return true;
    }
    if (text == "false" || text == "False" || text == "FALSE" || text == "f" || text == "F" || text == "0") {
        value = false;
        return true;
    }
    return false;
}

void appendDoubleText(std::string &out, double value)
{
    if (std::isnan(value)) {
        out += "NaN";
        return;
    }
    if (std::isinf(value)) {
        out += value > 0 ? "+Inf" : "-Inf";
        return;
    }
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

void appendLongText(std::string &out, std::int64_t value)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

void appendUnsignedLongText(std::string &out, std::uint64_t value)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

} // namespace sasquatch
