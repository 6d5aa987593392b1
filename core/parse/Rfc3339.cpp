// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/parse/Rfc3339.h"

#include "core/parse/DigitsSwar.h"
#include "core/time/CivilDate.h"

namespace sasquatch {

namespace {

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
constexpr std::int64_t kSecondsPerDay = 86'400;

constexpr bool isLeapYear(std::int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

constexpr unsigned daysInMonth(std::int64_t year, unsigned month)
{
    constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

inline bool digit(char c)
{
    return c >= '0' && c <= '9';
}

// Reads exactly `count` digits at p; false if any is not a digit.
inline bool readDigits(const char *p, int count, unsigned &value)
{
    unsigned v = 0;
    for (int i = 0; i < count; ++i) {
        if (!digit(p[i]))
            return false;
        v = v * 10 + static_cast<unsigned>(p[i] - '0');
    }
    value = v;
    return true;
}

inline void put2(char *p, unsigned v)
{
    p[0] = static_cast<char>('0' + v / 10);
    p[1] = static_cast<char>('0' + v % 10);
}

bool validFields(unsigned year, unsigned month, unsigned day, unsigned hour, unsigned minute, unsigned second)
{
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59
           && second <= 59;
}

// Local time minus its offset is UTC, in int64 nanoseconds; false outside that range.
bool toNanoseconds(unsigned year, unsigned month, unsigned day, unsigned hour, unsigned minute, unsigned second,
                   std::int64_t fraction, std::int64_t offsetSeconds, std::int64_t &ns)
{
    std::int64_t seconds = daysFromCivil(year, month, day) * kSecondsPerDay + hour * 3600 + minute * 60
                           + second - offsetSeconds;
    // Before 1970, seconds * 1e9 alone can leave the range that seconds * 1e9 + fraction is in
    // (the int64 minimum is 1677-09-21T00:12:43.145224192Z): borrow the fraction's second.
    if (seconds < 0 && fraction > 0) {
        ++seconds;
        fraction -= kNanosPerSecond;
    }
    std::int64_t result = 0;
    if (__builtin_mul_overflow(seconds, kNanosPerSecond, &result)
        || __builtin_add_overflow(result, fraction, &result))
        return false;
    ns = result;
    return true;
}

// The fraction of a time in the layout below, `.f{1,9}` between the seconds and the 'Z'
// (`size` > 20), as nanoseconds; false when it is not 1..9 digits.
bool utcFraction(const char *p, std::size_t size, std::int64_t &fraction)
{
    if (p[19] != '.')
        return false;
    const auto n = static_cast<int>(size - 21); // 1..9 fraction digits before the 'Z'
    // The eight bytes before the 'Z' end with the last min(n, 8) digits.
    std::uint64_t last = swar::loadEight(p + size - 9);
    const int inWord = n < 8 ? n : 8;
    if (inWord < 8) {
        const int pad = 8 * (8 - inWord);
        last = (last >> pad << pad) | (0x3030303030303030u >> (64 - pad));
    }
    if (swar::nonDigitBytes(last) != 0)
        return false;
    fraction = swar::eightDigitsValue(last);
    if (n == 9) {
        if (!digit(p[20]))
            return false;
        fraction += std::int64_t{p[20] - '0'} * 100'000'000;
    } else {
        fraction *= static_cast<std::int64_t>(swar::kPowersOfTen[static_cast<std::size_t>(9 - n)]);
    }
    return true;
}

// The shape of the layout below apart from its digits: length, separators, 'Z'.
bool utcShape(const char *p, std::size_t size)
{
    return size >= 20 && size <= 30 && size != 21 && p[size - 1] == 'Z' && p[4] == '-' && p[7] == '-'
           && p[10] == 'T' && p[13] == ':' && p[16] == ':';
}

// The layout Flux writes for every time (Go's RFC3339Nano in UTC), checked eight bytes at a
// time: YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z. False when the text has any other shape (the general
// parser then decides). With `memo`, the minute is remembered for the next call.
bool parseUtcLayout(const char *p, std::size_t size, std::int64_t &ns, Rfc3339Memo *memo)
{
    if (!utcShape(p, size))
        return false;
    const std::uint64_t date = swar::loadEight(p);       // YYYY-MM-
    const std::uint64_t clock = swar::loadEight(p + 8);  // DDTHH:MM
    constexpr std::uint64_t kDateDigits = 0x00FFFF00FFFFFFFFu;
    constexpr std::uint64_t kClockDigits = 0xFFFF00FFFF00FFFFu;
    if (((swar::nonDigitBytes(date) & kDateDigits) | (swar::nonDigitBytes(clock) & kClockDigits)) != 0
        || !digit(p[17]) || !digit(p[18]))
        return false;
    const auto d = [p](int i) { return static_cast<unsigned>(p[i] - '0'); };
    const unsigned year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
    const unsigned month = d(5) * 10 + d(6);
    const unsigned day = d(8) * 10 + d(9);
    const unsigned hour = d(11) * 10 + d(12);
    const unsigned minute = d(14) * 10 + d(15);
    const unsigned second = d(17) * 10 + d(18);
    if (!validFields(year, month, day, hour, minute, second))
        return false;
    std::int64_t fraction = 0;
    if (size > 20 && !utcFraction(p, size, fraction))
        return false;
    if (!toNanoseconds(year, month, day, hour, minute, second, fraction, 0, ns))
        return false;
    if (memo) {
        // Only a minute whose start is itself in range is remembered (not the first minute
        // of the int64 range, which starts before it).
        memo->valid = toNanoseconds(year, month, day, hour, minute, 0, 0, 0, memo->minuteNs);
        memo->date = date;
        memo->clock = clock;
    }
    return true;
}

} // namespace

bool parseRfc3339(std::string_view text, std::int64_t &ns, Rfc3339Memo &memo)
{
    const char *p = text.data();
    const std::size_t size = text.size();
    // The separators at 4, 7, 10 and 13 are among the 16 bytes compared with the memo's.
    if (memo.valid && size >= 20 && size <= 30 && size != 21 && swar::loadEight(p) == memo.date
        && swar::loadEight(p + 8) == memo.clock && p[16] == ':' && p[size - 1] == 'Z' && digit(p[17])
        && digit(p[18])) {
        // The same date, hour and minute as the time before, which were valid: the seconds
        // and the fraction are all that is left to read.
        const auto second = static_cast<std::int64_t>((p[17] - '0') * 10 + (p[18] - '0'));
        std::int64_t fraction = 0;
        std::int64_t result = 0;
        if (second <= 59 && (size == 20 || utcFraction(p, size, fraction))
            && !__builtin_add_overflow(memo.minuteNs, second * kNanosPerSecond + fraction, &result)) {
            ns = result;
            return true;
        }
    }
    if (parseUtcLayout(p, size, ns, &memo))
        return true;
    memo.valid = false;
    return parseRfc3339(text, ns);
}

bool parseRfc3339(std::string_view text, std::int64_t &ns)
{
    if (parseUtcLayout(text.data(), text.size(), ns, nullptr))
        return true;
    // Shortest valid form: 2006-01-02T15:04:05Z (20 characters).
    if (text.size() < 20)
        return false;
    const char *p = text.data();
    const char *end = p + text.size();
    unsigned year = 0;
    unsigned month = 0;
    unsigned day = 0;
    unsigned hour = 0;
    unsigned minute = 0;
    unsigned second = 0;
    if (!readDigits(p, 4, year) || p[4] != '-' || !readDigits(p + 5, 2, month) || p[7] != '-'
        || !readDigits(p + 8, 2, day) || (p[10] != 'T' && p[10] != 't') || !readDigits(p + 11, 2, hour)
        || p[13] != ':' || !readDigits(p + 14, 2, minute) || p[16] != ':' || !readDigits(p + 17, 2, second))
        return false;
    if (!validFields(year, month, day, hour, minute, second))
        return false;
    p += 19;

    std::int64_t fraction = 0;
    if (*p == '.') {
        ++p;
        const char *digits = p;
        std::int64_t scale = kNanosPerSecond;
        while (p < end && digit(*p)) {
            if (scale > 1) {
                scale /= 10;
                fraction += (*p - '0') * scale;
            }
            ++p;
        }
        if (p == digits)
            return false; // a dot needs at least one digit
    }
    if (p >= end)
        return false;

    std::int64_t offsetSeconds = 0;
    if (*p == 'Z' || *p == 'z') {
        ++p;
    } else if (*p == '+' || *p == '-') {
        if (end - p < 6 || p[3] != ':')
            return false;
        unsigned offHours = 0;
        unsigned offMinutes = 0;
        if (!readDigits(p + 1, 2, offHours) || !readDigits(p + 4, 2, offMinutes) || offHours > 23
            || offMinutes > 59)
            return false;
        offsetSeconds = static_cast<std::int64_t>(offHours) * 3600 + offMinutes * 60;
        if (*p == '-')
            offsetSeconds = -offsetSeconds;
        p += 6;
    } else {
        return false;
    }
    if (p != end)
        return false;

    return toNanoseconds(year, month, day, hour, minute, second, fraction, offsetSeconds, ns);
}

void appendRfc3339Nano(std::string &out, std::int64_t ns)
{
    // Floor division so that instants before 1970 get a positive fraction.
    std::int64_t seconds = ns / kNanosPerSecond;
    std::int64_t fraction = ns % kNanosPerSecond;
    if (fraction < 0) {
        fraction += kNanosPerSecond;
        --seconds;
    }
    std::int64_t days = seconds / kSecondsPerDay;
    std::int64_t secondOfDay = seconds % kSecondsPerDay;
    if (secondOfDay < 0) {
        secondOfDay += kSecondsPerDay;
        --days;
    }
    const CivilDate date = civilFromDays(days);
    // int64 nanoseconds span years 1677..2262, so the year always has four digits.
    const auto year = static_cast<unsigned>(date.year);

    char buf[32];
    buf[0] = static_cast<char>('0' + year / 1000 % 10);
    buf[1] = static_cast<char>('0' + year / 100 % 10);
    buf[2] = static_cast<char>('0' + year / 10 % 10);
    buf[3] = static_cast<char>('0' + year % 10);
    buf[4] = '-';
    put2(buf + 5, date.month);
    buf[7] = '-';
    put2(buf + 8, date.day);
    buf[10] = 'T';
    put2(buf + 11, static_cast<unsigned>(secondOfDay / 3600));
    buf[13] = ':';
    put2(buf + 14, static_cast<unsigned>(secondOfDay / 60 % 60));
    buf[16] = ':';
    put2(buf + 17, static_cast<unsigned>(secondOfDay % 60));
    std::size_t len = 19;
    if (fraction != 0) {
        buf[len++] = '.';
        char digits[9];
        for (int i = 8; i >= 0; --i) {
            digits[i] = static_cast<char>('0' + fraction % 10);
            fraction /= 10;
        }
        int used = 9;
        while (digits[used - 1] == '0')
            --used;
        for (int i = 0; i < used; ++i)
            buf[len++] = digits[i];
    }
    buf[len++] = 'Z';
    out.append(buf, len);
}

std::string formatRfc3339Nano(std::int64_t ns)
{
    std::string s;
    appendRfc3339Nano(s, ns);
    return s;
}

} // namespace sasquatch
