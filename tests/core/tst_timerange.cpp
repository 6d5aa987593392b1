// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/time/TimeRange.h"

#include <QTest>

using namespace sasquatch;

Q_DECLARE_METATYPE(sasquatch::TimeScale)
Q_DECLARE_METATYPE(sasquatch::RangePreset)

namespace {

constexpr qint64 kSecond = 1'000'000'000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
// 2026-11-23T03:12:00Z
constexpr qint64 kBase = 1'795'403'520LL * kSecond;

} // namespace

class tst_TimeRange : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultIsPastHour()
    {
        const TimeRange range;
        QVERIFY(range.isRelative());
        QCOMPARE(range.durationNs(), kHour);
        QCOMPARE(range.preset(), std::optional(RangePreset::Past1Hour));
    }

    void presets_data()
    {
        QTest::addColumn<RangePreset>("preset");
        QTest::addColumn<qint64>("duration");
        QTest::addColumn<QString>("label");
        QTest::newRow("5m") << RangePreset::Past5Minutes << 5 * kMinute << "Past 5m";
        QTest::newRow("15m") << RangePreset::Past15Minutes << 15 * kMinute << "Past 15m";
        QTest::newRow("1h") << RangePreset::Past1Hour << kHour << "Past 1h";
        QTest::newRow("6h") << RangePreset::Past6Hours << 6 * kHour << "Past 6h";
        QTest::newRow("12h") << RangePreset::Past12Hours << 12 * kHour << "Past 12h";
        QTest::newRow("24h") << RangePreset::Past24Hours << 24 * kHour << "Past 1d";
        QTest::newRow("2d") << RangePreset::Past2Days << 2 * kDay << "Past 2d";
        QTest::newRow("7d") << RangePreset::Past7Days << 7 * kDay << "Past 7d";
        QTest::newRow("30d") << RangePreset::Past30Days << 30 * kDay << "Past 30d";
    }
    void presets()
    {
        QFETCH(RangePreset, preset);
        QFETCH(qint64, duration);
        QFETCH(QString, label);
        const TimeRange range = TimeRange::fromPreset(preset);
        QVERIFY(range.isRelative());
        QCOMPARE(range.durationNs(), duration);
        QCOMPARE(range.preset(), std::optional(preset));
        QCOMPARE(range.label(), label);
        QCOMPARE(range.startNs(kBase), kBase - duration);
        QCOMPARE(range.stopNs(kBase), kBase);
        const TimeRange resolved = range.resolved(kBase);
        QVERIFY(resolved.isAbsolute());
        QCOMPARE(resolved.startNs(0), kBase - duration);
        QCOMPARE(resolved.stopNs(0), kBase);
        QCOMPARE(resolved.durationNs(), duration);
    }

    void presetListIsOrdered()
    {
        QCOMPARE(kRangePresets.size(), std::size_t{9});
        for (std::size_t i = 1; i < kRangePresets.size(); ++i)
            QVERIFY(presetDurationNs(kRangePresets[i - 1]) < presetDurationNs(kRangePresets[i]));
    }

    void constructorsCheck()
    {
        QVERIFY(TimeRange::relative(90 * kMinute).ok());
        QCOMPARE(TimeRange::relative(90 * kMinute)->preset(), std::nullopt);
        QVERIFY(TimeRange::relative(0).error().contains(u"positive duration"));
        QVERIFY(TimeRange::relative(-kHour).error().contains(u"-1h"));
        const auto range = TimeRange::absolute(kBase, kBase + kHour);
        QVERIFY(range.ok());
        QVERIFY(range->isAbsolute());
        QCOMPARE(range->startNs(12345), kBase);
        QCOMPARE(range->stopNs(12345), kBase + kHour);
        QCOMPARE(range->resolved(0), *range);
        QCOMPARE(range->preset(), std::nullopt);
        const auto backwards = TimeRange::absolute(kBase + kHour, kBase);
        QVERIFY(!backwards.ok());
        QCOMPARE(backwards.error(),
                 QStringLiteral("The start 2026-11-23T04:12:00Z is not before the stop 2026-11-23T03:12:00Z."));
        QVERIFY(!TimeRange::absolute(kBase, kBase).ok());
    }

    void parse_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("stop");
        QTest::addColumn<TimeScale>("assumed");
        QTest::addColumn<QString>("expected"); // toString() of the result
        const auto utc = TimeScale::Utc;
        const auto tai = TimeScale::Tai;
        QTest::newRow("duration") << "1h" << "" << utc << "-1h";
        QTest::newRow("negative duration") << "-15m" << "" << utc << "-15m";
        QTest::newRow("now minus") << "now-2d" << "now" << utc << "-2d";
        QTest::newRow("now minus with blanks") << " NOW - 90m " << " Now " << utc << "-90m";
        QTest::newRow("go style") << "-1h30m" << "" << utc << "-90m";
        QTest::newRow("weeks") << "1w" << "" << utc << "-7d";
        QTest::newRow("absolute utc") << "2026-11-23T03:12:00Z" << "2026-11-23 04:12:00.5" << utc
                                      << "2026-11-23T03:12:00Z/2026-11-23T04:12:00.5Z";
        QTest::newRow("absolute tai words") << "2026-11-23 03:12:37 TAI" << "2026-11-23T04:12:37 TAI" << utc
                                            << "2026-11-23T03:12:00Z/2026-11-23T04:12:00Z";
        QTest::newRow("absolute assumed tai") << "2026-11-23 03:12:37" << "2026-11-23 04:12:00Z" << tai
                                              << "2026-11-23T03:12:00Z/2026-11-23T04:12:00Z";
        QTest::newRow("dates") << "2026-11-23" << "2026-11-24" << utc
                               << "2026-11-23T00:00:00Z/2026-11-24T00:00:00Z";
    }
    void parse()
    {
        QFETCH(QString, start);
        QFETCH(QString, stop);
        QFETCH(TimeScale, assumed);
        QFETCH(QString, expected);
        const auto range = TimeRange::parse(start, stop, assumed);
        QVERIFY2(range.ok(), qPrintable(range.error()));
        QCOMPARE(range->toString(), expected);
    }

    void parseRejects_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("stop");
        QTest::addColumn<QString>("message");
        QTest::newRow("no start") << "" << "" << "Start: no time given";
        QTest::newRow("bad duration unit") << "-5y" << "" << "Start: \"-5y\" is not a valid duration";
        QTest::newRow("duration without unit") << "90" << "" << "Start: \"90\" is not a valid duration";
        QTest::newRow("future") << "+1h" << "" << "Start: \"+1h\": a range cannot start in the future";
        QTest::newRow("now alone") << "now" << "" << "Start: \"now\": after \"now\" write \"-\"";
        QTest::newRow("now plus time") << "now-2026-11-23" << "" << "is not a duration back from now";
        QTest::newRow("relative with stop time") << "-1h" << "2026-11-23T04:12:00Z"
                                                 << "Stop: with a relative start (-1h) the stop must be empty or \"now\"";
        QTest::newRow("bad start time") << "2026-13-23" << "2026-11-23" << "Start: \"2026-13-23\" is not a valid time: month 13";
        QTest::newRow("missing stop") << "2026-11-23" << "" << "Stop: a start time needs a stop time";
        QTest::newRow("stop now") << "2026-11-23" << "now" << "Stop: a start time needs a stop time";
        QTest::newRow("bad stop time") << "2026-11-23" << "2026-11-23T25:00" << "Stop: \"2026-11-23T25:00\" is not a valid time: hour 25";
        QTest::newRow("reversed") << "2026-11-24" << "2026-11-23" << "is not before the stop";
    }
    void parseRejects()
    {
        QFETCH(QString, start);
        QFETCH(QString, stop);
        QFETCH(QString, message);
        const auto range = TimeRange::parse(start, stop);
        QVERIFY2(!range.ok(), qPrintable(range.ok() ? range->toString() : QString()));
        QVERIFY2(range.error().contains(message), qPrintable(range.error()));
    }

    void stringRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("relative") << "-6h";
        QTest::newRow("odd relative") << "-1500ms";
        QTest::newRow("absolute") << "2026-11-23T03:12:00Z/2026-11-23T04:12:00.000000001Z";
    }
    void stringRoundTrip()
    {
        QFETCH(QString, text);
        const auto range = TimeRange::fromString(text);
        QVERIFY2(range.ok(), qPrintable(range.error()));
        QCOMPARE(range->toString(), text);
        QCOMPARE(*TimeRange::fromString(range->toString()), *range);
    }

    void fromStringRejects()
    {
        QVERIFY(TimeRange::fromString(u"").error().contains(u"neither a duration"));
        QVERIFY(TimeRange::fromString(u"2026-11-23").error().contains(u"neither a duration"));
        QVERIFY(TimeRange::fromString(u"2026-11-23/x").error().contains(u"\"x\" is not a valid time"));
        QVERIFY(TimeRange::fromString(u"2026-11-24/2026-11-23").error().contains(u"not before"));
    }

    void labels()
    {
        const auto range = TimeRange::absolute(kBase, kBase + kHour + 250'000'000);
        QCOMPARE(range->label(), QStringLiteral("2026-11-23T03:12:00Z – 2026-11-23T04:12:00.25Z"));
        QCOMPARE(range->label(TimeScale::Tai), QStringLiteral("2026-11-23T03:12:37 – 2026-11-23T04:12:37.25 TAI"));
        QCOMPARE(TimeRange::relative(90 * kMinute)->label(TimeScale::Tai), QStringLiteral("Past 90m"));
    }

    void clockIsPlausible()
    {
        const qint64 now = TimeRange::currentTimeNs();
        QVERIFY(now > kBase - 2 * 365 * kDay); // after 2024-11
        QVERIFY(now < kBase + 200 * 365 * kDay);
    }
};

QTEST_GUILESS_MAIN(tst_TimeRange)
#include "tst_timerange.moc"
