// SPDX-License-Identifier: GPL-3.0-or-later
// SeriesBatchCollector on tables produced by the real parsers: Flux annotated CSV in long form
// (one table per field, pieces, ungrouped rows, pivoted wide form) and InfluxQL JSON in wide
// form (tags, nulls, strings, chunked partial series); batches end up in a SeriesStore with
// fields of one message sharing a time column. Bad tables fail with a message.
#include "core/parse/AnnotatedCsvParser.h"
#include "core/parse/InfluxQlJsonParser.h"
#include "core/parse/ResultTableCollector.h"
#include "core/series/SeriesBatchCollector.h"
#include "core/series/SeriesStore.h"

#include <QTest>

#include <cmath>

using namespace sasquatch;

namespace {

constexpr const char *kTopic = "lsst.sal.MTM1M3.forceActuatorData";
constexpr std::int64_t kT0 = 1'795'403'520'000'000'000; // 2026-11-23T03:12:00Z
constexpr std::int64_t kStep = 20'000'000;

std::vector<ResultTable> parseFlux(const QByteArray &csv, std::size_t maxRowsPerPiece = 0)
{
    ResultTableCollector sink(PieceHandling::Keep);
    AnnotatedCsvParser parser(sink);
    if (maxRowsPerPiece)
        parser.setMaxRowsPerPiece(maxRowsPerPiece);
    parser.feed(csv.constData(), static_cast<std::size_t>(csv.size()));
    parser.finish();
    if (sink.error())
        qWarning("%s", sink.error()->message.c_str());
    return sink.takeTables();
}

std::vector<ResultTable> parseInfluxQl(const QByteArray &json)
{
    ResultTableCollector sink(PieceHandling::Keep);
    InfluxQlJsonParser parser(sink);
    parser.feed(json.constData(), static_cast<std::size_t>(json.size()));
    parser.finish();
    if (sink.error())
        qWarning("%s", sink.error()->message.c_str());
    return sink.takeTables();
}

std::vector<SampleBatch> collect(const std::vector<ResultTable> &tables, SeriesBatchCollector &collector)
{
    for (const ResultTable &t : tables) {
        const auto r = collector.add(t);
        if (!r.ok())
            qWarning("%s", qPrintable(r.error()));
    }
    return collector.takeBatches();
}

// Flux long form: one table per field (group key _field, _measurement, salIndex).
QByteArray fluxLongForm(const std::vector<std::string> &fields, int rows, int shiftField = -1)
{
    QByteArray csv = "#group,false,false,true,true,false,false,true,true,true\r\n"
                     "#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,double,string,string,string\r\n"
                     "#default,_result,,,,,,,,\r\n"
                     ",result,table,_start,_stop,_time,_value,_field,_measurement,salIndex\r\n";
    for (std::size_t f = 0; f < fields.size(); ++f) {
        for (int r = 0; r < rows; ++r) {
            const std::int64_t ns = (static_cast<int>(f) == shiftField ? 1 : 0) + r * kStep;
            csv += QStringLiteral(",,%1,2026-11-23T03:00:00Z,2026-11-23T04:00:00Z,2026-11-23T03:12:00.%2Z,%3,%4,%5,1\r\n")
                       .arg(f)
                       .arg(ns, 9, 10, QLatin1Char('0'))
                       .arg(static_cast<double>(f) * 1000 + r)
                       .arg(QString::fromStdString(fields[f]), QLatin1String(kTopic))
                       .toUtf8();
        }
    }
    return csv;
}

} // namespace

class tst_SeriesBatchCollector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fluxLongFormFieldsShareTimes_data();
    void fluxLongFormFieldsShareTimes();
    void fluxLongFormDifferentTimes();
    void fluxUngroupedRowsSplitBySeries();
    void fluxPivotedWideForm();
    void influxQlWideForm();
    void influxQlChunkedPartialSeries();
    void overlappingTablesMergeFirstWins();
    void nullIsNoSampleNaNIsGap();
    void tablesWithNothingToPlot_data();
    void tablesWithNothingToPlot();
};

void tst_SeriesBatchCollector::fluxLongFormFieldsShareTimes_data()
{
    QTest::addColumn<int>("rowsPerPiece");
    QTest::newRow("whole tables") << 0;
    QTest::newRow("pieces of 3 rows") << 3;
    QTest::newRow("pieces of 1 row") << 1;
}

void tst_SeriesBatchCollector::fluxLongFormFieldsShareTimes()
{
    QFETCH(int, rowsPerPiece);
    const std::vector<std::string> fields{"zForce0", "zForce1", "zForce2"};
    const auto tables = parseFlux(fluxLongForm(fields, 10), static_cast<std::size_t>(rowsPerPiece));
    QVERIFY(tables.size() >= 3);
    SeriesBatchCollector collector;
    std::int64_t samples = 0;
    for (const ResultTable &t : tables) {
        const auto r = collector.add(t);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        samples += *r;
    }
    QCOMPARE(samples, 30);
    const std::vector<SampleBatch> batches = collector.takeBatches();
    QVERIFY(collector.isEmpty());
    QCOMPARE(batches.size(), std::size_t{1});
    const SampleBatch &b = batches.front();
    QCOMPARE(b.topic, std::string(kTopic));
    QCOMPARE(b.tags, (TagSet{{"salIndex", "1"}}));
    QCOMPARE(b.fields.size(), std::size_t{3});
    QCOMPARE(b.times.size(), std::size_t{10});
    QCOMPARE(b.times[3], kT0 + 3 * kStep);
    QCOMPARE(b.fields[1].name, std::string("zForce1"));
    QCOMPARE(b.fields[2].values[7], 2007.0);
    QVERIFY(b.validate().ok());

    SeriesStore store;
    QVERIFY(store.append(b).ok());
    const SeriesId a = *store.find({kTopic, "zForce0", {{"salIndex", "1"}}});
    const SeriesId c = *store.find({kTopic, "zForce2", {{"salIndex", "1"}}});
    QVERIFY(store.sharesTimes(a, c));
    QCOMPARE(store.memory().timeColumns, 1);
}

void tst_SeriesBatchCollector::fluxLongFormDifferentTimes()
{
    // zForce1's rows are 1 ns later: it cannot share the others' time column.
    const auto tables = parseFlux(fluxLongForm({"zForce0", "zForce1", "zForce2"}, 5, 1));
    SeriesBatchCollector collector;
    const std::vector<SampleBatch> batches = collect(tables, collector);
    QCOMPARE(batches.size(), std::size_t{2});
    QCOMPARE(batches[0].fields.size(), std::size_t{2});
    QCOMPARE(batches[1].fields.size(), std::size_t{1});
    QCOMPARE(batches[1].fields[0].name, std::string("zForce1"));
    QCOMPARE(batches[1].times[0], kT0 + 1);
}

void tst_SeriesBatchCollector::fluxUngroupedRowsSplitBySeries()
{
    // After `group()` nothing is a group key: rows of two fields and two salIndex values are
    // interleaved in one table and must be told apart row by row.
    const QByteArray csv = "#group,false,false,false,false,false,false,false\n"
                           "#datatype,string,long,dateTime:RFC3339,double,string,string,string\n"
                           "#default,_result,,,,,,\n"
                           ",result,table,_time,_value,_field,_measurement,salIndex\n"
                           ",,0,2026-11-23T03:12:00Z,1,a,m,1\n"
                           ",,0,2026-11-23T03:12:00Z,2,b,m,1\n"
                           ",,0,2026-11-23T03:12:00Z,3,a,m,2\n"
                           ",,0,2026-11-23T03:12:01Z,4,a,m,1\n"
                           ",,0,2026-11-23T03:12:01Z,5,b,m,1\n"
                           ",,0,2026-11-23T03:12:01Z,6,a,m,\n";
    SeriesBatchCollector collector;
    const std::vector<SampleBatch> batches = collect(parseFlux(csv), collector);
    SeriesStore store;
    for (const SampleBatch &b : batches)
        QVERIFY(store.append(b).ok());
    const auto values = [&](const std::string &field, TagSet tags) {
        const auto id = store.find({"m", field, std::move(tags)});
        return id ? std::vector<double>(store.values(*id).begin(), store.values(*id).end()) : std::vector<double>{-1};
    };
    QCOMPARE(values("a", {{"salIndex", "1"}}), (std::vector<double>{1, 4}));
    QCOMPARE(values("b", {{"salIndex", "1"}}), (std::vector<double>{2, 5}));
    QCOMPARE(values("a", {{"salIndex", "2"}}), (std::vector<double>{3}));
    QCOMPARE(values("a", {}), (std::vector<double>{6})); // empty tag value: no such tag
    QCOMPARE(store.seriesIds().size(), std::size_t{4});
    // a and b of salIndex 1 have the same two times: one batch, one time column.
    QVERIFY(store.sharesTimes(*store.find({"m", "a", {{"salIndex", "1"}}}), *store.find({"m", "b", {{"salIndex", "1"}}})));
}

void tst_SeriesBatchCollector::fluxPivotedWideForm()
{
    // pivot(rowKey: ["_time"], columnKey: ["_field"], valueColumn: "_value"): field columns,
    // an integer and a boolean field among them.
    const QByteArray csv = "#group,false,false,true,true,false,true,false,false,false,true\n"
                           "#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,string,double,long,boolean,string\n"
                           "#default,_result,,,,,,,,,\n"
                           ",result,table,_start,_stop,_time,_measurement,fx,count,inPosition,salIndex\n"
                           ",,0,2026-11-23T03:00:00Z,2026-11-23T04:00:00Z,2026-11-23T03:12:00Z,m,1.25,7,true,3\n"
                           ",,0,2026-11-23T03:00:00Z,2026-11-23T04:00:00Z,2026-11-23T03:12:00.02Z,m,-2.5,8,false,3\n";
    SeriesBatchCollector collector;
    const std::vector<SampleBatch> batches = collect(parseFlux(csv), collector);
    QCOMPARE(batches.size(), std::size_t{1});
    const SampleBatch &b = batches[0];
    QCOMPARE(b.topic, std::string("m"));
    QCOMPARE(b.tags, (TagSet{{"salIndex", "3"}}));
    QCOMPARE(b.fields.size(), std::size_t{3});
    QCOMPARE(b.field("fx")->values, (std::vector<double>{1.25, -2.5}));
    QCOMPARE(b.field("count")->values, (std::vector<double>{7, 8}));
    QCOMPARE(b.field("inPosition")->values, (std::vector<double>{1, 0}));
    QCOMPARE(b.times[1], kT0 + kStep);
}

void tst_SeriesBatchCollector::influxQlWideForm()
{
    // SELECT a, b, s FROM m GROUP BY salIndex: two series (tags), b has a null, s is a string.
    const QByteArray json = R"({"results":[{"statement_id":0,"series":[
        {"name":"lsst.sal.MTM1M3.forceActuatorData","tags":{"salIndex":"1"},"columns":["time","a","b","s"],
         "values":[[1795403520000000000,1.5,2,"x"],[1795403520020000000,2.5,null,"y"],[1795403520040000000,3.5,4,"z"]]},
        {"name":"lsst.sal.MTM1M3.forceActuatorData","tags":{"salIndex":"2"},"columns":["time","a","b","s"],
         "values":[[1795403520000000000,10.5,20,"x"]]}]}]})";
    SeriesBatchCollector collector;
    const std::vector<SampleBatch> batches = collect(parseInfluxQl(json), collector);
    QVERIFY(!collector.notes().empty());
    QVERIFY2(collector.notes().front().contains(QLatin1String("\"s\"")), qPrintable(collector.notes().front()));
    SeriesStore store;
    for (const SampleBatch &b : batches)
        QVERIFY(store.append(b).ok());
    const SeriesId a1 = *store.find({kTopic, "a", {{"salIndex", "1"}}});
    const SeriesId b1 = *store.find({kTopic, "b", {{"salIndex", "1"}}});
    const SeriesId a2 = *store.find({kTopic, "a", {{"salIndex", "2"}}});
    const SeriesId b2 = *store.find({kTopic, "b", {{"salIndex", "2"}}});
    QVERIFY(!store.find({kTopic, "s", {{"salIndex", "1"}}}));
    QCOMPARE(store.sampleCount(a1), 3);
    QCOMPARE(store.sampleCount(b1), 2); // the null is no sample
    QCOMPARE(store.values(b1)[1], 4.0);
    QCOMPARE(store.times(b1)[1], kT0 + 2 * kStep);
    QVERIFY(!store.sharesTimes(a1, b1));
    QVERIFY(store.sharesTimes(a2, b2));
    QCOMPARE(store.values(b2)[0], 20.0);
}

void tst_SeriesBatchCollector::influxQlChunkedPartialSeries()
{
    // chunked=true: one series continued across chunks ("partial":true), 2 rows per chunk.
    QByteArray json;
    for (int chunk = 0; chunk < 3; ++chunk) {
        json += QStringLiteral(R"({"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v","w"],"values":[[%1,%2,%3],[%4,%5,%6]],"partial":%7}],"partial":%7}]})")
                    .arg(kT0 + (2 * chunk) * kStep)
                    .arg(2 * chunk + 0.5)
                    .arg(-(2 * chunk + 0.5))
                    .arg(kT0 + (2 * chunk + 1) * kStep)
                    .arg(2 * chunk + 1.5)
                    .arg(-(2 * chunk + 1.5))
                    .arg(chunk < 2 ? QLatin1String("true") : QLatin1String("false"))
                    .toUtf8();
        json += '\n';
    }
    const auto tables = parseInfluxQl(json);
    QVERIFY(!tables.empty());
    SeriesBatchCollector collector;
    const std::vector<SampleBatch> batches = collect(tables, collector);
    QCOMPARE(batches.size(), std::size_t{1});
    QCOMPARE(batches[0].times.size(), std::size_t{6});
    QCOMPARE(batches[0].field("v")->values[5], 5.5);
    QCOMPARE(batches[0].field("w")->values[4], -4.5);
    QVERIFY(batches[0].tags.empty());
}

void tst_SeriesBatchCollector::overlappingTablesMergeFirstWins()
{
    // The same series in two tables whose times interleave (two statements, or a retry):
    // merged by time, on equal times the first table's row wins.
    const QByteArray json = R"({"results":[
        {"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[[10,1],[30,3],[50,5]]}]},
        {"statement_id":1,"series":[{"name":"m","columns":["time","v"],"values":[[20,2],[30,-3],[60,6]]}]}]})";
    SeriesBatchCollector collector;
    const std::vector<SampleBatch> batches = collect(parseInfluxQl(json), collector);
    QCOMPARE(batches.size(), std::size_t{1});
    QCOMPARE(batches[0].times, (std::vector<std::int64_t>{10, 20, 30, 50, 60}));
    QCOMPARE(batches[0].fields[0].values, (std::vector<double>{1, 2, 3, 5, 6}));
}

void tst_SeriesBatchCollector::nullIsNoSampleNaNIsGap()
{
    const QByteArray csv = "#datatype,string,long,dateTime:RFC3339,double,string,string\n"
                           "#group,false,false,false,false,true,true\n"
                           "#default,_result,,,,,\n"
                           ",result,table,_time,_value,_field,_measurement\n"
                           ",,0,2026-11-23T03:12:00Z,1,v,m\n"
                           ",,0,2026-11-23T03:12:01Z,,v,m\n"
                           ",,0,2026-11-23T03:12:02Z,NaN,v,m\n"
                           ",,0,,4,v,m\n"
                           ",,0,2026-11-23T03:12:04Z,5,v,m\n";
    SeriesBatchCollector collector;
    const std::vector<SampleBatch> batches = collect(parseFlux(csv), collector);
    QCOMPARE(batches.size(), std::size_t{1});
    const std::vector<double> &v = batches[0].fields[0].values;
    QCOMPARE(v.size(), std::size_t{3}); // null value and null time rows are not samples
    QCOMPARE(v[0], 1.0);
    QVERIFY(std::isnan(v[1]));
    QCOMPARE(v[2], 5.0);
}

void tst_SeriesBatchCollector::tablesWithNothingToPlot_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("message");
    QTest::newRow("no time column (schema query)")
        << QByteArray("#datatype,string,long,string\n#group,false,false,false\n#default,_result,,\n,result,table,_value\n,,0,lsst.sal.ATDome.position\n")
        << "no _time or time column";
    QTest::newRow("string values") << QByteArray("#datatype,string,long,dateTime:RFC3339,string,string,string\n#group,false,false,false,false,true,true\n#default,_result,,,,,\n,result,table,_time,_value,_field,_measurement\n,,0,2026-11-23T03:12:00Z,OPEN,state,m\n")
                                   << "only numbers and booleans";
    QTest::newRow("time is not a dateTime") << QByteArray("#datatype,string,long,string,double\n#group,false,false,false,false\n#default,_result,,,\n,result,table,_time,v\n,,0,yesterday,1\n")
                                            << "is not a dateTime column";
    QTest::newRow("only strings") << QByteArray("#datatype,string,long,dateTime:RFC3339,string\n#group,false,false,false,false\n#default,_result,,,\n,result,table,_time,note\n,,0,2026-11-23T03:12:00Z,hello\n")
                                  << "no numeric or boolean column";
}

void tst_SeriesBatchCollector::tablesWithNothingToPlot()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, message);
    const auto tables = parseFlux(csv);
    QCOMPARE(tables.size(), std::size_t{1});
    SeriesBatchCollector collector;
    const auto r = collector.add(tables.front());
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(message), qPrintable(r.error()));
    QVERIFY2(r.error().startsWith(QLatin1String("table 0 of result \"_result\"")), qPrintable(r.error()));
    QVERIFY(collector.isEmpty());
    QVERIFY(collector.takeBatches().empty());
}

QTEST_GUILESS_MAIN(tst_SeriesBatchCollector)
#include "tst_seriesbatchcollector.moc"
