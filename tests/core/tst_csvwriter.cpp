// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/CsvWriter.h"

#include <QBuffer>
#include <QTest>

#include <cmath>
#include <limits>

using namespace sasquatch;

Q_DECLARE_METATYPE(sasquatch::CsvIdentityColumns)

namespace {

constexpr std::int64_t kBase = 1'795'403'520LL * 1'000'000'000; // 2026-11-23T03:12:00Z

// A table of (name, type) columns; each row is a list of cell texts, "~" = null. Values are
// appended typed: numbers parsed, times as ns offsets from kBase.
ResultTable table(const std::string &result, std::int64_t id, std::vector<std::pair<std::string, ColumnType>> columns,
                  const std::vector<std::vector<std::string>> &rows)
{
    ResultTable t(result, id);
    for (const auto &[name, type] : columns)
        t.addColumn(name, type);
    for (const auto &row : rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            ResultColumn &col = t.column(c);
            const std::string &v = row[c];
            if (v == "~") {
                col.appendNull();
                continue;
            }
            switch (col.type()) {
            case ColumnType::String: col.appendString(v); break;
            case ColumnType::Double: col.appendDouble(std::stod(v)); break;
            case ColumnType::Long: col.appendInt64(std::stoll(v)); break;
            case ColumnType::UnsignedLong: col.appendUInt64(std::stoull(v)); break;
            case ColumnType::Boolean: col.appendBool(v == "true"); break;
            case ColumnType::DateTime: col.appendInt64(kBase + std::stoll(v)); break;
            }
        }
        t.endRow();
    }
    return t;
}

ResultTable forces(std::int64_t id, std::vector<std::vector<std::string>> rows)
{
    return table("_result", id, {{"_time", ColumnType::DateTime}, {"_value", ColumnType::Double}, {"_field", ColumnType::String}},
                 rows);
}

QByteArray writeAll(const std::vector<ResultTable> &tables, CsvIdentityColumns identity)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        CsvWriter writer(buffer, identity);
        for (const auto &t : tables)
            if (!writer.writeTable(t).ok())
                return "write failed";
        if (!writer.finish().ok())
            return "finish failed";
    }
    return buffer.data();
}

using Tables = std::vector<ResultTable>;

} // namespace

Q_DECLARE_METATYPE(Tables)

class tst_CsvWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fields_data()
    {
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<QByteArray>("written");
        QTest::newRow("plain") << QByteArray("abc") << QByteArray("abc");
        QTest::newRow("empty") << QByteArray("") << QByteArray("");
        QTest::newRow("blanks kept") << QByteArray(" a b ") << QByteArray(" a b ");
        QTest::newRow("comma") << QByteArray("a,b") << QByteArray("\"a,b\"");
        QTest::newRow("quote") << QByteArray("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
        QTest::newRow("only a quote") << QByteArray("\"") << QByteArray("\"\"\"\"");
        QTest::newRow("LF") << QByteArray("a\nb") << QByteArray("\"a\nb\"");
        QTest::newRow("CR") << QByteArray("a\rb") << QByteArray("\"a\rb\"");
        QTest::newRow("UTF-8 untouched") << QByteArray("Ångström") << QByteArray("Ångström");
        QTest::newRow("semicolon untouched") << QByteArray("a;b") << QByteArray("a;b");
    }
    void fields()
    {
        QFETCH(QByteArray, field);
        QFETCH(QByteArray, written);
        std::string out = "x";
        CsvWriter::appendField(out, std::string_view(field.constData(), std::size_t(field.size())));
        QCOMPARE(QByteArray::fromStdString(out), "x" + written);
    }

    void documents_data()
    {
        QTest::addColumn<Tables>("tables");
        QTest::addColumn<CsvIdentityColumns>("identity");
        QTest::addColumn<QByteArray>("csv");
        const auto with = CsvIdentityColumns::Include;
        const auto without = CsvIdentityColumns::Omit;

        Tables one;
        one.push_back(forces(0, {{"0", "1.5", "xForce0"}, {"20000000", "-0.25", "xForce0"}}));
        QTest::newRow("one table") << one << with
                                   << QByteArray("result,table,_time,_value,_field\r\n"
                                                 "_result,0,2026-11-23T03:12:00Z,1.5,xForce0\r\n"
                                                 "_result,0,2026-11-23T03:12:00.02Z,-0.25,xForce0\r\n");
        QTest::newRow("without identity") << one << without
                                          << QByteArray("_time,_value,_field\r\n"
                                                        "2026-11-23T03:12:00Z,1.5,xForce0\r\n"
                                                        "2026-11-23T03:12:00.02Z,-0.25,xForce0\r\n");

        Tables same;
        same.push_back(forces(0, {{"0", "1", "a"}}));
        same.push_back(forces(1, {{"1", "2", "b"}}));
        same.push_back(table("_result", 2, {{"_field", ColumnType::String}, {"_time", ColumnType::DateTime}, {"_value", ColumnType::Double}},
                             {{"c", "2", "3"}}));
        QTest::newRow("same shape: one header, reordered columns follow it")
            << same << with
            << QByteArray("result,table,_time,_value,_field\r\n"
                          "_result,0,2026-11-23T03:12:00Z,1,a\r\n"
                          "_result,1,2026-11-23T03:12:00.000000001Z,2,b\r\n"
                          "_result,2,2026-11-23T03:12:00.000000002Z,3,c\r\n");

        Tables shapes;
        shapes.push_back(forces(0, {{"0", "1", "a"}}));
        shapes.push_back(table("mean", 0, {{"_time", ColumnType::DateTime}, {"_value", ColumnType::Long}}, {{"0", "7"}}));
        shapes.push_back(table("mean", 1, {{"_time", ColumnType::DateTime}, {"_value", ColumnType::Long}}, {}));
        shapes.push_back(table("mean", 2, {{"_time", ColumnType::DateTime}, {"_value", ColumnType::Long}}, {{"1", "8"}}));
        shapes.push_back(forces(3, {{"0", "2", "b"}}));
        QTest::newRow("new header when the columns change; empty tables write nothing")
            << shapes << with
            << QByteArray("result,table,_time,_value,_field\r\n"
                          "_result,0,2026-11-23T03:12:00Z,1,a\r\n"
                          "result,table,_time,_value\r\n"
                          "mean,0,2026-11-23T03:12:00Z,7\r\n"
                          "mean,2,2026-11-23T03:12:00.000000001Z,8\r\n"
                          "result,table,_time,_value,_field\r\n"
                          "_result,3,2026-11-23T03:12:00Z,2,b\r\n");

        Tables types;
        types.push_back(table("r,1", -1,
                              {{"t", ColumnType::DateTime}, {"d", ColumnType::Double}, {"l", ColumnType::Long},
                               {"u", ColumnType::UnsignedLong}, {"b", ColumnType::Boolean}, {"s", ColumnType::String},
                               {"odd \"name\",x", ColumnType::String}},
                              {{"-1795403520000000001", "1e-300", "-9223372036854775808", "18446744073709551615", "true",
                                "line1\nline2", ""},
                               {"~", "~", "~", "~", "~", "~", "~"},
                               {"0", "0.1", "0", "0", "false", "a \"quoted\", text\r", "x"}}));
        QTest::newRow("types, nulls, quoting in cells, names and result")
            << types << with
            << QByteArray("result,table,t,d,l,u,b,s,\"odd \"\"name\"\",x\"\r\n"
                          "\"r,1\",-1,1969-12-31T23:59:59.999999999Z,1e-300,-9223372036854775808,18446744073709551615,true,"
                          "\"line1\nline2\",\r\n"
                          "\"r,1\",-1,,,,,,,\r\n"
                          "\"r,1\",-1,2026-11-23T03:12:00Z,0.1,0,0,false,\"a \"\"quoted\"\", text\r\",x\r\n");

        Tables special;
        special.push_back(table("0", 0, {{"v", ColumnType::Double}}, {{"inf"}, {"-inf"}, {"nan"}}));
        QTest::newRow("special doubles") << special << without << QByteArray("v\r\n+Inf\r\n-Inf\r\nNaN\r\n");

        Tables repeated;
        repeated.push_back(table("0", 0, {{"a", ColumnType::Long}, {"a", ColumnType::Long}}, {{"1", "2"}}));
        repeated.push_back(table("0", 1, {{"a", ColumnType::Long}, {"a", ColumnType::Long}}, {{"3", "4"}}));
        QTest::newRow("repeated names keep their order and a new header")
            << repeated << without << QByteArray("a,a\r\n1,2\r\na,a\r\n3,4\r\n");

        QTest::newRow("nothing") << Tables{} << with << QByteArray();
    }
    void documents()
    {
        QFETCH(Tables, tables);
        QFETCH(CsvIdentityColumns, identity);
        QFETCH(QByteArray, csv);
        QCOMPARE(writeAll(tables, identity), csv);
    }

    void counts()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(buffer);
        QVERIFY(writer.writeTable(forces(0, {{"0", "1", "a"}, {"1", "1", "a"}})).ok());
        QVERIFY(writer.writeTable(table("m", 0, {{"x", ColumnType::Long}}, {{"1"}})).ok());
        QCOMPARE(writer.rowsWritten(), 3);
        QCOMPARE(writer.headersWritten(), 2);
        QVERIFY(buffer.data().isEmpty()); // buffered until finish()
        QVERIFY(writer.finish().ok());
        QCOMPARE(buffer.data().count("\r\n"), 5);
    }

    void largeOutputStreamsAndMatchesFileOutput()
    {
        // ~4 MB: several flushes on the way.
        std::vector<std::vector<std::string>> rows;
        for (int i = 0; i < 60'000; ++i)
            rows.push_back({std::to_string(std::int64_t{i} * 20'000'000), std::to_string(i * 0.25),
                            i % 7 == 0 ? "needs, quotes" : "zForce" + std::to_string(i % 156)});
        Tables tables;
        tables.push_back(forces(0, rows));
        tables.push_back(forces(1, rows));
        const QByteArray viaDevice = writeAll(tables, CsvIdentityColumns::Include);
        QCOMPARE(viaDevice.count("\r\n"), 1 + 2 * 60'000);
        QVERIFY(viaDevice.size() > 4'000'000);

        std::FILE *file = std::tmpfile();
        QVERIFY(file);
        {
            CsvWriter writer(file);
            for (const auto &t : tables)
                QVERIFY(writer.writeTable(t).ok());
            QVERIFY(writer.finish().ok());
        }
        std::rewind(file);
        QByteArray viaFile;
        char chunk[65536];
        std::size_t n = 0;
        while ((n = std::fread(chunk, 1, sizeof chunk, file)) > 0)
            viaFile.append(chunk, qsizetype(n));
        std::fclose(file);
        QCOMPARE(viaFile.size(), viaDevice.size());
        QVERIFY(viaFile == viaDevice);
    }

    void deviceErrorIsReportedAndSticks()
    {
        QBuffer closed; // never opened: every write fails
        CsvWriter writer(closed);
        QVERIFY(writer.writeTable(forces(0, {{"0", "1", "a"}})).ok()); // still buffered
        const auto done = writer.finish();
        QVERIFY(!done.ok());
        QVERIFY2(done.error().startsWith(QStringLiteral("Cannot write CSV: ")), qPrintable(done.error()));
        QCOMPARE(writer.writeTable(forces(1, {{"0", "1", "a"}})).error(), done.error());
        QCOMPARE(writer.finish().error(), done.error());
    }

    void fileErrorIsReported()
    {
        std::FILE *full = std::fopen("/dev/full", "w");
        if (!full)
            QSKIP("/dev/full is not available");
        {
            CsvWriter writer(full);
            QVERIFY(writer.writeTable(forces(0, {{"0", "1", "a"}})).ok());
            const auto done = writer.finish();
            QVERIFY(!done.ok());
            QVERIFY2(done.error().contains(QString::fromLocal8Bit(std::strerror(ENOSPC))), qPrintable(done.error()));
        }
        std::fclose(full);
    }
};

QTEST_GUILESS_MAIN(tst_CsvWriter)
#include "tst_csvwriter.moc"
