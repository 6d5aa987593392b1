// SPDX-License-Identifier: GPL-3.0-or-later
// Metric file readers: good and bad inputs of every format, each bad one with its exact message.
#include "core/ingest/MetricFileReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sasquatch;

namespace {

/// `[namespace:]name t=<ns> id=value... | field=value [unit]... [(invalid)]`
QString dump(const MetricRecord &r)
{
    QString out = (r.topicNamespace.isEmpty() ? QString() : r.topicNamespace + u':') + r.name
                  + QStringLiteral(" t=%1").arg(r.timeNs);
    for (const auto &[key, value] : r.identifiers)
        out += QStringLiteral(" %1=%2").arg(key, value);
    out += QStringLiteral(" |");
    for (const MetricField &f : r.fields)
        out += QStringLiteral(" %1=%2").arg(f.name, f.value.isArray() ? QStringLiteral("array") : f.value.displayText().replace(QStringLiteral("\n"), QStringLiteral("\\n")))
               + (f.unit.isEmpty() ? QString() : u' ' + f.unit);
    if (!r.isValid())
        out += QStringLiteral(" (invalid)");
    return out;
}

/// A REST proxy v2 produce body: the schema as a JSON string, then the records.
QByteArray restBody(const QByteArray &schema, const QByteArray &records)
{
    return "{\"value_schema\":\"" + QByteArray(schema).replace("\"", "\\\"") + "\",\"records\":" + records + '}';
}

} // namespace

class tst_MetricFileReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    /// The rows of pythonJson and influxExports: records (dump()), messages and notes, %1 = path.
    void compareRead()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QStringList, records);
        QFETCH(QStringList, messages);
        QFETCH(QStringList, notes);
        const QString path = write(name, content);
        ReadOptions options;
        options.defaultTimeNs = 7;
        const ReadResult result = MetricFileReader::readFile(path, options);
        const auto withPath = [&](const QStringList &list) {
            QStringList out;
            for (const QString &m : list)
                out << (m.contains(u"%1") ? m.arg(path) : m);
            return out;
        };
        QCOMPARE(result.messages(), withPath(messages));
        QCOMPARE(result.notes, withPath(notes));
        QStringList dumped;
        for (const MetricRecord &r : result.records)
            dumped << dump(r);
        QCOMPARE(dumped, records);
    }

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(content);
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    /// JSON written by Python tools as they really are. Sources: Python's json.dump writes NaN,
    /// Infinity and -Infinity unless allow_nan=False (docs.python.org, json); lsst/verify's
    /// Job.json merges each measurement's notes into meta as "<metric>.<note>" and
    /// bin/dispatch_verify.py puts the job's time in meta.env.date (isoformat with offset);
    /// lsst/analysis_tools' _dispatcher.py (_prepareBundle) skips NaN measurements and sends
    /// a None value as 0.0 (RFC-763); the REST proxy v2 body carries value_schema (Avro schema
    /// with namespace and name) and records that may have key, partition and timestamp beside
    /// value (Confluent REST Proxy API reference; Strimzi Kafka Bridge API reference).
    void pythonJson_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("records"); // one dump per record, see dump()
        QTest::addColumn<QStringList>("messages");
        QTest::addColumn<QStringList>("notes");
        const QString untimed = u"meta has no timestamp, run_timestamp, date or datetime: the time of reading is used"_qs;

        QTest::newRow("verify NaN measurement skipped")
            << "nan.json"
            << QByteArray(R"({"measurements":[{"metric":"validate_drp.PA1","identifier":"ab12","value":NaN,"unit":"mmag","blob_refs":[]},)"
                          "\n"
                          R"({"metric":"validate_drp.PA2","identifier":"cd34","value":12.5,"unit":"mmag","blob_refs":[]}],"meta":{}})")
            << QStringList{u"validate_drp.PA2 t=7 | PA2=12.5 mmag"_qs} << QStringList{}
            << QStringList{untimed, u"%1:1: value of \"validate_drp.PA1\" is NaN: the measurement is skipped"_qs};
        QTest::newRow("verify infinities are problems")
            << "inf.json"
            << QByteArray("{\"measurements\":[\n{\"metric\":\"a.P\",\"value\":Infinity},\n{\"metric\":\"a.Q\",\"value\":-Infinity},\n"
                          "{\"metric\":\"a.R\",\"value\":1}],\"meta\":{\"timestamp\":1}}")
            << QStringList{u"a.P t=1000000000 | P=Infinity (invalid)"_qs, u"a.Q t=1000000000 | Q=-Infinity (invalid)"_qs,
                           u"a.R t=1000000000 | R=1"_qs}
            << QStringList{u"%1:2:25: value of \"a.P\" is Infinity: it cannot be sent"_qs,
                           u"%1:3:25: value of \"a.Q\" is -Infinity: it cannot be sent"_qs}
            << QStringList{};
        QTest::newRow("verify all NaN")
            << "allnan.json" << QByteArray(R"({"measurements":[{"metric":"a.P","value":NaN}],"meta":{"timestamp":1}})")
            << QStringList{} << QStringList{u"%1:1:17: every measurement's value is NaN: nothing to send"_qs}
            << QStringList{u"%1:1: value of \"a.P\" is NaN: the measurement is skipped"_qs};
        QTest::newRow("verify null value as the dispatcher")
            << "null.json" << QByteArray(R"({"measurements":[{"metric":"a.P","value":null,"unit":"s"}],"meta":{"timestamp":1}})")
            << QStringList{u"a.P t=1000000000 | P=0 s"_qs} << QStringList{}
            << QStringList{u"%1:1: value of \"a.P\" is null: sent as 0.0, as analysis_tools' dispatcher does (RFC-763)"_qs};
        QTest::newRow("verify measurement notes in meta")
            << "notes.json"
            << QByteArray("{\"measurements\":[{\"metric\":\"pipe_tasks.CharacterizeImageTime\",\"value\":3.5,\"unit\":\"s\"},\n"
                          "{\"metric\":\"pipe_tasks.ProcessCcdTime\",\"value\":9,\"unit\":\"s\"}],\n"
                          "\"meta\":{\"instrument\":\"HSC\",\n"
                          "\"pipe_tasks.CharacterizeImageTime.estimator\":\"utils.timer.timeMethod\",\n"
                          "\"pipe_tasks.CharacterizeImageTime.a-b\":1,\n"
                          "\"pipe_tasks.CharacterizeImageTime.CharacterizeImageTime\":2,\n"
                          "\"other.task.key\":\"x\",\n"
                          "\"timestamp\":1}}")
            << QStringList{u"pipe_tasks.CharacterizeImageTime t=1000000000 instrument=HSC estimator=utils.timer.timeMethod | "
                           "CharacterizeImageTime=3.5 s"_qs,
                           u"pipe_tasks.ProcessCcdTime t=1000000000 instrument=HSC | ProcessCcdTime=9 s"_qs}
            << QStringList{}
            << QStringList{u"%1:7: meta key \"other.task.key\" is not a valid identifier name (letters, digits and '_'): skipped"_qs,
                           u"%1:5: meta key \"pipe_tasks.CharacterizeImageTime.a-b\" is a note of measurement "
                           "\"pipe_tasks.CharacterizeImageTime\", but \"a-b\" is not a valid identifier name: dropped"_qs,
                           u"%1:6: meta key \"pipe_tasks.CharacterizeImageTime.CharacterizeImageTime\" is a note of measurement "
                           "\"pipe_tasks.CharacterizeImageTime\", but \"CharacterizeImageTime\" is the name of its value: dropped"_qs};
        QTest::newRow("verify time from meta.env.date")
            << "env.json"
            << QByteArray(R"({"measurements":[{"metric":"a.P","value":1}],)"
                          R"("meta":{"env":{"env_name":"jenkins","ci_id":"123","date":"2021-06-30T22:28:25.123456+00:00"}}})")
            << QStringList{u"a.P t=1625092105123456000 env_name=jenkins ci_id=123 | P=1"_qs} << QStringList{} << QStringList{};
        QTest::newRow("verify top-level time wins, no time key is an identifier")
            << "times.json"
            << QByteArray(R"({"measurements":[{"metric":"a.P","value":1}],)"
                          R"("meta":{"env":{"date":"2021-06-30T22:28:25+02:00","datetime":"x"},"run_timestamp":2,"timestamp":3}})")
            << QStringList{u"a.P t=2000000000 | P=1"_qs} << QStringList{} << QStringList{};
        QTest::newRow("verify bad env.date")
            << "baddate.json"
            << QByteArray(R"({"measurements":[{"metric":"a.P","value":1}],"meta":{"env":{"date":"yesterday"}}})")
            << QStringList{}
            << QStringList{u"%1:1:68: \"date\": \"yesterday\" is not a valid time: expected a date as YYYY-MM-DD at the start."_qs}
            << QStringList{};
        QTest::newRow("records NaN skipped, infinity a problem")
            << "recnan.json"
            << QByteArray("[{\"timestamp\":1,\"visit\":\"12\",\"a\":NaN,\"b\":2.5},\n{\"timestamp\":2,\"a\":-Infinity},\n"
                          "{\"timestamp\":3,\"c\":[1.5,NaN]}]")
            << QStringList{u"recnan t=1000000000 visit=12 | timestamp=1 b=2.5"_qs, u"recnan t=2000000000 | timestamp=2 a=-Infinity (invalid)"_qs,
                           u"recnan t=3000000000 | timestamp=3 c=array (invalid)"_qs}
            << QStringList{u"%1:2:20: \"a\" is -Infinity: it cannot be sent"_qs,
                           u"%1:3:20: array \"c\" holds NaN; it cannot be sent"_qs}
            << QStringList{u"%1:1: \"a\" is NaN: skipped (as analysis_tools' dispatcher skips NaN values)"_qs};
        QTest::newRow("saved REST proxy body names its topic")
            << "body.json"
            << restBody(R"({"type":"record","namespace":"lsst.verify","name":"psfCcdSize",)"
                        R"("fields":[{"name":"timestamp","type":"double"}]})",
                        R"([{"value":{"timestamp":1,"PA1":2}},)"
                        R"({"key":"k","partition":0,"timestamp":1700000000000,"value":{"timestamp":2,"PA1":3}}])")
            << QStringList{u"lsst.verify:psfCcdSize t=1000000000 | timestamp=1 PA1=2"_qs, u"lsst.verify:psfCcdSize t=2000000000 | timestamp=2 PA1=3"_qs}
            << QStringList{} << QStringList{};
        QTest::newRow("saved body, full name in value_schema")
            << "body2.json"
            << restBody(R"({"type":"record","name":"lsst.dm.psfCcdSize","namespace":"x"})",
                        R"([{"value":{"timestamp":1,"PA1":2}}])")
            << QStringList{u"lsst.dm:psfCcdSize t=1000000000 | timestamp=1 PA1=2"_qs} << QStringList{} << QStringList{};
        QTest::newRow("saved body, value_schema without a name")
            << "body3.json" << restBody(R"({"type":"record"})", "[]")
            << QStringList{} << QStringList{u"%1:1:17: \"value_schema\" has no \"name\": the topic cannot be told"_qs}
            << QStringList{};
        QTest::newRow("a record with a member named value is not unwrapped")
            << "plain.json" << QByteArray(R"([{"timestamp":1,"value":2.5,"key":"k"}])")
            << QStringList{u"plain t=1000000000 | timestamp=1 value=2.5 key=k"_qs} << QStringList{} << QStringList{};
    }

    void pythonJson() { compareRead(); }

    /// Line protocol as InfluxDB 1.x tools write it. Sources: influx_inspect export
    /// (influxdb cmd/influx_inspect/export/export.go: "# INFLUXDB EXPORT: <start> - <end>",
    /// "# DDL", CREATE DATABASE ... WITH NAME ..., CREATE RETENTION POLICY ..., "# DML",
    /// "# CONTEXT-DATABASE:", "# CONTEXT-RETENTION-POLICY:"); InfluxDB's scanLine
    /// (models/points.go) ends a point only at a newline outside a quoted field value, so
    /// exported log messages and tracebacks span lines.
    void influxExports_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("records");
        QTest::addColumn<QStringList>("messages");
        QTest::addColumn<QStringList>("notes");
        QTest::newRow("influx_inspect export, no suffix")
            << "efd-export"
            << QByteArray("# INFLUXDB EXPORT: 1677-09-21T00:12:43Z - 2262-04-11T23:47:16Z\n# DDL\n"
                          "CREATE DATABASE efd WITH NAME autogen\n"
                          "CREATE RETENTION POLICY \"downsampled\" ON efd DURATION 0s REPLICATION 1\n# DML\n"
                          "# CONTEXT-DATABASE:efd\n# CONTEXT-RETENTION-POLICY:autogen\n# writing tsm data\n"
                          "lsst.sal.ESS.temperature,salIndex=1 temperatureItem0=12.5 1700000000000000000\n"
                          "lsst.sal.ESS.temperature,salIndex=1 temperatureItem0=12.75 1700000001000000000\n")
            << QStringList{u"lsst.sal.ESS.temperature t=1700000000000000000 salIndex=1 | temperatureItem0=12.5"_qs,
                           u"lsst.sal.ESS.temperature t=1700000001000000000 salIndex=1 | temperatureItem0=12.75"_qs}
            << QStringList{}
            << QStringList{u"influx_inspect export: 2 DDL statement(s) skipped; database efd, retention policy autogen"_qs};
        QTest::newRow("CREATE statements outside a DDL section")
            << "ddl.lp" << QByteArray("CREATE DATABASE \"lsst.dm\" WITH NAME autogen\nm f=1 1\n")
            << QStringList{u"m t=1 | f=1"_qs} << QStringList{}
            << QStringList{u"influx_inspect export: 1 DDL statement(s) skipped"_qs};
        QTest::newRow("traceback over lines")
            << "log.lp"
            << QByteArray("lsst.sal.Script.logevent_logMessage message=\"a\",traceback=\"Traceback:\n  File x\" 1700000000000000000\n"
                          "m f=1 2\n")
            << QStringList{u"lsst.sal.Script.logevent_logMessage t=1700000000000000000 | message=a traceback=Traceback:\\n  File x"_qs,
                           u"m t=2 | f=1"_qs}
            << QStringList{} << QStringList{};
        QTest::newRow("error after a joined string: the record's line, no column")
            << "bad.lp" << QByteArray("m s=\"a\nb\" x\nm f=1 2\nm f=\n")
            << QStringList{u"m s=\"a t=0 | (invalid)"_qs, u"m t=2 | f=1"_qs, u"m f= t=0 | (invalid)"_qs}
            << QStringList{u"%1:1: invalid timestamp \"x\": an integer in ns is expected"_qs,
                           u"%1:4:5: field \"f\" has no value"_qs}
            << QStringList{};
        QTest::newRow("quote in a tag or a key opens nothing")
            << "tags.lp" << QByteArray("m,t=a\"b f=1 1\nm k\"=2 2\n")
            << QStringList{u"m t=1 t=a\"b | f=1"_qs, u"m t=2 | k\"=2"_qs} << QStringList{} << QStringList{};
        QTest::newRow("string open at the end")
            << "open.lp" << QByteArray("m f=1 1\nm s=\"open\nmore\n")
            << QStringList{u"m t=1 | f=1"_qs, u"m s=\"open t=0 | (invalid)"_qs}
            << QStringList{u"%1:2:5: unterminated string in field \"s\""_qs} << QStringList{};
    }
    void influxExports() { compareRead(); }

    /// A string left open cannot swallow the file: the joined point has the line limit.
    void joinedLinesAreLimited()
    {
        const QString path = m_dir.filePath(QStringLiteral("joined.lp"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("m f=1 1\nm s=\"");
            const QByteArray block = QByteArray(1 << 20, 'x') + '\n';
            for (int i = 0; i < 9; ++i)
                QCOMPARE(f.write(block), qint64(block.size()));
        }
        const ReadResult r = MetricFileReader::readFile(path);
        QCOMPARE(r.messages(), QStringList{path + u":2: line longer than 8 MiB: not a metric file (reading stopped here)"_qs});
        QVERIFY(!r.readable);
        QFile::remove(path);
    }

    void problems_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("records");
        QTest::addColumn<int>("valid");
        QTest::addColumn<QStringList>("messages");

        // CSV
        QTest::newRow("csv good, units row, ISO and unix")
            << "a.csv" << QByteArray("time,visit,band,PA1,flag\n,,,mmag,\n2026-11-23T03:12:00Z,1,g,12.5,true\n1795000000,2,r,13,false\n")
            << "CSV" << 2 << 2 << QStringList{};
        QTest::newRow("csv wrong type")
            << "b.csv" << QByteArray("time,PA1\n1795000000,12.5\n1795000001,abc\n")
            << "CSV" << 2 << 1 << QStringList{u"%1:3:2: column \"PA1\" holds numbers (since line 2); \"abc\" is not a number"_qs};
        QTest::newRow("csv missing cells")
            << "c.csv" << QByteArray("time,PA1,PA2\n1795000000,1,2\n1795000001,3\n")
            << "CSV" << 2 << 1 << QStringList{u"%1:3: row has 2 cells, the header has 3"_qs};
        QTest::newRow("csv no time column")
            << "d.csv" << QByteArray("when,PA1\n1,2\n")
            << "CSV" << 0 << 0 << QStringList{u"%1:1: no time column: name one time, timestamp, _time, date or datetime"_qs};
        QTest::newRow("csv bad time")
            << "e.csv" << QByteArray("time,PA1\n2026-13-01T00:00:00Z,1\n")
            << "CSV" << 1 << 0
            << QStringList{u"%1:2:1: \"2026-13-01T00:00:00Z\" is not a valid time: month 13 is out of range (01-12)."_qs};
        QTest::newRow("csv duplicate header")
            << "f.csv" << QByteArray("time,PA1,PA1\n1,2,3\n")
            << "CSV" << 0 << 0 << QStringList{u"%1:1:3: duplicate column \"PA1\" (also column 2)"_qs};
        QTest::newRow("csv empty")
            << "g.csv" << QByteArray("")
            << "unknown" << 0 << 0 << QStringList{u"%1: empty file"_qs};
        QTest::newRow("csv header only")
            << "h.csv" << QByteArray("time,PA1\n")
            << "CSV" << 0 << 0 << QStringList{u"%1: no data rows after the header"_qs};
        QTest::newRow("csv binary")
            << "i.csv" << QByteArray("time,PA1\n1,2\n\x7f" "ELF\x02\x01\x01\0\0\0", 23)
            << "CSV" << 1 << 1 << QStringList{u"%1:3:8: binary data (a NUL byte): this is not a text metric file"_qs};
        QTest::newRow("csv invalid utf8")
            << "j.csv" << QByteArray("time,PA1\n1,\xff\xfe\n")
            << "CSV" << 0 << 0 << QStringList{u"%1:2:3: invalid UTF-8: this is not a text metric file (or not in UTF-8)"_qs};
        // Line protocol
        QTest::newRow("lp good")
            << "a.lp" << QByteArray("# comment\nlsst.dm.m,band=g,visit=1 PA1=1.5,n=3i,u=4u,ok=t,s=\"a \\\"q\\\"\" 1795000000000000000\n"
                                    "my\\ meas,t\\=k=v\\,1 f=1\n")
            << "line protocol" << 2 << 2 << QStringList{};
        QTest::newRow("lp errors")
            << "b.lp" << QByteArray("m f=1\nm,t=1 f=abc\nm f=1i2\nm f=1 notatime\nm\nm f=\"open\n")
            << "line protocol" << 6 << 1
            << QStringList{u"%1:2:9: invalid value \"abc\" for field \"f\" (strings need double quotes)"_qs,
                           u"%1:3:5: invalid number \"1i2\" for field \"f\""_qs,
                           u"%1:4:7: invalid timestamp \"notatime\": an integer in ns is expected"_qs,
                           u"%1:5:2: expected a space and fields after \"m\""_qs,
                           u"%1:6:5: unterminated string in field \"f\""_qs};
        QTest::newRow("lp integer overflow")
            << "c.lp" << QByteArray("m f=99999999999999999999i\n")
            << "line protocol" << 1 << 0
            << QStringList{u"%1:1:5: integer \"99999999999999999999i\" of field \"f\" is out of range"_qs};
        // lsst.verify job
        QTest::newRow("verify good")
            << "job.json"
            << QByteArray("{\"measurements\":[{\"metric\":\"validate_drp.PA1\",\"identifier\":\"x\",\"value\":12.5,\"unit\":\"mmag\",\"blob_refs\":[]},\n"
                          " {\"metric\":\"validate_drp.AM1\",\"value\":3}],\n"
                          " \"blobs\":[],\"metrics\":[{\"name\":\"validate_drp.AM1\",\"unit\":\"marcsec\"}],\"specs\":[],\n"
                          " \"meta\":{\"instrument\":\"LSSTCam\",\"timestamp\":1795000000,\"packages\":{\"a\":\"1\"},\"env\":{\"ci_id\":\"42\"}}}\n")
            << "lsst.verify job" << 2 << 2 << QStringList{};
        QTest::newRow("verify wrong value type")
            << "job2.json"
            << QByteArray("{\"measurements\":[\n{\"metric\":\"validate_drp.PA1\",\"value\":\"high\"},\n{\"value\":1}],\"meta\":{\"timestamp\":1}}")
            << "lsst.verify job" << 2 << 0
            << QStringList{u"%1:2:38: value of \"validate_drp.PA1\" is a string; a number is expected"_qs,
                           u"%1:3:1: measurement without a \"metric\" name"_qs};
        QTest::newRow("json syntax")
            << "bad.json" << QByteArray("{\"measurements\":[1,]}")
            << "lsst.verify job" << 0 << 0 << QStringList{u"%1:1:20: invalid JSON: expected a value, found ']'"_qs};
        // analysis_tools metric records
        QTest::newRow("records good")
            << "rec.json"
            << QByteArray("{\"stellarPhotometricRepeatability\":[{\"value\":{\"id\":\"u\",\"run\":\"r\",\"dataset_type\":\"d\","
                          "\"timestamp\":1795000000.5,\"dataset_tag\":\"Generic\",\"visit\":\"12\",\"tags\":[\"a\",\"b\"],"
                          "\"g_stellarPhotRepeatStdev\":5.25}}]}")
            << "metric records" << 1 << 1 << QStringList{};
        QTest::newRow("records problems")
            << "rec2.json"
            << QByteArray("[{\"timestamp\":1,\"x\":{\"a\":1}},\n{\"y\":[1,\"a\"]}]")
            << "metric records" << 2 << 0
            << QStringList{u"%1:1:21: \"x\" is an object; only numbers, strings, booleans and arrays can be sent"_qs,
                           u"%1:2:6: array \"y\" mixes strings and numbers; Avro arrays hold one type"_qs,
                           u"%1:2:1: record has no \"timestamp\" (unix seconds)"_qs};
    }

    void problems()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, format);
        QFETCH(int, records);
        QFETCH(int, valid);
        QFETCH(QStringList, messages);
        const QString path = write(name, content);
        const ReadResult result = MetricFileReader::readFile(path);
        QStringList expected;
        for (const QString &m : messages)
            expected << m.arg(path);
        QCOMPARE(result.messages(), expected);
        QCOMPARE(ingestFormatName(result.format), format);
        QCOMPARE(int(result.records.size()), records);
        QCOMPARE(int(result.validCount()), valid);
    }

    void csvValues()
    {
        const QString path = write(QStringLiteral("tai.csv"),
                                   "time_tai,detector,PA1\n,,mmag\n2026-11-23T03:12:37,4,1.25\n1795000037.5,5,2\n");
        const ReadResult r = MetricFileReader::readFile(path);
        QCOMPARE(r.messages(), QStringList{});
        QCOMPARE(r.records.size(), std::size_t(2));
        // TAI text and TAI unix seconds, both 37 s ahead of UTC.
        QCOMPARE(r.records[0].timeNs, std::int64_t(1795403520) * 1'000'000'000);
        QCOMPARE(r.records[1].timeNs, std::int64_t(1795000000) * 1'000'000'000 + 500'000'000);
        QCOMPARE(r.records[0].identifiers.front().first, u"detector"_qs);
        QCOMPARE(r.records[0].fields.front().unit, u"mmag"_qs);
        QCOMPARE(r.records[0].name, u"tai"_qs);
    }

    void unixUnits_data()
    {
        QTest::addColumn<QByteArray>("cell");
        QTest::addColumn<qint64>("ns");
        QTest::newRow("s") << QByteArray("1795000000") << qint64(1795000000000000000);
        QTest::newRow("ms") << QByteArray("1795000000123") << qint64(1795000000123000000);
        QTest::newRow("us") << QByteArray("1795000000123456") << qint64(1795000000123456000);
        QTest::newRow("ns") << QByteArray("1795000000123456789") << qint64(1795000000123456789);
        QTest::newRow("s fraction") << QByteArray("1795000000.000000001") << qint64(1795000000000000001);
    }
    void unixUnits()
    {
        QFETCH(QByteArray, cell);
        QFETCH(qint64, ns);
        const QString path = write(QStringLiteral("u.csv"), "time,v\n" + cell + ",1\n");
        const ReadResult r = MetricFileReader::readFile(path);
        QCOMPARE(r.messages(), QStringList{});
        QCOMPARE(r.records.at(0).timeNs, ns);
    }

    void lineProtocolValues()
    {
        const QString path = write(QStringLiteral("v.lp"),
                                   "my\\ meas,t\\=k=v\\,1 s=\"a \\\"q\\\" \\\\\",i=-3i,u=18446744073709551615u,b=FALSE,f=-1.5e3 -5\n");
        ReadOptions options;
        options.precision = LineProtocolPrecision::Seconds;
        const ReadResult r = MetricFileReader::readFile(path, options);
        QCOMPARE(r.messages(), QStringList{});
        const MetricRecord &rec = r.records.at(0);
        QCOMPARE(rec.name, u"my meas"_qs);
        QCOMPARE(rec.identifiers.at(0).first, u"t=k"_qs);
        QCOMPARE(rec.identifiers.at(0).second, u"v,1"_qs);
        QCOMPARE(rec.fields.at(0).value.text, u"a \"q\" \\"_qs);
        QCOMPARE(rec.fields.at(1).value.intValue, std::int64_t(-3));
        QCOMPARE(rec.fields.at(2).value.unsignedValue, std::uint64_t(18446744073709551615ULL));
        QCOMPARE(rec.fields.at(3).value.boolValue, false);
        QCOMPARE(rec.fields.at(4).value.floatValue, -1500.0);
        QCOMPARE(rec.timeNs, std::int64_t(-5'000'000'000));
    }

    /// A 100 MB line is refused after reading a bounded amount, in both text formats.
    void hugeLine_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("message");
        QTest::newRow("csv") << "huge.csv" << QByteArray("time,PA1\n1,")
                             << u"%1:2: line longer than 8 MiB: not a metric file (reading stopped here)"_qs;
        QTest::newRow("lp") << "huge.lp" << QByteArray("m f=1\nm s=\"")
                            << u"%1:2: line longer than 8 MiB: not a metric file (reading stopped here)"_qs;
        QTest::newRow("json") << "huge.json" << QByteArray("[{\"s\":\"")
                              << u"%1: larger than 64 MiB: too large for a JSON metric file"_qs;
    }
    void hugeLine()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, head);
        QFETCH(QString, message);
        const QString path = m_dir.filePath(name);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(head);
            const QByteArray block(1 << 20, 'x');
            for (int i = 0; i < 100; ++i)
                QCOMPARE(f.write(block), qint64(block.size()));
        }
        const ReadResult r = MetricFileReader::readFile(path);
        QCOMPARE(r.messages(), QStringList{message.arg(path)});
        QVERIFY(!r.readable);
        QFile::remove(path);
    }

    void detection_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("format");
        QTest::newRow("json verify") << "x.txt" << QByteArray(" {\"measurements\": []}") << int(IngestFormat::VerifyJob);
        QTest::newRow("json records") << "x" << QByteArray("[{\"timestamp\":1}]") << int(IngestFormat::MetricRecords);
        QTest::newRow("lp by content") << "x.txt" << QByteArray("# hi\nm,t=1 f=2 3\n") << int(IngestFormat::LineProtocol);
        QTest::newRow("csv by content") << "x.txt" << QByteArray("time,a=b\n1,2\n") << int(IngestFormat::Csv);
        QTest::newRow("csv by suffix") << "x.CSV" << QByteArray("m f=1\n") << int(IngestFormat::Csv);
        QTest::newRow("lp by suffix") << "x.lp" << QByteArray("time,a\n") << int(IngestFormat::LineProtocol);
        // influx_inspect export (influxdb cmd/influx_inspect/export/export.go), no suffix.
        QTest::newRow("influx export head") << "efd-export" << QByteArray("# INFLUXDB EXPORT: 1677-09-21T00:12:43Z - 2262-04-11T23:47:16Z\n")
                                            << int(IngestFormat::LineProtocol);
        QTest::newRow("influx export DDL") << "x" << QByteArray("# DDL\nCREATE DATABASE efd WITH NAME autogen\n# DML\n")
                                           << int(IngestFormat::LineProtocol);
    }
    void detection()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, head);
        QFETCH(int, format);
        QCOMPARE(int(detectIngestFormat(name, head)), format);
    }
};

QTEST_GUILESS_MAIN(tst_MetricFileReader)
#include "tst_metricfilereader.moc"
