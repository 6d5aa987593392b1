// SPDX-License-Identifier: GPL-3.0-or-later
// Figures for the HTTP layer over loopback: request rate with keep-alive, streamed body
// throughput (plain and gzip) and gzip codec speed. Prints numbers; never fails on time.
// Usage: bench_httptransport [MiB to stream, default 256]
#include "core/http/CurlTransport.h"
#include "core/http/GzipCodec.h"
#include "tests/support/ContractHttpServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace sasquatch;
using namespace sasquatch::test;

namespace {

// Rows shaped like InfluxDB 2.x annotated CSV for an ESS temperature topic.
QByteArray csvPiece(int rows)
{
    QByteArray out;
    for (int i = 0; i < rows; ++i)
        out += ",_result,0,2024-05-01T00:00:" + QByteArray::number(10 + i % 50) + "." + QByteArray::number(100000 + i)
            + "Z,temperatureItem0," + QByteArray::number(12.5 + (i % 97) * 0.01, 'f', 4) + "\r\n";
    return out;
}

HttpRequest get(const QString &url)
{
    HttpRequest r;
    r.url = url;
    return r;
}

double mib(qint64 bytes) { return double(bytes) / (1024.0 * 1024.0); }

void requestRate(ContractHttpServer &server, int threads, int each)
{
    CurlTransport transport;
    std::atomic<int> ok{0};
    QElapsedTimer t;
    t.start();
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i)
        pool.emplace_back([&] {
            for (int k = 0; k < each; ++k)
                if (transport.perform(get(server.url("/ping"))).succeeded())
                    ++ok;
        });
    for (auto &th : pool)
        th.join();
    const double s = double(t.nsecsElapsed()) / 1e9;
    std::printf("requests  %d thread(s) x %d GET /ping: %d ok, %.0f req/s, %.1f us/request, %d connection(s)\n",
                threads, each, ok.load(), ok / s, s * 1e6 / (threads * each), server.connectionCount());
}

void streaming(ContractHttpServer &server, qint64 totalBytes, ContractCompression compression, const char *label)
{
    const QByteArray piece = csvPiece(1200); // ~ 64 KiB
    const qint64 pieces = std::max<qint64>(1, totalBytes / piece.size());
    auto sent = std::make_shared<std::atomic<qint64>>(0);
    ContractResponse r;
    r.header("Content-Type", "text/csv; charset=utf-8");
    r.compression = compression;
    r.producer = [sent, pieces, piece] { return (*sent)++ < pieces ? piece : QByteArray(); };
    server.on("POST", "/api/v2/query", r);

    CurlTransport transport;
    HttpRequest request = get(server.url("/api/v2/query?org=rubin"));
    request.method = HttpMethod::Post;
    request.body = R"j({"query":"from(bucket: \"efd\")","type":"flux"})j";
    qint64 received = 0;
    QElapsedTimer t;
    t.start();
    const HttpResult result = transport.perform(request, [&received](const char *, std::size_t n) {
        received += qint64(n);
        return true;
    });
    const double s = double(t.nsecsElapsed()) / 1e9;
    std::printf("stream    %-5s %8.1f MiB decoded in %6.2f s: %7.1f MiB/s (%s)%s\n", label, mib(received), s,
                mib(received) / s, result.succeeded() ? "ok" : qPrintable(result.transportError),
                compression == ContractCompression::None ? ""
                                                         : " - bounded by the test server's own deflate; see gzip line");
}

void codec(qint64 totalBytes)
{
    const QByteArray piece = csvPiece(1200);
    const QByteArray text = piece.repeated(std::max<qsizetype>(1, qsizetype(totalBytes / piece.size())));
    QElapsedTimer t;
    t.start();
    const QByteArray gz = GzipCodec::compress(text);
    const double cs = double(t.nsecsElapsed()) / 1e9;
    t.restart();
    const auto back = GzipCodec::decompress(gz);
    const double ds = double(t.nsecsElapsed()) / 1e9;
    std::printf("gzip      %.1f MiB CSV -> %.1f MiB (ratio %.1f): compress %.1f MiB/s, decompress %.1f MiB/s (%s)\n",
                mib(text.size()), mib(gz.size()), double(text.size()) / double(gz.size()), mib(text.size()) / cs,
                mib(text.size()) / ds, back.ok() && back.value() == text ? "round trip ok" : "ROUND TRIP FAILED");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 megabytes = argc > 1 ? QByteArray(argv[1]).toLongLong() : 256;
    const qint64 bytes = std::max<qint64>(1, megabytes) * 1024 * 1024;
    std::printf("%s\n", qPrintable(CurlTransport::libraryVersion()));

    ContractHttpServer server;
    if (const auto started = server.start(); !started) {
        std::fprintf(stderr, "cannot start the loopback server: %s\n", qPrintable(started.error()));
        return 1;
    }
    server.on("GET", "/ping", ContractResponse::noContent());
    requestRate(server, 1, 2000);
    requestRate(server, 4, 500);
    streaming(server, bytes, ContractCompression::None, "plain");
    streaming(server, bytes, ContractCompression::GzipIfAccepted, "gzip");
    codec(std::min<qint64>(bytes, 64 * 1024 * 1024));
    return 0;
}
