// SPDX-License-Identifier: GPL-3.0-or-later
// Cases come from the documented format: the InfluxDB "Annotated CSV" reference
// (docs.influxdata.com/influxdb/v2/reference/syntax/annotated-csv/: tables, annotations, data
// types, multiple tables and results, errors), the Flux SPEC "Response format" section, the
// Flux CSV encoder/decoder behaviour it describes, and RFC 4180 / RFC 3339 for quoting and
// times. Each case says which part it exercises.
#include "core/parse/AnnotatedCsvParser.h"
#include "core/parse/ResultTableCollector.h"
#include "tests/support/ResultTableDump.h"

#include <QTest>

#include <functional>
#include <random>

using namespace sasquatch;

namespace {

QByteArray crlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

// Prelude of a one-double-column table in result `_result` (lines 1-4).
const QByteArray kDoubleBlock = "#datatype,string,long,double\n"
                                "#group,false,false,false\n"
                                "#default,_result,,\n"
                                ",result,table,_value\n";

struct Outcome
{
    QString dump;
    std::vector<ResultTable> tables;
    std::optional<ParseError> error;
    std::uint64_t rows = 0;
    std::uint64_t bytes = 0;
};

bool feedBytes(AnnotatedCsvParser &parser, const QByteArray &bytes)
{
    return parser.feed(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

Outcome parseInChunks(const QByteArray &input, int pieceRows, const std::function<qsizetype()> &chunkSize)
{
    ResultTableCollector sink(PieceHandling::Keep);
    AnnotatedCsvParser parser(sink);
    parser.setMaxRowsPerPiece(static_cast<std::size_t>(pieceRows));
    qsizetype pos = 0;
    while (pos < input.size()) {
        const qsizetype n = std::min(chunkSize(), input.size() - pos);
        if (!parser.feed(input.constData() + pos, static_cast<std::size_t>(n)))
            break;
        pos += n;
    }
    parser.finish();
    Outcome out;
    out.error = sink.error();
    out.tables = sink.takeTables();
    out.dump = dumpParseResult(out.tables, out.error);
    out.rows = parser.rowsParsed();
    out.bytes = parser.bytesFed();
    return out;
}

} // namespace

class tst_AnnotatedCsvParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void progressCounters();
    void errorIsFinal();
    void resetAllowsReuse();
    void largeTableStreamsInPieces();
    void piecesBySize();
    void recordLengthLimit();
    void typedColumnAccess();
};

void tst_AnnotatedCsvParser::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("pieceRows");
    QTest::addColumn<QString>("expected");

    // Docs "Tables" example: annotations, header, annotation column, #default result name,
    // three tables (table column 0,1,2) in one block, group-key flags.
    const QByteArray docsExample =
        "#group,false,false,true,true,false,false,true,true,true,true\n"
        "#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,double,string,string,string,string\n"
        "#default,mean,,,,,,,,,\n"
        ",result,table,_start,_stop,_time,_value,_field,_measurement,host,region\n"
        ",,0,2022-12-31T05:41:24Z,2023-01-31T05:41:24.001Z,2023-01-01T00:52:00Z,15.43,mem,m,A,east\n"
        ",,1,2022-12-31T05:41:24Z,2023-01-31T05:41:24.001Z,2023-01-01T00:52:00Z,59.25,mem,m,B,east\n"
        ",,2,2022-12-31T05:41:24Z,2023-01-31T05:41:24.001Z,2023-01-01T00:52:00Z,52.62,mem,m,C,east\n";
    const QString docsColumns = "C _start:time:key _stop:time:key _time:time _value:double _field:string:key "
                                "_measurement:string:key host:string:key region:string:key\n";
    QTest::newRow("docs tables example") << docsExample << 0
        << "T mean 0\n" + docsColumns
               + "R 2022-12-31T05:41:24Z|2023-01-31T05:41:24.001Z|2023-01-01T00:52:00Z|15.43|mem|m|A|east\n"
                 "T mean 1\n" + docsColumns
               + "R 2022-12-31T05:41:24Z|2023-01-31T05:41:24.001Z|2023-01-01T00:52:00Z|59.25|mem|m|B|east\n"
                 "T mean 2\n" + docsColumns
               + "R 2022-12-31T05:41:24Z|2023-01-31T05:41:24.001Z|2023-01-01T00:52:00Z|52.62|mem|m|C|east";
    // Docs CSV response format: line endings are CRLF (text/csv, RFC 4180).
    QTest::newRow("docs tables example, CRLF") << crlf(docsExample) << 0
        << "T mean 0\n" + docsColumns
               + "R 2022-12-31T05:41:24Z|2023-01-31T05:41:24.001Z|2023-01-01T00:52:00Z|15.43|mem|m|A|east\n"
                 "T mean 1\n" + docsColumns
               + "R 2022-12-31T05:41:24Z|2023-01-31T05:41:24.001Z|2023-01-01T00:52:00Z|59.25|mem|m|B|east\n"
                 "T mean 2\n" + docsColumns
               + "R 2022-12-31T05:41:24Z|2023-01-31T05:41:24.001Z|2023-01-01T00:52:00Z|52.62|mem|m|C|east";

    // Dialect `annotations` is a list: any subset may be requested, here #datatype only.
    QTest::newRow("only #datatype") << QByteArray("#datatype,string,long,dateTime:RFC3339,double\n"
                                                  ",result,table,_time,_value\n"
                                                  ",_result,0,2024-01-01T00:00:00Z,1.5\n")
                                    << 0 << "T _result 0\nC _time:time _value:double\nR 2024-01-01T00:00:00Z|1.5";
    // Annotation rows describe columns; their order is not fixed.
    QTest::newRow("annotations in another order") << QByteArray("#default,_result,,,\n"
                                                                "#datatype,string,long,dateTime:RFC3339,double\n"
                                                                "#group,false,false,false,true\n"
                                                                ",result,table,_time,_value\n"
                                                                ",,0,2024-01-01T00:00:00Z,1.5\n")
                                                  << 0
                                                  << "T _result 0\nC _time:time _value:double:key\nR 2024-01-01T00:00:00Z|1.5";
    // Flux decoder: unknown annotations are skipped.
    QTest::newRow("unknown annotation ignored") << QByteArray("#datatype,string,long,long\n#unsupported,,,\n"
                                                              "#group,false,false,false\n,result,table,n\n,_result,0,7\n")
                                                << 0 << "T _result 0\nC n:long\nR 7";
    // Docs annotations table: #default is the "value to use for rows with an empty value".
    QTest::newRow("#default fills empty cells")
        << QByteArray("#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,string,string,double\n"
                      "#group,false,false,true,true,false,true,true,false\n"
                      "#default,_result,0,2018-04-17T00:00:00Z,2018-04-17T00:05:00Z,,cpu,A,\n"
                      ",result,table,_start,_stop,_time,_measurement,host,_value\n"
                      ",,,,,2018-04-17T00:00:00Z,cpu,A,42.0\n"
                      ",,,,,2018-04-17T00:00:01Z,,,43.0\n")
        << 0
        << "T _result 0\nC _start:time:key=2018-04-17T00:00:00Z _stop:time:key=2018-04-17T00:05:00Z _time:time "
           "_measurement:string:key=cpu host:string:key=A _value:double\n"
           "R 2018-04-17T00:00:00Z|2018-04-17T00:05:00Z|2018-04-17T00:00:00Z|cpu|A|42\n"
           "R 2018-04-17T00:00:00Z|2018-04-17T00:05:00Z|2018-04-17T00:00:01Z|cpu|A|43";
    // Docs "Multiple tables": the table column says which table a row belongs to; rows of a
    // table are contiguous.
    QTest::newRow("several tables in one block")
        << QByteArray("#datatype,string,long,string,double\n#group,false,false,true,false\n#default,_result,,,\n"
                      ",result,table,_field,_value\n,,0,a,1\n,,0,a,2\n,,1,b,3\n,,2,c,4\n")
        << 0
        << "T _result 0\nC _field:string:key _value:double\nR a|1\nR a|2\n"
           "T _result 1\nC _field:string:key _value:double\nR b|3\n"
           "T _result 2\nC _field:string:key _value:double\nR c|4";
    // Docs "Multiple tables and results": an empty row and new annotations + header when the
    // schema changes.
    const QByteArray twoSchemas = "#datatype,string,long,string,double\n#group,false,false,true,false\n"
                                  "#default,_result,,,\n,result,table,_field,_value\n,,0,a,1.5\n\n"
                                  "#datatype,string,long,string,string\n#group,false,false,true,false\n"
                                  "#default,_result,,,\n,result,table,_field,_value\n,,1,s,ok\n";
    const QString twoSchemasDump = "T _result 0\nC _field:string:key _value:double\nR a|1.5\n"
                                   "T _result 1\nC _field:string:key _value:string\nR s|ok";
    QTest::newRow("new block when the schema changes") << twoSchemas << 0 << twoSchemasDump;
    // Not produced by Flux, accepted leniently: new annotations without the blank line.
    QByteArray noBlank = twoSchemas;
    noBlank.replace("\n\n", "\n");
    QTest::newRow("new block without blank line") << noBlank << 0 << twoSchemasDump;
    // Docs note: "If a table has no rows, the default annotation provides the group key values."
    QTest::newRow("empty table")
        << QByteArray("#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,string,string,double\n"
                      "#group,false,false,true,true,false,true,true,false\n"
                      "#default,_result,0,2018-04-17T00:00:00Z,2018-04-17T00:05:00Z,,cpu,A,\n"
                      ",result,table,_start,_stop,_time,_measurement,host,_value\n")
        << 0
        << "T _result 0\nC _start:time:key=2018-04-17T00:00:00Z _stop:time:key=2018-04-17T00:05:00Z _time:time "
           "_measurement:string:key=cpu host:string:key=A _value:double";
    QTest::newRow("table then empty table")
        << QByteArray("#datatype,string,long,string,double\n#group,false,false,true,false\n#default,_result,,,\n"
                      ",result,table,_field,_value\n,,0,a,1\n\n"
                      "#datatype,string,long,string,double\n#group,false,false,true,false\n#default,_result,2,b,\n"
                      ",result,table,_field,_value\n")
        << 0
        << "T _result 0\nC _field:string:key _value:double\nR a|1\nT _result 2\nC _field:string:key=b _value:double";
    // Docs "Multiple results": results (yield names) are separated by an empty row.
    QTest::newRow("several results")
        << QByteArray("#datatype,string,long,double\n#group,false,false,false\n#default,mean,,\n,result,table,_value\n"
                      ",,0,1\n\n#datatype,string,long,double\n#group,false,false,false\n#default,max,,\n"
                      ",result,table,_value\n,,0,9\n\n")
        << 0 << "T mean 0\nC _value:double\nR 1\nT max 0\nC _value:double\nR 9";
    // RFC 4180 quoting (dialect quoteChar `"`): commas, doubled quotes, line breaks (a CRLF
    // inside quotes reads as LF); quoted header cells; "" is an empty cell, i.e. null.
    QTest::newRow("quoted fields")
        << QByteArray("#datatype,string,long,string,string\n#group,false,false,false,false\n#default,_result,,,\n"
                      ",result,table,\"a,1\",b\n"
                      ",,0,\"x,y\",\"say \"\"hi\"\"\"\n"
                      ",,0,\"line1\nline2\",plain\n"
                      ",,0,\"crlf\r\ninside\",\"\"\r\n")
        << 0 << "T _result 0\nC a,1:string b:string\nR x,y|say \"hi\"\nR line1\nline2|plain\nR crlf\ninside|~";
    // Docs: null is an empty cell, for every type and also in group-key columns.
    QTest::newRow("nulls")
        << QByteArray("#datatype,string,long,string,double,long,boolean,dateTime:RFC3339\n"
                      "#group,false,false,true,false,false,false,false\n#default,_result,,,,,,\n"
                      ",result,table,host,d,l,b,t\n,,0,,,,,\n,,0,h,1,2,true,2024-01-01T00:00:00Z\n")
        << 0
        << "T _result 0\nC host:string:key d:double l:long b:bool t:time\nR ~|~|~|~|~\n"
           "R h|1|2|true|2024-01-01T00:00:00Z";
    // Docs data types: dateTime:RFC3339 and dateTime:RFC3339Nano (RFC 3339: fraction optional,
    // Z or numeric offset, T/Z case-insensitive); digits past nanoseconds are truncated.
    QTest::newRow("dateTime forms")
        << QByteArray("#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339Nano\n#group,false,false,false,false\n"
                      "#default,_result,,,\n,result,table,a,b\n"
                      ",,0,2024-05-01T12:00:00Z,2024-05-01T12:00:00.123456789Z\n"
                      ",,0,2024-05-01T12:00:00.5Z,2024-05-01T12:00:00.000000001Z\n"
                      ",,0,2024-05-01T14:00:00+02:00,2024-05-01T06:30:00.25-05:30\n"
                      ",,0,2024-05-01t12:00:00z,1969-12-31T23:59:59.999999999Z\n"
                      ",,0,2016-12-31T23:59:59.1234567891Z,1970-01-01T00:00:00Z\n")
        << 0
        << "T _result 0\nC a:time b:time\nR 2024-05-01T12:00:00Z|2024-05-01T12:00:00.123456789Z\n"
           "R 2024-05-01T12:00:00.5Z|2024-05-01T12:00:00.000000001Z\n"
           "R 2024-05-01T12:00:00Z|2024-05-01T12:00:00.25Z\n"
           "R 2024-05-01T12:00:00Z|1969-12-31T23:59:59.999999999Z\n"
           "R 2016-12-31T23:59:59.123456789Z|1970-01-01T00:00:00Z";
    // Docs data types: long, unsignedLong, double (IEEE-754: +Inf, -Inf, NaN), boolean.
    QTest::newRow("numbers and booleans")
        << QByteArray("#datatype,string,long,long,unsignedLong,double,boolean\n#group,false,false,false,false,false,false\n"
                      "#default,_result,,,,,\n,result,table,l,u,d,b\n"
                      ",,0,-9223372036854775808,18446744073709551615,+Inf,true\n"
                      ",,0,+42,0,-Inf,false\n,,0,9223372036854775807,7,NaN,true\n"
                      ",,0,0,1,-1.5e-3,false\n,,0,-1,2,1e300,true\n")
        << 0
        << "T _result 0\nC l:long u:ulong d:double b:bool\n"
           "R -9223372036854775808|18446744073709551615|+Inf|true\nR 42|0|-Inf|false\n"
           "R 9223372036854775807|7|NaN|true\nR 0|1|-0.0015|false\nR -1|2|1e+300|true";
    // Docs data types: duration and base64Binary stay text; dateTime:number is integer ns.
    QTest::newRow("duration, base64Binary, dateTime:number")
        << QByteArray("#datatype,string,long,duration,base64Binary,dateTime:number\n#group,false,false,false,false,false\n"
                      "#default,_result,,,,\n,result,table,dur,bin,n\n,,0,1h2m,aGVsbG8=,1700000000000000000\n")
        << 0 << "T _result 0\nC dur:string bin:string n:time\nR 1h2m|aGVsbG8=|2023-11-14T22:13:20Z";
    // Flux encoder without annotations: annotation column kept, result/table in every row.
    // Everything is text except the reserved time columns (documented simplification).
    QTest::newRow("no annotations")
        << QByteArray(",result,table,_start,_time,_measurement,_value\n"
                      ",_result,0,2018-04-17T00:00:00Z,2018-04-17T00:00:00Z,cpu,42\n"
                      ",_result,0,2018-04-17T00:00:00Z,2018-04-17T00:00:01Z,cpu,43\n"
                      ",_result,1,2018-04-17T00:00:00Z,2018-04-17T00:00:01Z,mem,7\n")
        << 0
        << "T _result 0\nC _start:time _time:time _measurement:string _value:string\n"
           "R 2018-04-17T00:00:00Z|2018-04-17T00:00:00Z|cpu|42\nR 2018-04-17T00:00:00Z|2018-04-17T00:00:01Z|cpu|43\n"
           "T _result 1\nC _start:time _time:time _measurement:string _value:string\n"
           "R 2018-04-17T00:00:00Z|2018-04-17T00:00:01Z|mem|7";
    // Flux decoder "no annotations": plain CSV without the annotation column.
    QTest::newRow("no annotations, no annotation column")
        << QByteArray("_time,host,_value\n2018-04-17T00:00:00Z,A,42") << 0
        << "T  0\nC _time:time host:string _value:string\nR 2018-04-17T00:00:00Z|A|42";
    QTest::newRow("header only") << QByteArray("a,b") << 0 << "T  0\nC a:string b:string";
    QTest::newRow("empty body") << QByteArray() << 0 << QString();
    QTest::newRow("blank lines only") << QByteArray("\r\n\r\n") << 0 << QString();
    // Docs "Errors": after partial results the error is the next table, status stays 200.
    QTest::newRow("error table after data")
        << kDoubleBlock + ",,0,1\n\n#datatype,string,string\n#group,true,true\n#default,,\n,error,reference\n"
                          ",\"query terminated: reached maximum allowed memory limits\",576\n"
        << 0 << "T _result 0\nC _value:double\nR 1\nE server: query terminated: reached maximum allowed memory limits [ref 576]";
    // Docs "Errors" example, with a long reference column.
    QTest::newRow("error table, docs example") << QByteArray("#datatype,string,long\n,error,reference\n,Failed to parse query,897\n")
                                               << 0 << "E server: Failed to parse query [ref 897]";
    QTest::newRow("error table without reference")
        << QByteArray("#datatype,string,string\n#group,true,true\n#default,,\n,error,reference\n,failed to create physical plan,\n")
        << 0 << "E server: failed to create physical plan";

    // Streaming: a table longer than the piece size goes out in pieces (same result/table id).
    QTest::newRow("pieces") << kDoubleBlock + ",,0,1\n,,0,2\n,,0,3\n,,0,4\n,,0,5\n,,1,6\n,,1,7\n" << 2
                            << "T _result 0\nC _value:double\nR 1\nR 2\nT _result 0 +\nC _value:double\nR 3\nR 4\n"
                               "T _result 0 +\nC _value:double\nR 5\nT _result 1\nC _value:double\nR 6\nR 7";
    QTest::newRow("piece ends with its table") << kDoubleBlock + ",,0,1\n,,0,2\n,,1,3\n" << 2
                                               << "T _result 0\nC _value:double\nR 1\nR 2\nT _result 1\nC _value:double\nR 3";

    // Rows that repeat the previous row's text around the changing cells (the group key and
    // result/table do not change within a table) take a shortcut when fed whole; every case
    // must read exactly as byte-at-a-time feeding, where the shortcut never applies.
    const QByteArray framed = "#datatype,string,long,dateTime:RFC3339,double,string,string\n"
                              "#group,false,false,false,false,true,true\n"
                              "#default,_result,,,,,\n"
                              ",result,table,_time,_value,_field,_measurement\n";
    const QString framedColumns = "C _time:time _value:double _field:string:key _measurement:string:key\n";
    QTest::newRow("framed rows")
        << framed + ",,0,2024-05-01T00:00:00.1Z,1.5,zForce,m1m3\n,,0,2024-05-01T00:00:00.2Z,-2,zForce,m1m3\n"
                    ",,0,2024-05-01T00:00:00.3Z,,zForce,m1m3\n,,1,2024-05-01T00:00:00.4Z,4,yForce,m1m3\n"
                    ",,1,2024-05-01T00:00:00.5Z,5,yForce,m1m3\n"
        << 0
        << "T _result 0\n" + framedColumns
               + "R 2024-05-01T00:00:00.1Z|1.5|zForce|m1m3\nR 2024-05-01T00:00:00.2Z|-2|zForce|m1m3\n"
                 "R 2024-05-01T00:00:00.3Z|~|zForce|m1m3\nT _result 1\n" + framedColumns
               + "R 2024-05-01T00:00:00.4Z|4|yForce|m1m3\nR 2024-05-01T00:00:00.5Z|5|yForce|m1m3";
    QTest::newRow("framed rows: group-key text changes inside a table")
        << framed + ",,0,2024-05-01T00:00:00.1Z,1,zForce,m1m3\n,,0,2024-05-01T00:00:00.2Z,2,zForce,m1m3\n"
                    ",,0,2024-05-01T00:00:00.3Z,3,zForce2,m1m3\n,,0,2024-05-01T00:00:00.4Z,4,zForce2,m1m3\n"
                    ",,0,2024-05-01T00:00:00.5Z,5,zForce2,m1m3x\n"
        << 0
        << "T _result 0\n" + framedColumns
               + "R 2024-05-01T00:00:00.1Z|1|zForce|m1m3\nR 2024-05-01T00:00:00.2Z|2|zForce|m1m3\n"
                 "R 2024-05-01T00:00:00.3Z|3|zForce2|m1m3\nR 2024-05-01T00:00:00.4Z|4|zForce2|m1m3\n"
                 "R 2024-05-01T00:00:00.5Z|5|zForce2|m1m3x";
    QTest::newRow("framed rows: group-key text of the same length changes inside a table")
        << framed + ",,0,2024-05-01T00:00:00.1Z,1,zForce,m1m3\n,,0,2024-05-01T00:00:00.2Z,2,zForce,m1m3\n"
                    ",,0,2024-05-01T00:00:00.3Z,3,yForce,m1m3\n,,0,2024-05-01T00:00:00.4Z,4,yForce,m1m4\n"
                    ",,0,2024-05-01T00:00:00.5Z,5,yForce,m1m4\n,,0,2024-05-01T00:00:00.6Z,6,yForce,m1m4\n"
        << 0
        << "T _result 0\n" + framedColumns
               + "R 2024-05-01T00:00:00.1Z|1|zForce|m1m3\nR 2024-05-01T00:00:00.2Z|2|zForce|m1m3\n"
                 "R 2024-05-01T00:00:00.3Z|3|yForce|m1m3\nR 2024-05-01T00:00:00.4Z|4|yForce|m1m4\n"
                 "R 2024-05-01T00:00:00.5Z|5|yForce|m1m4\nR 2024-05-01T00:00:00.6Z|6|yForce|m1m4";
    QTest::newRow("framed rows: CRLF and LF mixed, quoted and empty repeated cells")
        << framed + ",,0,2024-05-01T00:00:00.1Z,1,\"a,b\",\r\n,,0,2024-05-01T00:00:00.2Z,2,\"a,b\",\n"
                    ",,0,2024-05-01T00:00:00.3Z,3,a,\r\n,,0,2024-05-01T00:00:00.4Z,4,a,\n,,0,2024-05-01T00:00:00.5Z,5,a,\r\n"
        << 0
        << "T _result 0\n" + framedColumns
               + "R 2024-05-01T00:00:00.1Z|1|a,b|~\nR 2024-05-01T00:00:00.2Z|2|a,b|~\n"
                 "R 2024-05-01T00:00:00.3Z|3|a|~\nR 2024-05-01T00:00:00.4Z|4|a|~\nR 2024-05-01T00:00:00.5Z|5|a|~";
    QTest::newRow("framed rows: a quoted changing cell")
        << framed + ",,0,2024-05-01T00:00:00.1Z,1,z,m\n,,0,\"2024-05-01T00:00:00.2Z\",2,z,m\n,,0,2024-05-01T00:00:00.3Z,3,z,m\n"
        << 0
        << "T _result 0\n" + framedColumns
               + "R 2024-05-01T00:00:00.1Z|1|z|m\nR 2024-05-01T00:00:00.2Z|2|z|m\nR 2024-05-01T00:00:00.3Z|3|z|m";
    QTest::newRow("framed rows: nothing after the changing cells, a quoted last cell")
        << QByteArray("#datatype,string,long,string,dateTime:RFC3339,string\n#group,false,false,true,false,false\n"
                      "#default,_result,,,,\n,result,table,_field,_time,_value\n"
                      ",,0,msg,2024-05-01T00:00:00.1Z,plain\n,,0,msg,2024-05-01T00:00:00.2Z,\"a,b\"\n"
                      ",,0,msg,2024-05-01T00:00:00.3Z,\"\"\"q\"\"\"\r\n,,0,msg,2024-05-01T00:00:00.4Z,last one\n"
                      ",,0,msg,2024-05-01T00:00:00.5Z,\n,,0,msg,2024-05-01T00:00:00.6Z,end\n")
        << 0
        << "T _result 0\nC _field:string:key _time:time _value:string\nR msg|2024-05-01T00:00:00.1Z|plain\n"
           "R msg|2024-05-01T00:00:00.2Z|a,b\nR msg|2024-05-01T00:00:00.3Z|\"q\"\nR msg|2024-05-01T00:00:00.4Z|last one\n"
           "R msg|2024-05-01T00:00:00.5Z|~\nR msg|2024-05-01T00:00:00.6Z|end";
    QTest::newRow("framed rows: a cell too many")
        << framed + ",,0,2024-05-01T00:00:00.1Z,1,z,m\n,,0,2024-05-01T00:00:00.2Z,2,7,z,m\n"
        << 0 << "E malformed L6 C0: expected 7 columns as in the header row, found 8";
    QTest::newRow("framed rows: a bad value")
        << framed + ",,0,2024-05-01T00:00:00.1Z,1,z,m\n,,0,2024-05-01T00:00:00.2Z,2,z,m\n,,0,2024-05-01T00:00:00.3Z,x,z,m\n"
        << 0 << "E malformed L7 C5 (_value): invalid double value \"x\"";
    QTest::newRow("framed rows in pieces")
        << framed + ",,0,2024-05-01T00:00:00.1Z,1,z,m\n,,0,2024-05-01T00:00:00.2Z,2,z,m\n,,0,2024-05-01T00:00:00.3Z,3,z,m\n"
                    ",,0,2024-05-01T00:00:00.4Z,4,z,m\n,,0,2024-05-01T00:00:00.5Z,5,z,m\n"
        << 2
        << "T _result 0\n" + framedColumns + "R 2024-05-01T00:00:00.1Z|1|z|m\nR 2024-05-01T00:00:00.2Z|2|z|m\n"
               "T _result 0 +\n" + framedColumns + "R 2024-05-01T00:00:00.3Z|3|z|m\nR 2024-05-01T00:00:00.4Z|4|z|m\n"
               "T _result 0 +\n" + framedColumns + "R 2024-05-01T00:00:00.5Z|5|z|m";
    QTest::newRow("framed rows: a new block without a blank line")
        << framed + ",,0,2024-05-01T00:00:00.1Z,1,z,m\n,,0,2024-05-01T00:00:00.2Z,2,z,m\n" + framed
               + ",,0,2024-05-01T00:00:00.3Z,3,z,m\n,,0,2024-05-01T00:00:00.4Z,4,z,m\n"
        << 0
        << "T _result 0\n" + framedColumns + "R 2024-05-01T00:00:00.1Z|1|z|m\nR 2024-05-01T00:00:00.2Z|2|z|m\n"
               "T _result 0\n" + framedColumns + "R 2024-05-01T00:00:00.3Z|3|z|m\nR 2024-05-01T00:00:00.4Z|4|z|m";

    // Malformed input: a clear error naming line and column; the table in progress is dropped,
    // tables completed before stay.
    QTest::newRow("wrong column count") << kDoubleBlock + ",,0,1\n,,0,2,3\n,,0,4\n" << 0
                                        << "E malformed L6 C0: expected 4 columns as in the header row, found 5";
    QTest::newRow("bad double") << kDoubleBlock + ",,0,abc\n" << 0
                                << "E malformed L5 C4 (_value): invalid double value \"abc\"";
    QTest::newRow("completed table kept")
        << QByteArray("#datatype,string,long,long\n#group,false,false,false\n#default,_result,,\n,result,table,n\n,,0,1\n,,1,x\n")
        << 0 << "T _result 0\nC n:long\nR 1\nE malformed L6 C4 (n): invalid long value \"x\"";
    QTest::newRow("negative unsignedLong")
        << QByteArray("#datatype,string,long,unsignedLong\n,result,table,u\n,_result,0,-1\n") << 0
        << "E malformed L3 C4 (u): invalid unsignedLong value \"-1\"";
    QTest::newRow("bad boolean") << QByteArray("#datatype,string,long,boolean\n,result,table,b\n,_result,0,yes\n") << 0
                                 << "E malformed L3 C4 (b): invalid boolean value \"yes\"";
    QTest::newRow("invalid date") << QByteArray("#datatype,string,long,dateTime:RFC3339\n,result,table,t\n"
                                                ",_result,0,2023-02-29T00:00:00Z\n")
                                  << 0 << "E malformed L3 C4 (t): invalid dateTime:RFC3339 value \"2023-02-29T00:00:00Z\"";
    QTest::newRow("time without zone") << QByteArray("#datatype,string,long,dateTime:RFC3339\n,result,table,t\n"
                                                     ",_result,0,2024-01-01T00:00:00\n")
                                       << 0 << "E malformed L3 C4 (t): invalid dateTime:RFC3339 value \"2024-01-01T00:00:00\"";
    QTest::newRow("time out of int64 range") << QByteArray("#datatype,string,long,dateTime:RFC3339\n,result,table,t\n"
                                                           ",_result,0,2300-01-01T00:00:00Z\n")
                                             << 0 << "E malformed L3 C4 (t): invalid dateTime:RFC3339 value \"2300-01-01T00:00:00Z\"";
    QTest::newRow("unterminated quote at end")
        << QByteArray("#datatype,string,long,string\n,result,table,s\n,_result,0,\"open\nnever closed\n") << 0
        << "E malformed L3 C4 (s): unterminated quoted field at end of input";
    QTest::newRow("quote inside unquoted field") << QByteArray("#datatype,string,long,string\n,result,table,s\n,_result,0,ab\"c\n")
                                                 << 0 << "E malformed L3 C4 (s): quote inside an unquoted field";
    QTest::newRow("text after closing quote") << QByteArray("#datatype,string,long,string\n,result,table,s\n,_result,0,\"ab\"c\n")
                                              << 0 << "E malformed L3 C4 (s): unexpected character after closing quote";
    QTest::newRow("line numbers count quoted line breaks")
        << QByteArray("#datatype,string,long,string,long\n,result,table,s,n\n,_result,0,\"a\nb\nc\",1\n,_result,0,d,x\n") << 0
        << "E malformed L6 C5 (n): invalid long value \"x\"";
    QTest::newRow("annotation width differs from header")
        << QByteArray("#datatype,string,long,double\n,result,table,_value,extra\n") << 0
        << "E malformed L1 C0: #datatype annotation has 4 columns but the header row has 5";
    QTest::newRow("data row with annotation cell") << kDoubleBlock + "x,,0,1\n" << 0
                                                   << "E malformed L5 C1: data row must start with an empty annotation column, found \"x\"";
    QTest::newRow("bad #default value") << QByteArray("#datatype,string,long,double\n#default,_result,,abc\n,result,table,_value\n")
                                        << 0 << "E malformed L2 C4 (_value): invalid #default value \"abc\" for double";
    QTest::newRow("bad table id") << kDoubleBlock + ",,zero,1\n" << 0 << "E malformed L5 C3 (table): invalid table id \"zero\"";
    QTest::newRow("bad #default table id")
        << QByteArray("#datatype,string,long,double\n#default,_result,long,\n,result,table,_value\n,,0,1\n") << 0
        << "E malformed L2 C3 (table): #default table id \"long\" is not an integer";
    QTest::newRow("header without annotation column") << QByteArray("#datatype,string,long,double\nresult,table,_value\n")
                                                      << 0 << "E malformed L2 C1: header row must start with an empty annotation column";
}

void tst_AnnotatedCsvParser::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(int, pieceRows);
    QFETCH(QString, expected);

    const auto check = [&](const Outcome &out, const char *mode) {
        QVERIFY2(out.dump == expected, qPrintable(QStringLiteral("%1 feeding gave:\n%2").arg(mode, out.dump)));
        for (const ResultTable &t : out.tables)
            QVERIFY(t.isConsistent());
        if (!out.error) {
            QCOMPARE(out.bytes, std::uint64_t(input.size()));
            std::uint64_t rows = 0;
            for (const ResultTable &t : out.tables)
                rows += t.rowCount();
            QCOMPARE(out.rows, rows);
        }
    };

    check(parseInChunks(input, pieceRows, [&] { return std::max<qsizetype>(input.size(), 1); }), "whole");
    check(parseInChunks(input, pieceRows, [] { return qsizetype(1); }), "byte-at-a-time");
    for (unsigned seed = 1; seed <= 8; ++seed) {
        std::mt19937 rng(seed);
        std::uniform_int_distribution<int> small(1, 17);
        std::uniform_int_distribution<int> large(1, 300);
        check(parseInChunks(input, pieceRows, [&] { return qsizetype(rng() % 4 == 0 ? large(rng) : small(rng)); }),
              "random-chunk");
    }
}

void tst_AnnotatedCsvParser::progressCounters()
{
    const QByteArray body = kDoubleBlock + ",,0,1\n,,0,2\n,,1,3\n";
    ResultTableCollector sink;
    AnnotatedCsvParser parser(sink);
    QVERIFY(parser.feed(body.constData(), 10));
    QCOMPARE(parser.bytesFed(), 10u);
    QCOMPARE(parser.rowsParsed(), 0u);
    QVERIFY(parser.feed(body.constData() + 10, static_cast<std::size_t>(body.size() - 10)));
    QCOMPARE(parser.bytesFed(), std::uint64_t(body.size()));
    QCOMPARE(parser.rowsParsed(), 3u);
    QCOMPARE(parser.tablesEmitted(), 1u); // table 1 is still open until the block ends
    QVERIFY(parser.finish());
    QCOMPARE(parser.tablesEmitted(), 2u);
    QCOMPARE(sink.tables().size(), 2u);
}

class CountingSink final : public ResultTableSink
{
public:
    void tableReady(ResultTable &&) override { ++tables; }
    void parseFailed(const ParseError &) override { ++failures; }
    int tables = 0;
    int failures = 0;
};

void tst_AnnotatedCsvParser::errorIsFinal()
{
    CountingSink sink;
    AnnotatedCsvParser parser(sink);
    QVERIFY(!feedBytes(parser, kDoubleBlock + ",,0,nope\n"));
    QVERIFY(parser.failed());
    QCOMPARE(parser.error()->line, 5u);
    QVERIFY(!feedBytes(parser, QByteArray(",,0,1\n,,1,2\n\n")));
    QVERIFY(!parser.finish());
    QCOMPARE(sink.failures, 1);
    QCOMPARE(sink.tables, 0);
    QCOMPARE(QString::fromStdString(parser.error()->describe()),
             QStringLiteral("line 5, column 4 (_value): invalid double value \"nope\""));

    // Data after finish() is an error too.
    CountingSink sink2;
    AnnotatedCsvParser parser2(sink2);
    QVERIFY(feedBytes(parser2, kDoubleBlock + ",,0,1\n"));
    QVERIFY(parser2.finish());
    QVERIFY(parser2.finish()); // idempotent
    QVERIFY(!feedBytes(parser2, QByteArray(",,0,2\n")));
    QCOMPARE(sink2.tables, 1);
    QCOMPARE(sink2.failures, 1);
}

void tst_AnnotatedCsvParser::resetAllowsReuse()
{
    ResultTableCollector sink;
    AnnotatedCsvParser parser(sink);
    QVERIFY(feedBytes(parser, kDoubleBlock + ",,0,\"unterminated")); // only finish() can tell
    QVERIFY(!parser.finish());
    sink.clear();
    parser.reset();
    QVERIFY(!parser.failed());
    QCOMPARE(parser.bytesFed(), 0u);
    QVERIFY(feedBytes(parser, kDoubleBlock + ",,0,2.5\n"));
    QVERIFY(parser.finish());
    QCOMPARE(dumpParseResult(sink.tables(), sink.error()), QStringLiteral("T _result 0\nC _value:double\nR 2.5"));
}

static QByteArray m1m3Body(int tables, int rowsPerTable)
{
    QByteArray body = "#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,double,string,string\n"
                      "#group,false,false,true,true,false,false,true,true\n#default,_result,,,,,,,\n"
                      ",result,table,_start,_stop,_time,_value,_field,_measurement\n";
    for (int t = 0; t < tables; ++t)
        for (int r = 0; r < rowsPerTable; ++r)
            body += QStringLiteral(",,%1,2024-05-01T00:00:00Z,2024-05-02T00:00:00Z,2024-05-01T00:%2:%3.%4Z,%5,xForce%1,"
                                   "lsst.sal.MTM1M3.forceActuatorData\n")
                        .arg(t)
                        .arg(r / 60000 % 60, 2, 10, QLatin1Char('0'))
                        .arg(r / 1000 % 60, 2, 10, QLatin1Char('0'))
                        .arg(r % 1000 * 1000000 + 123, 9, 10, QLatin1Char('0'))
                        .arg(r * 0.25 - 100.0)
                        .toUtf8();
    return body;
}

void tst_AnnotatedCsvParser::largeTableStreamsInPieces()
{
    const QByteArray body = m1m3Body(2, 25'000);
    ResultTableCollector pieces(PieceHandling::Keep);
    AnnotatedCsvParser parser(pieces);
    parser.setMaxRowsPerPiece(10'000);
    // Half the body: pieces must already have gone out (streaming, not buffering).
    QVERIFY(parser.feed(body.constData(), static_cast<std::size_t>(body.size() / 2)));
    QVERIFY(pieces.tables().size() >= 2);
    QVERIFY(parser.feed(body.constData() + body.size() / 2, static_cast<std::size_t>(body.size() - body.size() / 2)));
    QVERIFY(parser.finish());
    QCOMPARE(pieces.tables().size(), 6u); // 10k + 10k + 5k per table
    QCOMPARE(pieces.tables()[0].rowCount(), 10'000u);
    QVERIFY(!pieces.tables()[0].isContinuation());
    QVERIFY(pieces.tables()[1].isContinuation());
    QCOMPARE(pieces.tables()[2].rowCount(), 5'000u);
    QVERIFY(!pieces.tables()[3].isContinuation());
    QCOMPARE(pieces.tables()[3].tableId(), 1);

    // Merged pieces equal the table parsed in one go.
    ResultTableCollector merged(PieceHandling::Merge);
    AnnotatedCsvParser p2(merged);
    p2.setMaxRowsPerPiece(10'000);
    QVERIFY(feedBytes(p2, body) && p2.finish());
    ResultTableCollector whole;
    AnnotatedCsvParser p3(whole);
    p3.setMaxRowsPerPiece(0);
    QVERIFY(feedBytes(p3, body) && p3.finish());
    QCOMPARE(merged.tables().size(), 2u);
    QVERIFY(merged.tables() == whole.tables());
    QCOMPARE(whole.tables()[0].rowCount(), 25'000u);
}

void tst_AnnotatedCsvParser::piecesBySize()
{
    const QByteArray body = m1m3Body(1, 20'000);
    ResultTableCollector pieces(PieceHandling::Keep);
    AnnotatedCsvParser parser(pieces);
    parser.setMaxRowsPerPiece(0);
    parser.setMaxPieceBytes(128 * 1024);
    QVERIFY(feedBytes(parser, body) && parser.finish());
    QVERIFY(pieces.tables().size() > 2);
    std::size_t rows = 0;
    for (const ResultTable &t : pieces.tables()) {
        rows += t.rowCount();
        QVERIFY(t.memoryBytes() < 512 * 1024);
    }
    QCOMPARE(rows, 20'000u);
}

void tst_AnnotatedCsvParser::recordLengthLimit()
{
    ResultTableCollector sink;
    AnnotatedCsvParser parser(sink);
    parser.setMaxRecordBytes(100);
    const QByteArray body = kDoubleBlock + ",,0," + QByteArray(200, '1') + "\n";
    for (char c : body)
        if (!parser.feed(&c, 1))
            break;
    parser.finish();
    QVERIFY(sink.error());
    QCOMPARE(dumpParseError(*sink.error()), QStringLiteral("E malformed L5 C0: record longer than 100 bytes"));
}

void tst_AnnotatedCsvParser::typedColumnAccess()
{
    ResultTableCollector sink;
    AnnotatedCsvParser parser(sink);
    QVERIFY(feedBytes(parser, m1m3Body(1, 3)) && parser.finish());
    QCOMPARE(sink.tables().size(), 1u);
    const ResultTable &t = sink.tables().front();
    const ResultColumn *time = t.findColumn("_time");
    const ResultColumn *value = t.findColumn("_value");
    QVERIFY(time && value);
    QCOMPARE(time->type(), ColumnType::DateTime);
    QCOMPARE(time->int64Values().size(), 3u);
    QCOMPARE(time->int64Values()[1], 1714521600001000123); // 2024-05-01T00:00:00.001000123Z
    QCOMPARE(value->doubleValues()[2], -99.5);
    QCOMPARE(t.cellText(1, *t.columnIndex("_time")), std::string("2024-05-01T00:00:00.001000123Z"));
    QVERIFY(t.findColumn("_start")->isGroupKey());
    QVERIFY(!t.findColumn("result") && !t.findColumn("table"));
}

QTEST_GUILESS_MAIN(tst_AnnotatedCsvParser)
#include "tst_annotatedcsvparser.moc"
