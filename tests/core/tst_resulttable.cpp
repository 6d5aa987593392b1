// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/parse/ResultTable.h"
#include "core/parse/ResultTableCollector.h"
#include "tests/support/ResultTableDump.h"

#include <QTest>

#include <QStringList>

#include <cmath>
#include <functional>
#include <limits>

using namespace sasquatch;

Q_DECLARE_METATYPE(sasquatch::ColumnType)

namespace {

// One-column table filled by `fill`, for the cell accessor cases.
ResultTable oneColumn(ColumnType type, const std::function<void(ResultColumn &)> &fill)
{
    ResultTable t("_result", 0);
    fill(t.addColumn("v", type));
    const std::size_t rows = t.column(0).size();
    for (std::size_t i = 0; i < rows; ++i)
        t.endRow();
    return t;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

} // namespace

class tst_ResultTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cellAccess_data();
    void cellAccess();
    void conversionsOnAppend_data();
    void conversionsOnAppend();
    void nullMaskIsLazy();
    void repeatedStringsShareBytes();
    void uniformStringColumn_data();
    void uniformStringColumn();
    void appendRepeated_data() { uniformStringColumn_data(); }
    void appendRepeated();
    void repeatLastCopiesValueAndNull();
    void schemaAndLookup();
    void emptyCopyAndAppendRows();
    void equality();
    void memoryBytesGrows();
    void collectorMergesPieces();
};

void tst_ResultTable::cellAccess_data()
{
    QTest::addColumn<ColumnType>("type");
    QTest::addColumn<QString>("textRow0");
    QTest::addColumn<double>("doubleRow0");

    QTest::newRow("double") << ColumnType::Double << "0.1" << 0.1;
    QTest::newRow("long") << ColumnType::Long << "-42" << -42.0;
    QTest::newRow("unsignedLong") << ColumnType::UnsignedLong << "18446744073709551615" << 18446744073709551615.0;
    QTest::newRow("boolean") << ColumnType::Boolean << "true" << 1.0;
    QTest::newRow("dateTime") << ColumnType::DateTime << "2024-05-01T12:00:00.000000001Z" << 1714564800000000001.0;
    QTest::newRow("string number") << ColumnType::String << "2.5e3" << 2500.0;
}

void tst_ResultTable::cellAccess()
{
    QFETCH(ColumnType, type);
    QFETCH(QString, textRow0);
    QFETCH(double, doubleRow0);

    const ResultTable t = oneColumn(type, [&](ResultColumn &c) {
        switch (type) {
        case ColumnType::Double:
            c.appendDouble(0.1);
            break;
        case ColumnType::Long:
            c.appendInt64(-42);
            break;
        case ColumnType::UnsignedLong:
            c.appendUInt64(std::numeric_limits<std::uint64_t>::max());
            break;
        case ColumnType::Boolean:
            c.appendBool(true);
            break;
        case ColumnType::DateTime:
            c.appendInt64(1714564800000000001);
            break;
        case ColumnType::String:
            c.appendString("2.5e3");
            break;
        }
        c.appendNull();
    });
    QCOMPARE(t.rowCount(), 2u);
    QVERIFY(t.isConsistent());
    QCOMPARE(QString::fromStdString(t.cellText(0, 0)), textRow0);
    QCOMPARE(t.cellDouble(0, 0), doubleRow0);
    QVERIFY(!t.isNull(0, 0));
    QVERIFY(t.isNull(1, 0));
    QCOMPARE(t.cellText(1, 0), std::string());
    QVERIFY(std::isnan(t.cellDouble(1, 0)));
    QCOMPARE(t.column(0).nullCount(), 1u);
}

void tst_ResultTable::conversionsOnAppend_data()
{
    QTest::addColumn<ColumnType>("type");
    QTest::addColumn<QString>("dump");

    // Each column gets: int64 -5, uint64 2^64-1, double 2.75, double NaN, bool true, string "x".
    QTest::newRow("to double") << ColumnType::Double << "-5|18446744073709551616|2.75|NaN|1|~";
    QTest::newRow("to long") << ColumnType::Long << "-5|~|2|~|1|~";
    QTest::newRow("to unsignedLong") << ColumnType::UnsignedLong << "~|18446744073709551615|2|~|1|~";
    QTest::newRow("to boolean") << ColumnType::Boolean << "true|true|true|~|true|~";
    QTest::newRow("to string") << ColumnType::String << "-5|18446744073709551615|2.75|NaN|true|x";
}

void tst_ResultTable::conversionsOnAppend()
{
    QFETCH(ColumnType, type);
    QFETCH(QString, dump);
    const ResultTable t = oneColumn(type, [](ResultColumn &c) {
        c.appendInt64(-5);
        c.appendUInt64(std::numeric_limits<std::uint64_t>::max());
        c.appendDouble(2.75);
        c.appendDouble(kNaN);
        c.appendBool(true);
        c.appendString("x");
    });
    QStringList cells;
    for (std::size_t row = 0; row < t.rowCount(); ++row)
        cells << (t.isNull(row, 0) ? QStringLiteral("~") : QString::fromStdString(t.cellText(row, 0)));
    QCOMPARE(cells.join(QLatin1Char('|')), dump);
}

void tst_ResultTable::nullMaskIsLazy()
{
    ResultColumn c("v", ColumnType::Double);
    for (int i = 0; i < 100; ++i)
        c.appendDouble(i);
    QVERIFY(c.nullMask().empty());
    c.appendNull();
    c.appendDouble(-1);
    QCOMPARE(c.nullMask().size(), 102u);
    QCOMPARE(c.nullMask()[99], 0);
    QCOMPARE(c.nullMask()[100], 1);
    QCOMPARE(c.nullMask()[101], 0);
    QCOMPARE(c.doubleValues().size(), 102u);
    QCOMPARE(c.doubleValues()[100], 0.0); // null rows read as 0 in typed storage
}

void tst_ResultTable::repeatedStringsShareBytes()
{
    ResultColumn repeated("m", ColumnType::String);
    ResultColumn distinct("m", ColumnType::String);
    const std::string name = "lsst.sal.MTM1M3.forceActuatorData";
    for (int i = 0; i < 10'000; ++i) {
        repeated.appendString(name);
        distinct.appendString(name + std::to_string(i));
    }
    QCOMPARE(repeated.stringAt(9'999), std::string_view(name));
    QCOMPARE(distinct.stringAt(1234), std::string_view(name + "1234"));
    // A column of one value stores it once and nothing per row.
    QVERIFY(repeated.memoryBytes() < 1'000);
    QVERIFY(distinct.memoryBytes() > 10'000 * 37);
}

void tst_ResultTable::uniformStringColumn_data()
{
    // A String column keeps one value while every row holds it; whatever breaks the run (a
    // different value, a null, an empty string) must leave every earlier row readable.
    QTest::addColumn<QStringList>("values"); // "<null>" appends a null
    QTest::newRow("all equal") << QStringList{"a", "a", "a"};
    QTest::newRow("change at the end") << QStringList{"a", "a", "a", "b"};
    QTest::newRow("change then back") << QStringList{"xForce0", "xForce0", "xForce1", "xForce0", "xForce0"};
    QTest::newRow("null breaks the run") << QStringList{"a", "a", "<null>", "a"};
    QTest::newRow("null first") << QStringList{"<null>", "a", "a"};
    QTest::newRow("empty strings") << QStringList{"", "", "", "x", ""};
    QTest::newRow("empty after value") << QStringList{"a", "", "a"};
    QTest::newRow("same length differs") << QStringList{"ab", "ab", "ac"};
}

void tst_ResultTable::uniformStringColumn()
{
    QFETCH(QStringList, values);
    ResultColumn c("s", ColumnType::String);
    const auto check = [&](qsizetype upTo) {
        for (qsizetype i = 0; i < upTo; ++i) {
            const bool null = values[i] == "<null>";
            QCOMPARE(c.isNull(std::size_t(i)), null);
            QCOMPARE(QString::fromStdString(std::string(c.stringAt(std::size_t(i)))), null ? QString() : values[i]);
        }
    };
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (values[i] == "<null>")
            c.appendNull();
        else
            c.appendString(values[i].toStdString());
        QCOMPARE(c.size(), std::size_t(i + 1));
        check(i + 1);
    }
    // Copies, appends and clear keep the values.
    ResultColumn copy("s", ColumnType::String);
    copy.appendColumn(c);
    copy.appendColumn(c);
    QCOMPARE(copy.size(), 2 * c.size());
    for (std::size_t i = 0; i < c.size(); ++i) {
        QCOMPARE(copy.stringAt(i), c.stringAt(i));
        QCOMPARE(copy.stringAt(i + c.size()), c.stringAt(i));
        QCOMPARE(copy.isNull(i + c.size()), c.isNull(i));
    }
    c.clear();
    QCOMPARE(c.size(), 0u);
    c.appendString("z");
    c.appendString("y");
    QCOMPARE(c.stringAt(0), std::string_view("z"));
    QCOMPARE(c.stringAt(1), std::string_view("y"));
}

void tst_ResultTable::appendRepeated()
{
    // After each prefix of the values, appendRepeated(v, n) gives the column that n
    // appendString(v) calls give: the same rows, nulls and values (uniform or not).
    QFETCH(QStringList, values);
    for (qsizetype prefix = 0; prefix <= values.size(); ++prefix) {
        for (const std::size_t count : {std::size_t(0), std::size_t(1), std::size_t(5)}) {
            for (const std::string_view repeated : {std::string_view("a"), std::string_view(""), std::string_view("xForce0")}) {
                for (const ColumnType type : {ColumnType::String, ColumnType::Double}) {
                    ResultColumn bulk("s", type);
                    ResultColumn one("s", type);
                    for (qsizetype i = 0; i < prefix; ++i) {
                        for (ResultColumn *c : {&bulk, &one}) {
                            if (values[i] == "<null>")
                                c->appendNull();
                            else
                                c->appendString(values[i].toStdString());
                        }
                    }
                    bulk.appendRepeated(repeated, count);
                    for (std::size_t i = 0; i < count; ++i)
                        one.appendString(repeated);
                    QCOMPARE(bulk.size(), one.size());
                    QCOMPARE(bulk.nullCount(), one.nullCount());
                    QVERIFY(bulk == one);
                    for (std::size_t row = 0; row < one.size(); ++row) {
                        QCOMPARE(bulk.isNull(row), one.isNull(row));
                        if (type == ColumnType::String)
                            QCOMPARE(bulk.stringAt(row), one.stringAt(row));
                    }
                    // And the column goes on as usual.
                    bulk.appendString("tail");
                    one.appendString("tail");
                    QVERIFY(bulk == one);
                }
            }
        }
    }
}

void tst_ResultTable::repeatLastCopiesValueAndNull()
{
    // Each type, a value then a null, each repeated: the copies read as the originals.
    ResultColumn d("d", ColumnType::Double);
    ResultColumn l("l", ColumnType::Long);
    ResultColumn u("u", ColumnType::UnsignedLong);
    ResultColumn b("b", ColumnType::Boolean);
    ResultColumn t("t", ColumnType::DateTime);
    ResultColumn uniform("s", ColumnType::String);
    ResultColumn mixed("m", ColumnType::String);
    d.appendDouble(-1.25);
    l.appendInt64(-7);
    u.appendUInt64(18446744073709551615u);
    b.appendBool(true);
    t.appendInt64(1714564800000000001);
    uniform.appendString("zForce");
    mixed.appendString("a");
    mixed.appendString("bc");
    for (ResultColumn *c : {&d, &l, &u, &b, &t, &uniform, &mixed})
        c->repeatLast();
    for (ResultColumn *c : {&d, &l, &u, &b, &t, &uniform, &mixed}) {
        const std::size_t n = c->size();
        QCOMPARE(c->text(n - 1), c->text(n - 2));
        QVERIFY(!c->isNull(n - 1));
        c->appendNull();
        c->repeatLast();
        QCOMPARE(c->size(), n + 2);
        QVERIFY(c->isNull(n + 1));
        QCOMPARE(c->nullCount(), std::size_t{2});
    }
    QCOMPARE(d.doubleAt(1), -1.25);
    // Several copies at once, as a run of rows repeating the group key ends; none for 0.
    ResultColumn many("n", ColumnType::Long);
    many.appendInt64(5);
    many.repeatLast(0);
    QCOMPARE(many.size(), std::size_t{1});
    many.repeatLast(1000);
    QCOMPARE(many.size(), std::size_t{1001});
    QCOMPARE(many.int64At(1000), std::int64_t{5});
    QCOMPARE(many.int64Values().size(), std::size_t{1001});
    mixed.appendString("z");
    mixed.repeatLast(3);
    QCOMPARE(mixed.stringAt(mixed.size() - 1), std::string_view("z"));
    QCOMPARE(mixed.nullCount(), std::size_t{2});
    QVERIFY(!mixed.isNull(mixed.size() - 1));
    QCOMPARE(u.uint64At(1), std::uint64_t{18446744073709551615u});
    QCOMPARE(uniform.stringAt(1), std::string_view("zForce"));
    QCOMPARE(mixed.stringAt(2), std::string_view("bc"));
}

void tst_ResultTable::schemaAndLookup()
{
    ResultTable t("mean", 3);
    t.addColumn("_time", ColumnType::DateTime);
    t.addColumn("_value", ColumnType::Double);
    t.addColumn("host", ColumnType::String, GroupKey::Yes).setDefaultText("A");
    QCOMPARE(t.columnCount(), 3u);
    QCOMPARE(t.columnIndex("host").value_or(99), 2u);
    QVERIFY(!t.columnIndex("nope"));
    QVERIFY(t.findColumn("host")->isGroupKey());
    QVERIFY(!t.findColumn("_value")->isGroupKey());
    QCOMPARE(t.findColumn("host")->defaultText(), std::string("A"));
    QVERIFY(t.findColumn("missing") == nullptr);
    QVERIFY(t.isEmpty());
    QCOMPARE(t.resultName(), std::string("mean"));
    QCOMPARE(t.tableId(), 3);
    QVERIFY(!t.isContinuation());
}

void tst_ResultTable::emptyCopyAndAppendRows()
{
    ResultTable a("_result", 7);
    a.addColumn("_time", ColumnType::DateTime);
    a.addColumn("_field", ColumnType::String, GroupKey::Yes);
    a.column(0).appendInt64(0);
    a.column(1).appendString("f");
    a.endRow();

    ResultTable b = a.emptyCopy();
    QCOMPARE(b.rowCount(), 0u);
    QVERIFY(b.hasSameSchema(a));
    QCOMPARE(b.tableId(), 7);
    QVERIFY(b.column(1).isGroupKey());
    b.setContinuation(Continuation::Yes);
    b.column(0).appendInt64(1'000'000'000);
    b.column(1).appendNull();
    b.endRow();

    QVERIFY(a.appendRows(b));
    QCOMPARE(a.rowCount(), 2u);
    QVERIFY(a.isConsistent());
    QCOMPARE(dumpResultTable(a), QStringLiteral("T _result 7\nC _time:time _field:string:key\n"
                                                "R 1970-01-01T00:00:00Z|f\nR 1970-01-01T00:00:01Z|~"));
    QVERIFY(a.appendRows(a)); // appending itself doubles it
    QCOMPARE(a.rowCount(), 4u);

    ResultTable other("_result", 7);
    other.addColumn("_time", ColumnType::Long);
    QVERIFY(!a.appendRows(other));
    QCOMPARE(a.rowCount(), 4u);
}

void tst_ResultTable::equality()
{
    const auto make = [](double v) {
        ResultTable t("r", 1);
        t.addColumn("x", ColumnType::Double);
        t.column(0).appendDouble(v);
        t.endRow();
        return t;
    };
    QVERIFY(make(kNaN) == make(kNaN));
    QVERIFY(make(kInf) == make(kInf));
    QVERIFY(!(make(1.0) == make(2.0)));
    ResultTable renamed = make(1.0);
    renamed.setResultName("s");
    QVERIFY(!(renamed == make(1.0)));
}

void tst_ResultTable::memoryBytesGrows()
{
    ResultTable t("r", 0);
    t.addColumn("x", ColumnType::Double);
    const std::size_t before = t.memoryBytes();
    for (int i = 0; i < 100'000; ++i) {
        t.column(0).appendDouble(i);
        t.endRow();
    }
    QVERIFY(t.memoryBytes() >= before + 100'000 * sizeof(double));
}

void tst_ResultTable::collectorMergesPieces()
{
    ResultTable first("r", 0);
    first.addColumn("x", ColumnType::Long);
    first.column(0).appendInt64(1);
    first.endRow();
    ResultTable second = first.emptyCopy();
    second.setContinuation(Continuation::Yes);
    second.column(0).appendInt64(2);
    second.endRow();
    ResultTable next("r", 1);
    next.addColumn("x", ColumnType::Long);

    ResultTableCollector merge;
    merge.tableReady(ResultTable(first));
    merge.tableReady(ResultTable(second));
    merge.tableReady(ResultTable(next));
    QCOMPARE(merge.tables().size(), 2u);
    QCOMPARE(merge.tables()[0].rowCount(), 2u);

    ResultTableCollector keep(PieceHandling::Keep);
    keep.tableReady(ResultTable(first));
    keep.tableReady(ResultTable(second));
    QCOMPARE(keep.tables().size(), 2u);
    keep.parseFailed(ParseError{ParseErrorKind::ServerError, "boom", "42"});
    QCOMPARE(keep.error()->describe(), std::string("query failed: boom (reference 42)"));
    QCOMPARE(keep.takeTables().size(), 2u);
    QVERIFY(keep.tables().empty());
}

QTEST_GUILESS_MAIN(tst_ResultTable)
#include "tst_resulttable.moc"
