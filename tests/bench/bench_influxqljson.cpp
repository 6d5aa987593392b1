// SPDX-License-Identifier: GPL-3.0-or-later
// Throughput of InfluxQlJsonParser on an InfluxDB 1.x chunked `/query` response shaped like an
// M1M3 force query (`SELECT xForce0, yForce0, zForce0 ... GROUP BY salIndex`, epoch=ns,
// chunked=true, chunk_size=10000): 10 series x 100,000 rows of time + 3 floats written the
// way influxd writes them (Go's shortest float text of float32 telemetry, one JSON object per
// line), fed in 64 KiB chunks as the HTTP layer would. Prints rows/s and MB/s on one core;
// never fails on time (exit code 1 only if the parse itself goes wrong).
//
//     bench_influxqljson [BODY_FILE]   also parses a captured response body (e.g. from influxd:
//                                      curl -s 'http://.../query?db=efd&epoch=ns&chunked=true&chunk_size=10000' ...)
#include "core/parse/InfluxQlJsonParser.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace sasquatch;

namespace {

constexpr int kSeries = 10;
constexpr int kRowsPerSeries = 100'000;
constexpr int kChunkRows = 10'000;
constexpr std::size_t kFeedBytes = 64 * 1024;
constexpr int kRuns = 5;

// Go's strconv.FormatFloat(v, 'f', -1, 64), which encoding/json uses for these magnitudes.
void appendGoFloat(std::string &out, double v)
{
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

std::string makeResponse()
{
    std::string body;
    body.reserve(std::size_t{90} * kSeries * kRowsPerSeries);
    const std::int64_t start = 1732406400LL * 1'000'000'000; // 2024-11-24T00:00:00Z
    std::uint64_t x = 88172645463325252ULL; // xorshift: values look like measured forces
    const auto next = [&] {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    for (int s = 0; s < kSeries; ++s) {
        const std::string head = R"({"results":[{"statement_id":0,"series":[{"name":"lsst.sal.MTM1M3.forceActuatorData",)"
                                 R"("tags":{"salIndex":")" + std::to_string(s)
                                 + R"("},"columns":["time","xForce0","yForce0","zForce0"],"values":[)";
        for (int chunk = 0; chunk < kRowsPerSeries; chunk += kChunkRows) {
            body += head;
            for (int r = chunk; r < chunk + kChunkRows; ++r) {
                // 50 Hz with jitter in the nanoseconds, like private_efdStamp.
                const std::int64_t time = start + std::int64_t{r} * 20'000'000 + static_cast<std::int64_t>(next() % 997);
                body += r > chunk ? ",[" : "[";
                body += std::to_string(time);
                for (int f = 0; f < 3; ++f) {
                    // float32 telemetry stored as float64: ~17 significant digits in the text.
                    const double force = static_cast<float>(static_cast<double>(static_cast<std::int64_t>(next() >> 11) % 20'000'000) / 7919.0 - 1200.0);
                    body += ',';
                    appendGoFloat(body, force);
                }
                body += ']';
            }
            const bool more = chunk + kChunkRows < kRowsPerSeries;
            body += more ? R"(],"partial":true}],"partial":true}]})" : (s + 1 < kSeries ? R"(]}],"partial":true}]})" : "]}]}]}");
            body += '\n';
        }
    }
    return body;
}

// Keeps what a consumer would look at, so that nothing is optimised away.
class CountingSink final : public InfluxQlResultSink
{
public:
    void tableReady(ResultTable &&table) override
    {
        rows += table.rowCount();
        ++pieces;
        largestPieceBytes = std::max(largestPieceBytes, table.memoryBytes());
        if (table.columnCount() > 1 && !table.column(1).doubleValues().empty())
            checksum += table.column(1).doubleValues().back();
    }
    void parseFailed(const ParseError &e) override { error = e.describe(); }
    void statementFailed(const InfluxQlStatementError &e) override { error = e.message; }

    std::uint64_t rows = 0;
    std::uint64_t pieces = 0;
    std::size_t largestPieceBytes = 0;
    double checksum = 0;
    std::string error;
};

// Parses `body` kRuns times; returns false if a parse went wrong.
bool measure(const char *label, const std::string &body, std::uint64_t expectedRows)
{
    std::printf("%s: %.1f MB\n", label, static_cast<double>(body.size()) / 1e6);
    std::vector<double> seconds;
    std::vector<double> cpuSeconds;
    std::uint64_t rows = 0;
    for (int run = 0; run < kRuns; ++run) {
        CountingSink sink;
        InfluxQlJsonParser parser(sink);
        const auto t0 = std::chrono::steady_clock::now();
        const std::clock_t c0 = std::clock();
        for (std::size_t pos = 0; pos < body.size(); pos += kFeedBytes)
            parser.feed(body.data() + pos, std::min(kFeedBytes, body.size() - pos));
        parser.finish();
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        cpuSeconds.push_back(static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
        if (!sink.error.empty() || (expectedRows > 0 && sink.rows != expectedRows)) {
            std::fprintf(stderr, "parse went wrong: rows %llu, error: %s\n", static_cast<unsigned long long>(sink.rows),
                         sink.error.c_str());
            return false;
        }
        rows = sink.rows;
        seconds.push_back(s);
        std::printf("  run %d: %.3f s (%.3f s CPU), %.2f M rows/s, %.0f MB/s (%llu pieces, largest %.1f MB)\n", run + 1, s,
                    cpuSeconds.back(), static_cast<double>(sink.rows) / s / 1e6, static_cast<double>(body.size()) / s / 1e6,
                    static_cast<unsigned long long>(sink.pieces), static_cast<double>(sink.largestPieceBytes) / 1e6);
    }
    // Wall time, and CPU time for machines shared with other work (the parser is single-threaded).
    std::sort(seconds.begin(), seconds.end());
    std::sort(cpuSeconds.begin(), cpuSeconds.end());
    const double median = seconds[seconds.size() / 2];
    const double cpuMedian = cpuSeconds[cpuSeconds.size() / 2];
    std::printf("  median wall: %.2f M rows/s, %.0f MB/s on one core (%llu rows)\n", static_cast<double>(rows) / median / 1e6,
                static_cast<double>(body.size()) / median / 1e6, static_cast<unsigned long long>(rows));
    std::printf("  median CPU:  %.2f M rows/s, %.0f MB/s\n", static_cast<double>(rows) / cpuMedian / 1e6,
                static_cast<double>(body.size()) / cpuMedian / 1e6);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    const auto genStart = std::chrono::steady_clock::now();
    const std::string body = makeResponse();
    const double genSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - genStart).count();
    std::printf("generated %d series x %d rows (chunk_size %d) in %.2f s\n", kSeries, kRowsPerSeries, kChunkRows, genSeconds);
    if (!measure("synthetic chunked response", body, std::uint64_t{kSeries} * kRowsPerSeries))
        return 1;
    if (argc > 1) {
        std::ifstream in(argv[1], std::ios::binary);
        const std::string captured((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (captured.empty()) {
            std::fprintf(stderr, "cannot read %s\n", argv[1]);
            return 1;
        }
        if (!measure(argv[1], captured, 0))
            return 1;
    }
    return 0;
}
