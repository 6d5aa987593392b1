// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/time/TimeText.h"
#include "core/time/TimeTicker.h"

#include <QTest>

using namespace sasquatch;

Q_DECLARE_METATYPE(sasquatch::TimeScale)

namespace {

constexpr qint64 kMs = 1'000'000;
constexpr qint64 kSecond = 1'000'000'000;
constexpr qint64 kDay = 86'400 * kSecond;

qint64 at(const char *text)
{
    const auto t = parseTimeText(QString::fromLatin1(text));
    return t.ok() ? qint64(t.value()) : 0;
}

} // namespace

class tst_TimeTicker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stepFor_data()
    {
        QTest::addColumn<qint64>("spanNs");
        QTest::addColumn<int>("maxTicks");
        QTest::addColumn<int>("unit");
        QTest::addColumn<int>("count");
        QTest::newRow("3 us / 10") << qint64(3'000) << 10 << int(TimeTickUnit::Microsecond) << 1;
        QTest::newRow("40 ms / 10") << 40 * kMs << 10 << int(TimeTickUnit::Millisecond) << 5;
        QTest::newRow("1 s / 10") << kSecond << 10 << int(TimeTickUnit::Millisecond) << 100;
        QTest::newRow("1 min / 10") << 60 * kSecond << 10 << int(TimeTickUnit::Second) << 10;
        QTest::newRow("10 min / 10") << 600 * kSecond << 10 << int(TimeTickUnit::Minute) << 1;
        QTest::newRow("1 h / 8") << 3600 * kSecond << 8 << int(TimeTickUnit::Minute) << 10;
        QTest::newRow("1 d / 10") << kDay << 10 << int(TimeTickUnit::Hour) << 3;
        QTest::newRow("30 d / 10") << 30 * kDay << 10 << int(TimeTickUnit::Day) << 7;
        QTest::newRow("1 y / 10") << 365 * kDay << 10 << int(TimeTickUnit::Month) << 2;
        QTest::newRow("30 y / 10") << 30 * 365 * kDay << 10 << int(TimeTickUnit::Year) << 5;
        QTest::newRow("maxTicks 0 = 1") << 60 * kSecond << 0 << int(TimeTickUnit::Minute) << 1;
    }
    void stepFor()
    {
        QFETCH(qint64, spanNs);
        QFETCH(int, maxTicks);
        QFETCH(int, unit);
        QFETCH(int, count);
        const TimeTickStep step = TimeTicker::stepFor(spanNs, maxTicks);
        QCOMPARE(int(step.unit), unit);
        QCOMPARE(step.count, count);
        QVERIFY(spanNs / step.approxNs() <= std::max(1, maxTicks));
    }

    void ticks_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("stop");
        QTest::addColumn<int>("maxTicks");
        QTest::addColumn<TimeScale>("scale");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QString>("firstTickUtc");
        QTest::newRow("ms, UTC, date on the first")
            << "2026-11-23T03:12:00.010Z" << "2026-11-23T03:12:00.050Z" << 4 << TimeScale::Utc
            << QStringList{"03:12:00.010\n2026-11-23", "03:12:00.020", "03:12:00.030", "03:12:00.040", "03:12:00.050"}
            << "2026-11-23T03:12:00.01Z";
        QTest::newRow("10 s, TAI ticks are round in TAI")
            << "2026-11-23T03:12:00Z" << "2026-11-23T03:12:30Z" << 3 << TimeScale::Tai
            << QStringList{"03:12:40\n2026-11-23", "03:12:50", "03:13:00"} << "2026-11-23T03:12:03Z";
        QTest::newRow("hours across midnight: date again on the new day")
            << "2026-11-23T20:30:00Z" << "2026-11-24T03:00:00Z" << 3 << TimeScale::Utc
            << QStringList{"21:00\n2026-11-23", "00:00\n2026-11-24", "03:00"} << "2026-11-23T21:00:00Z";
        QTest::newRow("TAI midnight is 23:59:23 UTC")
            << "2026-11-23T20:00:00Z" << "2026-11-24T04:00:00Z" << 2 << TimeScale::Tai
            << QStringList{"00:00\n2026-11-24"} << "2026-11-23T23:59:23Z";
        QTest::newRow("days") << "2026-11-20T12:00:00Z" << "2026-11-23T12:00:00Z" << 3 << TimeScale::Utc
                              << QStringList{"2026-11-21", "2026-11-22", "2026-11-23"} << "2026-11-21T00:00:00Z";
        QTest::newRow("months across a year") << "2026-10-15T00:00:00Z" << "2027-02-15T00:00:00Z" << 5 << TimeScale::Utc
                                              << QStringList{"2026-11", "2026-12", "2027-01", "2027-02"}
                                              << "2026-11-01T00:00:00Z";
        QTest::newRow("quarters") << "2026-01-15T00:00:00Z" << "2026-12-31T00:00:00Z" << 4 << TimeScale::Utc
                                  << QStringList{"2026-04", "2026-07", "2026-10"} << "2026-04-01T00:00:00Z";
        QTest::newRow("microseconds") << "2026-11-23T03:12:00.000001Z" << "2026-11-23T03:12:00.000003Z" << 2
                                      << TimeScale::Utc
                                      << QStringList{"03:12:00.000001\n2026-11-23", "03:12:00.000002", "03:12:00.000003"}
                                      << "2026-11-23T03:12:00.000001Z";
        QTest::newRow("before 1970") << "1969-12-31T23:59:00Z" << "1970-01-01T00:01:00Z" << 2 << TimeScale::Utc
                                     << QStringList{"23:59\n1969-12-31", "00:00\n1970-01-01", "00:01"}
                                     << "1969-12-31T23:59:00Z";
    }
    void ticks()
    {
        QFETCH(QString, start);
        QFETCH(QString, stop);
        QFETCH(int, maxTicks);
        QFETCH(TimeScale, scale);
        QFETCH(QStringList, labels);
        QFETCH(QString, firstTickUtc);
        const std::vector<TimeTick> ticks = TimeTicker::ticks(at(start.toLatin1()), at(stop.toLatin1()), maxTicks, scale);
        QStringList got;
        for (const TimeTick &t : ticks)
            got << t.label;
        QCOMPARE(got, labels);
        QVERIFY(!ticks.empty());
        QCOMPARE(formatTimeText(ticks.front().utcNs, TimeScale::Utc), firstTickUtc);
        for (std::size_t i = 1; i < ticks.size(); ++i)
            QVERIFY(ticks[i].utcNs > ticks[i - 1].utcNs);
    }

    void emptyRange()
    {
        QVERIFY(TimeTicker::ticks(10, 10, 5, TimeScale::Utc).empty());
        QVERIFY(TimeTicker::ticks(10, 5, 5, TimeScale::Utc).empty());
    }

    void everySpanGivesReadableCount_data()
    {
        QTest::addColumn<qint64>("span");
        for (qint64 span = 1'000; span < 100 * 365 * kDay; span = span * 3 + 7)
            QTest::newRow(qPrintable(QString::number(span))) << span;
    }
    void everySpanGivesReadableCount()
    {
        QFETCH(qint64, span);
        const qint64 start = at("2026-11-23T03:12:00.123456789Z");
        const auto ticks = TimeTicker::ticks(start, start + span, 8, TimeScale::Tai);
        // Never more than asked (+1 for both ends on a tick; months differ in length), and at
        // least one tick once the span is longer than twice the largest step chosen for it.
        QVERIFY2(ticks.size() <= 10, qPrintable(QString::number(ticks.size())));
        QVERIFY(ticks.size() >= 2 || span < 2 * TimeTicker::stepFor(span, 8).approxNs());
    }
};

QTEST_GUILESS_MAIN(tst_TimeTicker)
#include "tst_timeticker.moc"
