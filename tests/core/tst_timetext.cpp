// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/parse/Rfc3339.h"
#include "core/time/DurationLiteral.h"
#include "core/time/TimeText.h"

#include <QTest>

#include <limits>

using namespace sasquatch;

Q_DECLARE_METATYPE(sasquatch::TimeScale)
Q_DECLARE_METATYPE(sasquatch::TimePrecision)

namespace {

// 2026-11-23T03:12:00Z in ns.
constexpr qint64 kBase = 1'795'403'520LL * 1'000'000'000;
constexpr qint64 kSecond = 1'000'000'000;

} // namespace

class tst_TimeText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void baseIsRight()
    {
        std::int64_t ns = 0;
        QVERIFY(parseRfc3339("2026-11-23T03:12:00Z", ns));
        QCOMPARE(qint64(ns), kBase);
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<TimeScale>("assumed");
        QTest::addColumn<qint64>("utcNs");
        const TimeScale utc = TimeScale::Utc;
        const TimeScale tai = TimeScale::Tai;
        QTest::newRow("rfc3339 Z") << "2026-11-23T03:12:00Z" << utc << kBase;
        QTest::newRow("lower case t z") << "2026-11-23t03:12:00z" << utc << kBase;
        QTest::newRow("space, fraction, no zone") << "2026-11-23 03:12:00.25" << utc << kBase + 250'000'000;
        QTest::newRow("comma fraction") << "2026-11-23 03:12:00,5" << utc << kBase + 500'000'000;
        QTest::newRow("nanoseconds") << "2026-11-23T03:12:00.000000001Z" << utc << kBase + 1;
        QTest::newRow("blanks around") << "  2026-11-23T03:12:00Z \t" << utc << kBase;
        QTest::newRow("several spaces") << "2026-11-23   03:12:00" << utc << kBase;
        QTest::newRow("minutes only") << "2026-11-23T03:12" << utc << kBase;
        QTest::newRow("date only") << "2026-11-23" << utc << kBase - (3 * 3600 + 12 * 60) * kSecond;
        QTest::newRow("offset +hh:mm") << "2026-11-23T05:12:00+02:00" << utc << kBase;
        QTest::newRow("offset -hh:mm") << "2026-11-22T23:12:00-04:00" << utc << kBase;
        QTest::newRow("offset +hhmm") << "2026-11-23T05:42:00+0230" << utc << kBase;
        QTest::newRow("offset +hh") << "2026-11-23T04:12:00+01" << utc << kBase;
        QTest::newRow("offset after space") << "2026-11-23 00:12:00 -03:00" << utc << kBase;
        QTest::newRow("offset with fraction") << "2026-11-23T05:12:00.5+02:00" << utc << kBase + 500'000'000;
        QTest::newRow("Z with UTC word") << "2026-11-23T03:12:00Z UTC" << utc << kBase;
        QTest::newRow("UTC word") << "2026-11-23 03:12:00 UTC" << tai << kBase;
        QTest::newRow("TAI word") << "2026-11-23T03:12:37 TAI" << utc << kBase;
        QTest::newRow("tai word lower case") << "2026-11-23 03:12:37.25 tai" << utc << kBase + 250'000'000;
        QTest::newRow("assumed TAI") << "2026-11-23 03:12:37" << tai << kBase;
        QTest::newRow("Z wins over assumed TAI") << "2026-11-23T03:12:00Z" << tai << kBase;
        QTest::newRow("offset wins over assumed TAI") << "2026-11-23T04:12:00+01:00" << tai << kBase;
        QTest::newRow("TAI across midnight") << "2026-11-24T00:00:10 TAI" << utc
                                             << kBase + (20 * 3600 + 48 * 60 - 27) * kSecond;
        QTest::newRow("leap day") << "2028-02-29T00:00:00Z" << utc << 1'835'395'200LL * kSecond;
        QTest::newRow("epoch") << "1970-01-01T00:00:00Z" << utc << qint64(0);
        QTest::newRow("before epoch") << "1969-12-31T23:59:59.5Z" << utc << qint64(-500'000'000);
        QTest::newRow("largest") << "2262-04-11T23:47:16.854775807Z" << utc
                                 << std::numeric_limits<qint64>::max();
        QTest::newRow("smallest") << "1677-09-21T00:12:43.145224192Z" << utc
                                  << std::numeric_limits<qint64>::min();
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(TimeScale, assumed);
        QFETCH(qint64, utcNs);
        const auto parsed = parseTimeText(text, assumed);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        QCOMPARE(qint64(*parsed), utcNs);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason"); // a piece of the message that names the problem
        QTest::newRow("empty") << "  " << "No time given";
        QTest::newRow("words") << "yesterday" << "expected a date as YYYY-MM-DD";
        QTest::newRow("slashes") << "2026/11/23" << "expected a date as YYYY-MM-DD";
        QTest::newRow("short year") << "26-11-23" << "expected a date as YYYY-MM-DD";
        QTest::newRow("month 13") << "2026-13-01" << "month 13 is out of range";
        QTest::newRow("month 0") << "2026-00-01" << "month 00 is out of range";
        QTest::newRow("31 november") << "2026-11-31T00:00:00Z" << "day 31 does not exist in 2026-11 (it has 30 days)";
        QTest::newRow("29 february") << "2026-02-29" << "day 29 does not exist in 2026-02 (it has 28 days)";
        QTest::newRow("day 0") << "2026-11-00" << "day 00 does not exist";
        QTest::newRow("long day") << "2026-11-233" << "the day has more than two digits";
        QTest::newRow("hour 24") << "2026-11-23T24:00:00Z" << "hour 24 is out of range";
        QTest::newRow("minute 60") << "2026-11-23T03:60:00Z" << "minute 60 is out of range";
        QTest::newRow("second 61") << "2026-11-23T03:12:61Z" << "second 61 is out of range";
        QTest::newRow("leap second") << "2016-12-31T23:59:60Z" << "leap second";
        QTest::newRow("T without time") << "2026-11-23T" << "after \"T\"";
        QTest::newRow("hour only") << "2026-11-23T03" << "expected a time of day as HH:MM";
        QTest::newRow("one-digit hour") << "2026-11-23 3:12:00" << "expected a time of day as HH:MM";
        QTest::newRow("seconds cut") << "2026-11-23T03:12:0" << "expected two digits of seconds";
        QTest::newRow("dot without digits") << "2026-11-23T03:12:00.Z" << "expected digits after the decimal mark";
        QTest::newRow("ten fraction digits") << "2026-11-23T03:12:00.0123456789Z" << "more than 9 fraction digits";
        QTest::newRow("trailing words") << "2026-11-23T03:12:00Z please" << "unexpected \"please\" after the time";
        QTest::newRow("zone name") << "2026-11-23T03:12:00 CET" << "unexpected \"CET\" after the time";
        QTest::newRow("glued scale") << "2026-11-23T03:12:00TAI" << "unexpected \"TAI\" after the time";
        QTest::newRow("TAI with Z") << "2026-11-23T03:12:00Z TAI" << "a TAI time cannot have a UTC zone (Z)";
        QTest::newRow("TAI with offset") << "2026-11-23T03:12:00+01:00 TAI" << "a TAI time cannot have a UTC zone (+01:00)";
        QTest::newRow("offset and UTC word") << "2026-11-23T03:12:00+01:00 UTC" << "either the UTC offset +01:00 or the word UTC";
        QTest::newRow("offset hour 24") << "2026-11-23T03:12:00+24:00" << "UTC offset +24:00 is out of range";
        QTest::newRow("offset minutes 60") << "2026-11-23T03:12:00+01:60" << "UTC offset +01:60 is out of range";
        QTest::newRow("offset without digits") << "2026-11-23T03:12:00+" << "expected a UTC offset";
        QTest::newRow("offset on a date") << "2026-11-23+01:00" << "a UTC offset needs a time of day";
        QTest::newRow("too late") << "2262-04-11T23:47:16.854775808Z" << "outside the representable range";
        QTest::newRow("too early") << "1677-09-21T00:12:43.145224191Z" << "outside the representable range";
        QTest::newRow("year 9999") << "9999-01-01" << "outside the representable range";
    }
    void rejects()
    {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        const auto parsed = parseTimeText(text);
        QVERIFY2(!parsed.ok(), qPrintable(QStringLiteral("accepted as %1").arg(parsed.ok() ? *parsed : 0)));
        QVERIFY2(parsed.error().contains(reason), qPrintable(parsed.error()));
        if (!text.trimmed().isEmpty()) // the message quotes what was typed
            QVERIFY2(parsed.error().contains(u'"' + text + u'"'), qPrintable(parsed.error()));
    }

    void format_data()
    {
        QTest::addColumn<qint64>("utcNs");
        QTest::addColumn<TimeScale>("scale");
        QTest::addColumn<TimePrecision>("precision");
        QTest::addColumn<QString>("text");
        const auto utc = TimeScale::Utc;
        const auto tai = TimeScale::Tai;
        QTest::newRow("utc whole") << kBase << utc << TimePrecision::Auto << "2026-11-23T03:12:00Z";
        QTest::newRow("utc fraction") << kBase + 250'000'000 << utc << TimePrecision::Auto << "2026-11-23T03:12:00.25Z";
        QTest::newRow("utc ns") << kBase + 1 << utc << TimePrecision::Auto << "2026-11-23T03:12:00.000000001Z";
        QTest::newRow("tai") << kBase << tai << TimePrecision::Auto << "2026-11-23T03:12:37 TAI";
        QTest::newRow("tai fraction") << kBase + 250'000'000 << tai << TimePrecision::Auto << "2026-11-23T03:12:37.25 TAI";
        QTest::newRow("tai across midnight") << kBase + (20 * 3600 + 47 * 60 + 40) * kSecond << tai << TimePrecision::Auto
                                             << "2026-11-24T00:00:17 TAI";
        QTest::newRow("seconds truncate") << kBase + 999'999'999 << utc << TimePrecision::Seconds << "2026-11-23T03:12:00Z";
        QTest::newRow("ms") << kBase + 5'000'000 << utc << TimePrecision::Milliseconds << "2026-11-23T03:12:00.005Z";
        QTest::newRow("ms whole") << kBase << utc << TimePrecision::Milliseconds << "2026-11-23T03:12:00.000Z";
        QTest::newRow("us") << kBase + 123'456'789 << tai << TimePrecision::Microseconds << "2026-11-23T03:12:37.123456 TAI";
        QTest::newRow("ns") << kBase + 120'000'000 << utc << TimePrecision::Nanoseconds << "2026-11-23T03:12:00.120000000Z";
        QTest::newRow("before epoch") << qint64(-500'000'000) << utc << TimePrecision::Auto << "1969-12-31T23:59:59.5Z";
        QTest::newRow("max in tai") << std::numeric_limits<qint64>::max() << tai << TimePrecision::Auto
                                    << "2262-04-11T23:47:53.854775807 TAI";
        QTest::newRow("min") << std::numeric_limits<qint64>::min() << utc << TimePrecision::Auto
                             << "1677-09-21T00:12:43.145224192Z";
    }
    void format()
    {
        QFETCH(qint64, utcNs);
        QFETCH(TimeScale, scale);
        QFETCH(TimePrecision, precision);
        QFETCH(QString, text);
        QCOMPARE(formatTimeText(utcNs, scale, precision), text);
    }

    void formatAgreesWithRfc3339Nano()
    {
        // The UTC form is exactly what query results show (ResultColumn::text).
        std::uint64_t x = 0x9E3779B97F4A7C15ULL;
        for (int i = 0; i < 2000; ++i) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            const auto ns = static_cast<std::int64_t>(x);
            QCOMPARE(formatTimeText(ns, TimeScale::Utc), QString::fromStdString(formatRfc3339Nano(ns)));
        }
    }

    void roundTrip_data()
    {
        QTest::addColumn<TimeScale>("scale");
        QTest::addColumn<TimePrecision>("precision");
        QTest::newRow("utc auto") << TimeScale::Utc << TimePrecision::Auto;
        QTest::newRow("tai auto") << TimeScale::Tai << TimePrecision::Auto;
        QTest::newRow("tai ns") << TimeScale::Tai << TimePrecision::Nanoseconds;
    }
    void roundTrip()
    {
        QFETCH(TimeScale, scale);
        QFETCH(TimePrecision, precision);
        std::uint64_t x = 88172645463325252ULL;
        for (int i = 0; i < 2000; ++i) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Keep clear of the very ends, where TAI wall-clock time has no UTC ns value.
            const auto ns = static_cast<std::int64_t>(x >> 1) - (std::int64_t{1} << 61);
            const QString text = formatTimeText(ns, scale, precision);
            const auto back = parseTimeText(text, TimeScale::Utc);
            QVERIFY2(back.ok(), qPrintable(back.error()));
            QCOMPARE(*back, ns);
        }
    }

    void durationLiterals_data()
    {
        QTest::addColumn<qint64>("ns");
        QTest::addColumn<QString>("literal");
        QTest::newRow("zero") << qint64(0) << "0s";
        QTest::newRow("days") << qint64(7) * 86'400 * kSecond << "7d";
        QTest::newRow("hours") << qint64(36) * 3600 * kSecond << "36h";
        QTest::newRow("minutes") << qint64(90) * 60 * kSecond << "90m";
        QTest::newRow("seconds") << qint64(15) * kSecond << "15s";
        QTest::newRow("ms") << qint64(1'500'000'000) << "1500ms";
        QTest::newRow("us written in ns") << qint64(2'500) << "2500ns";
        QTest::newRow("ns") << qint64(7) << "7ns";
        QTest::newRow("negative") << -qint64(3600) * kSecond << "-1h";
        QTest::newRow("min") << std::numeric_limits<qint64>::min() << "-9223372036854775808ns";
    }
    void durationLiterals()
    {
        QFETCH(qint64, ns);
        QFETCH(QString, literal);
        QCOMPARE(durationLiteral(ns), literal);
    }
};

QTEST_GUILESS_MAIN(tst_TimeText)
#include "tst_timetext.moc"
