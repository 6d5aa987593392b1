// SPDX-License-Identifier: GPL-3.0-or-later
// Metric file readers: good and bad inputs of every format, each bad one with its exact message.
#include "core/ingest/MetricFileReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sasquatch;

class tst_MetricFileReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

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
