// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/parse/Rfc3339.h"

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

} // namespace

bool parseRfc3339(std::string_view text, std::int64_t &ns)
{
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
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59
        || second > 59)
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

    // Local time minus its offset is UTC.
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
