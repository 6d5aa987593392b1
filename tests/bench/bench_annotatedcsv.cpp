// SPDX-License-Identifier: GPL-3.0-or-later
// Throughput of AnnotatedCsvParser on a Flux response shaped like an M1M3 force query:
// 10 tables (one per field) x 100,000 rows of _start,_stop,_time,_value,_field,_measurement,
// CRLF line ends, fed in 64 KiB chunks as the HTTP layer would. Prints rows/s and MB/s, by wall
// and by CPU time (the steadier figure on a shared machine); never fails on time (exit code 1 only if the parse itself goes wrong).
#include "core/parse/AnnotatedCsvParser.h"
#include "core/parse/Rfc3339.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

using namespace sasquatch;

namespace {

constexpr int kTables = 10;
constexpr int kRowsPerTable = 100'000;
constexpr std::size_t kChunk = 64 * 1024;

std::string makeResponse()
{
    std::string body;
    body.reserve(std::size_t{150} * kTables * kRowsPerTable);
    body += "#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,double,string,string\r\n"
            "#group,false,false,true,true,false,false,true,true\r\n"
            "#default,_result,,,,,,,\r\n"
            ",result,table,_start,_stop,_time,_value,_field,_measurement\r\n";
    const std::int64_t start = 1714521600LL * 1'000'000'000; // 2024-05-01T00:00:00Z
    const std::int64_t stop = start + 3600LL * 1'000'000'000;
    const std::string startText = formatRfc3339Nano(start);
    const std::string stopText = formatRfc3339Nano(stop);
    std::uint64_t x = 88172645463325252ULL; // xorshift: values look like measured forces
    for (int t = 0; t < kTables; ++t) {
        for (int r = 0; r < kRowsPerTable; ++r) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // 50 Hz with a little jitter in the nanoseconds, like private_efdStamp.
            const std::int64_t time = start + std::int64_t{r} * 20'000'000 + static_cast<std::int64_t>(x % 997);
            const double value = static_cast<double>(static_cast<std::int64_t>(x >> 11) % 20'000'000) / 7919.0 - 1200.0;
            char valueText[64];
            std::snprintf(valueText, sizeof valueText, "%.15g", value);
            body += ",,";
            body += std::to_string(t);
            body += ',';
            body += startText;
            body += ',';
            body += stopText;
            body += ',';
            appendRfc3339Nano(body, time);
            body += ',';
            body += valueText;
            body += ",xForce";
            body += std::to_string(t);
            body += ",lsst.sal.MTM1M3.forceActuatorData\r\n";
        }
    }
    body += "\r\n";
    return body;
}

// Keeps what a consumer would look at, so that nothing is optimised away.
class CountingSink final : public ResultTableSink
{
public:
    void tableReady(ResultTable &&table) override
    {
        rows += table.rowCount();
        ++pieces;
        largestPieceBytes = std::max(largestPieceBytes, table.memoryBytes());
        if (const ResultColumn *v = table.findColumn("_value"); v && !v->doubleValues().empty())
            checksum += v->doubleValues().back();
    }
    void parseFailed(const ParseError &e) override { error = e.describe(); }

    std::uint64_t rows = 0;
    std::uint64_t pieces = 0;
    std::size_t largestPieceBytes = 0;
    double checksum = 0;
    std::string error;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const auto genStart = std::chrono::steady_clock::now();
    const std::string body = makeResponse();
    const double genSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - genStart).count();
    std::printf("response: %d tables x %d rows, %.1f MB (generated in %.2f s)\n", kTables, kRowsPerTable,
                static_cast<double>(body.size()) / 1e6, genSeconds);

    std::vector<double> seconds;
    std::vector<double> cpuSeconds;
    for (int run = 0; run < 5; ++run) {
        CountingSink sink;
        AnnotatedCsvParser parser(sink);
        const std::clock_t c0 = std::clock();
        const auto t0 = std::chrono::steady_clock::now();
        for (std::size_t pos = 0; pos < body.size(); pos += kChunk)
            parser.feed(body.data() + pos, std::min(kChunk, body.size() - pos));
        parser.finish();
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        cpuSeconds.push_back(static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
        if (!sink.error.empty() || sink.rows != std::uint64_t{kTables} * kRowsPerTable) {
            std::fprintf(stderr, "parse went wrong: rows %llu, error: %s\n",
                         static_cast<unsigned long long>(sink.rows), sink.error.c_str());
            return 1;
        }
        seconds.push_back(s);
        std::printf("run %d: %.3f s (%.3f s CPU), %.2f M rows/s, %.0f MB/s (%llu pieces, largest %.1f MB)\n", run + 1,
                    s, cpuSeconds.back(), static_cast<double>(sink.rows) / s / 1e6, static_cast<double>(body.size()) / s / 1e6,
                    static_cast<unsigned long long>(sink.pieces), static_cast<double>(sink.largestPieceBytes) / 1e6);
    }
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds[seconds.size() / 2];
    std::sort(cpuSeconds.begin(), cpuSeconds.end());
    const double cpuMedian = cpuSeconds[cpuSeconds.size() / 2];
    std::printf("median wall: %.2f M rows/s, %.0f MB/s on one core\n",
                static_cast<double>(kTables) * kRowsPerTable / median / 1e6, static_cast<double>(body.size()) / median / 1e6);
    std::printf("median CPU:  %.2f M rows/s, %.0f MB/s\n", static_cast<double>(kTables) * kRowsPerTable / cpuMedian / 1e6,
                static_cast<double>(body.size()) / cpuMedian / 1e6);
    return 0;
}
