// SPDX-License-Identifier: GPL-3.0-or-later
// The Flux query path end to end over loopback HTTP: a 1,000,000-row annotated-CSV response
// (10 tables x 100,000 rows, M1M3 shape `_time,_value,_field,_measurement`, as InfluxDB 2.x
// streams it: chunked, CRLF) read by QueryRunner into columns, by the official JavaScript
// client (@influxdata/influxdb-client, queryRows) and by `curl -o /dev/null` (the raw download
// rate). Prints a table of figures; never fails on time (exit 1 only if a result is wrong).
//
// How to run (from the source tree, once per machine for the JS column):
//     (cd tests/bench/js && npm ci)
//     cmake --build build --target bench_queryflux && build/bin/bench_queryflux [RUNS]
// RUNS (default 5) runs of our engine and of curl, taking turns, 3 of each JS variant; medians are shown.
// Without node or the npm packages the JS rows say how to install them.
#include "core/http/CurlTransport.h"
#include "core/parse/AnnotatedCsvParser.h"
#include "core/query/QueryRunner.h"
#include "tests/support/BenchClients.h"
#include "tests/support/ContractHttpServer.h"
#include "tests/support/FluxCsvGenerator.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

#include <sys/resource.h>

using namespace sasquatch;
using namespace sasquatch::test;

namespace {

constexpr int kTables = 10;
constexpr int kRowsPerTable = 100'000;
constexpr std::uint64_t kRows = std::uint64_t{kTables} * kRowsPerTable;
constexpr qsizetype kServePiece = 256 * 1024;
// The parser-alone rows feed the body in the pieces CurlTransport hands over (its receive buffer).
constexpr qsizetype kFeedBytes = 512 * 1024;

/// Keeps every piece, as the GUI's result model does.
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

/// Every time and value exactly as generated.
bool verify(const std::vector<ResultTable> &pieces)
{
    std::vector<int> next(kTables, 0);
    for (const ResultTable &t : pieces) {
        const int table = int(t.tableId());
        const ResultColumn *time = t.findColumn("_time");
        const ResultColumn *value = t.findColumn("_value");
        if (table < 0 || table >= kTables || !time || !value || time->type() != ColumnType::DateTime)
            return false;
        for (std::size_t r = 0; r < t.rowCount(); ++r, ++next[table])
            if (time->int64At(r) != FluxCsvGenerator::timeAt(table, next[table])
                || value->doubleAt(r) != FluxCsvGenerator::valueAt(table, next[table]))
                return false;
    }
    for (int n : next)
        if (n != kRowsPerTable)
            return false;
    return true;
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

    const auto body = std::make_shared<const QByteArray>(FluxCsvGenerator::whole(kTables, kRowsPerTable));
    ContractHttpServer server;
    if (!server.start().ok()) {
        std::fprintf(stderr, "cannot start the loopback server\n");
        return 1;
    }
    // InfluxDB 2.x streams query results chunked; every client gets the same bytes (no gzip).
    server.on("POST", QStringLiteral("/api/v2/query"), [body](const ContractRequest &) {
        ContractResponse r;
        r.header("Content-Type", "text/csv; charset=utf-8");
        r.framing = ContractFraming::Chunked;
        auto offset = std::make_shared<qsizetype>(0);
        r.producer = [body, offset] {
            const QByteArray piece = QByteArray::fromRawData(body->constData() + *offset,
                                                             std::min(kServePiece, body->size() - *offset));
            *offset += piece.size();
            return piece;
        };
        return r;
    });
    const double mb = double(body->size()) / 1e6;
    std::printf("Flux annotated CSV: %llu rows (%d tables x %d), %.1f MB, chunked over loopback HTTP/1.1\n",
                static_cast<unsigned long long>(kRows), kTables, kRowsPerTable, mb);

    // Our engine, as the GUI runs it: QueryRunner + CurlTransport, tables kept in columns. Its
    // CPU time is that of all its threads (the receiving helper and the parsing caller).
    ConnectionProfile profile;
    profile.name = QStringLiteral("bench");
    profile.influxUrl = server.baseUrl();
    profile.api = ApiFlavour::V2;
    profile.org = QStringLiteral("rubin");
    QueryRunner runner(profile, QStringLiteral("bench"), std::make_shared<CurlTransport>());
    QueryRequest request;
    request.language = QueryLanguage::Flux;
    request.text = QStringLiteral("from(bucket: \"efd\") |> range(start: 2024-05-01T00:00:00Z, stop: 2024-05-01T01:00:00Z)");
    // curl's raw download of the same request, run in turn with ours so that both see the
    // same machine (a shared 2-core machine drifts between minutes).
    const QByteArray fluxBody =
        R"json({"query":"from(bucket: \"efd\")","type":"flux","dialect":{"annotations":["datatype","group","default"]}})json";
    BenchClients::Figure curl{QStringLiteral("curl -o /dev/null (raw download)"), {}, {}, double(body->size()), 0, {}};
    const auto runCurl = [&] {
        if (!curl.problem.isEmpty())
            return;
        const auto r = BenchClients::curlDownload(server.url(QStringLiteral("/api/v2/query?org=rubin")), fluxBody);
        if (!r.ok || r.output.toLongLong() != body->size()) {
            curl.problem = r.ok ? QStringLiteral("curl read %1 bytes").arg(QString::fromUtf8(r.output)) : r.problem;
        } else {
            curl.seconds.push_back(r.seconds);
            curl.cpuSeconds.push_back(r.cpuSeconds);
        }
    };
    BenchClients::Figure engine{QStringLiteral("sasquatch QueryRunner -> ResultTable columns"), {}, {}, double(body->size()), kRows, {}};
    for (int i = 0; i < runs; ++i) {
        KeepingSink sink;
        const double cpu0 = engineCpuSeconds(server);
        const QuerySummary s = runner.run(request, sink);
        // The server books its CPU time right after its last write: give it that moment.
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        const double cpu = engineCpuSeconds(server) - cpu0;
        if (!s.succeeded() || s.rows != kRows || s.bytes != std::uint64_t(body->size())) {
            std::fprintf(stderr, "engine run failed: %s (%llu rows)\n", qPrintable(s.errorText()),
                         static_cast<unsigned long long>(s.rows));
            return 1;
        }
        if (i == 0 && !verify(sink.tables)) {
            std::fprintf(stderr, "engine result differs from the response\n");
            return 1;
        }
        engine.seconds.push_back(s.seconds());
        engine.cpuSeconds.push_back(cpu);
        runCurl();
    }

    // The parser alone on the body in memory, fed as CurlTransport delivers it: what the engine
    // costs without the network.
    class DroppingSink final : public ResultTableSink
    {
    public:
        void tableReady(ResultTable &&t) override { rows += t.rowCount(); }
        void parseFailed(const ParseError &) override {}
        std::uint64_t rows = 0;
    };
    BenchClients::Figure parseOnly{QStringLiteral("  of which AnnotatedCsvParser alone (body in memory)"), {}, {},
                                   double(body->size()), kRows, {}};
    for (int i = 0; i < runs; ++i) {
        DroppingSink sink;
        AnnotatedCsvParser parser(sink);
        const double cpu0 = BenchClients::threadCpuSeconds();
        const auto t0 = std::chrono::steady_clock::now();
        for (qsizetype pos = 0; pos < body->size(); pos += kFeedBytes)
            parser.feed(body->constData() + pos, std::size_t(std::min<qsizetype>(kFeedBytes, body->size() - pos)));
        parser.finish();
        parseOnly.seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        parseOnly.cpuSeconds.push_back(BenchClients::threadCpuSeconds() - cpu0);
        if (sink.rows != kRows)
            return 1;
    }

    // The official JS client: typed rows (toObject, the documented use) and raw string rows.
    BenchClients::Figure js[] = {
        {QStringLiteral("@influxdata/influxdb-client queryRows + toObject"), {}, {}, double(body->size()), kRows, {}},
        {QStringLiteral("@influxdata/influxdb-client queryRows (string rows)"), {}, {}, double(body->size()), kRows, {}}};
    const char *modes[] = {"typed", "raw"};
    for (int k = 0; k < 2; ++k) {
        for (int i = 0; i < std::min(runs, 3) && js[k].problem.isEmpty(); ++i) {
            const auto r = BenchClients::node(QStringLiteral("flux.mjs"), {server.baseUrl(), QString::fromLatin1(modes[k])});
            const qint64 rows = QJsonDocument::fromJson(r.output.trimmed()).object().value(u"rows").toInteger();
            if (!r.ok || rows != qint64(kRows)) {
                js[k].problem = r.ok ? QStringLiteral("node read %1 rows").arg(rows) : r.problem;
            } else {
                js[k].seconds.push_back(r.seconds);
                js[k].cpuSeconds.push_back(r.cpuSeconds);
            }
        }
    }

    std::printf("\n");
    BenchClients::printTable({engine, parseOnly, curl, js[0], js[1]}, engine);
    std::printf("\ngoals (reported, not enforced; CPU time is the steadier measure on a busy machine):\n");
    if (js[0].measured() && js[1].measured()) {
        std::printf("  >= 10x the JS client: wall %.1fx (typed) / %.1fx (string rows), CPU %.1fx / %.1fx -> %s\n",
                    js[0].wall() / engine.wall(), js[1].wall() / engine.wall(), js[0].cpu() / engine.cpu(),
                    js[1].cpu() / engine.cpu(), js[0].wall() / engine.wall() >= 10 ? "met" : "NOT met");
    } else {
        std::printf("  >= 10x the JS client: not measured\n");
    }
    if (curl.measured())
        std::printf("  >= 50%% of curl's download rate: %.0f%% -> %s\n", curl.wall() / engine.wall() * 100,
                    curl.wall() / engine.wall() >= 0.5 ? "met" : "NOT met");
    std::printf("  every _time exact to the nanosecond and every _value bit-exact: yes\n");
    return 0;
}
