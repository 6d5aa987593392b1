// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/time/TimeText.h"

#include "core/time/CivilDate.h"

#include <array>
#include <limits>
#include <optional>

namespace sasquatch {

namespace {

constexpr std::int64_t kNsPerSecond = 1'000'000'000;
constexpr std::int64_t kSecondsPerDay = 86'400;

constexpr unsigned daysInMonth(std::int64_t year, unsigned month)
{
    constexpr std::array<unsigned, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

// A reading position in the text with small helpers; every failure is reported through
// `problem` so that the caller can name it.
class Reader
{
public:
    explicit Reader(QStringView text) : m_text(text) {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text[m_pos]; }
    QStringView rest() const { return m_text.mid(m_pos); }
    void skip() { ++m_pos; }
    bool accept(QChar c)
    {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    bool skipBlanks()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && peek().isSpace())
            ++m_pos;
        return m_pos > start;
    }
    bool isDigit() const { return !atEnd() && peek() >= u'0' && peek() <= u'9'; }
    // Exactly `count` ASCII digits.
    bool digits(int count, unsigned &value)
    {
        unsigned v = 0;
        for (int i = 0; i < count; ++i) {
            if (!isDigit())
                return false;
            v = v * 10 + static_cast<unsigned>(peek().unicode() - u'0');
            ++m_pos;
        }
        value = v;
        return true;
    }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
};

Failure timeError(QStringView text, const QString &reason)
{
    return Failure{QStringLiteral("\"%1\" is not a valid time: %2.").arg(text.toString(), reason)};
}

QString twoDigits(unsigned v)
{
    return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0'));
}

// Strips a trailing scale word ("TAI"/"UTC") that follows a blank.
std::optional<TimeScale> takeScaleWord(QStringView &text)
{
    if (text.size() < 4 || !text[text.size() - 4].isSpace())
        return std::nullopt;
    const QStringView word = text.right(3);
    std::optional<TimeScale> scale;
    if (word.compare(u"TAI", Qt::CaseInsensitive) == 0)
        scale = TimeScale::Tai;
    else if (word.compare(u"UTC", Qt::CaseInsensitive) == 0)
        scale = TimeScale::Utc;
    if (scale)
        text = text.left(text.size() - 3).trimmed();
    return scale;
}

} // namespace

Outcome<std::int64_t> parseTimeText(QStringView original, TimeScale assumed)
{
    QStringView text = original.trimmed();
    if (text.isEmpty())
        return Failure{QStringLiteral("No time given: expected a date and time such as 2026-11-23T03:12:00Z.")};
    const std::optional<TimeScale> scaleWord = takeScaleWord(text);

    Reader in(text);
    unsigned year = 0;
    unsigned month = 0;
    unsigned day = 0;
    if (!in.digits(4, year) || !in.accept(u'-') || !in.digits(2, month) || !in.accept(u'-') || !in.digits(2, day))
        return timeError(original, QStringLiteral("expected a date as YYYY-MM-DD at the start"));
    if (in.isDigit())
        return timeError(original, QStringLiteral("the day has more than two digits"));
    if (month < 1 || month > 12)
        return timeError(original, QStringLiteral("month %1 is out of range (01-12)").arg(twoDigits(month)));
    if (day < 1 || day > daysInMonth(year, month))
        return timeError(original, QStringLiteral("day %1 does not exist in %2-%3 (it has %4 days)")
                                       .arg(twoDigits(day), QString::number(year), twoDigits(month),
                                            QString::number(daysInMonth(year, month))));

    unsigned hour = 0;
    unsigned minute = 0;
    unsigned second = 0;
    std::int64_t fraction = 0;
    const bool tee = in.accept(u'T') || in.accept(u't');
    if (!tee)
        in.skipBlanks();
    if (tee && !in.isDigit())
        return timeError(original, QStringLiteral("expected a time of day as HH:MM or HH:MM:SS after \"T\""));
    const bool hasClock = in.isDigit();
    if (hasClock) {
        if (!in.digits(2, hour) || !in.accept(u':') || !in.digits(2, minute))
            return timeError(original, QStringLiteral("expected a time of day as HH:MM or HH:MM:SS after the date"));
        if (in.accept(u':')) {
            if (!in.digits(2, second))
                return timeError(original, QStringLiteral("expected two digits of seconds after \"HH:MM:\""));
            if (in.accept(u'.') || in.accept(u',')) {
                int count = 0;
                std::int64_t scale = kNsPerSecond;
                while (in.isDigit()) {
                    if (++count > 9)
                        return timeError(original, QStringLiteral("more than 9 fraction digits (1 ns is the finest resolution)"));
                    scale /= 10;
                    fraction += (in.peek().unicode() - u'0') * scale;
                    in.skip();
                }
                if (count == 0)
                    return timeError(original, QStringLiteral("expected digits after the decimal mark"));
            }
        }
        if (in.isDigit())
            return timeError(original, QStringLiteral("too many digits in the time of day"));
        if (hour > 23)
            return timeError(original, QStringLiteral("hour %1 is out of range (00-23)").arg(twoDigits(hour)));
        if (minute > 59)
            return timeError(original, QStringLiteral("minute %1 is out of range (00-59)").arg(twoDigits(minute)));
        if (second > 59)
            return timeError(original, second == 60 ? QStringLiteral("second 60 (a leap second) cannot be represented")
                                                    : QStringLiteral("second %1 is out of range (00-59)").arg(twoDigits(second)));
    }

    // Zone: Z or a numeric offset, possibly after blanks.
    in.skipBlanks();
    bool hasZone = false;
    std::int64_t offsetSeconds = 0;
    QString zoneText;
    if (in.accept(u'Z') || in.accept(u'z')) {
        hasZone = true;
        zoneText = QStringLiteral("Z");
    } else if (in.peek() == u'+' || in.peek() == u'-') {
        if (!hasClock)
            return timeError(original, QStringLiteral("a UTC offset needs a time of day before it"));
        const bool negative = in.peek() == u'-';
        const QStringView zoneStart = in.rest();
        in.skip();
        unsigned offHours = 0;
        unsigned offMinutes = 0;
        if (!in.digits(2, offHours))
            return timeError(original, QStringLiteral("expected a UTC offset as +HH:MM, +HHMM or +HH"));
        if (in.accept(u':')) {
            if (!in.digits(2, offMinutes))
                return timeError(original, QStringLiteral("expected two digits of minutes in the UTC offset"));
        } else if (in.isDigit() && !in.digits(2, offMinutes)) {
            return timeError(original, QStringLiteral("expected two digits of minutes in the UTC offset"));
        }
        zoneText = zoneStart.left(zoneStart.size() - in.rest().size()).toString();
        if (offHours > 23 || offMinutes > 59)
            return timeError(original, QStringLiteral("UTC offset %1 is out of range (at most ±23:59)").arg(zoneText));
        offsetSeconds = std::int64_t{offHours} * 3600 + std::int64_t{offMinutes} * 60;
        if (negative)
            offsetSeconds = -offsetSeconds;
        hasZone = true;
    }
    in.skipBlanks();
    if (!in.atEnd())
        return timeError(original, QStringLiteral("unexpected \"%1\" after the time").arg(in.rest().toString()));

    if (hasZone && scaleWord == TimeScale::Tai)
        return timeError(original, QStringLiteral("a TAI time cannot have a UTC zone (%1); write it without one").arg(zoneText));
    if (hasZone && zoneText != u"Z" && scaleWord == TimeScale::Utc)
        return timeError(original, QStringLiteral("give either the UTC offset %1 or the word UTC, not both").arg(zoneText));
    const TimeScale scale = hasZone ? TimeScale::Utc : scaleWord.value_or(assumed);

    // Seconds fit easily in int64 for four-digit years; only the ns product can overflow.
    std::int64_t seconds = daysFromCivil(year, month, day) * kSecondsPerDay + std::int64_t{hour} * 3600
                           + std::int64_t{minute} * 60 + second - offsetSeconds;
    if (scale == TimeScale::Tai)
        seconds -= kTaiMinusUtcNs / kNsPerSecond;
    // Near the lower end seconds * 1e9 alone leaves the range that the sum is in.
    if (seconds < 0 && fraction > 0) {
        seconds += 1;
        fraction -= kNsPerSecond;
    }
    std::int64_t ns = 0;
    if (__builtin_mul_overflow(seconds, kNsPerSecond, &ns) || __builtin_add_overflow(ns, fraction, &ns))
        return timeError(original, QStringLiteral("outside the representable range 1677-09-21 .. 2262-04-11 (UTC)"));
    return ns;
}

QString formatTimeText(std::int64_t utcNs, TimeScale scale, TimePrecision precision)
{
    // Split into whole seconds (towards the past) and a non-negative fraction first, so that
    // the TAI shift cannot overflow at the ends of the int64 range.
    std::int64_t seconds = utcNs / kNsPerSecond;
    std::int64_t fraction = utcNs % kNsPerSecond;
    if (fraction < 0) {
        fraction += kNsPerSecond;
        --seconds;
    }
    if (scale == TimeScale::Tai)
        seconds += kTaiMinusUtcNs / kNsPerSecond;
    std::int64_t days = seconds / kSecondsPerDay;
    std::int64_t secondOfDay = seconds % kSecondsPerDay;
    if (secondOfDay < 0) {
        secondOfDay += kSecondsPerDay;
        --days;
    }
    const CivilDate date = civilFromDays(days);

    QString out = QStringLiteral("%1-%2-%3T%4:%5:%6")
                      .arg(QString::number(date.year).rightJustified(4, u'0'), twoDigits(date.month),
                           twoDigits(date.day), twoDigits(static_cast<unsigned>(secondOfDay / 3600)),
                           twoDigits(static_cast<unsigned>(secondOfDay / 60 % 60)),
                           twoDigits(static_cast<unsigned>(secondOfDay % 60)));
    int digits = 0;
    switch (precision) {
    case TimePrecision::Auto:
        digits = 9;
        break;
    case TimePrecision::Seconds: digits = 0; break;
    case TimePrecision::Milliseconds: digits = 3; break;
    case TimePrecision::Microseconds: digits = 6; break;
    case TimePrecision::Nanoseconds: digits = 9; break;
    }
    if (digits > 0) {
        QString frac = QString::number(fraction).rightJustified(9, u'0').left(digits);
        if (precision == TimePrecision::Auto) {
            while (frac.endsWith(u'0'))
                frac.chop(1);
        }
        if (!frac.isEmpty())
            out += u'.' + frac;
    }
    out += scale == TimeScale::Tai ? QStringLiteral(" TAI") : QStringLiteral("Z");
    return out;
}

} // namespace sasquatch
