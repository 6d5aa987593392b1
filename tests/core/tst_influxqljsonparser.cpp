// SPDX-License-Identifier: GPL-3.0-or-later
// Cases come from the documented format of InfluxDB 1.x `/query` responses: the InfluxDB 1.x
// HTTP API reference (docs.influxdata.com/influxdb/v1/tools/api/, "/query HTTP endpoint":
// the response examples, the `epoch`, `chunked`, `chunk_size` and `pretty` parameters, "Status
// codes and responses" for `{"error":...}` bodies and `results[i].error` statement errors),
// and from what influxd 1.6.7 (Debian's package, the one the integration fixture runs) really
// writes: chunks are one JSON object per line with `"partial":true` on a series that goes on,
// float fields with integral values are written without a fraction (`2`), Go's float format
// (`1e+21`, `1e-7`), empty tag values, `"statement_id"` first. Each case names its source.
#include "core/parse/InfluxQlJsonParser.h"
#include "core/parse/ResultTableCollector.h"
#include "tests/support/InfluxQlRecorder.h"
#include "tests/support/ResultTableDump.h"

#include <QJsonDocument>
#include <QStringList>
#include <QTest>

#include <functional>
#include <random>

using namespace sasquatch;

namespace {

using test::chunkLine;
using test::forceResponse;
using test::InfluxQlRecorder;
using Outcome = InfluxQlRecorder::Outcome;

bool feedAll(InfluxQlJsonParser &parser, const QByteArray &bytes)
{
    return parser.feed(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

Outcome parseInChunks(const QByteArray &input, const QString &options, const std::function<qsizetype()> &chunkSize)
{
    return InfluxQlRecorder::parse(input, options, chunkSize);
}

} // namespace

class tst_InfluxQlJsonParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void malformed_data();
    void malformed();
    void int64TimesAreExact();
    void statementErrorsWithPlainSink();
    void errorIsFinal();
    void resetAllowsReuse();
    void progressCounters();
    void largeChunkedResponseStreams();
    void piecesBySize();
    void stringLengthLimit();
};

void tst_InfluxQlJsonParser::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("options");
    QTest::addColumn<QString>("expected");

    // API reference, "Query data with a SELECT statement": no epoch, so times are RFC 3339
    // strings; tag values selected as fields are strings, missing ones null.
    const QByteArray docsSelect =
        R"({"results":[{"statement_id":0,"series":[{"name":"mymeas","columns":["time","myfield","mytag1","mytag2"],)"
        R"("values":[["2017-03-01T00:16:18Z",33.1,null,null],["2017-03-01T00:17:18Z",12.4,"12","14"]]}]}]})";
    const QString docsSelectDump = "T 0 0\nC time:time myfield:double mytag1:string mytag2:string _measurement:string:key=mymeas\n"
                                   "R 2017-03-01T00:16:18Z|33.1|~|~|mymeas\nR 2017-03-01T00:17:18Z|12.4|12|14|mymeas";
    QTest::newRow("docs SELECT, RFC 3339 times") << docsSelect << "" << docsSelectDump;
    // API reference: `pretty=true` indents the object over many lines (line tracking). Here
    // QJsonDocument also sorts the keys, as a re-serialising proxy would: `statement_id` then
    // comes after `series`, and `values` still after `name` and `columns`.
    QTest::newRow("docs SELECT, indented, keys sorted")
        << QJsonDocument::fromJson(docsSelect).toJson(QJsonDocument::Indented) << "" << docsSelectDump;
    // API reference, "Query data using multiple queries" with epoch=s: one result per
    // statement, integer times in seconds.
    QTest::newRow("docs two statements, epoch=s")
        << QByteArray(R"({"results":[{"statement_id":0,"series":[{"name":"mymeas","columns":["time","myfield","mytag1","mytag2"],)"
                      R"("values":[[1488327378,33.1,null,null],[1488327438,12.4,"12","14"]]}]},)"
                      R"({"statement_id":1,"series":[{"name":"mymeas","columns":["time","mean"],"values":[[0,22.75]]}]}]})")
        << "epoch=s"
        << "T 0 0\nC time:time myfield:double mytag1:string mytag2:string _measurement:string:key=mymeas\n"
           "R 2017-03-01T00:16:18Z|33.1|~|~|mymeas\nR 2017-03-01T00:17:18Z|12.4|12|14|mymeas\n"
           "T 1 0\nC time:time mean:double _measurement:string:key=mymeas\nR 1970-01-01T00:00:00Z|22.75|mymeas";
    // API reference, "Return query results in chunks" (chunked=true&chunk_size=1): one object
    // per line, the series marked partial until its last chunk. mytag1 is null in the first
    // chunk only: the first piece waits for the second chunk before fixing its type.
    QTest::newRow("docs chunked, chunk_size=1")
        << QByteArray(R"({"results":[{"statement_id":0,"series":[{"name":"mymeas","columns":["time","myfield","mytag1","mytag2"],)"
                      R"("values":[["2017-03-01T00:16:18Z",33.1,null,null]],"partial":true}],"partial":true}]})"
                      "\n"
                      R"({"results":[{"statement_id":0,"series":[{"name":"mymeas","columns":["time","myfield","mytag1","mytag2"],)"
                      R"("values":[["2017-03-01T00:17:18Z",12.4,"12","14"]]}]}]})"
                      "\n")
        << "" << docsSelectDump;
    // influxd 1.6 chunked output: a settled series (float values) goes out chunk by chunk,
    // later pieces flagged as continuations of the same table.
    const QByteArray floatSeries = R"({"name":"lsst.sal.MTM1M3.forceActuatorData","columns":["time","fz"])";
    QTest::newRow("chunks of one series are continuation pieces")
        << chunkLine(0, floatSeries, "[1732406400000000000,-12.5],[1732406400020000000,3.25]", true)
               + chunkLine(0, floatSeries, "[1732406400040000000,0.5],[1732406400060000000,1]", true)
               + chunkLine(0, floatSeries, "[1732406400080000000,2.75]", false)
        << ""
        << "T 0 0\nC time:time fz:double _measurement:string:key=lsst.sal.MTM1M3.forceActuatorData\n"
           "R 2024-11-24T00:00:00Z|-12.5|lsst.sal.MTM1M3.forceActuatorData\n"
           "R 2024-11-24T00:00:00.02Z|3.25|lsst.sal.MTM1M3.forceActuatorData\n"
           "T 0 0 +\nC time:time fz:double _measurement:string:key=lsst.sal.MTM1M3.forceActuatorData\n"
           "R 2024-11-24T00:00:00.04Z|0.5|lsst.sal.MTM1M3.forceActuatorData\n"
           "R 2024-11-24T00:00:00.06Z|1|lsst.sal.MTM1M3.forceActuatorData\n"
           "T 0 0 +\nC time:time fz:double _measurement:string:key=lsst.sal.MTM1M3.forceActuatorData\n"
           "R 2024-11-24T00:00:00.08Z|2.75|lsst.sal.MTM1M3.forceActuatorData";
    // influxd writes float 2.0 as `2`: a first chunk of integral values is held back, and the
    // fraction in the next chunk makes the column Double before anything went out.
    const QByteArray mSeries = R"({"name":"m","columns":["time","f"])";
    QTest::newRow("first chunk integral, next fractional: one Double table")
        << chunkLine(0, mSeries, "[1,0],[2,2]", true) + chunkLine(0, mSeries, "[3,2.5]", false) << ""
        << "T 0 0\nC time:time f:double _measurement:string:key=m\nR 1970-01-01T00:00:00.000000001Z|0|m\n"
           "R 1970-01-01T00:00:00.000000002Z|2|m\nR 1970-01-01T00:00:00.000000003Z|2.5|m";
    // The same with a type hint (SHOW FIELD KEYS says float): Double from the start, so the
    // first chunk streams at once.
    QTest::newRow("type hint: integral floats stream as Double")
        << chunkLine(0, mSeries, "[1,0],[2,2]", true) + chunkLine(0, mSeries, "[3,2.5]", false) << "hint=f:double"
        << "T 0 0\nC time:time f:double _measurement:string:key=m\nR 1970-01-01T00:00:00.000000001Z|0|m\n"
           "R 1970-01-01T00:00:00.000000002Z|2|m\nT 0 0 +\nC time:time f:double _measurement:string:key=m\n"
           "R 1970-01-01T00:00:00.000000003Z|2.5|m";
    // A piece went out as Long (full at 2 rows); a later fraction cannot change it, so the
    // series goes on as the next table with the wider type.
    QTest::newRow("fraction after a Long piece starts a new table")
        << chunkLine(0, mSeries, "[1,1],[2,2],[3,2.5],[4,3]", false) << "rows=2"
        << "T 0 0\nC time:time f:long _measurement:string:key=m\nR 1970-01-01T00:00:00.000000001Z|1|m\n"
           "R 1970-01-01T00:00:00.000000002Z|2|m\nT 0 1\nC time:time f:double _measurement:string:key=m\n"
           "R 1970-01-01T00:00:00.000000003Z|2.5|m\nR 1970-01-01T00:00:00.000000004Z|3|m";
    // SHOW FIELD KEYS says integer: Long, which integral values fit.
    QTest::newRow("hint long, values integral") << chunkLine(0, mSeries, "[1,7]", false) << "hint=f:long"
                                                << "T 0 0\nC time:time f:long _measurement:string:key=m\nR 1970-01-01T00:00:00.000000001Z|7|m";
    // influxd 1.6, `SELECT * FROM m GROUP BY *`: series per tag set (tags sorted, an absent tag
    // as ""), fields missing from a series are null, float `2` without hint is Long.
    QTest::newRow("influxd GROUP BY *: tags, nulls, two series")
        << QByteArray(R"({"results":[{"statement_id":0,"series":[{"name":"m","tags":{"host":"a","region":"x"},)"
                      R"("columns":["time","b","f","i","s"],"values":[[1732406400123456789,false,0,0,"str 0"],)"
                      R"([1732406400123456790,true,0.5,1,"str 1"]]},{"name":"m","tags":{"host":"b","region":""},)"
                      R"("columns":["time","b","f","i","s"],"values":[[1732406400123456789,null,2,3,null]]}]}]})"
                      "\n")
        << ""
        << "T 0 0\nC time:time b:bool f:double i:long s:string _measurement:string:key=m host:string:key=a "
           "region:string:key=x\nR 2024-11-24T00:00:00.123456789Z|false|0|0|str 0|m|a|x\n"
           "R 2024-11-24T00:00:00.12345679Z|true|0.5|1|str 1|m|a|x\n"
           "T 0 1\nC time:time b:double f:long i:long s:double _measurement:string:key=m host:string:key=b "
           "region:string:key\nR 2024-11-24T00:00:00.123456789Z|~|2|3|~|m|b|";
    // influxd 1.6: Go's float formatting (exponents) and integers beyond int64.
    QTest::newRow("number forms")
        << QByteArray(R"({"results":[{"statement_id":0,"series":[{"name":"n","columns":["time","d","u","l"],"values":[)"
                      R"([1,1e+21,18446744073709551615,-9223372036854775808],[2,1e-7,9223372036854775808,9223372036854775807],)"
                      R"([3,-0,0,0],[4,12345678901234568,1,-1],[5,-1.5E+3,2,1]]}]}]})")
        << ""
        << "T 0 0\nC time:time d:double u:ulong l:long _measurement:string:key=n\n"
           "R 1970-01-01T00:00:00.000000001Z|1e+21|18446744073709551615|-9223372036854775808|n\n"
           "R 1970-01-01T00:00:00.000000002Z|1e-07|9223372036854775808|9223372036854775807|n\n"
           "R 1970-01-01T00:00:00.000000003Z|0|0|0|n\nR 1970-01-01T00:00:00.000000004Z|12345678901234568|1|-1|n\n"
           "R 1970-01-01T00:00:00.000000005Z|-1500|2|1|n";
    // InfluxDB 2.x unsigned fields (line protocol `5u`) through its 1.x-compatible /query: Go
    // writes the uint64 values as plain integers, so the column looks Long until one passes
    // INT64_MAX. Without negative values it becomes UnsignedLong, every value exact.
    const QByteArray uSeries = R"({"name":"m","columns":["time","u"])";
    QTest::newRow("2.x unsigned field passing INT64_MAX: UnsignedLong")
        << chunkLine(0, uSeries, "[1,5],[2,null],[3,18446744073709551615],[4,7]", false) << ""
        << "T 0 0\nC time:time u:ulong _measurement:string:key=m\nR 1970-01-01T00:00:00.000000001Z|5|m\n"
           "R 1970-01-01T00:00:00.000000002Z|~|m\nR 1970-01-01T00:00:00.000000003Z|18446744073709551615|m\n"
           "R 1970-01-01T00:00:00.000000004Z|7|m";
    // A negative value (before or after the big one) leaves Double as the only common type
    // (2^64 - 1 rounds to 2^64 there).
    QTest::newRow("negative then beyond INT64_MAX: Double")
        << chunkLine(0, uSeries, "[1,-5],[2,18446744073709551615]", false) << ""
        << "T 0 0\nC time:time u:double _measurement:string:key=m\nR 1970-01-01T00:00:00.000000001Z|-5|m\n"
           "R 1970-01-01T00:00:00.000000002Z|18446744073709551616|m";
    QTest::newRow("beyond INT64_MAX then negative: Double")
        << chunkLine(0, uSeries, "[1,5],[2,18446744073709551615],[3,-1]", false) << ""
        << "T 0 0\nC time:time u:double _measurement:string:key=m\nR 1970-01-01T00:00:00.000000001Z|5|m\n"
           "R 1970-01-01T00:00:00.000000002Z|18446744073709551616|m\nR 1970-01-01T00:00:00.000000003Z|-1|m";
    // The Long piece with the negative value went out already: the new table holds no negative.
    QTest::newRow("beyond INT64_MAX after a Long piece: new UnsignedLong table")
        << chunkLine(0, uSeries, "[1,-5],[2,18446744073709551615],[3,4]", false) << "rows=1"
        << "T 0 0\nC time:time u:long _measurement:string:key=m\nR 1970-01-01T00:00:00.000000001Z|-5|m\n"
           "T 0 1\nC time:time u:ulong _measurement:string:key=m\nR 1970-01-01T00:00:00.000000002Z|18446744073709551615|m\n"
           "T 0 1 +\nC time:time u:ulong _measurement:string:key=m\nR 1970-01-01T00:00:00.000000003Z|4|m";
    // SHOW output without time (SHOW TAG VALUES-like), one row per piece: a type change at the
    // first column moves the row started into the next table; later columns of that row widen
    // there in place.
    QTest::newRow("type change in the first column after a piece")
        << QByteArray(R"({"results":[{"statement_id":0,"series":[{"name":"t","columns":["a","b","c"],"values":[)"
                      R"([1,1,true],[1.5,"s",1],[2,3,false]]}]}]})")
        << "rows=1"
        << "T 0 0\nC a:long b:long c:bool _measurement:string:key=t\nR 1|1|true|t\n"
           "T 0 1\nC a:double b:string c:string _measurement:string:key=t\nR 1.5|s|1|t\n"
           "T 0 1 +\nC a:double b:string c:string _measurement:string:key=t\nR 2|3|false|t";
    // Mixed kinds in one column (a field whose type differs between shards): String, numbers
    // kept as the server wrote them when the column was String already; booleans, strings.
    QTest::newRow("mixed kinds become String")
        << QByteArray(R"({"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v","w"],"values":[)"
                      R"([1,1.5,true],[2,"x",false],[3,1e-7,7]]}]}]})")
        << ""
        << "T 0 0\nC time:time v:string w:string _measurement:string:key=m\n"
           "R 1970-01-01T00:00:00.000000001Z|1.5|true|m\nR 1970-01-01T00:00:00.000000002Z|x|false|m\n"
           "R 1970-01-01T00:00:00.000000003Z|1e-7|7|m";
    // RFC 8259 strings: escapes, \u with a surrogate pair, a lone surrogate, in names, tags, values.
    QTest::newRow("string escapes")
        << QByteArray(R"({"results":[{"statement_id":0,"series":[{"name":"caf\u00e9","tags":{"k\"q":"a\\b"},)"
                      R"("columns":["time","s"],"values":[[1,"tab\there \ud83d\ude00 \/ \ud800x"]]}]}]})")
        << ""
        << QString::fromUtf8("T 0 0\nC time:time s:string _measurement:string:key=café k\"q:string:key=a\\b\n"
                             "R 1970-01-01T00:00:00.000000001Z|tab\there \xF0\x9F\x98\x80 / \xEF\xBF\xBDx|café|a\\b");
    // API reference, "Create a database": a statement without series.
    QTest::newRow("docs empty result") << QByteArray("{\"results\":[{\"statement_id\":0}]}\n") << "" << QString();
    // influxd 1.6 SHOW DATABASES / SHOW RETENTION POLICIES / SHOW FIELD KEYS: no time column.
    QTest::newRow("SHOW statements")
        << QByteArray(R"({"results":[{"statement_id":0,"series":[{"name":"databases","columns":["name"],"values":[["_internal"],["efd"]]}]},)"
                      R"({"statement_id":1,"series":[{"columns":["name","duration","shardGroupDuration","replicaN","default"],)"
                      R"("values":[["autogen","0s","168h0m0s",1,true]]}]},)"
                      R"({"statement_id":2,"series":[{"name":"m","columns":["fieldKey","fieldType"],"values":[["f","float"]]},)"
                      R"({"name":"n","columns":["fieldKey","fieldType"],"values":[["value","float"]]}]}]})")
        << ""
        << "T 0 0\nC name:string _measurement:string:key=databases\nR _internal|databases\nR efd|databases\n"
           "T 1 0\nC name:string duration:string shardGroupDuration:string replicaN:long default:bool _measurement:string:key\n"
           "R autogen|0s|168h0m0s|1|true|\n"
           "T 2 0\nC fieldKey:string fieldType:string _measurement:string:key=m\nR f|float|m\n"
           "T 2 1\nC fieldKey:string fieldType:string _measurement:string:key=n\nR value|float|n";
    // API reference, status 200 with a statement error; influxd 1.6: the statements after a
    // failed one report "not executed". Not a ParseError: the next statement is parsed on.
    QTest::newRow("statement errors inside a 200")
        << QByteArray(R"({"results":[{"statement_id":0,"error":"database not found: nodb"},{"statement_id":1,"error":"not executed"},)"
                      R"({"statement_id":2,"series":[{"name":"databases","columns":["name"],"values":[["efd"]]}]}]})")
        << "" << "S 0 L1: database not found: nodb\nS 1 L1: not executed\nT 2 0\nC name:string _measurement:string:key=databases\nR efd|databases";
    // influxd chunked: a statement fails after some chunks (max-select-point): its rows come first.
    QTest::newRow("statement error after partial data")
        << chunkLine(0, mSeries, "[1,0.5]", true)
               + "{\"results\":[{\"statement_id\":0,\"error\":\"max-select-point limit exceeed: (2/1)\"}]}\n"
               + chunkLine(1, mSeries, "[1,1.5]", false)
        << ""
        << "T 0 0\nC time:time f:double _measurement:string:key=m\nR 1970-01-01T00:00:00.000000001Z|0.5|m\n"
           "S 0 L2: max-select-point limit exceeed: (2/1)\n"
           "T 1 0\nC time:time f:double _measurement:string:key=m\nR 1970-01-01T00:00:00.000000001Z|1.5|m";
    // API reference "Status codes and responses": a 400 body `{"error":...}` (text from influxd 1.6).
    QTest::newRow("top-level error")
        << QByteArray("{\"error\":\"error parsing query: found EOF, expected identifier at line 1, char 98\"}\n") << ""
        << "E server: error parsing query: found EOF, expected identifier at line 1, char 98";
    // influxd writes a top-level `{"error":...}` line when a chunked query fails as a whole
    // after data went out: the complete rows before it are delivered, then it ends parsing.
    QTest::newRow("top-level error after data")
        << chunkLine(0, mSeries, "[1,1],[2,2]", true) + "{\"error\":\"timeout\"}\n" + chunkLine(1, mSeries, "[1,1.5]", false)
        << ""
        << "T 0 0\nC time:time f:long _measurement:string:key=m\nR 1970-01-01T00:00:00.000000001Z|1|m\n"
           "R 1970-01-01T00:00:00.000000002Z|2|m\nE server: timeout";
    // Members this parser does not use are skipped, whatever their shape (`messages` carries
    // deprecation warnings in InfluxDB 1.x responses).
    QTest::newRow("unknown members skipped")
        << QByteArray(R"({"results":[{"statement_id":0,"messages":[{"level":"warning","text":"deprecated"}],"x":{"y":[1,{}]},)"
                      R"("series":[{"name":"m","columns":["time","f"],"extra":null,"values":[[1,0.5]]}]}],"other":true})")
        << "" << "T 0 0\nC time:time f:double _measurement:string:key=m\nR 1970-01-01T00:00:00.000000001Z|0.5|m";
    // API docs (docs.influxdata.com archive PR #1041): responses carry "statement_id" only
    // since InfluxDB 1.2.0; before, the position in `results` is the statement.
    QTest::newRow("no statement_id")
        << QByteArray(R"({"results":[{"series":[{"name":"a","columns":["n"],"values":[[1]]}]},{"series":[{"name":"b","columns":["n"],"values":[[2]]}]}]})")
        << "" << "T 0 0\nC n:long _measurement:string:key=a\nR 1|a\nT 1 0\nC n:long _measurement:string:key=b\nR 2|b";
    // Go's Row marshalling omits empty `values` (omitempty): a series of columns only.
    QTest::newRow("series without values: empty table")
        << QByteArray(R"({"results":[{"statement_id":0,"series":[{"name":"m","tags":{"h":"x"},"columns":["time","f"]}]}]})") << ""
        << "T 0 0\nC time:time f:double _measurement:string:key=m h:string:key=x";
    // InfluxQL may select a tag it groups by: the tag is then a column and a series tag.
    QTest::newRow("tag key equal to a column name")
        << QByteArray(R"({"results":[{"statement_id":0,"series":[{"name":"m","tags":{"host":"a"},"columns":["time","host"],"values":[[1,"a"]]}]}]})")
        << "" << "T 0 0\nC time:time host:string _measurement:string:key=m host_tag:string:key=a\nR 1970-01-01T00:00:00.000000001Z|a|m|a";
    // API reference, `epoch` parameter (h, m, s, ms, u, ns): exact integer scalings.
    QTest::newRow("epoch=ms") << QByteArray(R"({"results":[{"statement_id":0,"series":[{"name":"n","columns":["time","v"],"values":[[1732406400123,1.5]]}]}]})")
                              << "epoch=ms" << "T 0 0\nC time:time v:double _measurement:string:key=n\nR 2024-11-24T00:00:00.123Z|1.5|n";
    QTest::newRow("epoch=h") << QByteArray(R"({"results":[{"statement_id":0,"series":[{"name":"n","columns":["time","v"],"values":[[481224,1.5]]}]}]})")
                             << "epoch=h" << "T 0 0\nC time:time v:double _measurement:string:key=n\nR 2024-11-24T00:00:00Z|1.5|n";
    // Several top-level objects without line breaks, CRLF between chunks: JSON whitespace.
    QTest::newRow("objects back to back, CRLF")
        << QByteArray("{\"results\":[{\"statement_id\":0}]}{\"results\":[{\"statement_id\":1}]}\r\n\r\n") << "" << QString();
    // This parser's piece contract (as AnnotatedCsvParser's): a long series is cut, the pieces
    // continue the same table.
    QTest::newRow("rows per piece") << chunkLine(0, mSeries, "[1,0.5],[2,1.5],[3,2.5]", false) << "rows=2"
                                    << "T 0 0\nC time:time f:double _measurement:string:key=m\nR 1970-01-01T00:00:00.000000001Z|0.5|m\n"
                                       "R 1970-01-01T00:00:00.000000002Z|1.5|m\nT 0 0 +\nC time:time f:double _measurement:string:key=m\n"
                                       "R 1970-01-01T00:00:00.000000003Z|2.5|m";
    // InfluxDB 1.8.0-1.8.3 (influxdata/influxdb#20249) and the 2.x InfluxQL response writer:
    // when a result cannot be encoded (a +Inf from a division), err.Error() goes out as plain
    // text after the JSON already sent, status 200. The line is the server's error; the table
    // before it stays delivered. The whole line counts however the chunks cut it.
    const QString infText = "json: error calling MarshalJSON for type httpd.Response: json: error calling MarshalJSON "
                               "for type *query.Result: json: unsupported value: +Inf";
    QTest::newRow("server text after a chunk (1.8.0-1.8.3 +Inf)")
        << QByteArray(R"({"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[[1,1]]}]}]})"
                      "\n")
               + infText.toUtf8() + "\n"
        << ""
        << QStringLiteral("T 0 0\nC time:time v:long _measurement:string:key=m\nR 1970-01-01T00:00:00.000000001Z|1|m\nE server: ")
               + infText;
    // The same failure in the first chunk, or in a response without chunked=true: only text.
    QTest::newRow("server text as the whole body") << QByteArray("json: unsupported value: NaN\n") << ""
                                                   << QStringLiteral("E server: json: unsupported value: NaN");
    // A held piece (partial series, Long by inference) goes out before the error, as before a
    // top-level {"error"}; CRLF and a missing final newline; what follows the line is not read.
    QTest::newRow("server text after a held piece, CRLF, no final newline")
        << chunkLine(0, mSeries, "[1,1],[2,2]", true) + "\r\n  json: unsupported value: -Inf \r" << ""
        << "T 0 0\nC time:time f:long _measurement:string:key=m\nR 1970-01-01T00:00:00.000000001Z|1|m\n"
           "R 1970-01-01T00:00:00.000000002Z|2|m\nE server: json: unsupported value: -Inf";
    QTest::newRow("server text ends parsing")
        << chunkLine(0, mSeries, "[1,0.5]", false) + "timeout\n" + chunkLine(1, mSeries, "[1,1.5]", false) << ""
        << "T 0 0\nC time:time f:double _measurement:string:key=m\nR 1970-01-01T00:00:00.000000001Z|0.5|m\n"
           "E server: timeout";
    // Bounded: kMaxServerTextBytes (512) bytes; a longer line is cut (at a UTF-8 boundary).
    QTest::newRow("server text of 512 bytes") << "{}\n" + QByteArray(512, 'x') + "\n{}" << ""
                                              << QStringLiteral("E server: ") + QString(512, u'x');
    QTest::newRow("server text cut")
        << "{}\n" + QByteArray(510, 'x') + "\xC3\xA9\xC3\xA9" + QByteArray(5000, 'y') << ""
        << QStringLiteral("E server: ") + QString(510, u'x') + QString::fromUtf8("\xC3\xA9\xE2\x80\xA6");
    QTest::newRow("server text cut inside a character")
        << "{}\n" + QByteArray(511, 'x') + "\xC3\xA9" + QByteArray(5000, 'y') << ""
        << QStringLiteral("E server: ") + QString(511, u'x') + QString::fromUtf8("\xE2\x80\xA6");
    // RFC 8259 violation after complete tables (parser contract): those stay, the piece in
    // progress is dropped.
    QTest::newRow("error keeps delivered tables")
        << chunkLine(0, mSeries, "[1,0.5]", false) + chunkLine(1, mSeries, "[1,0.5],[2,x]", false) << ""
        << "T 0 0\nC time:time f:double _measurement:string:key=m\nR 1970-01-01T00:00:00.000000001Z|0.5|m\n"
           "E malformed L2 C97: expected a value, found 'x'";
}

void tst_InfluxQlJsonParser::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, options);
    QFETCH(QString, expected);

    const auto check = [&](const Outcome &out, const char *mode) {
        QVERIFY2(out.dump == expected, qPrintable(QStringLiteral("%1 feeding gave:\n%2").arg(mode, out.dump)));
        std::uint64_t rows = 0;
        for (const ResultTable &t : out.tables) {
            QVERIFY(t.isConsistent());
            rows += t.rowCount();
        }
        QCOMPARE(out.emitted, std::uint64_t(out.tables.size()));
        if (!out.failed) {
            QCOMPARE(out.bytes, std::uint64_t(input.size()));
            QCOMPARE(out.rows, rows);
        }
    };
    check(parseInChunks(input, options, [&] { return std::max<qsizetype>(input.size(), 1); }), "whole");
    check(parseInChunks(input, options, [] { return qsizetype(1); }), "byte-at-a-time");
    for (unsigned seed = 1; seed <= 8; ++seed) {
        std::mt19937 rng(seed);
        std::uniform_int_distribution<int> small(1, 17);
        std::uniform_int_distribution<int> large(1, 300);
        check(parseInChunks(input, options, [&] { return qsizetype(rng() % 4 == 0 ? large(rng) : small(rng)); }),
              "random-chunk");
    }
}

void tst_InfluxQlJsonParser::malformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("options");
    QTest::addColumn<QString>("expected");

    // RFC 8259 grammar violations: line and byte column of the offending token.
    QTest::newRow("truncated body") << QByteArray("{\"results\":[{\"statement_id\":0,\"series\":[") << ""
                                    << "E malformed L1 C41: unexpected end of input inside an array";
    // (The grammar errors themselves are tst_jsontokenizer's; here: they reach ParseError.)
    QTest::newRow("invalid escape") << QByteArray("{\"error\":\"bad \\q\"}") << "" << "E malformed L1 C15: invalid escape \\q in a string";
    QTest::newRow("second line broken")
        << QByteArray("{\"results\":[{\"statement_id\":0}]}\n{\"results\":[{\"statement_id\":1}]]}\n") << ""
        << "E malformed L2 C32: expected ',' or '}', found ']'";
    // (A line of text there is the server's error, see "server text" in parse_data.)
    QTest::newRow("garbage between objects") << QByteArray("{\"results\":[]}\n<html><body>Bad Gateway</body></html>\n") << ""
                                             << "E malformed L2 C1: expected a value, found '<'";
    QTest::newRow("digits between objects") << QByteArray("{\"results\":[]}\n404 page not found\n") << ""
                                            << "E malformed L2 C1: expected a JSON object (an InfluxDB /query response)";
    QTest::newRow("empty body") << QByteArray() << "" << "E malformed L0 C0: empty response: no JSON object";
    QTest::newRow("whitespace only") << QByteArray("\r\n \n") << "" << "E malformed L0 C0: empty response: no JSON object";

    // JSON, but not a /query response.
    QTest::newRow("top-level array") << QByteArray("[{\"results\":[]}]") << ""
                                     << "E malformed L1 C1: expected a JSON object (an InfluxDB /query response)";
    QTest::newRow("results not an array") << QByteArray("{\"results\":{}}") << "" << "E malformed L1 C12: \"results\" must be an array";
    QTest::newRow("statement_id not an integer") << QByteArray("{\"results\":[{\"statement_id\":\"0\"}]}") << ""
                                                 << "E malformed L1 C29: \"statement_id\" must be an integer";
    QTest::newRow("tag value not a string")
        << QByteArray("{\"results\":[{\"series\":[{\"name\":\"m\",\"tags\":{\"h\":1}}]}]}") << ""
        << "E malformed L1 C48: the value of tag \"h\" must be a string";
    QTest::newRow("columns not strings") << QByteArray("{\"results\":[{\"series\":[{\"columns\":[\"time\",2]}]}]}") << ""
                                         << "E malformed L1 C43: \"columns\" must be an array of strings";
    QTest::newRow("row not an array") << QByteArray("{\"results\":[{\"series\":[{\"columns\":[\"n\"],\"values\":[1]}]}]}") << ""
                                      << "E malformed L1 C51: each row of \"values\" must be an array";
    QTest::newRow("nested value in a row")
        << QByteArray("{\"results\":[{\"series\":[{\"columns\":[\"n\"],\"values\":[[{\"a\":1}]]}]}]}") << ""
        << "E malformed L1 C52: a row value must be a number, string, boolean or null";
    QTest::newRow("row longer than columns")
        << QByteArray("{\"results\":[{\"series\":[{\"columns\":[\"time\",\"f\"],\"values\":[[1,2.5],[2,3.5,4]]}]}]}") << ""
        << "E malformed L1 C66: row has 3 values but the series has 2 columns";
    QTest::newRow("row shorter than columns")
        << QByteArray("{\"results\":[{\"series\":[{\"columns\":[\"time\",\"f\"],\"values\":[[1]]}]}]}") << ""
        << "E malformed L1 C58: row has 1 value but the series has 2 columns";
    QTest::newRow("columns after values")
        << QByteArray("{\"results\":[{\"series\":[{\"values\":[],\"columns\":[\"n\"]}]}]}") << ""
        << "E malformed L1 C37: series member \"columns\" after \"values\" is not supported (InfluxDB writes name, tags and columns first)";
    // The `time` column: integer epochs or RFC 3339 strings only.
    QTest::newRow("invalid time string")
        << QByteArray("{\"results\":[{\"series\":[{\"columns\":[\"time\",\"f\"],\"values\":[[\"2024-02-30T00:00:00Z\",1.5]]}]}]}")
        << "" << "E malformed L1 C58 (time): invalid time \"2024-02-30T00:00:00Z\" (expected an RFC 3339 time)";
    QTest::newRow("fractional time")
        << QByteArray("{\"results\":[{\"series\":[{\"columns\":[\"time\",\"f\"],\"values\":[[1.5,1.5]]}]}]}") << ""
        << "E malformed L1 C58 (time): invalid time value (expected an integer epoch or an RFC 3339 string)";
    QTest::newRow("time overflows with epoch=h")
        << QByteArray("{\"results\":[{\"series\":[{\"columns\":[\"time\",\"f\"],\"values\":[[3000000,1.5]]}]}]}") << "epoch=h"
        << "E malformed L1 C58 (time): time 3000000 is out of the int64 nanosecond range";
    QTest::newRow("error member not a string") << QByteArray("{\"error\":42}") << "" << "E malformed L1 C10: \"error\" must be a string";
}

void tst_InfluxQlJsonParser::malformed()
{
    // Same checks as parse(): errors do not depend on chunk boundaries either.
    parse();
}

void tst_InfluxQlJsonParser::int64TimesAreExact()
{
    // Near 2^62 and at the ends of InfluxDB's time range (1677..2262): a double would round
    // these by up to 512 ns; they must come through to the last nanosecond.
    const std::vector<std::int64_t> times = {1732406400123456789,       4611686018427387904,  4611686018427387905,
                                             -9223372036854775806,      9223372036854775806,  1,
                                             -1,                        0};
    QByteArray body = R"({"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","n"],"values":[)";
    for (std::size_t i = 0; i < times.size(); ++i)
        body += (i ? ",[" : "[") + QByteArray::number(qint64(times[i])) + "," + QByteArray::number(qint64(times[i])) + "]";
    body += "]}]}]}";
    for (const qsizetype chunk : {qsizetype(1), qsizetype(7), body.size()}) {
        ResultTableCollector sink;
        InfluxQlJsonParser parser(sink);
        for (qsizetype pos = 0; pos < body.size(); pos += chunk)
            QVERIFY(parser.feed(body.constData() + pos, static_cast<std::size_t>(std::min(chunk, body.size() - pos))));
        QVERIFY(parser.finish());
        QCOMPARE(sink.tables().size(), 1u);
        const ResultTable &t = sink.tables().front();
        QCOMPARE(t.column(0).type(), ColumnType::DateTime);
        QCOMPARE(t.column(1).type(), ColumnType::Long);
        for (std::size_t i = 0; i < times.size(); ++i) {
            QCOMPARE(t.column(0).int64Values()[i], times[i]);
            QCOMPARE(t.column(1).int64Values()[i], times[i]);
        }
        QCOMPARE(t.cellText(0, 0), std::string("2024-11-24T00:00:00.123456789Z"));
    }
    // Scaled epochs are exact too (ms * 10^6 in integers).
    ResultTableCollector sink;
    InfluxQlJsonParser parser(sink);
    parser.setEpoch(InfluxQlEpoch::Microseconds);
    QVERIFY(feedAll(parser, R"({"results":[{"series":[{"columns":["time"],"values":[[1732406400123457]]}]}]})") && parser.finish());
    QCOMPARE(sink.tables().front().column(0).int64Values()[0], 1732406400123457000);
}

void tst_InfluxQlJsonParser::statementErrorsWithPlainSink()
{
    // A plain ResultTableSink gets the tables; statement errors stay with the parser.
    ResultTableCollector sink;
    InfluxQlJsonParser parser(sink);
    QVERIFY(feedAll(parser, "{\"results\":[{\"statement_id\":0,\"error\":\"database not found: x\"}]}\n"
                            "{\"results\":[{\"statement_id\":1,\"series\":[{\"columns\":[\"n\"],\"values\":[[1]]}]}]}\n"));
    QVERIFY(parser.finish());
    QVERIFY(!parser.failed());
    QVERIFY(!sink.error());
    QCOMPARE(sink.tables().size(), 1u);
    QCOMPARE(parser.statementErrors().size(), 1u);
    const InfluxQlStatementError expected{0, "database not found: x", 1};
    QVERIFY(parser.statementErrors().front() == expected);
}

class CountingSink final : public ResultTableSink
{
public:
    void tableReady(ResultTable &&) override { ++tables; }
    void parseFailed(const ParseError &) override { ++failures; }
    int tables = 0;
    int failures = 0;
};

void tst_InfluxQlJsonParser::errorIsFinal()
{
    CountingSink sink;
    InfluxQlJsonParser parser(sink);
    QVERIFY(!feedAll(parser, "{\"results\":[{\"statement_id\":0,\"series\":[{\"columns\":[\"n\"],\"values\":[[1],[nope]]}]}]}"));
    QVERIFY(parser.failed());
    QCOMPARE(parser.error()->kind, ParseErrorKind::Malformed);
    QVERIFY(!feedAll(parser, "{\"results\":[]}"));
    QVERIFY(!parser.finish());
    QCOMPARE(sink.failures, 1);
    QCOMPARE(sink.tables, 0); // the piece in progress is dropped
    QCOMPARE(QString::fromStdString(parser.error()->describe()),
             QStringLiteral("line 1, column 73: invalid literal (expected null)"));

    // Data after finish() is an error too; finish() is idempotent.
    CountingSink sink2;
    InfluxQlJsonParser parser2(sink2);
    QVERIFY(feedAll(parser2, "{\"results\":[{\"series\":[{\"columns\":[\"n\"],\"values\":[[1]]}]}]}"));
    QVERIFY(parser2.finish());
    QVERIFY(parser2.finish());
    QVERIFY(!feedAll(parser2, "{}"));
    QCOMPARE(sink2.tables, 1);
    QCOMPARE(sink2.failures, 1);

    // A server error is final as well, and describe() says it came from the server.
    CountingSink sink3;
    InfluxQlJsonParser parser3(sink3);
    QVERIFY(!feedAll(parser3, "{\"error\":\"authorization failed\"}\n"));
    QCOMPARE(parser3.error()->kind, ParseErrorKind::ServerError);
    QCOMPARE(QString::fromStdString(parser3.error()->describe()), QStringLiteral("query failed: authorization failed"));

    // So is a server's line of text between objects (influxdata/influxdb#20249), with its line;
    // nothing after it is read.
    CountingSink sink4;
    InfluxQlJsonParser parser4(sink4);
    QVERIFY(feedAll(parser4, "{\"results\":[]}\n\n  json: unsupported"));
    QVERIFY(!parser4.failed()); // the line may go on in the next chunk
    QVERIFY(!feedAll(parser4, " value: NaN\n{\"results\":["));
    QCOMPARE(parser4.error()->kind, ParseErrorKind::ServerError);
    QCOMPARE(parser4.error()->line, 3u);
    QCOMPARE(parser4.error()->message, std::string("json: unsupported value: NaN"));
    QVERIFY(!parser4.finish());
    QCOMPARE(sink4.failures, 1);
}

void tst_InfluxQlJsonParser::resetAllowsReuse()
{
    InfluxQlRecorder sink;
    InfluxQlJsonParser parser(sink);
    QVERIFY(feedAll(parser, "{\"results\":[{\"statement_id\":0,\"error\":\"e\"}]}{\"results\":[")); // only finish() can tell
    QVERIFY(!parser.finish());
    QCOMPARE(parser.statementErrors().size(), 1u);
    parser.reset();
    sink.events.clear();
    QVERIFY(!parser.failed());
    QCOMPARE(parser.bytesFed(), 0u);
    QVERIFY(parser.statementErrors().empty());
    QVERIFY(feedAll(parser, "{\"results\":[{\"statement_id\":3,\"series\":[{\"columns\":[\"n\"],\"values\":[[2.5]]}]}]}"));
    QVERIFY(parser.finish());
    QCOMPARE(sink.events.join(QLatin1Char('\n')), QStringLiteral("T 3 0\nC n:double _measurement:string:key\nR 2.5|"));
}

void tst_InfluxQlJsonParser::progressCounters()
{
    const QByteArray series = R"({"name":"m","columns":["time","f"])";
    const QByteArray body = chunkLine(0, series, "[1,0.5],[2,1.5]", true) + chunkLine(0, series, "[3,2.5]", false);
    ResultTableCollector sink(PieceHandling::Keep);
    InfluxQlJsonParser parser(sink);
    QVERIFY(parser.feed(body.constData(), 10));
    QCOMPARE(parser.bytesFed(), 10u);
    QCOMPARE(parser.rowsParsed(), 0u);
    const qsizetype firstLine = body.indexOf('\n') + 1;
    QVERIFY(parser.feed(body.constData() + 10, static_cast<std::size_t>(firstLine - 10)));
    QCOMPARE(parser.rowsParsed(), 2u);
    QCOMPARE(parser.tablesEmitted(), 1u); // a settled chunk goes out at its end
    QVERIFY(parser.feed(body.constData() + firstLine, static_cast<std::size_t>(body.size() - firstLine)));
    QVERIFY(parser.finish());
    QCOMPARE(parser.bytesFed(), std::uint64_t(body.size()));
    QCOMPARE(parser.rowsParsed(), 3u);
    QCOMPARE(parser.tablesEmitted(), 2u);
    QVERIFY(sink.tables()[1].isContinuation());
}

void tst_InfluxQlJsonParser::largeChunkedResponseStreams()
{
    const QByteArray body = forceResponse(3, 25'000, 10'000, true);
    ResultTableCollector pieces(PieceHandling::Keep);
    InfluxQlJsonParser parser(pieces);
    // Half the body: pieces must already have gone out (streaming, not buffering).
    QVERIFY(parser.feed(body.constData(), static_cast<std::size_t>(body.size() / 2)));
    QVERIFY(pieces.tables().size() >= 3);
    QVERIFY(parser.feed(body.constData() + body.size() / 2, static_cast<std::size_t>(body.size() - body.size() / 2)));
    QVERIFY(parser.finish());
    QCOMPARE(pieces.tables().size(), 9u); // 10k + 10k + 5k per series, one piece per chunk
    QCOMPARE(pieces.tables()[0].rowCount(), 10'000u);
    QVERIFY(!pieces.tables()[0].isContinuation());
    QVERIFY(pieces.tables()[1].isContinuation());
    QCOMPARE(pieces.tables()[2].rowCount(), 5'000u);
    QVERIFY(!pieces.tables()[3].isContinuation());
    QCOMPARE(pieces.tables()[3].tableId(), 1);
    QCOMPARE(pieces.tables()[8].findColumn("salIndex")->stringAt(0), std::string_view("2"));

    // Merged pieces equal the same data parsed from a non-chunked body in one piece.
    ResultTableCollector merged(PieceHandling::Merge);
    InfluxQlJsonParser p2(merged);
    QVERIFY(feedAll(p2, body) && p2.finish());
    ResultTableCollector whole;
    InfluxQlJsonParser p3(whole);
    p3.setMaxRowsPerPiece(0);
    QVERIFY(feedAll(p3, forceResponse(3, 25'000, 10'000, false)) && p3.finish());
    QCOMPARE(merged.tables().size(), 3u);
    QCOMPARE(whole.tables().size(), 3u);
    QVERIFY(merged.tables() == whole.tables());
    QCOMPARE(whole.tables()[0].rowCount(), 25'000u);
    QCOMPARE(whole.tables()[2].column(0).int64Values()[24'999], 1732406400000000000LL + 24'999 * 20'000'000LL + 2);
    QCOMPARE(whole.tables()[2].column(1).doubleValues()[3], 3 * 0.25 - 100.125);
}

void tst_InfluxQlJsonParser::piecesBySize()
{
    const QByteArray body = forceResponse(1, 20'000, 20'000, false);
    ResultTableCollector pieces(PieceHandling::Keep);
    InfluxQlJsonParser parser(pieces);
    parser.setMaxRowsPerPiece(0);
    parser.setMaxPieceBytes(128 * 1024);
    QVERIFY(feedAll(parser, body) && parser.finish());
    QVERIFY(pieces.tables().size() > 2);
    std::size_t rows = 0;
    for (const ResultTable &t : pieces.tables()) {
        rows += t.rowCount();
        QVERIFY(t.memoryBytes() < 512 * 1024);
    }
    QCOMPARE(rows, 20'000u);
}

void tst_InfluxQlJsonParser::stringLengthLimit()
{
    ResultTableCollector sink;
    InfluxQlJsonParser parser(sink);
    parser.setMaxStringBytes(100);
    const QByteArray body = "{\"results\":[{\"series\":[{\"columns\":[\"s\"],\"values\":[[\"" + QByteArray(200, 'a') + "\"]]}]}]}";
    for (char c : body)
        if (!parser.feed(&c, 1))
            break;
    parser.finish();
    QVERIFY(sink.error());
    QCOMPARE(dumpParseError(*sink.error()), QStringLiteral("E malformed L1 C52: string longer than 100 bytes"));
}

QTEST_GUILESS_MAIN(tst_InfluxQlJsonParser)
#include "tst_influxqljsonparser.moc"
