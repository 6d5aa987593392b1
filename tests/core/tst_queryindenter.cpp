// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/QueryIndenter.h"

#include <QTest>

using namespace sasquatch;

Q_DECLARE_METATYPE(sasquatch::QueryLanguage)

class tst_QueryIndenter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void newLine_data()
    {
        // § marks the cursor; closer = -1 when Enter does not split a bracket pair.
        QTest::addColumn<QueryLanguage>("language");
        QTest::addColumn<QString>("marked");
        QTest::addColumn<int>("indent");
        QTest::addColumn<int>("closer");
        const auto F = QueryLanguage::Flux;
        const auto Q = QueryLanguage::InfluxQl;
        QTest::newRow("top level") << F << "from(bucket: \"efd\")§" << 0 << -1;
        QTest::newRow("keeps pipe indent") << F << "x\n    |> range(start: -1h)§" << 4 << -1;
        QTest::newRow("after open paren") << F << "    |> filter(§" << 8 << -1;
        QTest::newRow("split pair") << F << "    |> filter(§)" << 8 << 4;
        QTest::newRow("split bracket with space") << F << "keep(columns: [§ ])" << 4 << 0;
        QTest::newRow("after lambda arrow") << F << "    |> filter(fn: (r) =>§" << 8 << -1;
        QTest::newRow("after trailing pipe") << F << "from(bucket: \"efd\") |>§" << 4 << -1;
        QTest::newRow("comment ignored") << F << "  f( // open§" << 6 << -1;
        QTest::newRow("paren in string ignored") << F << "  x = \"(§" << 2 << -1;
        QTest::newRow("tab counts four") << F << "\tx§" << 4 << -1;
        QTest::newRow("cursor in indentation") << F << "  §    x" << 2 << -1;
        QTest::newRow("influxql paren") << Q << "SELECT mean(§)" << 4 << 0;
        QTest::newRow("influxql no pipe rule") << Q << "SELECT a |§" << 0 << -1;
    }
    void newLine()
    {
        QFETCH(QueryLanguage, language);
        QFETCH(QString, marked);
        QFETCH(int, indent);
        QFETCH(int, closer);
        const qsizetype cursor = marked.indexOf(u'§');
        const QString text = QString(marked).remove(cursor, 1);
        const NewLineIndent r = QueryIndenter::newLine(text, cursor, language);
        QCOMPARE(r.indent, indent);
        QCOMPARE(r.closerIndent.value_or(-1), closer);
    }

    void electric_data()
    {
        QTest::addColumn<QString>("marked");
        QTest::addColumn<int>("indent"); // -1: leave the line alone
        QTest::newRow("pipe under head") << "from(bucket: \"efd\")\n|>§" << 4;
        QTest::newRow("pipe under pipe") << "from(bucket: \"efd\")\n    |> range(start: -1h)\n|>§" << 4;
        QTest::newRow("pipe already right") << "from(bucket: \"efd\")\n    |> range(start: -1h)\n    |>§" << -1;
        QTest::newRow("pipe after multi-line call")
            << "from(bucket: \"efd\")\n    |> filter(fn: (r) =>\n        r._value > 0)\n|>§" << 4;
        QTest::newRow("pipe skips blank lines") << "data = x\n\n  // note\n|>§" << 4;
        QTest::newRow("pipe inside call") << "union(tables: [\n    a\n|>§" << 8;
        QTest::newRow("closer to opener") << "    |> filter(\n        fn: (r) => true,\n        )§" << 4;
        QTest::newRow("closer unmatched") << "x\n    )§" << -1;
        QTest::newRow("not alone") << "x\n    a)§" << -1;
        QTest::newRow("first line") << "|>§" << -1;
    }
    void electric()
    {
        QFETCH(QString, marked);
        QFETCH(int, indent);
        const qsizetype cursor = marked.indexOf(u'§');
        const QString text = QString(marked).remove(cursor, 1);
        QCOMPARE(QueryIndenter::electricIndent(text, cursor, QueryLanguage::Flux).value_or(-1), indent);
    }
};

QTEST_GUILESS_MAIN(tst_QueryIndenter)
#include "tst_queryindenter.moc"
