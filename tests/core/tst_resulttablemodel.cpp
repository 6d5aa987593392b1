// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/ResultTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <climits>
#include <variant>

using namespace sasquatch;

namespace {

constexpr std::int64_t kBase = 1'795'403'520LL * 1'000'000'000; // 2026-11-23T03:12:00Z

using Cell = std::variant<std::monostate, std::int64_t, std::uint64_t, double, bool, std::string>;

ResultTable table(std::string result, std::int64_t id, std::vector<std::pair<std::string, ColumnType>> columns,
                  std::vector<std::vector<Cell>> rows, Continuation continuation = Continuation::No)
{
    ResultTable t(std::move(result), id);
    t.setContinuation(continuation);
    for (auto &[name, type] : columns)
        t.addColumn(name, type);
    for (const auto &row : rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            ResultColumn &col = t.column(c);
            std::visit(
                [&col](const auto &v) {
                    using V = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<V, std::monostate>)
                        col.appendNull();
                    else if constexpr (std::is_same_v<V, std::int64_t>)
                        col.appendInt64(v);
                    else if constexpr (std::is_same_v<V, std::uint64_t>)
                        col.appendUInt64(v);
                    else if constexpr (std::is_same_v<V, double>)
                        col.appendDouble(v);
                    else if constexpr (std::is_same_v<V, bool>)
                        col.appendBool(v);
                    else
                        col.appendString(v);
                },
                row[c]);
        }
        t.endRow();
    }
    return t;
}

// Flux-shaped table: _time, _value (double), _field.
ResultTable fluxTable(std::int64_t id, const std::string &field, int rows, int firstRow = 0,
                      Continuation continuation = Continuation::No)
{
    std::vector<std::vector<Cell>> values;
    for (int r = firstRow; r < firstRow + rows; ++r)
        values.push_back({kBase + std::int64_t{r} * 20'000'000, 0.5 * r, field});
    return table("_result", id, {{"_time", ColumnType::DateTime}, {"_value", ColumnType::Double}, {"_field", ColumnType::String}},
                 values, continuation);
}

// The whole model as text: header line, then one line per row, cells joined by '|'.
QStringList dump(const QAbstractItemModel &model)
{
    QStringList lines;
    QStringList header;
    for (int c = 0; c < model.columnCount(); ++c)
        header << model.headerData(c, Qt::Horizontal).toString();
    lines << header.join(u'|');
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < model.columnCount(); ++c)
            cells << model.data(model.index(r, c)).toString();
        lines << cells.join(u'|');
    }
    return lines;
}

using Scenario = std::vector<std::vector<ResultTable>> (*)(); // batches given to appendTables

} // namespace

Q_DECLARE_METATYPE(Scenario)

class tst_ResultTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void empty()
    {
        ResultTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(dump(model), QStringList{QStringLiteral("result|table")});
        QCOMPARE(model.tableCount(), std::size_t{0});
        QCOMPARE(model.rowCountTotal(), 0);
        QCOMPARE(model.tableAt(0), std::nullopt);
        QCOMPARE(model.locate(-1).has_value(), false);
    }

    void shapes_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<int>("tables");

        QTest::newRow("one flux table")
            << Scenario([] {
                   std::vector<std::vector<ResultTable>> b(1);
                   b[0].push_back(fluxTable(0, "xForce0", 2));
                   return b;
               })
            << QStringList{"result|table|_time|_value|_field",
                           "_result|0|2026-11-23T03:12:00Z|0|xForce0",
                           "_result|0|2026-11-23T03:12:00.02Z|0.5|xForce0"}
            << 1;

        QTest::newRow("union of columns in first-seen order, absent cells empty")
            << Scenario([] {
                   std::vector<std::vector<ResultTable>> b(2);
                   b[0].push_back(fluxTable(0, "a", 1));
                   b[1].push_back(table("mean", 1,
                                        {{"_field", ColumnType::String}, {"salIndex", ColumnType::String},
                                         {"_value", ColumnType::Long}},
                                        {{std::string("b"), std::string("1"), std::int64_t{-7}}}));
                   b[1].push_back(table("mean", 2, {{"ok", ColumnType::Boolean}, {"n", ColumnType::UnsignedLong}},
                                        {{true, std::uint64_t{18446744073709551615ULL}}, {false, std::monostate{}}}));
                   return b;
               })
            << QStringList{"result|table|_time|_value|_field|salIndex|ok|n",
                           "_result|0|2026-11-23T03:12:00Z|0|a|||",
                           "mean|1||-7|b|1||",
                           "mean|2|||||true|18446744073709551615",
                           "mean|2|||||false|"}
            << 3;

        QTest::newRow("continuation pieces join their table")
            << Scenario([] {
                   std::vector<std::vector<ResultTable>> b(3);
                   b[0].push_back(fluxTable(0, "a", 2));
                   b[1].push_back(fluxTable(0, "a", 1, 2, Continuation::Yes));
                   b[1].push_back(fluxTable(1, "b", 1));
                   b[2].push_back(fluxTable(1, "b", 1, 1, Continuation::Yes));
                   return b;
               })
            << QStringList{"result|table|_time|_value|_field",
                           "_result|0|2026-11-23T03:12:00Z|0|a",
                           "_result|0|2026-11-23T03:12:00.02Z|0.5|a",
                           "_result|0|2026-11-23T03:12:00.04Z|1|a",
                           "_result|1|2026-11-23T03:12:00Z|0|b",
                           "_result|1|2026-11-23T03:12:00.02Z|0.5|b"}
            << 2;

        QTest::newRow("a continuation that matches nothing starts a table")
            << Scenario([] {
                   std::vector<std::vector<ResultTable>> b(1);
                   b[0].push_back(fluxTable(0, "a", 1));
                   b[0].push_back(fluxTable(5, "z", 1, 0, Continuation::Yes));
                   return b;
               })
            << QStringList{"result|table|_time|_value|_field", "_result|0|2026-11-23T03:12:00Z|0|a",
                           "_result|5|2026-11-23T03:12:00Z|0|z"}
            << 2;

        QTest::newRow("empty tables count but show no rows")
            << Scenario([] {
                   std::vector<std::vector<ResultTable>> b(1);
                   b[0].push_back(fluxTable(0, "a", 0));
                   b[0].push_back(fluxTable(1, "b", 1));
                   b[0].push_back(fluxTable(2, "c", 0));
                   b[0].push_back(fluxTable(2, "c", 1, 0, Continuation::Yes));
                   return b;
               })
            << QStringList{"result|table|_time|_value|_field", "_result|1|2026-11-23T03:12:00Z|0|b",
                           "_result|2|2026-11-23T03:12:00Z|0|c"}
            << 3;

        QTest::newRow("nulls, special doubles, UTF-8, times before 1970")
            << Scenario([] {
                   std::vector<std::vector<ResultTable>> b(1);
                   b[0].push_back(table("0", 0,
                                        {{"time", ColumnType::DateTime}, {"v", ColumnType::Double}, {"s", ColumnType::String}},
                                        {{std::int64_t{-1}, std::numeric_limits<double>::infinity(), std::string("Ångström, \"q\"")},
                                         {std::monostate{}, std::nan(""), std::monostate{}},
                                         {kBase + 123'456'789, 1e-300, std::string()}}));
                   return b;
               })
            << QStringList{"result|table|time|v|s",
                           "0|0|1969-12-31T23:59:59.999999999Z|+Inf|Ångström, \"q\"",
                           "0|0||NaN|",
                           "0|0|2026-11-23T03:12:00.123456789Z|1e-300|"}
            << 1;
    }
    void shapes()
    {
        QFETCH(Scenario, scenario);
        QFETCH(QStringList, expected);
        QFETCH(int, tables);
        ResultTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::int64_t rows = 0;
        for (auto &batch : scenario()) {
            for (const auto &t : batch)
                rows += static_cast<std::int64_t>(t.rowCount());
            if (batch.size() == 1)
                model.appendTable(std::move(batch.front()));
            else
                model.appendTables(std::move(batch));
        }
        QCOMPARE(dump(model), expected);
        QCOMPARE(model.tableCount(), std::size_t(tables));
        QCOMPARE(model.rowCountTotal(), rows);
        // cellText is what DisplayRole shows.
        for (int r = 0; r < model.rowCount(); ++r)
            for (int c = 0; c < model.columnCount(); ++c)
                QCOMPARE(model.cellText(r, c), model.data(model.index(r, c)).toString());
    }

    void locatesRows()
    {
        ResultTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Table 0: pieces of 3 + 0 + 2 rows; table 1: empty; table 2: 4 rows.
        std::vector<ResultTable> batch;
        batch.push_back(fluxTable(0, "a", 3));
        batch.push_back(fluxTable(0, "a", 0, 3, Continuation::Yes));
        batch.push_back(fluxTable(0, "a", 2, 3, Continuation::Yes));
        batch.push_back(fluxTable(1, "b", 0));
        batch.push_back(fluxTable(2, "c", 4));
        model.appendTables(std::move(batch));
        QCOMPARE(model.tableCount(), std::size_t{3});
        QCOMPARE(model.pieceCount(), std::size_t{5});
        QCOMPARE(model.rowCountTotal(), 9);
        QCOMPARE(model.tableFirstRow(0), 0);
        QCOMPARE(model.tableRowCount(0), 5);
        QCOMPARE(model.tableFirstRow(1), 5);
        QCOMPARE(model.tableRowCount(1), 0);
        QCOMPARE(model.tableFirstRow(2), 5);
        QCOMPARE(model.tableRowCount(2), 4);
        QCOMPARE(model.tableHead(2).tableId(), 2);
        QCOMPARE(model.tableHead(1).tableId(), 1);

        const std::vector<std::pair<std::size_t, std::int64_t>> expected{{0, 0}, {0, 1}, {0, 2}, {0, 3}, {0, 4},
                                                                          {2, 0}, {2, 1}, {2, 2}, {2, 3}};
        // Forwards, backwards and jumping: the remembered piece must never give a stale answer.
        std::vector<int> order;
        for (int r = 0; r < 9; ++r)
            order.push_back(r);
        for (int r = 8; r >= 0; --r)
            order.push_back(r);
        for (int r : {4, 0, 8, 3, 5, 2, 6, 1, 7})
            order.push_back(r);
        for (int r : order) {
            const auto loc = model.locate(r);
            QVERIFY(loc);
            QCOMPARE(loc->table, expected[std::size_t(r)].first);
            QCOMPARE(loc->tableRow, expected[std::size_t(r)].second);
            QCOMPARE(model.tableAt(r), std::optional(expected[std::size_t(r)].first));
            // The located piece holds the row's own value.
            QCOMPARE(loc->piece->column(1).doubleAt(loc->pieceRow), 0.5 * double(loc->tableRow));
        }
        QCOMPARE(model.tableAt(9), std::nullopt);
        QCOMPARE(model.tableAt(-1), std::nullopt);
        QCOMPARE(model.columnOf("_field"), 4);
        QCOMPARE(model.columnOf("nope"), -1);
    }

    void signalsForViews()
    {
        ResultTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy rows(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy columns(&model, &QAbstractItemModel::columnsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.appendTable(fluxTable(0, "a", 3));
        QCOMPARE(columns.size(), 1);
        QCOMPARE(columns.at(0).at(1).toInt(), 2);
        QCOMPARE(columns.at(0).at(2).toInt(), 4);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).at(1).toInt(), 0);
        QCOMPARE(rows.at(0).at(2).toInt(), 2);
        // Same columns: no column insertion; an empty table: no row insertion.
        model.appendTable(fluxTable(1, "b", 2));
        model.appendTable(fluxTable(2, "c", 0));
        QCOMPARE(columns.size(), 1);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(1).at(1).toInt(), 3);
        QCOMPARE(rows.at(1).at(2).toInt(), 4);
        // A batch is one insertion.
        std::vector<ResultTable> batch;
        for (int i = 0; i < 10; ++i)
            batch.push_back(fluxTable(3 + i, "d", 10));
        model.appendTables(std::move(batch));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(2).at(1).toInt(), 5);
        QCOMPARE(rows.at(2).at(2).toInt(), 104);
        QCOMPARE(model.rowCount(), 105);
        model.appendTables({});
        QCOMPARE(rows.size(), 3);
        model.clear();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(model.tableCount(), std::size_t{0});
        // Usable again after clear().
        model.appendTable(fluxTable(0, "again", 1));
        QCOMPARE(model.data(model.index(0, 4)).toString(), QStringLiteral("again"));
    }

    void roles()
    {
        ResultTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendTable(table("r", 7,
                                {{"t", ColumnType::DateTime}, {"d", ColumnType::Double}, {"l", ColumnType::Long},
                                 {"u", ColumnType::UnsignedLong}, {"b", ColumnType::Boolean}, {"s", ColumnType::String}},
                                {{kBase, 2.5, std::int64_t{-3}, std::uint64_t{4}, true, std::string("x")},
                                 {std::monostate{}, std::monostate{}, std::monostate{}, std::monostate{}, std::monostate{},
                                  std::monostate{}}}));
        auto raw = [&](int row, int column) { return model.data(model.index(row, column), ResultTableModel::RawValueRole); };
        QCOMPARE(raw(0, 0), QVariant(QStringLiteral("r")));
        QCOMPARE(raw(0, 1), QVariant::fromValue<qint64>(7));
        QCOMPARE(raw(0, 2), QVariant::fromValue<qint64>(kBase));
        QCOMPARE(raw(0, 3), QVariant(2.5));
        QCOMPARE(raw(0, 4), QVariant::fromValue<qint64>(-3));
        QCOMPARE(raw(0, 5), QVariant::fromValue<quint64>(4));
        QCOMPARE(raw(0, 6), QVariant(true));
        QCOMPARE(raw(0, 7), QVariant(QStringLiteral("x")));
        for (int c = 2; c < 8; ++c)
            QVERIFY(!raw(1, c).isValid());
        auto align = [&](int column) {
            return model.data(model.index(0, column), Qt::TextAlignmentRole).value<Qt::Alignment>();
        };
        QCOMPARE(align(3), Qt::AlignRight | Qt::AlignVCenter);
        QCOMPARE(align(4), Qt::AlignRight | Qt::AlignVCenter);
        QCOMPARE(align(1), Qt::AlignRight | Qt::AlignVCenter);
        QVERIFY(!model.data(model.index(0, 7), Qt::TextAlignmentRole).isValid());
        QCOMPARE(model.headerData(3, Qt::Horizontal, Qt::ToolTipRole).toString(), QStringLiteral("d: double"));
        QCOMPARE(model.headerData(2, Qt::Horizontal, Qt::ToolTipRole).toString(), QStringLiteral("t: dateTime:RFC3339"));
        QCOMPARE(model.headerData(0, Qt::Vertical).toInt(), 1);
        QCOMPARE(model.headerData(1, Qt::Vertical).toInt(), 2);
        QVERIFY(!model.headerData(8, Qt::Horizontal).isValid());
        QVERIFY(model.flags(model.index(0, 0)).testFlag(Qt::ItemNeverHasChildren));
        QVERIFY(!model.flags(model.index(0, 0)).testFlag(Qt::ItemIsEditable));
    }
};

QTEST_GUILESS_MAIN(tst_ResultTableModel)
#include "tst_resulttablemodel.moc"
