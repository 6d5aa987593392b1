// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/QueryBuilder.h"
#include "core/query/WindowPeriod.h"

#include <QTest>

using namespace sasquatch;

Q_DECLARE_METATYPE(sasquatch::QueryMode)
Q_DECLARE_METATYPE(sasquatch::AggregateFunction)
Q_DECLARE_METATYPE(sasquatch::QuerySelection)
Q_DECLARE_METATYPE(sasquatch::TimeRange)

namespace {

constexpr qint64 kMs = 1'000'000;
constexpr qint64 kSecond = 1000 * kMs;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kBase = 1'795'403'520LL * kSecond; // 2026-11-23T03:12:00Z

const QString kFad = QStringLiteral("lsst.sal.MTM1M3.forceActuatorData");

QuerySelection selection(const QString &measurement, const QStringList &fields, std::vector<TagFilter> tags = {})
{
    QuerySelection s;
    s.setBucket(QStringLiteral("efd/autogen"));
    s.measurement = measurement;
    s.setFieldNames(fields);
    s.tagFilters = std::move(tags);
    return s;
}

TimeRange hourAt(qint64 start)
{
    return *TimeRange::absolute(start, start + kHour);
}

} // namespace

class tst_QueryBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void window_data()
    {
        QTest::addColumn<qint64>("range");
        QTest::addColumn<int>("pixels");
        QTest::addColumn<qint64>("window");
        QTest::newRow("1h over 1800px") << kHour << 1800 << 2 * kSecond;
        QTest::newRow("1h over 1000px: 3.6s -> 5s") << kHour << 1000 << 5 * kSecond;
        QTest::newRow("exactly nice") << 1000 * 10 * kSecond << 1000 << 10 * kSecond;
        QTest::newRow("one ns above nice") << 1000 * 10 * kSecond + 1 << 1000 << 15 * kSecond;
        QTest::newRow("5m over 1000px: 300ms -> 500ms") << 5 * kMinute << 1000 << 500 * kMs;
        QTest::newRow("tiny range stays at 1ms") << 10 * kMs << 1000 << kMs;
        QTest::newRow("zero range") << qint64(0) << 1000 << kMs;
        QTest::newRow("zero width counts as 1px") << kHour << 0 << kHour;
        QTest::newRow("negative width") << kMinute << -5 << kMinute;
        QTest::newRow("24h over 800px: 108s -> 2m") << kDay << 800 << 2 * kMinute;
        QTest::newRow("7d over 1200px: 504s -> 10m") << 7 * kDay << 1200 << 10 * kMinute;
        QTest::newRow("30d over 1000px: 43.2m -> 1h") << 30 * kDay << 1000 << kHour;
        QTest::newRow("2.5h per px -> 3h") << 250 * kHour << 100 << 3 * kHour;
        QTest::newRow("a year over 10px -> 30d multiple") << 365 * kDay << 10 << 60 * kDay;
        QTest::newRow("30d over 1px") << 30 * kDay << 1 << 30 * kDay;
    }
    void window()
    {
        QFETCH(qint64, range);
        QFETCH(int, pixels);
        QFETCH(qint64, window);
        QCOMPARE(windowPeriodNs(range, pixels), window);
    }

    void windowNeverExceedsOnePointPerPixel()
    {
        for (qint64 range = kMs; range < 400 * kDay; range = range * 3 / 2 + 7) {
            for (int px : {1, 7, 300, 1000, 3840}) {
                const qint64 w = windowPeriodNs(range, px);
                QVERIFY(w >= kMinWindowNs);
                QVERIFY2(w * px >= range, qPrintable(QStringLiteral("%1 %2").arg(range).arg(px)));
                // Rounding up to the next nice value at most multiplies by 3.5 (2d -> 7d).
                QVERIFY(w <= std::max<qint64>(kMinWindowNs, (range / px + 1) * 7 / 2 + 1) || w > 30 * kDay);
            }
        }
        const auto nice = niceWindowsNs();
        QCOMPARE(nice.front(), kMs);
        QCOMPARE(nice.back(), 30 * kDay);
        QVERIFY(std::is_sorted(nice.begin(), nice.end()));
    }

    void queries_data()
    {
        QTest::addColumn<QuerySelection>("sel");
        QTest::addColumn<TimeRange>("range");
        QTest::addColumn<QueryMode>("mode");
        QTest::addColumn<AggregateFunction>("function");
        QTest::addColumn<int>("pixels");
        QTest::addColumn<QString>("flux");
        QTest::addColumn<QString>("influxql");
        const QString absRange = QStringLiteral(
            "  |> range(start: 2026-11-23T03:12:00Z, stop: 2026-11-23T04:12:00Z)\n");
        const QString absWhere = QStringLiteral("time >= '2026-11-23T03:12:00Z' AND time < '2026-11-23T04:12:00Z'");

        QTest::newRow("aggregated mean, two fields")
            << selection(kFad, {QStringLiteral("a"), QStringLiteral("b")}) << hourAt(kBase) << QueryMode::Aggregated
            << AggregateFunction::Mean << 1800
            << QStringLiteral("from(bucket: \"efd/autogen\")\n") + absRange
                   + QStringLiteral("  |> filter(fn: (r) => r._measurement == \"lsst.sal.MTM1M3.forceActuatorData\" and "
                                    "(r._field == \"a\" or r._field == \"b\"))\n"
                                    "  |> aggregateWindow(every: 2s, fn: mean, timeSrc: \"_start\", createEmpty: false)\n"
                                    "  |> yield(name: \"mean\")")
            << QStringLiteral("SELECT mean(\"a\") AS \"a\", mean(\"b\") AS \"b\" FROM \"efd\".\"autogen\"."
                              "\"lsst.sal.MTM1M3.forceActuatorData\" WHERE ")
                   + absWhere + QStringLiteral(" GROUP BY time(2s) fill(none)");

        QTest::newRow("raw, relative, one field")
            << selection(kFad, {QStringLiteral("xForce0")}) << TimeRange::fromPreset(RangePreset::Past15Minutes)
            << QueryMode::Raw << AggregateFunction::Mean << 1800
            << QStringLiteral("from(bucket: \"efd/autogen\")\n"
                              "  |> range(start: -15m)\n"
                              "  |> filter(fn: (r) => r._measurement == \"lsst.sal.MTM1M3.forceActuatorData\" and "
                              "r._field == \"xForce0\")\n"
                              "  |> yield(name: \"raw\")")
            << QStringLiteral("SELECT \"xForce0\" FROM \"efd\".\"autogen\".\"lsst.sal.MTM1M3.forceActuatorData\" "
                              "WHERE time >= now() - 15m AND time < now()");

        QTest::newRow("tag filters, max, relative 7d")
            << selection(QStringLiteral("lsst.sal.MTMount.azimuth"), {QStringLiteral("actualPosition")},
                         {{QStringLiteral("salIndex"), QStringLiteral("1")},
                          {QStringLiteral("sal.host"), QStringLiteral("a")},
                          {QStringLiteral("salIndex"), QStringLiteral("2")},
                          {QStringLiteral("salIndex"), QStringLiteral("1")}})
            << TimeRange::fromPreset(RangePreset::Past7Days) << QueryMode::Aggregated << AggregateFunction::Max << 1200
            << QStringLiteral("from(bucket: \"efd/autogen\")\n"
                              "  |> range(start: -7d)\n"
                              "  |> filter(fn: (r) => r._measurement == \"lsst.sal.MTMount.azimuth\" and "
                              "r._field == \"actualPosition\" and (r.salIndex == \"1\" or r.salIndex == \"2\") and "
                              "r[\"sal.host\"] == \"a\")\n"
                              "  |> aggregateWindow(every: 10m, fn: max, timeSrc: \"_start\", createEmpty: false)\n"
                              "  |> yield(name: \"max\")")
            << QStringLiteral("SELECT max(\"actualPosition\") AS \"actualPosition\" FROM \"efd\".\"autogen\"."
                              "\"lsst.sal.MTMount.azimuth\" WHERE (\"salIndex\" = '1' OR \"salIndex\" = '2') AND "
                              "\"sal.host\" = 'a' AND time >= now() - 7d AND time < now() GROUP BY time(10m) fill(none)");

        QTest::newRow("all fields, nanosecond bounds")
            << selection(kFad, {}) << *TimeRange::absolute(kBase + 1, kBase + 250 * kMs) << QueryMode::Aggregated
            << AggregateFunction::Count << 100
            << QStringLiteral("from(bucket: \"efd/autogen\")\n"
                              "  |> range(start: 2026-11-23T03:12:00.000000001Z, stop: 2026-11-23T03:12:00.25Z)\n"
                              "  |> filter(fn: (r) => r._measurement == \"lsst.sal.MTM1M3.forceActuatorData\")\n"
                              "  |> aggregateWindow(every: 5ms, fn: count, timeSrc: \"_start\", createEmpty: false)\n"
                              "  |> yield(name: \"count\")")
            << QStringLiteral("SELECT count(*) FROM \"efd\".\"autogen\".\"lsst.sal.MTM1M3.forceActuatorData\" WHERE "
                              "time >= '2026-11-23T03:12:00.000000001Z' AND time < '2026-11-23T03:12:00.25Z' "
                              "GROUP BY time(5ms) fill(none)");

        // InfluxQL's MEDIAN() is exact (the mean of the middle values); Flux's median() estimates
        // unless told method: "exact_mean" (Flux stdlib reference).
        QTest::newRow("median, exact in both languages")
            << selection(kFad, {}) << *TimeRange::absolute(kBase + 1, kBase + 250 * kMs) << QueryMode::Aggregated
            << AggregateFunction::Median << 100
            << QStringLiteral("from(bucket: \"efd/autogen\")\n"
                              "  |> range(start: 2026-11-23T03:12:00.000000001Z, stop: 2026-11-23T03:12:00.25Z)\n"
                              "  |> filter(fn: (r) => r._measurement == \"lsst.sal.MTM1M3.forceActuatorData\")\n"
                              "  |> aggregateWindow(every: 5ms, fn: (column, tables=<-) => tables |> median(column: column, "
                              "method: \"exact_mean\"), timeSrc: \"_start\", createEmpty: false)\n"
                              "  |> yield(name: \"median\")")
            << QStringLiteral("SELECT median(*) FROM \"efd\".\"autogen\".\"lsst.sal.MTM1M3.forceActuatorData\" WHERE "
                              "time >= '2026-11-23T03:12:00.000000001Z' AND time < '2026-11-23T03:12:00.25Z' "
                              "GROUP BY time(5ms) fill(none)");

        QTest::newRow("raw all fields, duplicates dropped")
            << selection(kFad, {QStringLiteral("a"), QStringLiteral("a")}) << hourAt(kBase) << QueryMode::Raw
            << AggregateFunction::Mean << 1000
            << QStringLiteral("from(bucket: \"efd/autogen\")\n") + absRange
                   + QStringLiteral("  |> filter(fn: (r) => r._measurement == \"lsst.sal.MTM1M3.forceActuatorData\" and "
                                    "r._field == \"a\")\n  |> yield(name: \"raw\")")
            << QStringLiteral("SELECT \"a\" FROM \"efd\".\"autogen\".\"lsst.sal.MTM1M3.forceActuatorData\" WHERE ")
                   + absWhere;

        // Hostile names: every one must stay inside its quotes.
        QTest::newRow("measurement with double quote")
            << selection(QStringLiteral("a\"b"), {QStringLiteral("v")}) << hourAt(kBase) << QueryMode::Raw
            << AggregateFunction::Mean << 1000
            << QStringLiteral("from(bucket: \"efd/autogen\")\n") + absRange
                   + QStringLiteral("  |> filter(fn: (r) => r._measurement == \"a\\\"b\" and r._field == \"v\")\n"
                                    "  |> yield(name: \"raw\")")
            << QStringLiteral("SELECT \"v\" FROM \"efd\".\"autogen\".\"a\\\"b\" WHERE ") + absWhere;

        QTest::newRow("measurement with SQL injection")
            << selection(QStringLiteral("x' OR 1=1"), {QStringLiteral("v")}) << hourAt(kBase) << QueryMode::Aggregated
            << AggregateFunction::Last << 1800
            << QStringLiteral("from(bucket: \"efd/autogen\")\n") + absRange
                   + QStringLiteral("  |> filter(fn: (r) => r._measurement == \"x' OR 1=1\" and r._field == \"v\")\n"
                                    "  |> aggregateWindow(every: 2s, fn: last, timeSrc: \"_start\", createEmpty: false)\n"
                                    "  |> yield(name: \"last\")")
            << QStringLiteral("SELECT last(\"v\") AS \"v\" FROM \"efd\".\"autogen\".\"x' OR 1=1\" WHERE ") + absWhere
                   + QStringLiteral(" GROUP BY time(2s) fill(none)");

        QTest::newRow("field breaking out of parentheses")
            << selection(kFad, {QStringLiteral("x\") or true or (\"")}) << hourAt(kBase) << QueryMode::Aggregated
            << AggregateFunction::Mean << 1800
            << QStringLiteral("from(bucket: \"efd/autogen\")\n") + absRange
                   + QStringLiteral("  |> filter(fn: (r) => r._measurement == \"lsst.sal.MTM1M3.forceActuatorData\" and "
                                    "r._field == \"x\\\") or true or (\\\"\")\n"
                                    "  |> aggregateWindow(every: 2s, fn: mean, timeSrc: \"_start\", createEmpty: false)\n"
                                    "  |> yield(name: \"mean\")")
            << QStringLiteral("SELECT mean(\"x\\\") or true or (\\\"\") AS \"x\\\") or true or (\\\"\" FROM "
                              "\"efd\".\"autogen\".\"lsst.sal.MTM1M3.forceActuatorData\" WHERE ")
                   + absWhere + QStringLiteral(" GROUP BY time(2s) fill(none)");

        QTest::newRow("hostile tag key, value, bucket, backslash, interpolation, %1")
            << [] {
                   QuerySelection s = selection(QStringLiteral("m\\%1"), {QStringLiteral("${x}")},
                                                {{QStringLiteral("k\"] or true or r[\""), QStringLiteral("v' OR '1'='1")},
                                                 {QStringLiteral("and"), QStringLiteral("\\")}});
                   s.setBucket(QStringLiteral("db\"x/r\"p"));
                   return s;
               }()
            << hourAt(kBase) << QueryMode::Raw << AggregateFunction::Mean << 1000
            << QStringLiteral("from(bucket: \"db\\\"x/r\\\"p\")\n") + absRange
                   + QStringLiteral("  |> filter(fn: (r) => r._measurement == \"m\\\\%1\" and r._field == \"\\${x}\" and "
                                    "r[\"k\\\"] or true or r[\\\"\"] == \"v' OR '1'='1\" and r[\"and\"] == \"\\\\\")\n"
                                    "  |> yield(name: \"raw\")")
            << QStringLiteral("SELECT \"${x}\" FROM \"db\\\"x\".\"r\\\"p\".\"m\\\\%1\" WHERE "
                              "\"k\\\"] or true or r[\\\"\" = 'v\\' OR \\'1\\'=\\'1' AND \"and\" = '\\\\' AND ")
                   + absWhere;

        QTest::newRow("newline in a name stays on one line")
            << selection(QStringLiteral("m\nDROP DATABASE efd"), {QStringLiteral("v")}) << hourAt(kBase)
            << QueryMode::Raw << AggregateFunction::Mean << 1000
            << QStringLiteral("from(bucket: \"efd/autogen\")\n") + absRange
                   + QStringLiteral("  |> filter(fn: (r) => r._measurement == \"m\\nDROP DATABASE efd\" and "
                                    "r._field == \"v\")\n  |> yield(name: \"raw\")")
            << QStringLiteral("SELECT \"v\" FROM \"efd\".\"autogen\".\"m\\nDROP DATABASE efd\" WHERE ") + absWhere;
    }
    void queries()
    {
        QFETCH(QuerySelection, sel);
        QFETCH(TimeRange, range);
        QFETCH(QueryMode, mode);
        QFETCH(AggregateFunction, function);
        QFETCH(int, pixels);
        QFETCH(QString, flux);
        QFETCH(QString, influxql);
        QueryBuilder builder(sel, range);
        builder.setMode(mode);
        builder.setFunction(function);
        builder.setPixelWidth(pixels);
        const auto f = builder.flux();
        QVERIFY2(f.ok(), qPrintable(f.error()));
        QCOMPARE(*f, flux);
        const auto q = builder.influxQl();
        QVERIFY2(q.ok(), qPrintable(q.error()));
        QCOMPARE(*q, influxql);
        QCOMPARE(*builder.build(QueryLanguage::Flux), flux);
        QCOMPARE(*builder.build(QueryLanguage::InfluxQl), influxql);
    }

    void fromClause_data()
    {
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("rp");
        QTest::addColumn<QString>("from");
        QTest::newRow("db and rp") << "efd" << "autogen" << "\"efd\".\"autogen\".\"m\"";
        QTest::newRow("default rp") << "efd" << "" << "\"efd\"..\"m\"";
        QTest::newRow("rp only") << "" << "autogen" << "\"autogen\".\"m\"";
        QTest::newRow("measurement only") << "" << "" << "\"m\"";
    }
    void fromClause()
    {
        QFETCH(QString, database);
        QFETCH(QString, rp);
        QFETCH(QString, from);
        QuerySelection s;
        s.database = database;
        s.retentionPolicy = rp;
        s.measurement = QStringLiteral("m");
        QueryBuilder builder(s, TimeRange::fromPreset(RangePreset::Past1Hour));
        builder.setMode(QueryMode::Raw);
        QCOMPARE(*builder.influxQl(), QStringLiteral("SELECT * FROM ") + from
                                          + QStringLiteral(" WHERE time >= now() - 1h AND time < now()"));
        // No bucket: Flux cannot be built, InfluxQL can.
        QCOMPARE(builder.flux().error(), QStringLiteral("Choose a bucket to query."));
    }

    void bucketSplit()
    {
        QuerySelection s;
        s.setBucket(QStringLiteral("efd/autogen"));
        QCOMPARE(s.database, QStringLiteral("efd"));
        QCOMPARE(s.retentionPolicy, QStringLiteral("autogen"));
        s.setBucket(QStringLiteral("lsst.square.metrics"));
        QCOMPARE(s.bucket, QStringLiteral("lsst.square.metrics"));
        QCOMPARE(s.database, QStringLiteral("lsst.square.metrics"));
        QCOMPARE(s.retentionPolicy, QString());
        s.setFieldNames({QStringLiteral("a"), QStringLiteral("b")});
        QCOMPARE(s.fieldNames(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }

    void errors_data()
    {
        QTest::addColumn<QuerySelection>("sel");
        QTest::addColumn<QueryMode>("mode");
        QTest::addColumn<AggregateFunction>("function");
        QTest::addColumn<QString>("message");
        QuerySelection typed = selection(kFad, {});
        typed.fields = {{QStringLiteral("fx"), FieldType::Float, {}, {}},
                        {QStringLiteral("private_identity"), FieldType::String, {}, {}}};
        QuerySelection flag = selection(kFad, {});
        flag.fields = {{QStringLiteral("inPosition"), FieldType::Boolean, {}, {}}};
        QTest::newRow("no measurement") << selection({}, {QStringLiteral("a")}) << QueryMode::Raw
                                        << AggregateFunction::Mean << "Choose a measurement (topic) to query.";
        QTest::newRow("empty field") << selection(kFad, {QString()}) << QueryMode::Raw << AggregateFunction::Mean
                                     << "A selected field has an empty name.";
        QTest::newRow("empty tag key") << selection(kFad, {}, {{QString(), QStringLiteral("1")}}) << QueryMode::Raw
                                       << AggregateFunction::Mean << "A tag filter has no tag name (value \"1\").";
        QTest::newRow("mean of a string") << typed << QueryMode::Aggregated << AggregateFunction::Mean
                                          << "mean needs numeric fields, but \"private_identity\" is string: use "
                                             "first, last or count, or query it raw.";
        QTest::newRow("stddev of a boolean") << flag << QueryMode::Aggregated << AggregateFunction::Stddev
                                             << "stddev needs numeric fields, but \"inPosition\" is boolean: use "
                                                "first, last or count, or query it raw.";
    }
    void errors()
    {
        QFETCH(QuerySelection, sel);
        QFETCH(QueryMode, mode);
        QFETCH(AggregateFunction, function);
        QFETCH(QString, message);
        QueryBuilder builder(sel, TimeRange());
        builder.setMode(mode);
        builder.setFunction(function);
        QCOMPARE(builder.flux().error(), message);
        QCOMPARE(builder.influxQl().error(), message);
    }

    void stringFieldsWorkWhereTheyCan()
    {
        QuerySelection s = selection(kFad, {});
        s.fields = {{QStringLiteral("private_identity"), FieldType::String, {}, {}}};
        QueryBuilder builder(s, TimeRange());
        builder.setFunction(AggregateFunction::Last);
        QVERIFY(builder.flux().ok());
        builder.setFunction(AggregateFunction::Count);
        QVERIFY(builder.influxQl().ok());
        builder.setFunction(AggregateFunction::Mean);
        builder.setMode(QueryMode::Raw);
        QVERIFY(builder.flux().ok());
    }

    void functionNames()
    {
        for (const AggregateFunction f : kAggregateFunctions) {
            const QString name = aggregateFunctionName(f);
            QCOMPARE(aggregateFunctionFromName(name), std::optional(f));
            QCOMPARE(aggregateFunctionFromName(name.toUpper()), std::optional(f));
        }
        QCOMPARE(aggregateFunctionFromName(u"average"), std::nullopt);
        QVERIFY(aggregateNeedsNumbers(AggregateFunction::Spread));
        QVERIFY(!aggregateNeedsNumbers(AggregateFunction::First));
    }

    void defaults()
    {
        const QueryBuilder builder;
        QCOMPARE(builder.mode(), QueryMode::Aggregated);
        QCOMPARE(builder.function(), AggregateFunction::Mean);
        QCOMPARE(builder.pixelWidth(), QueryBuilder::kDefaultPixelWidth);
        QCOMPARE(builder.windowNs(), 5 * kSecond); // past hour over 1000 px
    }
};

QTEST_GUILESS_MAIN(tst_QueryBuilder)
#include "tst_querybuilder.moc"
