// SPDX-License-Identifier: GPL-3.0-or-later
// Dashboard time variables: Chronograf's :dashboardTime:, :upperDashboardTime:, :interval:
// (Chronograf's InfluxQL template variables) and the InfluxDB UI's v.timeRangeStart,
// v.timeRangeStop, v.windowPeriod (InfluxDB 2.x "Use Flux in dashboards" docs), and server
// error positions mapped back to the text as typed.
#include "core/query/TimeVariables.h"

#include <QTest>

using namespace sasquatch;

namespace {

constexpr qint64 kSecond = 1'000'000'000;
constexpr qint64 kT0 = 1'795'403'520LL * kSecond; // 2026-11-23T03:12:00Z

TimeRange pastHour()
{
    return TimeRange::fromPreset(RangePreset::Past1Hour);
}

TimeRange absoluteHour()
{
    return *TimeRange::absolute(kT0, kT0 + 3600 * kSecond);
}

} // namespace

class tst_TimeVariables : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void expands_data()
    {
        QTest::addColumn<int>("language");
        QTest::addColumn<bool>("absolute");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        const int iql = int(QueryLanguage::InfluxQl), flux = int(QueryLanguage::Flux);
        QTest::newRow("influxql relative")
            << iql << false << "SELECT mean(fx) FROM m WHERE time > :dashboardTime: AND time < :upperDashboardTime: GROUP BY time(:interval:)"
            << "SELECT mean(fx) FROM m WHERE time > now() - 1h AND time < now() GROUP BY time(10s)";
        QTest::newRow("influxql absolute")
            << iql << true << "SELECT fx FROM m WHERE time >= :dashboardTime: AND time < :upperDashboardTime:"
            << "SELECT fx FROM m WHERE time >= '2026-11-23T03:12:00Z' AND time < '2026-11-23T04:12:00Z'";
        QTest::newRow("influxql string, comment, quoted name stay")
            << iql << false << "SELECT \":interval:\" FROM m WHERE a = ':dashboardTime:' -- :interval:"
            << "SELECT \":interval:\" FROM m WHERE a = ':dashboardTime:' -- :interval:";
        QTest::newRow("influxql casts and unknown names stay")
            << iql << false << "SELECT fx::float FROM m WHERE time > :dashboard: GROUP BY time(:interval :)"
            << "SELECT fx::float FROM m WHERE time > :dashboard: GROUP BY time(:interval :)";
        QTest::newRow("influxql several lines")
            << iql << false << "SELECT fx\nFROM m\nWHERE time > :dashboardTime:"
            << "SELECT fx\nFROM m\nWHERE time > now() - 1h";
        QTest::newRow("flux relative")
            << flux << false
            << "from(bucket: \"efd\")\n  |> range(start: v.timeRangeStart, stop: v.timeRangeStop)\n  |> aggregateWindow(every: v.windowPeriod, fn: mean)"
            << "from(bucket: \"efd\")\n  |> range(start: -1h, stop: now())\n  |> aggregateWindow(every: 10s, fn: mean)";
        QTest::newRow("flux absolute")
            << flux << true << "from(bucket: \"efd\") |> range(start: v.timeRangeStart, stop: v.timeRangeStop)"
            << "from(bucket: \"efd\") |> range(start: 2026-11-23T03:12:00Z, stop: 2026-11-23T04:12:00Z)";
        QTest::newRow("flux strings, comments and other records stay")
            << flux << false << "x = \"v.timeRangeStart\" // v.windowPeriod\ny = r.v.timeRangeStart"
            << "x = \"v.timeRangeStart\" // v.windowPeriod\ny = r.v.timeRangeStart";
        QTest::newRow("flux with its own option v stays")
            << flux << false << "option v = {timeRangeStart: -2h}\nfrom(bucket: \"b\") |> range(start: v.timeRangeStart)"
            << "option v = {timeRangeStart: -2h}\nfrom(bucket: \"b\") |> range(start: v.timeRangeStart)";
        QTest::newRow("influxql words in flux stay") << flux << false << "x = 1 // :dashboardTime:"
                                                     << "x = 1 // :dashboardTime:";
    }
    void expands()
    {
        QFETCH(int, language);
        QFETCH(bool, absolute);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto expanded = TimeVariables::expand(QueryLanguage(language), text, absolute ? absoluteHour() : pastHour(),
                                                    10 * kSecond);
        QCOMPARE(expanded.text(), expected);
        QCOMPARE(expanded.changed(), text != expected);
        QCOMPARE(TimeVariables::uses(QueryLanguage(language), text), text != expected);
        QCOMPARE(expanded.text().count(u'\n'), text.count(u'\n'));
    }

    void mapsErrorPositionsBack_data()
    {
        QTest::addColumn<int>("language");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("endLine");
        QTest::addColumn<int>("endColumn");
        QTest::addColumn<int>("wantLine");
        QTest::addColumn<int>("wantColumn");
        QTest::addColumn<int>("wantEndLine");
        QTest::addColumn<int>("wantEndColumn");
        const int iql = int(QueryLanguage::InfluxQl), flux = int(QueryLanguage::Flux);
        // Expanded: "SELECT fx FROM m WHERE time > now() - 1h GROUP BY time(10s) fil" — `fil` at 61.
        QTest::newRow("after two variables")
            << iql << "SELECT fx FROM m WHERE time > :dashboardTime: GROUP BY time(:interval:) fil" << 1 << 61 << 0 << 0
            << 1 << 73 << 0 << 0;
        QTest::newRow("before any variable") << iql << "SELECT fx FORM m WHERE time > :dashboardTime:" << 1 << 11 << 0 << 0
                                             << 1 << 11 << 0 << 0;
        QTest::newRow("inside a value: the variable") << iql << "SELECT fx FROM m WHERE time > :dashboardTime:" << 1 << 37
                                                      << 0 << 0 << 1 << 31 << 0 << 0;
        QTest::newRow("other lines unmoved") << iql << "SELECT fx FROM m WHERE time > :dashboardTime:\nGROUP BY tim" << 2
                                             << 10 << 0 << 0 << 2 << 10 << 0 << 0;
        // Expanded line 2: "  |> range(start: -1h, stop: now()) |> fliter(fn: (r) => true)"; fliter at 40-46.
        QTest::newRow("flux range after variables")
            << flux << "from(bucket: \"b\")\n  |> range(start: v.timeRangeStart, stop: v.timeRangeStop) |> fliter(fn: (r) => true)"
            << 2 << 40 << 2 << 46 << 2 << 63 << 2 << 69;
        // range(start: v.timeRangeStart): an error on the whole `-1h` covers the whole variable.
        QTest::newRow("flux range over a value") << flux << "range(start: v.timeRangeStart)" << 1 << 14 << 1 << 17 << 1 << 14
                                                 << 1 << 30;
    }
    void mapsErrorPositionsBack()
    {
        QFETCH(int, language);
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(int, endLine);
        QFETCH(int, endColumn);
        QFETCH(int, wantLine);
        QFETCH(int, wantColumn);
        QFETCH(int, wantEndLine);
        QFETCH(int, wantEndColumn);
        const auto expanded = TimeVariables::expand(QueryLanguage(language), text, pastHour(), 10 * kSecond);
        const QueryErrorLocation at = expanded.originalLocation(QueryErrorLocation{line, column, endLine, endColumn});
        QCOMPARE(at, (QueryErrorLocation{wantLine, wantColumn, wantEndLine, wantEndColumn}));
    }

    void textWithoutVariablesMapsToItself()
    {
        const auto expanded = TimeVariables::expand(QueryLanguage::Flux, u"from(bucket: \"b\")", pastHour(), kSecond);
        QVERIFY(!expanded.changed());
        QCOMPARE(expanded.originalLocation(QueryErrorLocation{1, 5, 1, 9}), (QueryErrorLocation{1, 5, 1, 9}));
    }

    void windowsAndSubSecondRanges()
    {
        const TimeRange range = *TimeRange::absolute(kT0 + 250'000'000, kT0 + 1'750'000'000);
        const auto expanded = TimeVariables::expand(QueryLanguage::Flux, u"range(start: v.timeRangeStart, stop: v.timeRangeStop) every: v.windowPeriod",
                                                    range, 5'000'000);
        QCOMPARE(expanded.text(), QStringLiteral("range(start: 2026-11-23T03:12:00.25Z, stop: 2026-11-23T03:12:01.75Z) every: 5ms"));
        QCOMPARE(expanded.replacements().size(), std::size_t(3));
        QCOMPARE(expanded.replacements()[2].value, QStringLiteral("5ms"));
    }
};

QTEST_GUILESS_MAIN(tst_TimeVariables)
#include "tst_timevariables.moc"
