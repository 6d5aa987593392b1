// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/BracketMatcher.h"

#include <QTest>

using namespace sasquatch;

Q_DECLARE_METATYPE(sasquatch::QueryLanguage)

class tst_BracketMatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchAt_data()
    {
        // `§` marks the cursor and is removed; position -1 means "no bracket next to the cursor".
        QTest::addColumn<QString>("marked");
        QTest::addColumn<QueryLanguage>("language");
        QTest::addColumn<int>("position");
        QTest::addColumn<int>("partner");
        const auto flux = QueryLanguage::Flux;
        const auto ql = QueryLanguage::InfluxQl;
        QTest::newRow("after cursor") << "f§(a)" << flux << 1 << 3;
        QTest::newRow("before cursor") << "f(a)§" << flux << 3 << 1;
        QTest::newRow("after wins") << "(a)§[b]" << flux << 3 << 5;
        QTest::newRow("nested") << "f(g(§x), [1, {a: 2}])" << flux << 3 << 5;
        QTest::newRow("outer") << "f(g(x), [1, {a: 2}])§" << flux << 19 << 1;
        QTest::newRow("braces") << "{a: 1§}" << flux << 5 << 0;
        QTest::newRow("string ignored") << "f(\"(\" §)" << flux << 6 << 1;
        QTest::newRow("comment ignored") << "f( // )\n§)" << flux << 8 << 1;
        QTest::newRow("regex ignored") << "filter(fn: (r) => r.x =~ /(/§)" << flux << 28 << 6;
        QTest::newRow("unmatched open") << "f(§a" << flux << 1 << -1;
        QTest::newRow("unmatched close") << "a)§" << flux << 1 << -1;
        QTest::newRow("wrong kind") << "(a]§" << flux << 2 << -1;
        QTest::newRow("skipped opener") << "f(a[1)§" << flux << 5 << 1;
        QTest::newRow("skipped opener stays open") << "f(a§[1)" << flux << 3 << -1;
        QTest::newRow("no bracket") << "a §b" << flux << -1 << -1;
        QTest::newRow("multi-line") << "from(bucket: \"x\")\n  |> range(start: -1h§)\n" << flux << 39 << 28;
        QTest::newRow("influxql") << "SELECT mean(\"x\"§) FROM m" << ql << 15 << 11;
        QTest::newRow("influxql quoted ident") << "SELECT \"(\" FROM (§SELECT 1)" << ql << 16 << 25;
        QTest::newRow("influxql block comment") << "/* ( */ (§)" << ql << 9 << 8;
    }
    void matchAt()
    {
        QFETCH(QString, marked);
        QFETCH(QueryLanguage, language);
        QFETCH(int, position);
        QFETCH(int, partner);
        const qsizetype cursor = marked.indexOf(u'§');
        QString text = marked;
        text.remove(cursor, 1);
        const auto match = BracketMatcher::match(language, text, cursor);
        if (position < 0) {
            QVERIFY(!match);
            return;
        }
        QVERIFY(match);
        QCOMPARE(match->position, qsizetype(position));
        QCOMPARE(match->partner, qsizetype(partner));
        QCOMPARE(match->matched(), partner >= 0);
    }

    void unmatchedList()
    {
        const BracketMatcher m(QueryLanguage::Flux, QStringLiteral("f(a[1) ] (x"));
        QCOMPARE(m.unmatched(), (QList<qsizetype>{3, 7, 9}));
        QCOMPARE(m.partnerOf(1), qsizetype(5));
        QCOMPARE(m.partnerOf(5), qsizetype(1));
        QCOMPARE(m.partnerOf(0), qsizetype(-1));
        QVERIFY(BracketMatcher(QueryLanguage::Flux, QStringLiteral("f([{}])")).unmatched().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_BracketMatcher)
#include "tst_bracketmatcher.moc"
