// SPDX-License-Identifier: GPL-3.0-or-later
// QueryRunner on Flux against a contract fixture server (InfluxDB 2.x cannot run here, and
// Debian's influxd 1.6 has no Flux). Responses come from tests/fixtures/influxdb2 (see the
// README there: InfluxDB v2 API reference and the "Annotated CSV" reference) or are generated
// in the same format (FluxCsvGenerator). InfluxQL runs against the real influxd in
// tst_it_queryrunner.
#include "core/http/CurlTransport.h"
#include "core/parse/ResultTableCollector.h"
#include "core/query/QueryRunner.h"
#include "tests/support/ContractHttpServer.h"
#include "tests/support/FluxCsvGenerator.h"

#include <QFile>
#include <QTest>

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <thread>

using namespace sasquatch;
using namespace sasquatch::test;
using namespace std::chrono_literals;

namespace {

ContractResponse fixture(const QString &name)
{
    auto r = ContractResponse::fromHttpFile(QStringLiteral(SASQUATCH_TEST_FIXTURES "/influxdb2/") + name);
    if (!r)
        qFatal("fixture %s: %s", qPrintable(name), qPrintable(r.error()));
    return r.value();
}

QByteArray fixtureBytes(const QString &name)
{
    QFile f(QStringLiteral(SASQUATCH_TEST_FIXTURES "/influxdb2/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("fixture %s missing", qPrintable(name));
    return f.readAll();
}

/// InfluxDB streams query results chunked, as text/csv.
ContractResponse csvResponse(const QByteArray &body, int pieceBytes = 0)
{
    std::vector<QByteArray> pieces;
    if (pieceBytes <= 0)
        pieces.push_back(body);
    for (qsizetype pos = 0; pieceBytes > 0 && pos < body.size(); pos += pieceBytes)
        pieces.push_back(body.mid(pos, pieceBytes));
    return ContractResponse::chunked(200, "text/csv; charset=utf-8", pieces);
}

/// A streamed response of `tables` x `rows` generated rows, `gap` between pieces.
ContractResponse generated(int tables, int rows, std::chrono::milliseconds gap = 0ms, int pieceBytes = 64 * 1024)
{
    ContractResponse r;
    r.status = 200;
    r.header("Content-Type", "text/csv; charset=utf-8");
    r.framing = ContractFraming::Chunked;
    auto generator = std::make_shared<FluxCsvGenerator>(tables, rows);
    r.producer = [generator, gap, pieceBytes] {
        if (gap > 0ms)
            std::this_thread::sleep_for(gap);
        return generator->next(pieceBytes);
    };
    return r;
}

/// Keeps what the runner delivers; can fail or cancel on cue.
class Collector final : public QueryResultSink
{
public:
    Outcome<Done> tableReady(ResultTable &&table) override
    {
        ++pieces;
        rows += table.rowCount();
        if (onTable)
            if (auto r = onTable(table); !r)
                return r;
        merged.tableReady(std::move(table));
        return Done{};
    }
    void statementFailed(const QueryStatementError &error) override { errors.push_back(error); }
    void progressed(const QueryProgress &p) override
    {
        ++progressCalls;
        last = p;
        if (onProgress)
            onProgress(p);
    }

    ResultTableCollector merged{PieceHandling::Merge};
    std::vector<QueryStatementError> errors;
    std::function<Outcome<Done>(const ResultTable &)> onTable;
    std::function<void(const QueryProgress &)> onProgress;
    std::uint64_t pieces = 0;
    std::uint64_t rows = 0;
    int progressCalls = 0;
    QueryProgress last;
};

QueryRequest flux(const QString &text = QStringLiteral("from(bucket: \"efd\") |> range(start: -1m)"))
{
    QueryRequest r;
    r.language = QueryLanguage::Flux;
    r.text = text;
    return r;
}

} // namespace

class tst_QueryRunner : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ContractHttpServer> m_server;
    std::shared_ptr<CurlTransport> m_transport = std::make_shared<CurlTransport>();

    ConnectionProfile profile(ApiFlavour api = ApiFlavour::V2) const
    {
        ConnectionProfile p;
        p.name = QStringLiteral("contract");
        p.influxUrl = m_server->baseUrl();
        p.api = api;
        p.org = QStringLiteral("rubin");
        return p;
    }
    QueryRunner runner(ApiFlavour api = ApiFlavour::V2) const
    {
        return QueryRunner(profile(api), QStringLiteral("tok-123"), m_transport);
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<ContractHttpServer>();
        QVERIFY(m_server->start().ok());
    }

    void sendsDocumentedRequestAndStreamsTables()
    {
        m_server->on("POST", QStringLiteral("/api/v2/query"), csvResponse(fixtureBytes(QStringLiteral("query-two-results.csv")), 97));
        Collector sink;
        const QString text = QStringLiteral("from(bucket: \"efd\")\n  |> range(start: -1m) // \"quoted\" & +");
        const QuerySummary s = runner().run(flux(text), sink);
        QVERIFY2(s.succeeded(), qPrintable(s.errorText()));
        QCOMPARE(s.status, QueryStatus::Completed);
        QCOMPARE(s.rows, std::uint64_t(4));
        QCOMPARE(s.tables, std::uint64_t(3));
        QCOMPARE(s.bytes, std::uint64_t(fixtureBytes(QStringLiteral("query-two-results.csv")).size()));
        QCOMPARE(s.failure.httpStatus, 0);

        const auto &tables = sink.merged.tables();
        QCOMPARE(tables.size(), std::size_t(3));
        QCOMPARE(tables[0].resultName(), std::string("raw"));
        QCOMPARE(tables[0].rowCount(), std::size_t(2));
        QCOMPARE(tables[0].findColumn("_time")->int64At(0), 1714521610123456789); // exact ns
        QVERIFY(tables[0].findColumn("_value")->isNull(1));
        QCOMPARE(tables[1].tableId(), 1);
        QCOMPARE(tables[1].findColumn("_value")->doubleAt(0), -2.25);
        QCOMPARE(tables[2].resultName(), std::string("count"));
        QCOMPARE(tables[2].findColumn("_value")->type(), ColumnType::Long);
        QCOMPARE(QString::fromStdString(tables[2].findColumn("note")->text(0)), QStringLiteral("a, \"quoted\"\nnote"));
        QVERIFY(sink.progressCalls > 0);
        QCOMPARE(sink.last.bytesReceived, s.bytes);
        QCOMPARE(sink.last.rowsParsed, std::uint64_t(4));

        const auto requests = m_server->requestsTo(QStringLiteral("/api/v2/query"));
        QCOMPARE(requests.size(), std::size_t(1));
        const ContractRequest &r = requests.front();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.queryValue(QStringLiteral("org")), QStringLiteral("rubin"));
        QCOMPARE(r.tokenAuth(), QStringLiteral("tok-123"));
        QVERIFY(r.header("content-type").startsWith("application/json"));
        QVERIFY(r.header("accept-encoding").contains("gzip"));
        const auto body = nlohmann::json::parse(r.body.toStdString());
        QCOMPARE(QString::fromStdString(body.at("query").get<std::string>()), text);
        QCOMPARE(body.at("type").get<std::string>(), std::string("flux"));
        QVERIFY(body.at("dialect").at("annotations") == nlohmann::json({"datatype", "group", "default"}));
        QCOMPARE(body.at("dialect").at("header").get<bool>(), true);
        QVERIFY(m_server->unmatchedRequests().empty());
    }

    void fluxOn1xSendsTokenUserPassword()
    {
        // InfluxDB 1.8+ with a user: `Authorization: Token user:password` (DOMAIN.md, 1.x auth).
        m_server->on("POST", QStringLiteral("/api/v2/query"), csvResponse(fixtureBytes(QStringLiteral("query-two-results.csv"))));
        ConnectionProfile p = profile(ApiFlavour::V1);
        p.org.clear();
        p.username = QStringLiteral("efdreader");
        QueryRunner r(p, QStringLiteral("s3cret:x"), m_transport);
        Collector sink;
        const QuerySummary s = r.run(flux(), sink);
        QVERIFY2(s.succeeded(), qPrintable(s.errorText()));
        const ContractRequest req = m_server->requestsTo(QStringLiteral("/api/v2/query")).front();
        QCOMPARE(req.tokenAuth(), QStringLiteral("efdreader:s3cret:x"));
        QVERIFY(!req.basicAuth());
        QVERIFY(!req.queryValue(QStringLiteral("org")));
    }

    void autoFlavourPingsOnce()
    {
        m_server->on("GET", QStringLiteral("/ping"), fixture(QStringLiteral("ping.http")));
        m_server->on("POST", QStringLiteral("/api/v2/query"), csvResponse(fixtureBytes(QStringLiteral("query-two-results.csv"))));
        QueryRunner r = runner(ApiFlavour::Auto);
        Collector a, b;
        QVERIFY(r.run(flux(), a).succeeded());
        QVERIFY(r.run(flux(), b).succeeded());
        QCOMPARE(r.flavour(), std::optional<ApiFlavour>(ApiFlavour::V2));
        QCOMPARE(m_server->requestsTo(QStringLiteral("/ping")).size(), std::size_t(1));
        QCOMPARE(m_server->requestsTo(QStringLiteral("/api/v2/query")).back().tokenAuth(), QStringLiteral("tok-123"));
    }

    void gzipBody()
    {
        // InfluxDB compresses when asked with Accept-Encoding: gzip (DOMAIN.md, /api/v2/query).
        auto response = generated(3, 5000);
        response.compression = ContractCompression::GzipIfAccepted;
        m_server->on("POST", QStringLiteral("/api/v2/query"), response);
        Collector sink;
        const QuerySummary s = runner().run(flux(), sink);
        QVERIFY2(s.succeeded(), qPrintable(s.errorText()));
        QCOMPARE(s.rows, std::uint64_t(15000));
        QCOMPARE(s.tables, std::uint64_t(3));
        QCOMPARE(s.bytes, std::uint64_t(FluxCsvGenerator::whole(3, 5000).size())); // decoded bytes
        const auto &t = sink.merged.tables();
        QCOMPARE(t.size(), std::size_t(3));
        QCOMPARE(t[2].findColumn("_time")->int64At(4999), FluxCsvGenerator::timeAt(2, 4999));
        QCOMPARE(t[1].findColumn("_value")->doubleAt(1234), FluxCsvGenerator::valueAt(1, 1234));
        QVERIFY(m_server->requestsTo(QStringLiteral("/api/v2/query")).front().header("accept-encoding").contains("gzip"));
    }

    void errorTableAfter200()
    {
        m_server->on("POST", QStringLiteral("/api/v2/query"), csvResponse(fixtureBytes(QStringLiteral("query-error-after-200.csv"))));
        Collector sink;
        const QuerySummary s = runner().run(flux(), sink);
        QCOMPARE(s.status, QueryStatus::Failed);
        QVERIFY2(s.failure.message.startsWith(QStringLiteral("The Flux query failed: runtime error @3:6-3:52: filter: type "
                                                             "conflict: string != float")),
                 qPrintable(s.failure.message));
        QVERIFY(s.failure.message.endsWith(QStringLiteral("(reference 897)")));
        QCOMPARE(s.failure.httpStatus, 200);
        QCOMPARE(s.rows, std::uint64_t(1)); // the table before the error was delivered
        QCOMPARE(sink.rows, std::uint64_t(1));
    }

    void httpErrors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("400 compile error")
            << "query-bad-request.http" << 400
            << QStringList{"InfluxDB refused the Flux query (HTTP 400 Bad Request): invalid: compilation failed: error at "
                           "@1:1-1:6: undefined identifier fromm"};
        QTest::newRow("401") << "unauthorized.http" << 401
                             << QStringList{"(HTTP 401 Unauthorized): unauthorized: unauthorized access",
                                            "Check the user name and password, or the token."};
        QTest::newRow("500") << "query-internal-error.http" << 500
                             << QStringList{"HTTP 500 Internal Server Error", "could not find bucket \"nope\""};
        QTest::newRow("403 flux disabled") << "query-flux-disabled.http" << 403
                                           << QStringList{"Flux query service disabled. Verify flux-enabled=true"};
    }
    void httpErrors()
    {
        QFETCH(QString, file);
        QFETCH(int, status);
        QFETCH(QStringList, expected);
        m_server->on("POST", QStringLiteral("/api/v2/query"), fixture(file));
        Collector sink;
        const QuerySummary s = runner().run(flux(), sink);
        QCOMPARE(s.status, QueryStatus::Failed);
        QCOMPARE(s.failure.httpStatus, status);
        for (const QString &e : expected)
            QVERIFY2(s.failure.message.contains(e), qPrintable(s.failure.message));
        QVERIFY(!s.failure.message.contains(QStringLiteral("lack permission")));
        QCOMPARE(sink.pieces, std::uint64_t(0));
    }

    void noFluxOnOldServer()
    {
        // Debian's influxd 1.6 has no /api/v2/query: Go's plain 404.
        m_server->on("POST", QStringLiteral("/api/v2/query"),
                     ContractResponse::text(404, "404 page not found\n"));
        Collector sink;
        const QuerySummary s = runner(ApiFlavour::V1).run(flux(), sink);
        QCOMPARE(s.status, QueryStatus::Failed);
        QVERIFY2(s.failure.message.contains(QStringLiteral("404 page not found")), qPrintable(s.failure.message));
        QVERIFY(s.failure.message.contains(QStringLiteral("does not offer Flux")));
    }

    void notFoundFromTheQueryService()
    {
        // InfluxDB 2.x answers a query on a missing bucket with 404 and its error JSON (v2 API
        // reference, "Error" schema; the message as the query service words it): Flux is there,
        // the bucket is not, so no advice about Flux support.
        m_server->on("POST", QStringLiteral("/api/v2/query"),
                     ContractResponse::text(404,
                                            "{\"code\":\"not found\",\"message\":\"failed to initialize execute "
                                            "state: could not find bucket \\\"efd/autogen\\\"\"}",
                                            "application/json; charset=utf-8"));
        Collector sink;
        const QuerySummary s = runner().run(flux(), sink);
        QCOMPARE(s.status, QueryStatus::Failed);
        QCOMPARE(s.failure.httpStatus, 404);
        QCOMPARE(s.failure.message,
                 QStringLiteral("InfluxDB refused the Flux query (HTTP 404 Not Found): not found: failed to initialize "
                                "execute state: could not find bucket \"efd/autogen\""));
    }

    void csvErrorOf18()
    {
        // InfluxDB 1.8 writes its errors in the format our Accept: application/csv asks for
        // (services/httpd/handler.go httpError + response_writer.go csvFormatter): a bad password
        // gives 401, a one-column CSV table `error`, and no X-Influxdb-Error header.
        m_server->on("POST", QStringLiteral("/api/v2/query"),
                     ContractResponse::text(401, "error\nauthorization failed\n", "application/csv"));
        ConnectionProfile p = profile(ApiFlavour::V1);
        p.username = QStringLiteral("efdreader");
        Collector sink;
        const QuerySummary s = QueryRunner(p, QStringLiteral("wrong"), m_transport).run(flux(), sink);
        QCOMPARE(s.status, QueryStatus::Failed);
        QCOMPARE(s.failure.httpStatus, 401);
        QCOMPARE(s.failure.message, QStringLiteral("InfluxDB refused the Flux query (HTTP 401 Unauthorized): authorization "
                                                   "failed. Check the user name and password, or the token."));
        QVERIFY(m_server->requestsTo(QStringLiteral("/api/v2/query")).front().header("accept") == "application/csv");
    }

    void influxQlTextErrorAfterData()
    {
        // InfluxDB 1.8.0-1.8.3 (influxdata/influxdb#20249) and 2.x's InfluxQL response writer:
        // a value JSON cannot hold (+Inf) fails the encoding after the status and the chunks
        // before went out; err.Error() follows as plain text, status 200.
        const QByteArray text = "json: error calling MarshalJSON for type httpd.Response: json: error calling "
                                "MarshalJSON for type *query.Result: json: unsupported value: +Inf";
        const QByteArray body = "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"m\",\"columns\":"
                                "[\"time\",\"v\"],\"values\":[[1,1]]}]}]}\n"
                                + text + "\n";
        m_server->on("GET", QStringLiteral("/query"),
                     ContractResponse::chunked(200, "application/json", {body.left(60), body.mid(60, 70), body.mid(130)}));
        QueryRequest q;
        q.language = QueryLanguage::InfluxQl;
        q.text = QStringLiteral("SELECT v / 0 FROM m");
        q.database = QStringLiteral("efd");
        Collector sink;
        const QuerySummary s = runner(ApiFlavour::V1).run(q, sink);
        QCOMPARE(s.status, QueryStatus::Failed);
        QCOMPARE(s.failure.message, QStringLiteral("The InfluxQL query failed: ") + QString::fromUtf8(text));
        QCOMPARE(s.rows, std::uint64_t(1)); // the table before the error was delivered
        QCOMPARE(sink.rows, std::uint64_t(1));
    }

    void notFoundWithoutText()
    {
        // A 404 with no body (a proxy without the route): nothing but the path is missing.
        m_server->on("POST", QStringLiteral("/api/v2/query"), ContractResponse::text(404, QByteArray()));
        Collector sink;
        const QuerySummary s = runner(ApiFlavour::V1).run(flux(), sink);
        QCOMPARE(s.status, QueryStatus::Failed);
        QVERIFY2(s.failure.message.contains(QStringLiteral("does not offer Flux")), qPrintable(s.failure.message));
    }

    void malformedBody()
    {
        // A proxy's HTML page with status 200 is no annotated CSV.
        m_server->on("POST", QStringLiteral("/api/v2/query"),
                     ContractResponse::text(200, "<html><body>Sign in\", please</body></html>\n", "text/html"));
        Collector sink;
        const QuerySummary s = runner().run(flux(), sink);
        QCOMPARE(s.status, QueryStatus::Failed);
        QVERIFY2(s.failure.message.startsWith(QStringLiteral("The server's answer is not a readable Flux result (annotated CSV)")),
                 qPrintable(s.failure.message));
    }

    void transportFailureHidesQueryText()
    {
        const QString url = m_server->baseUrl();
        m_server->stop();
        ConnectionProfile p = profile();
        p.influxUrl = url;
        QueryRunner r(p, QStringLiteral("tok"), m_transport);
        Collector sink;
        const QuerySummary s = r.run(flux(QStringLiteral("secret-ish text")), sink);
        QCOMPARE(s.status, QueryStatus::Failed);
        QVERIFY2(s.failure.message.contains(url + QStringLiteral("/api/v2/query")), qPrintable(s.failure.message));
        QVERIFY(!s.failure.message.contains(QStringLiteral("secret-ish")));
        QVERIFY(!s.failure.message.contains(QStringLiteral("org=")));
    }

    void emptyQueryAndBadUrl()
    {
        Collector sink;
        QuerySummary s = runner().run(flux(QStringLiteral("  \n ")), sink);
        QCOMPARE(s.status, QueryStatus::Failed);
        QCOMPARE(s.failure.message, QStringLiteral("The query is empty."));
        ConnectionProfile p = profile();
        p.influxUrl = QStringLiteral("ftp://nowhere");
        s = QueryRunner(p, {}, m_transport).run(flux(), sink);
        QCOMPARE(s.status, QueryStatus::Failed);
        QVERIFY2(s.failure.message.startsWith(QStringLiteral("Profile \"contract\": ")), qPrintable(s.failure.message));
        QCOMPARE(m_server->requestCount(), 0);
    }

    void cancelMidStream()
    {
        // 1,000 pieces of ~4 KB, 10 ms apart: 10 s if nobody stops it.
        m_server->on("POST", QStringLiteral("/api/v2/query"), generated(1, 1'000'000, 10ms, 4096));
        CancelToken cancel;
        Collector sink;
        sink.onProgress = [&](const QueryProgress &p) {
            if (p.rowsParsed >= 500)
                cancel.cancel();
        };
        const auto t0 = std::chrono::steady_clock::now();
        const QuerySummary s = runner().run(flux(), sink, cancel);
        const auto took = std::chrono::steady_clock::now() - t0;
        QCOMPARE(s.status, QueryStatus::Cancelled);
        QVERIFY(s.failure.cancelled);
        QCOMPARE(s.failure.message, QStringLiteral("The query was cancelled."));
        QVERIFY2(took < 2s, "cancel must stop the transfer at once");
        QVERIFY(s.bytes < 200'000);
    }

    void cancelBeforeHeaders()
    {
        auto slow = csvResponse(fixtureBytes(QStringLiteral("query-two-results.csv")));
        slow.delayBeforeHeaders = 10s;
        m_server->on("POST", QStringLiteral("/api/v2/query"), slow);
        CancelToken cancel;
        std::thread canceller([cancel] {
            std::this_thread::sleep_for(150ms);
            cancel.cancel();
        });
        Collector sink;
        const auto t0 = std::chrono::steady_clock::now();
        const QuerySummary s = runner().run(flux(), sink, cancel);
        canceller.join();
        QCOMPARE(s.status, QueryStatus::Cancelled);
        QVERIFY(std::chrono::steady_clock::now() - t0 < 2s);
    }

    void budgetOfPoints()
    {
        // 1,000,000 rows against a budget of 100,000 points.
        m_server->on("POST", QStringLiteral("/api/v2/query"), generated(10, 100'000));
        QueryRequest q = flux();
        q.budget = QueryBudget{100'000, 0};
        Collector sink;
        const QuerySummary s = runner().run(q, sink);
        QCOMPARE(s.status, QueryStatus::BudgetExceeded);
        QVERIFY(!s.failure.cancelled);
        // Pieces of budget/16 rows: 16 of them fill it exactly, the 100,001st row stops it.
        QCOMPARE(s.rows, std::uint64_t(100'000));
        QCOMPARE(s.failure.message,
                 QStringLiteral("The result is larger than the memory budget of one query (100,000 points): stopped after "
                                "100,000 rows. Narrow the query: a shorter time range, fewer fields or series, or aggregate "
                                "it with aggregateWindow(every: 1m, fn: mean)."));
        QCOMPARE(sink.rows, s.rows);
        QVERIFY2(s.bytes < std::uint64_t(FluxCsvGenerator::whole(10, 100'000).size()) / 5, "the transfer stopped early");
    }

    void budgetOfBytes()
    {
        m_server->on("POST", QStringLiteral("/api/v2/query"), generated(4, 200'000));
        QueryRequest q = flux();
        q.budget = QueryBudget{0, 2u << 20};
        Collector sink;
        const QuerySummary s = runner().run(q, sink);
        QCOMPARE(s.status, QueryStatus::BudgetExceeded);
        QVERIFY2(s.failure.message.contains(QStringLiteral("(2 MiB)")), qPrintable(s.failure.message));
        QVERIFY(s.memoryBytes <= 2u << 20);
        QVERIFY(s.rows > 0);
        QVERIFY(s.rows < 800'000);
    }

    void budgetLargeEnoughIsQuiet()
    {
        m_server->on("POST", QStringLiteral("/api/v2/query"), generated(2, 10'000));
        QueryRequest q = flux();
        q.budget = QueryBudget{20'000, 64u << 20};
        Collector sink;
        const QuerySummary s = runner().run(q, sink);
        QVERIFY2(s.succeeded(), qPrintable(s.errorText()));
        QCOMPARE(s.rows, std::uint64_t(20'000));
    }

    void consumerFailureStopsTransfer()
    {
        m_server->on("POST", QStringLiteral("/api/v2/query"), generated(10, 100'000));
        Collector sink;
        sink.onTable = [](const ResultTable &) -> Outcome<Done> { return Failure{QStringLiteral("Cannot write CSV: disk full")}; };
        const QuerySummary s = runner().run(flux(), sink);
        QCOMPARE(s.status, QueryStatus::Failed);
        QCOMPARE(s.failure.message, QStringLiteral("Cannot write CSV: disk full"));
        QCOMPARE(s.rows, std::uint64_t(0));
        QVERIFY(s.bytes < 20'000'000);
    }

    void defaultBudgetFitsTheMachine()
    {
        const QueryBudget b = QueryBudget::forThisMachine();
        QVERIFY(b.maxBytes > 0);
        QVERIFY(b.maxBytes <= QueryBudget::kMaxDefaultBytes);
        QVERIFY(b.maxBytes <= QueryBudget::physicalMemoryBytes() / 4);
        QCOMPARE(b.maxPoints, b.maxBytes / QueryBudget::kTypicalRowBytes);
        QCOMPARE(QueryRequest().budget, b);
        QVERIFY(QueryBudget::unlimited().isUnlimited());
        QVERIFY(!QueryBudget::unlimited().exceededBy(~0ull, ~0ull));
    }

    void byteSizes_data()
    {
        QTest::addColumn<qulonglong>("bytes");
        QTest::addColumn<QString>("text");
        QTest::newRow("bytes") << 900ull << "900 bytes";
        QTest::newRow("KiB") << 1536ull << "1.5 KiB";
        QTest::newRow("MiB") << (512ull << 20) << "512 MiB";
        QTest::newRow("GiB") << (4ull << 30) << "4 GiB";
    }
    void byteSizes()
    {
        QFETCH(qulonglong, bytes);
        QFETCH(QString, text);
        QCOMPARE(formatByteSize(bytes), text);
    }
};

QTEST_GUILESS_MAIN(tst_QueryRunner)
#include "tst_queryrunner.moc"
