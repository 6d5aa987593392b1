// SPDX-License-Identifier: GPL-3.0-or-later
// The InfluxQL query path end to end over loopback HTTP: a 1,000,000-row InfluxDB 1.x `/query`
// response (10 series x 100,000 rows of time + xForce0, epoch=ns, GROUP BY salIndex) read by
// QueryRunner into columns (chunked=true, as it asks), by the npm `influx` client's queryRaw
// (one JSON document, as it asks) and by `curl -o /dev/null` (raw download of the chunked body).
// Also checks the times: ours must be the exact int64 nanoseconds, the JS client's are doubles.
// Prints a table of figures; never fails on time (exit 1 only if our result is wrong).
//
// How to run (from the source tree, once per machine for the JS column):
//     (cd tests/bench/js && npm ci)
//     cmake --build build --target bench_queryinfluxql && build/bin/bench_queryinfluxql [RUNS]
// RUNS (default 5) runs of our engine and of curl, 3 of the JS client; medians are shown.
#include "core/http/CurlTransport.h"
#include "core/parse/InfluxQlJsonParser.h"
#include "core/query/QueryRunner.h"
#include "tests/support/BenchClients.h"
#include "tests/support/ContractHttpServer.h"
#include "tests/support/InfluxQlJsonGenerator.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <thread>

#include <sys/resource.h>

using namespace sasquatch;
using namespace sasquatch::test;

namespace {

constexpr int kSeries = 10;
constexpr int kRowsPerSeries = 100'000;
constexpr int kChunkRows = 10'000; // influxd's default chunk_size
constexpr std::uint64_t kRows = std::uint64_t{kSeries} * kRowsPerSeries;
constexpr qsizetype kServePiece = 256 * 1024;
// The parser-alone rows feed the body in the pieces CurlTransport hands over (its receive buffer).
constexpr qsizetype kFeedBytes = 512 * 1024;
constexpr int kJsSamples = 10'000;

class KeepingSink final : public QueryResultSink
{
public:
    Outcome<Done> tableReady(ResultTable &&table) override
    {
        tables.push_back(std::move(table));
        return Done{};
    }
    std::vector<ResultTable> tables;
};

/// Every time exact to the nanosecond and every value bit-exact, in series order.
bool verify(const std::vector<ResultTable> &pieces)
{
    std::vector<int> next(kSeries, 0);
    for (const ResultTable &t : pieces) {
        const ResultColumn *time = t.findColumn("time");
        const ResultColumn *value = t.findColumn("xForce0");
        const ResultColumn *tag = t.findColumn("salIndex");
        if (!time || !value || !tag || time->type() != ColumnType::DateTime || value->type() != ColumnType::Double)
            return false;
        const int series = t.rowCount() ? std::atoi(std::string(tag->stringAt(0)).c_str()) : 0;
        if (series < 0 || series >= kSeries)
            return false;
        for (std::size_t r = 0; r < t.rowCount(); ++r, ++next[series])
            if (time->int64At(r) != InfluxQlJsonGenerator::timeAt(series, next[series])
                || value->doubleAt(r) != InfluxQlJsonGenerator::valueAt(series, next[series]))
                return false;
    }
    for (int n : next)
        if (n != kRowsPerSeries)
            return false;
    return true;
}

ContractResponse serve(std::shared_ptr<const QByteArray> body)
{
    ContractResponse r;
    r.header("Content-Type", "application/json");
    r.header("X-Influxdb-Version", "1.8.10");
    r.framing = ContractFraming::Chunked; // influxd streams /query answers chunked either way
    auto offset = std::make_shared<qsizetype>(0);
    r.producer = [body, offset] {
        const QByteArray piece =
            QByteArray::fromRawData(body->constData() + *offset, std::min(kServePiece, body->size() - *offset));
        *offset += piece.size();
        return piece;
    };
    return r;
}

/// CPU time (user + system) of the whole process so far.
double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/// CPU time of the process minus the in-process server's: what our engine's threads cost
/// (QueryRunner receives on a helper thread and parses on the calling one).
double engineCpuSeconds(const ContractHttpServer &server)
{
    return processCpuSeconds() - server.cpuSeconds();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 5;

    const auto chunked = std::make_shared<const QByteArray>(
        InfluxQlJsonGenerator::whole(kSeries, kRowsPerSeries, kChunkRows, InfluxQlBody::Chunked));
    const auto single = std::make_shared<const QByteArray>(
        InfluxQlJsonGenerator::whole(kSeries, kRowsPerSeries, kChunkRows, InfluxQlBody::Single));
    ContractHttpServer server;
    if (!server.start().ok()) {
        std::fprintf(stderr, "cannot start the loopback server\n");
        return 1;
    }
    server.on("GET", QStringLiteral("/query"), [chunked, single](const ContractRequest &r) {
        return serve(r.queryValue(QStringLiteral("chunked")) == std::optional<QString>(QStringLiteral("true")) ? chunked : single);
    });
    std::printf("InfluxQL JSON: %llu rows (%d series x %d, epoch=ns), %.1f MB chunked (chunk_size=%d) / %.1f MB as one "
                "document, over loopback HTTP/1.1\n",
                static_cast<unsigned long long>(kRows), kSeries, kRowsPerSeries, double(chunked->size()) / 1e6, kChunkRows,
                double(single->size()) / 1e6);

    // Our engine as the GUI runs it: QueryRunner + CurlTransport, field type from the catalog.
    // Its CPU time is that of all its threads (the receiving helper and the parsing caller).
    ConnectionProfile profile;
    profile.name = QStringLiteral("bench");
    profile.influxUrl = server.baseUrl();
    profile.api = ApiFlavour::V1;
    profile.database = QStringLiteral("efd");
    QueryRunner runner(profile, {}, std::make_shared<CurlTransport>());
    QueryRequest request;
    request.language = QueryLanguage::InfluxQl;
    request.text = QStringLiteral("SELECT xForce0 FROM \"lsst.sal.MTM1M3.forceActuatorData\" GROUP BY salIndex");
    request.columnTypes = {{"xForce0", ColumnType::Double}};
    BenchClients::Figure engine{QStringLiteral("sasquatch QueryRunner -> ResultTable columns"), {}, {},
                                double(chunked->size()), kRows, {}};
    for (int i = 0; i < runs; ++i) {
        KeepingSink sink;
        const double cpu0 = engineCpuSeconds(server);
        const QuerySummary s = runner.run(request, sink);
        // The server books its CPU time right after its last write: give it that moment.
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        const double cpu = engineCpuSeconds(server) - cpu0;
        if (!s.succeeded() || s.rows != kRows || s.tables != std::uint64_t(kSeries)) {
            std::fprintf(stderr, "engine run failed: %s (%llu rows, %llu tables)\n", qPrintable(s.errorText()),
                         static_cast<unsigned long long>(s.rows), static_cast<unsigned long long>(s.tables));
            return 1;
        }
        if (i == 0 && !verify(sink.tables)) {
            std::fprintf(stderr, "engine result differs from the response\n");
            return 1;
        }
        engine.seconds.push_back(s.seconds());
        engine.cpuSeconds.push_back(cpu);
    }

    // The parser alone on the chunked body in memory, in CurlTransport's pieces.
    class CountingSink final : public ResultTableSink
    {
    public:
        void tableReady(ResultTable &&t) override { rows += t.rowCount(); }
        void parseFailed(const ParseError &) override {}
        std::uint64_t rows = 0;
    };
    BenchClients::Figure parseOnly{QStringLiteral("  of which InfluxQlJsonParser alone (body in memory)"), {}, {},
                                   double(chunked->size()), kRows, {}};
    for (int i = 0; i < runs; ++i) {
        CountingSink sink;
        InfluxQlJsonParser parser(sink);
        parser.setColumnType("xForce0", ColumnType::Double);
        const double cpu0 = BenchClients::threadCpuSeconds();
        const auto t0 = std::chrono::steady_clock::now();
        for (qsizetype pos = 0; pos < chunked->size(); pos += kFeedBytes)
            parser.feed(chunked->constData() + pos, std::size_t(std::min<qsizetype>(kFeedBytes, chunked->size() - pos)));
        parser.finish();
        parseOnly.seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        parseOnly.cpuSeconds.push_back(BenchClients::threadCpuSeconds() - cpu0);
        if (sink.rows != kRows)
            return 1;
    }

    BenchClients::Figure curl{QStringLiteral("curl -o /dev/null (raw download, chunked body)"), {}, {},
                              double(chunked->size()), 0, {}};
    const QString curlUrl = server.url(QStringLiteral("/query?db=efd&epoch=ns&chunked=true&q=SELECT%20xForce0"));
    for (int i = 0; i < runs && curl.problem.isEmpty(); ++i) {
        const auto r = BenchClients::curlDownload(curlUrl);
        if (!r.ok || r.output.toLongLong() != chunked->size()) {
            curl.problem = r.ok ? QStringLiteral("curl read %1 bytes").arg(QString::fromUtf8(r.output)) : r.problem;
        } else {
            curl.seconds.push_back(r.seconds);
            curl.cpuSeconds.push_back(r.cpuSeconds);
        }
    }

    BenchClients::Figure js{QStringLiteral("npm influx queryRaw (one JSON document)"), {}, {}, double(single->size()), kRows, {}};
    QJsonArray jsTimes;
    for (int i = 0; i < std::min(runs, 3) && js.problem.isEmpty(); ++i) {
        const auto r = BenchClients::node(QStringLiteral("influxql.mjs"),
                                          {QStringLiteral("127.0.0.1"), QString::number(server.port()), QString::number(kJsSamples)});
        const QJsonObject o = QJsonDocument::fromJson(r.output.trimmed()).object();
        if (!r.ok || o.value(u"rows").toInteger() != qint64(kRows)) {
            js.problem = r.ok ? QStringLiteral("node read %1 rows").arg(o.value(u"rows").toInteger()) : r.problem;
        } else {
            js.seconds.push_back(r.seconds);
            js.cpuSeconds.push_back(r.cpuSeconds);
            jsTimes = o.value(u"times").toArray();
        }
    }

    std::printf("\n");
    BenchClients::printTable({engine, parseOnly, curl, js}, engine);

    std::printf("\nexact times:\n  sasquatch: all %llu times are the exact int64 nanoseconds of the response\n",
                static_cast<unsigned long long>(kRows));
    if (!jsTimes.isEmpty()) {
        int wrong = 0;
        std::int64_t worst = 0;
        QString example;
        for (qsizetype i = 0; i < jsTimes.size(); ++i) {
            const std::int64_t exact = InfluxQlJsonGenerator::timeAt(0, int(i));
            const std::int64_t got = jsTimes.at(i).toString().toLongLong();
            if (got != exact) {
                ++wrong;
                worst = std::max(worst, std::abs(got - exact));
                if (example.isEmpty())
                    example = QStringLiteral("%1 became %2").arg(exact).arg(got);
            }
        }
        std::printf("  npm influx: %d of the first %lld times of series 0 are not what the server sent (doubles: up to %lld ns "
                    "off; e.g. %s)\n",
                    wrong, static_cast<long long>(jsTimes.size()), static_cast<long long>(worst), qPrintable(example));
    }
    std::printf("\ngoal (reported, not enforced; CPU time is the steadier measure on a busy machine):\n");
    if (js.measured()) {
        const double x = js.wall() / engine.wall();
        std::printf("  >= 10x the npm influx client: wall %.1fx, CPU %.1fx -> %s\n", x, js.cpu() / engine.cpu(),
                    x >= 10 ? "met" : "NOT met");
    } else {
        std::printf("  >= 10x the npm influx client: not measured\n");
    }
    if (curl.measured())
        std::printf("  share of curl's download rate: %.0f%%\n", curl.wall() / engine.wall() * 100);
    return 0;
}
