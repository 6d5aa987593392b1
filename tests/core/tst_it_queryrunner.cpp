// SPDX-License-Identifier: GPL-3.0-or-later
// QueryRunner on InfluxQL against the real influxd of the CTest fixture (Debian's InfluxDB
// 1.x): points written with line protocol come back through the streaming `/query` path
// (chunked=true, epoch=ns) with exact nanosecond times; several statements, partial chunks
// (chunk_size=2), statement errors, parse errors, empty results, POST for writes, budget.
#include "core/http/CurlTransport.h"
#include "core/parse/ResultTableCollector.h"
#include "core/query/QueryRunner.h"
#include "tests/support/InfluxFixture.h"

#include <QTest>
#include <QUuid>

using namespace sasquatch;
using sasquatch::test::InfluxFixture;

namespace {

constexpr std::int64_t kStart = 1732406400123456789; // 2024-11-24T00:00:00.123456789Z, beyond 2^53

std::int64_t pointTime(int k)
{
    return kStart + std::int64_t{k} * 1'000'003;
}

class Collector final : public QueryResultSink
{
public:
    Outcome<Done> tableReady(ResultTable &&table) override
    {
        ++pieces;
        merged.tableReady(std::move(table));
        return Done{};
    }
    void statementFailed(const QueryStatementError &error) override
    {
        errors.push_back(error);
        order << QStringLiteral("error %1").arg(error.statementId);
    }

    ResultTableCollector merged{PieceHandling::Merge};
    std::vector<QueryStatementError> errors;
    QStringList order;
    int pieces = 0;
};

QueryRequest influxQl(const QString &text, int chunkSize = 0)
{
    QueryRequest r;
    r.language = QueryLanguage::InfluxQl;
    r.text = text;
    r.chunkSize = chunkSize;
    return r;
}

} // namespace

class tst_ItQueryRunner : public QObject
{
    Q_OBJECT
private:
    QString m_url;
    QString m_m; // measurement of this run
    std::shared_ptr<CurlTransport> m_transport = std::make_shared<CurlTransport>();

    QueryRunner runner(const QString &database = QStringLiteral("efd")) const
    {
        ConnectionProfile p;
        p.name = QStringLiteral("fixture");
        p.influxUrl = m_url;
        p.database = database;
        return QueryRunner(p, {}, m_transport);
    }
    QString from() const { return QStringLiteral("\"%1\"").arg(m_m); }

private Q_SLOTS:
    void initTestCase()
    {
        m_url = InfluxFixture::url();
        if (m_url.isEmpty())
            return;
        m_m = QStringLiteral("it_query_") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        // salIndex=1: 5 points; salIndex=2: 3 points; and 3000 points of salIndex=9 for the budget.
        QByteArray lines;
        for (int k = 0; k < 5; ++k)
            lines += m_m.toUtf8() + ",salIndex=1 xForce0=" + QByteArray::number(k * 0.5) + ",n=" + QByteArray::number(k) + "i "
                     + QByteArray::number(qint64(pointTime(k))) + "\n";
        for (int k = 0; k < 3; ++k)
            lines += m_m.toUtf8() + ",salIndex=2 xForce0=" + QByteArray::number(-k - 0.25) + ",n=" + QByteArray::number(10 + k)
                     + "i " + QByteArray::number(qint64(pointTime(k))) + "\n";
        for (int k = 0; k < 3000; ++k)
            lines += m_m.toUtf8() + "_big,salIndex=9 xForce0=" + QByteArray::number(k) + ".5 "
                     + QByteArray::number(qint64(pointTime(k))) + "\n";
        HttpRequest write;
        write.method = HttpMethod::Post;
        write.url = m_url + QStringLiteral("/write?db=efd&precision=ns");
        write.body = lines;
        QCOMPARE(m_transport->perform(write).response.status, 204);
    }

    void severalStatementsInPartialChunks()
    {
        if (m_url.isEmpty())
            return;
        Collector sink;
        const QString q = QStringLiteral("SELECT xForce0, n FROM %1 GROUP BY salIndex; SELECT count(xForce0) FROM %1").arg(from());
        QueryRequest request = influxQl(q, 2);
        // With the field types known, pieces stream chunk by chunk (no type left to settle).
        request.columnTypes = {{"xForce0", ColumnType::Double}, {"n", ColumnType::Long}, {"count", ColumnType::Long}};
        const QuerySummary s = runner().run(request, sink);
        QVERIFY2(s.succeeded(), qPrintable(s.errorText()));
        QCOMPARE(s.rows, std::uint64_t(9));
        QCOMPARE(s.tables, std::uint64_t(3));
        QVERIFY2(s.pieces > s.tables, "chunk_size=2 splits the series into partial chunks");
        QCOMPARE(std::uint64_t(sink.pieces), s.pieces);
        QVERIFY(s.bytes > 0);

        const auto &t = sink.merged.tables();
        QCOMPARE(t.size(), std::size_t(3));
        QCOMPARE(t[0].resultName(), std::string("0"));
        QCOMPARE(t[0].rowCount(), std::size_t(5));
        QCOMPARE(t[0].findColumn("salIndex")->stringAt(0), std::string_view("1"));
        QCOMPARE(t[1].rowCount(), std::size_t(3));
        QCOMPARE(t[1].findColumn("salIndex")->stringAt(2), std::string_view("2"));
        // Exact int64 nanoseconds, no double on the way.
        const ResultColumn &time = *t[0].findColumn("time");
        QCOMPARE(time.type(), ColumnType::DateTime);
        for (int k = 0; k < 5; ++k)
            QCOMPARE(time.int64At(std::size_t(k)), pointTime(k));
        QCOMPARE(t[1].findColumn("time")->int64At(2), pointTime(2));
        QCOMPARE(t[0].findColumn("n")->int64At(4), 4);
        QCOMPARE(t[1].findColumn("xForce0")->doubleAt(1), -1.25);
        QCOMPARE(t[2].resultName(), std::string("1"));
        QCOMPARE(t[2].findColumn("count")->int64At(0), 8);
    }

    void columnTypesFromTheCatalog()
    {
        if (m_url.isEmpty())
            return;
        // salIndex=1's xForce0 at k=0,2,4 is integral: without a type it would start as Long.
        Collector sink;
        QueryRequest q = influxQl(QStringLiteral("SELECT xForce0 FROM %1 WHERE salIndex = '1' AND n = 2").arg(from()));
        q.columnTypes = {{"xForce0", ColumnType::Double}};
        QVERIFY(runner().run(q, sink).succeeded());
        QCOMPARE(sink.merged.tables().at(0).findColumn("xForce0")->type(), ColumnType::Double);
        QCOMPARE(sink.merged.tables().at(0).findColumn("xForce0")->doubleAt(0), 1.0);
    }

    void statementErrorKeepsOtherStatements()
    {
        if (m_url.isEmpty())
            return;
        Collector sink;
        const QString q = QStringLiteral("SELECT n FROM %1 WHERE salIndex = '2';\n"
                                         "SELECT n FROM \"nope\".\"autogen\".%1;\n"
                                         "SELECT count(n) FROM %1")
                              .arg(from());
        const QuerySummary s = runner().run(influxQl(q, 2), sink);
        QCOMPARE(s.status, QueryStatus::Completed);
        QVERIFY(!s.succeeded());
        QVERIFY(!s.statementErrors.empty());
        const QueryStatementError &e = s.statementErrors.front();
        QCOMPARE(e.statementId, 1);
        QCOMPARE(e.message, QStringLiteral("database not found: nope"));
        QCOMPARE(e.statement, QStringLiteral("SELECT n FROM \"nope\".\"autogen\".%1").arg(from()));
        QCOMPARE(e.describe(), QStringLiteral("statement 2 (SELECT n FROM \"nope\".\"autogen\".%1): database not found: nope").arg(from()));
        QVERIFY(s.errorText().contains(QStringLiteral("database not found: nope")));
        QCOMPARE(sink.errors, s.statementErrors);
        // The first statement's rows arrived, before its neighbour's error.
        QVERIFY(!sink.merged.tables().empty());
        QCOMPARE(sink.merged.tables().front().resultName(), std::string("0"));
        QCOMPARE(sink.merged.tables().front().rowCount(), std::size_t(3));
        // influxd stops at the failed statement and reports the next ones "not executed" (it
        // numbers them one too low, statement_id 1 here: the runner puts them right).
        QCOMPARE(sink.merged.tables().size(), std::size_t(1));
        QCOMPARE(s.statementErrors.size(), std::size_t(2));
        QCOMPARE(s.statementErrors[1].statementId, 2);
        QCOMPARE(s.statementErrors[1].message, QStringLiteral("not executed"));
        QCOMPARE(s.statementErrors[1].statement, QStringLiteral("SELECT count(n) FROM %1").arg(from()));
        QCOMPARE(s.errorText(), s.statementErrors[0].describe() + u'\n' + s.statementErrors[1].describe());
    }

    void parseErrorIs400WithServerText()
    {
        if (m_url.isEmpty())
            return;
        Collector sink;
        const QuerySummary s = runner().run(influxQl(QStringLiteral("SELECT * FRM %1").arg(from())), sink);
        QCOMPARE(s.status, QueryStatus::Failed);
        QCOMPARE(s.failure.httpStatus, 400);
        QVERIFY2(s.failure.message.startsWith(QStringLiteral("InfluxDB refused the InfluxQL query (HTTP 400 Bad Request): "
                                                             "error parsing query: found FRM, expected FROM at line 1, char 10")),
                 qPrintable(s.failure.message));
        QCOMPARE(sink.pieces, 0);
    }

    void emptyResults()
    {
        if (m_url.isEmpty())
            return;
        Collector sink;
        QuerySummary s = runner().run(influxQl(QStringLiteral("SELECT * FROM %1 WHERE time < 0").arg(from()), 2), sink);
        QVERIFY2(s.succeeded(), qPrintable(s.errorText()));
        QCOMPARE(s.rows, std::uint64_t(0));
        QCOMPARE(s.tables, std::uint64_t(0));
        s = runner().run(influxQl(QStringLiteral("SELECT * FROM \"no_such_measurement_here\"")), sink);
        QVERIFY2(s.succeeded(), qPrintable(s.errorText()));
        QCOMPARE(s.rows, std::uint64_t(0));
        // No database needed for SHOW DATABASES.
        s = runner(QString()).run(influxQl(QStringLiteral("SHOW DATABASES")), sink);
        QVERIFY2(s.succeeded(), qPrintable(s.errorText()));
        QVERIFY(s.rows >= 1);
    }

    void unknownDatabase()
    {
        if (m_url.isEmpty())
            return;
        Collector sink;
        const QuerySummary s = runner(QStringLiteral("no_such_db")).run(influxQl(QStringLiteral("SELECT * FROM %1").arg(from())), sink);
        QVERIFY(!s.succeeded());
        QVERIFY2(s.errorText().contains(QStringLiteral("database not found: no_such_db")), qPrintable(s.errorText()));
    }

    void writingStatementsArePosted()
    {
        if (m_url.isEmpty())
            return;
        // influxd refuses CREATE/DROP from a GET ("requires a POST"): success shows the POST.
        const QString db = QStringLiteral("it_query_tmp_") + QUuid::createUuid().toString(QUuid::Id128).left(6);
        Collector sink;
        QuerySummary s = runner().run(influxQl(QStringLiteral("CREATE DATABASE \"%1\"").arg(db)), sink);
        QVERIFY2(s.succeeded(), qPrintable(s.errorText()));
        s = runner(QString()).run(influxQl(QStringLiteral("SHOW DATABASES")), sink);
        QVERIFY(s.succeeded());
        bool found = false;
        for (const auto &t : sink.merged.tables())
            for (std::size_t r = 0; r < t.rowCount(); ++r)
                found = found || t.column(0).stringAt(r) == db.toStdString();
        QVERIFY(found);
        s = runner().run(influxQl(QStringLiteral("-- cleanup\nDROP DATABASE \"%1\"").arg(db)), sink);
        QVERIFY2(s.succeeded(), qPrintable(s.errorText()));
    }

    void budgetStopsInfluxQl()
    {
        if (m_url.isEmpty())
            return;
        Collector sink;
        QueryRequest q = influxQl(QStringLiteral("SELECT xForce0 FROM \"%1_big\"").arg(m_m), 100);
        q.budget = QueryBudget{1000, 0};
        const QuerySummary s = runner().run(q, sink);
        QCOMPARE(s.status, QueryStatus::BudgetExceeded);
        QVERIFY2(s.failure.message.contains(QStringLiteral("(1,000 points)")), qPrintable(s.failure.message));
        QVERIFY(s.failure.message.contains(QStringLiteral("GROUP BY time(1m)")));
        QVERIFY(s.rows <= 1000);
        // The same query with room for it reads all 3000 rows exactly.
        q.budget = QueryBudget{3000, 0};
        Collector all;
        const QuerySummary whole = runner().run(q, all);
        QVERIFY2(whole.succeeded(), qPrintable(whole.errorText()));
        QCOMPARE(whole.rows, std::uint64_t(3000));
        QCOMPARE(all.merged.tables().at(0).findColumn("time")->int64At(2999), pointTime(2999));
    }

    void cancelledBeforeStart()
    {
        if (m_url.isEmpty())
            return;
        CancelToken cancel;
        cancel.cancel();
        Collector sink;
        const QuerySummary s = runner().run(influxQl(QStringLiteral("SELECT * FROM %1").arg(from())), sink, cancel);
        QCOMPARE(s.status, QueryStatus::Cancelled);
        QVERIFY(s.failure.cancelled);
    }
};

QTEST_GUILESS_MAIN(tst_ItQueryRunner)
#include "tst_it_queryrunner.moc"
