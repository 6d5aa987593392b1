// SPDX-License-Identifier: GPL-3.0-or-later
// Tests the loopback contract server with a raw socket client (to see exact bytes on the
// wire) and with QNetworkAccessManager (an independent, real HTTP client).
#include "core/http/GzipCodec.h"
#include "tests/support/ContractHttpServer.h"
#include "tests/support/RawHttpClient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>
#include <QTimer>

#include <cerrno>
#include <stdexcept>
#include <thread>

using namespace sasquatch;
using namespace sasquatch::test;
using std::chrono::milliseconds;

namespace {

QByteArray get(const QByteArray &target, const QByteArray &extraHeaders = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
}

} // namespace

class tst_ContractHttpServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void servesOnLoopback_data();
    void servesOnLoopback();
    void recordsWhatArrived();
    void decodesQueryLikeInfluxDb();
    void keepsAliveAndPipelines();
    void readsChunkedBodyAfter100Continue();
    void closesAfterHttp10Request();
    void decodesGzipRequestBody();
    void gzipsResponseOnlyWhenAccepted();
    void streamsChunksWithDelays();
    void answersHeadAndNoContent();
    void answersSequencesThenRepeatsLast();
    void newestRouteWinsAndPrefixesMatch();
    void unroutedRequestsAre404AndListed();
    void rejectsMalformedAndOversized_data();
    void rejectsMalformedAndOversized();
    void injectsFaults();
    void stallsAndStopInterruptsIt();
    void streamsFromProducer();
    void countsItsCpuTime();
    void readsRecordedResponses();
    void worksWithQtNetwork();
    void waitsForRequestsFromOtherThreads();

private:
    std::unique_ptr<ContractHttpServer> m_server;
};

void tst_ContractHttpServer::init()
{
    m_server = std::make_unique<ContractHttpServer>();
    const auto started = m_server->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
}

void tst_ContractHttpServer::cleanup()
{
    m_server.reset();
}

void tst_ContractHttpServer::servesOnLoopback_data()
{
    QTest::addColumn<bool>("ipv6");
    QTest::newRow("127.0.0.1") << false;
    QTest::newRow("[::1]") << true;
}

void tst_ContractHttpServer::servesOnLoopback()
{
    QFETCH(bool, ipv6);
    ContractHttpServer server;
    const auto started = server.start(ipv6 ? ContractAddress::IPv6 : ContractAddress::IPv4);
    if (!started && ipv6)
        QSKIP(qPrintable("no IPv6 loopback here: " + started.error()));
    QVERIFY2(started.ok(), qPrintable(started.error()));
    QVERIFY(server.port() > 0);
    QCOMPARE(server.baseUrl(), QStringLiteral("http://%1:%2").arg(ipv6 ? "[::1]" : "127.0.0.1").arg(server.port()));
    QVERIFY(!server.start().ok()); // twice is an error, not a second socket
    server.on("GET", "/ping", ContractResponse::noContent().header("X-Influxdb-Version", "1.8.10"));
    RawHttpClient client(server, ipv6);
    QVERIFY(client.connected());
    QVERIFY(client.send(get("/ping")));
    const RawHttpResponse r = client.readResponse();
    QCOMPARE(r.status, 204);
    QCOMPARE(r.header("x-influxdb-version"), QByteArray("1.8.10"));
    QVERIFY(r.header("content-length").isEmpty());
    server.stop();
    QVERIFY(!server.isRunning());
    server.stop();
}

void tst_ContractHttpServer::recordsWhatArrived()
{
    m_server->on("POST", "/api/v2/write", ContractResponse::noContent());
    RawHttpClient client(*m_server);
    const QByteArray body = "m,tag=a f=1i 1700000000000000000\n";
    QVERIFY(client.send("POST /api/v2/write?org=rubin&bucket=efd%2Fautogen&precision=ns HTTP/1.1\r\n"
                        "Host: x\r\nAuthorization: Token s3cret==\r\nContent-Type: text/plain; charset=utf-8\r\n"
                        "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body));
    QCOMPARE(client.readResponse().status, 204);
    const auto seen = m_server->requests();
    QCOMPARE(seen.size(), std::size_t(1));
    const ContractRequest &r = seen[0];
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.path, QStringLiteral("/api/v2/write"));
    QCOMPARE(r.queryValue("bucket"), std::optional<QString>("efd/autogen"));
    QCOMPARE(r.queryValue("precision"), std::optional<QString>("ns"));
    QVERIFY(!r.queryValue("db").has_value());
    QCOMPARE(r.tokenAuth(), std::optional<QString>("s3cret=="));
    QVERIFY(!r.basicAuth().has_value());
    QCOMPARE(r.header("content-type"), QByteArray("text/plain; charset=utf-8"));
    QCOMPARE(r.body, body);
    QCOMPARE(m_server->requestsTo("/api/v2/write").size(), std::size_t(1));
    QVERIFY(m_server->unmatchedRequests().empty());
    m_server->clearRequests();
    QCOMPARE(m_server->requestCount(), 0);
}

void tst_ContractHttpServer::decodesQueryLikeInfluxDb()
{
    m_server->on("*", "/query", ContractResponse::json(200, R"({"results":[{"statement_id":0}]})"));
    RawHttpClient client(*m_server);
    // '+' unescaped turns into a space, as in Go's url.ParseQuery; %2B stays a plus.
    QVERIFY(client.send(get("/query?q=SELECT+1%2B1&db=efd", "Authorization: Basic " + QByteArray("reader:pa:ss").toBase64() + "\r\n")));
    QCOMPARE(client.readResponse().status, 200);
    // InfluxDB 1.x also takes q from a form body.
    const QByteArray form = "q=SHOW+DATABASES&u=ignored";
    QVERIFY(client.send("POST /query?db=efd HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        "Content-Length: " + QByteArray::number(form.size()) + "\r\n\r\n" + form));
    QCOMPARE(client.readResponse().status, 200);
    const auto seen = m_server->requests();
    QCOMPARE(seen.size(), std::size_t(2));
    QCOMPARE(seen[0].queryValue("q"), std::optional<QString>("SELECT 1+1"));
    QCOMPARE(seen[0].basicAuth(), (std::optional<std::pair<QString, QString>>({"reader", "pa:ss"})));
    QCOMPARE(seen[1].param("q"), std::optional<QString>("SHOW DATABASES"));
    QCOMPARE(seen[1].param("db"), std::optional<QString>("efd"));
    QVERIFY(!seen[1].param("p").has_value());
}

void tst_ContractHttpServer::keepsAliveAndPipelines()
{
    m_server->on("GET", "/a", ContractResponse::text(200, "first"));
    m_server->on("GET", "/b", ContractResponse::text(200, "second"));
    RawHttpClient client(*m_server);
    QVERIFY(client.send(get("/a") + get("/b"))); // both requests in one write
    QCOMPARE(client.readResponse().body, QByteArray("first"));
    QCOMPARE(client.readResponse().body, QByteArray("second"));
    QVERIFY(client.send(get("/a", "Connection: close\r\n")));
    const RawHttpResponse last = client.readResponse();
    QCOMPARE(last.header("connection"), QByteArray("close"));
    QVERIFY(client.closedByPeer());
    const auto seen = m_server->requests();
    QCOMPARE(seen.size(), std::size_t(3));
    QCOMPARE(seen[2].connection, 1);
    QCOMPARE(seen[2].indexOnConnection, 3);
    QCOMPARE(m_server->connectionCount(), 1);
}

void tst_ContractHttpServer::readsChunkedBodyAfter100Continue()
{
    m_server->on("POST", "/topics/lsst.sal.Test.topic", ContractResponse::json(200, R"({"offsets":[{"partition":0,"offset":7}]})"));
    RawHttpClient client(*m_server);
    QVERIFY(client.send("POST /topics/lsst.sal.Test.topic HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                        "Transfer-Encoding: chunked\r\n\r\n"));
    const RawHttpResponse interim = client.readResponse();
    QCOMPARE(interim.status, 100);
    QVERIFY(interim.complete);
    QVERIFY(client.send("5;ext=1\r\n{\"rec\r\n8\r\nords\":[]\r\n1\r\n}\r\n0\r\nX-Trailer: t\r\n\r\n"));
    const RawHttpResponse r = client.readResponse();
    QCOMPARE(r.status, 200);
    QCOMPARE(m_server->requests().at(0).body, QByteArray(R"({"records":[]})"));
}

void tst_ContractHttpServer::closesAfterHttp10Request()
{
    m_server->on("GET", "/ping", ContractResponse::noContent());
    RawHttpClient client(*m_server);
    QVERIFY(client.send("GET /ping HTTP/1.0\r\n\r\n"));
    const RawHttpResponse r = client.readResponse();
    QCOMPARE(r.status, 204);
    QCOMPARE(r.header("connection"), QByteArray("close"));
    QVERIFY(client.closedByPeer());
}

void tst_ContractHttpServer::decodesGzipRequestBody()
{
    m_server->on("POST", "/write", ContractResponse::noContent());
    const QByteArray plain = QByteArray("cpu v=1 1\n").repeated(500);
    const QByteArray gz = GzipCodec::compress(plain);
    RawHttpClient client(*m_server);
    QVERIFY(client.send("POST /write?db=efd HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\nContent-Length: "
                        + QByteArray::number(gz.size()) + "\r\n\r\n" + gz));
    QCOMPARE(client.readResponse().status, 204);
    QVERIFY(client.send("POST /write?db=efd HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\nContent-Length: 4\r\n\r\nnope"));
    QCOMPARE(client.readResponse().status, 204);
    const auto seen = m_server->requests();
    QCOMPARE(seen[0].body, plain);
    QCOMPARE(seen[0].rawBody, gz);
    QVERIFY(seen[0].bodyError.isEmpty());
    QVERIFY(seen[1].body.isEmpty());
    QVERIFY2(seen[1].bodyError.contains("gzip"), qPrintable(seen[1].bodyError));
}

void tst_ContractHttpServer::gzipsResponseOnlyWhenAccepted()
{
    ContractResponse csv = ContractResponse::chunked(200, "text/csv; charset=utf-8",
                                                     {"#datatype,string,long\r\n", ",result,table\r\n", ",_result,0\r\n"});
    csv.compression = ContractCompression::GzipIfAccepted;
    m_server->on("POST", "/api/v2/query", csv);
    RawHttpClient client(*m_server);
    const QByteArray post = "POST /api/v2/query?org=x HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n";
    QVERIFY(client.send(post + "Accept-Encoding: deflate, gzip;q=1.0\r\n\r\n"));
    const RawHttpResponse zipped = client.readResponse();
    QCOMPARE(zipped.header("content-encoding"), QByteArray("gzip"));
    const auto decoded = GzipCodec::decompress(zipped.body);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
    QCOMPARE(decoded.value(), QByteArray("#datatype,string,long\r\n,result,table\r\n,_result,0\r\n"));
    QVERIFY(client.send(post + "\r\n"));
    const RawHttpResponse plain = client.readResponse();
    QVERIFY(plain.header("content-encoding").isEmpty());
    QCOMPARE(plain.body, QByteArray("#datatype,string,long\r\n,result,table\r\n,_result,0\r\n"));
}

void tst_ContractHttpServer::streamsChunksWithDelays()
{
    m_server->on("GET", "/stream", ContractResponse::chunked(200, "text/plain", {"a", "", "bc", "def"}, milliseconds(120)));
    RawHttpClient client(*m_server);
    QElapsedTimer t;
    t.start();
    QVERIFY(client.send(get("/stream")));
    const RawHttpResponse r = client.readResponse();
    QVERIFY(r.complete);
    QCOMPARE(r.body, QByteArray("abcdef"));
    // One HTTP chunk per non-empty piece: an empty one would have ended the body early.
    QCOMPARE(r.wireBody, QByteArray("1\r\na\r\n2\r\nbc\r\n3\r\ndef\r\n0\r\n\r\n"));
    QVERIFY2(t.elapsed() >= 3 * 120 - 20, qPrintable(QString::number(t.elapsed())));
}

void tst_ContractHttpServer::answersHeadAndNoContent()
{
    m_server->on("*", "/health", ContractResponse::json(200, R"({"name":"influxdb","status":"pass"})"));
    RawHttpClient client(*m_server);
    QVERIFY(client.send("HEAD /health HTTP/1.1\r\nHost: x\r\n\r\n"));
    const RawHttpResponse head = client.readResponse(true);
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("content-length"), QByteArray("35"));
    QVERIFY(client.send(get("/health"))); // the HEAD left no body bytes behind
    QCOMPARE(client.readResponse().body, QByteArray(R"({"name":"influxdb","status":"pass"})"));
}

void tst_ContractHttpServer::answersSequencesThenRepeatsLast()
{
    m_server->onSequence("GET", "/ping", {ContractResponse::text(503, "restarting"), ContractResponse::noContent()});
    RawHttpClient client(*m_server);
    for (int expected : {503, 204, 204}) {
        QVERIFY(client.send(get("/ping")));
        QCOMPARE(client.readResponse().status, expected);
    }
}

void tst_ContractHttpServer::newestRouteWinsAndPrefixesMatch()
{
    m_server->on("GET", "/schemas/ids/*", [](const ContractRequest &r) {
        return ContractResponse::json(200, "{\"schema\":\"" + r.path.section('/', 3).toUtf8() + "\"}");
    });
    RawHttpClient client(*m_server);
    QVERIFY(client.send(get("/schemas/ids/42")));
    QCOMPARE(client.readResponse().body, QByteArray(R"({"schema":"42"})"));
    m_server->on("GET", "/schemas/ids/*", ContractResponse::json(404, R"({"error_code":40403,"message":"Schema not found"})"));
    QVERIFY(client.send(get("/schemas/ids/42")));
    QCOMPARE(client.readResponse().status, 404);
    QVERIFY(client.send(get("/schemas/idsX")));
    QCOMPARE(client.readResponse().status, 404);
    QCOMPARE(m_server->unmatchedRequests().size(), std::size_t(1));
}

void tst_ContractHttpServer::unroutedRequestsAre404AndListed()
{
    RawHttpClient client(*m_server);
    QVERIFY(client.send(get("/nowhere?x=1")));
    const RawHttpResponse r = client.readResponse();
    QCOMPARE(r.status, 404);
    QCOMPARE(r.body, QByteArray(R"({"error":"contract server: no route for GET /nowhere"})"));
    QCOMPARE(m_server->unmatchedRequests().size(), std::size_t(1));
    m_server->setFallback([](const ContractRequest &) { return ContractResponse::text(418, "teapot"); });
    QVERIFY(client.send(get("/elsewhere")));
    QCOMPARE(client.readResponse().status, 418);
    m_server->on("GET", "/buggy", [](const ContractRequest &) -> ContractResponse { throw std::runtime_error("oops"); });
    QVERIFY(client.send(get("/buggy")));
    const RawHttpResponse buggy = client.readResponse();
    QCOMPARE(buggy.status, 500);
    QVERIFY(buggy.body.contains("handler threw: oops"));
    QVERIFY(client.send(get("/elsewhere"))); // the connection and the server live on
    QCOMPARE(client.readResponse().status, 418);
}

void tst_ContractHttpServer::rejectsMalformedAndOversized_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
    QTest::newRow("http2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\n") << 400;
    QTest::newRow("bad header") << QByteArray("GET / HTTP/1.1\r\nnocolon\r\n\r\n") << 400;
    QTest::newRow("bad length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -3\r\n\r\n") << 400;
    QTest::newRow("bad chunk") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400;
    QTest::newRow("too large") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 2048\r\n\r\n") << 413;
    QTest::newRow("huge head") << "GET / HTTP/1.1\r\nX: " + QByteArray(70 * 1024, 'a') << 431;
}

void tst_ContractHttpServer::rejectsMalformedAndOversized()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    m_server->setMaxBodyBytes(1024);
    RawHttpClient client(*m_server);
    QVERIFY(client.send(request));
    const RawHttpResponse r = client.readResponse();
    QCOMPARE(r.status, status);
    QVERIFY(r.body.contains("contract server"));
    QVERIFY(client.closedByPeer());
}

void tst_ContractHttpServer::injectsFaults()
{
    ContractResponse base = ContractResponse::text(200, QByteArray(1000, 'x'));
    ContractResponse silent = base;
    silent.fault = ContractFault::CloseWithoutResponse;
    ContractResponse truncated = base;
    truncated.fault = ContractFault::TruncateBody;
    ContractResponse reset = base;
    reset.fault = ContractFault::ResetMidBody;
    ContractResponse rawGarbage = ContractResponse::rawBytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
    m_server->on("GET", "/silent", silent);
    m_server->on("GET", "/truncated", truncated);
    m_server->on("GET", "/reset", reset);
    m_server->on("GET", "/raw", rawGarbage);
    {
        RawHttpClient c(*m_server);
        QVERIFY(c.send(get("/silent")));
        QCOMPARE(c.readResponse().status, 0);
    }
    {
        RawHttpClient c(*m_server);
        QVERIFY(c.send(get("/truncated")));
        const RawHttpResponse r = c.readResponse();
        QCOMPARE(r.header("content-length"), QByteArray("1000"));
        QVERIFY(!r.complete);
        QCOMPARE(r.body.size(), 500);
    }
    {
        RawHttpClient c(*m_server);
        QVERIFY(c.send(get("/reset")));
        const RawHttpResponse r = c.readResponse();
        QVERIFY(!r.complete);
        QCOMPARE(c.lastErrno(), ECONNRESET);
    }
    {
        RawHttpClient c(*m_server);
        QVERIFY(c.send(get("/raw")));
        const RawHttpResponse r = c.readResponse();
        QCOMPARE(r.body, QByteArray("abc"));
        QVERIFY(!r.complete);
    }
}

void tst_ContractHttpServer::stallsAndStopInterruptsIt()
{
    ContractResponse stall = ContractResponse::chunked(200, "text/csv", {"head\r\n", "tail\r\n"});
    stall.fault = ContractFault::StallMidBody;
    stall.stall = milliseconds(300);
    m_server->on("GET", "/stall", stall);
    {
        RawHttpClient c(*m_server);
        QElapsedTimer t;
        t.start();
        QVERIFY(c.send(get("/stall")));
        const RawHttpResponse r = c.readResponse();
        QVERIFY(r.complete);
        QCOMPARE(r.body, QByteArray("head\r\ntail\r\n"));
        QVERIFY2(t.elapsed() >= 280, qPrintable(QString::number(t.elapsed())));
    }
    stall.stall = milliseconds(60'000);
    m_server->on("GET", "/stall", stall);
    RawHttpClient c(*m_server);
    QVERIFY(c.send(get("/stall")));
    QVERIFY(m_server->waitForRequests(2, milliseconds(5000)));
    QTest::qWait(100);
    QElapsedTimer t;
    t.start();
    m_server->stop();
    QVERIFY2(t.elapsed() < 2000, "stop() must interrupt a stall");
    QVERIFY(c.closedByPeer());
}

void tst_ContractHttpServer::streamsFromProducer()
{
    const int pieces = 200;
    const QByteArray line = QByteArray(",_result,0,2024-01-01T00:00:00Z,1.25\r\n").repeated(1000);
    for (bool gzip : {false, true}) {
        auto count = std::make_shared<int>(0);
        ContractResponse r;
        r.header("Content-Type", "text/csv");
        r.compression = gzip ? ContractCompression::Always : ContractCompression::None;
        r.producer = [count, pieces, line]() { return (*count)++ < pieces ? line : QByteArray(); };
        m_server->on("GET", "/big", r);
        RawHttpClient c(*m_server);
        QVERIFY(c.send(get("/big")));
        const RawHttpResponse got = c.readResponse();
        QVERIFY(got.complete);
        QCOMPARE(got.header("transfer-encoding"), QByteArray("chunked"));
        const QByteArray body = gzip ? GzipCodec::decompress(got.body).value() : got.body;
        QCOMPARE(body.size(), line.size() * pieces);
        QVERIFY(body.endsWith(",1.25\r\n"));
        if (gzip) {
            QVERIFY(got.body.size() < body.size() / 20);
        } else {
            // Produced pieces go out with a gathering write: the wire must still be exactly
            // "<hex size>\r\n<piece>\r\n" per piece, then the last chunk (RFC 9112 7.1).
            const QByteArray frame = QByteArray::number(line.size(), 16) + "\r\n" + line + "\r\n";
            QCOMPARE(got.wireBody, frame.repeated(pieces) + "0\r\n\r\n");
        }
    }
}

void tst_ContractHttpServer::countsItsCpuTime()
{
    // A benchmark takes the server's CPU time out of the process's: it must grow while the
    // server works, and never beyond what the whole process spent.
    const QByteArray piece(1 << 20, 'x');
    auto left = std::make_shared<int>(200);
    ContractResponse r;
    r.producer = [left, piece]() { return (*left)-- > 0 ? piece : QByteArray(); };
    m_server->on("GET", "/cpu", r);
    rusage before{};
    getrusage(RUSAGE_SELF, &before);
    const double serverBefore = m_server->cpuSeconds();
    RawHttpClient c(*m_server);
    QVERIFY(c.send(get("/cpu")));
    const RawHttpResponse got = c.readResponse();
    QVERIFY(got.complete);
    QCOMPARE(got.body.size(), qsizetype(200) << 20);
    QTRY_VERIFY(m_server->cpuSeconds() > serverBefore);
    rusage after{};
    getrusage(RUSAGE_SELF, &after);
    const auto seconds = [](const rusage &u) {
        return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
    };
    QVERIFY(m_server->cpuSeconds() - serverBefore <= seconds(after) - seconds(before) + 0.01);
}

void tst_ContractHttpServer::readsRecordedResponses()
{
    const QByteArray recorded = "# InfluxDB 2.x API reference: 401 body {code, message}\n"
                                "# second note line\n"
                                "HTTP/1.1 401 Unauthorized\n"
                                "Content-Type: application/json; charset=utf-8\n"
                                "Content-Length: 999\n"
                                "X-Platform-Error-Code: unauthorized\n"
                                "\n"
                                "{\"code\":\"unauthorized\",\"message\":\"unauthorized access\"}\r\n";
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath("unauthorized.http"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(recorded);
    file.close();
    const auto r = ContractResponse::fromHttpFile(file.fileName());
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(r->status, 401);
    QCOMPARE(r->reason, QByteArray("Unauthorized"));
    QCOMPARE(r->headers.size(), std::size_t(2)); // Content-Length dropped: the server frames
    QCOMPARE(r->body, QByteArray("{\"code\":\"unauthorized\",\"message\":\"unauthorized access\"}\r\n"));
    m_server->on("GET", "/api/v2/buckets", r.value());
    RawHttpClient c(*m_server);
    QVERIFY(c.send(get("/api/v2/buckets")));
    const RawHttpResponse got = c.readResponse();
    QCOMPARE(got.status, 401);
    QCOMPARE(got.header("x-platform-error-code"), QByteArray("unauthorized"));
    QCOMPARE(got.header("content-length"), QByteArray::number(r->body.size()));

    QVERIFY(!ContractResponse::fromHttpMessage("HTTP/1.1 abc\n\n").ok());
    QVERIFY(!ContractResponse::fromHttpMessage("hello\n\n").ok());
    QVERIFY(!ContractResponse::fromHttpMessage("HTTP/1.1 200 OK\nbroken header\n\n").ok());
    QVERIFY(!ContractResponse::fromHttpFile(dir.filePath("missing.http")).ok());
    QCOMPARE(ContractResponse::fromHttpMessage("HTTP/1.1 204 No Content\r\n\r\n")->status, 204);
}

void tst_ContractHttpServer::worksWithQtNetwork()
{
    ContractResponse csv = ContractResponse::chunked(200, "text/csv", {"a,b\r\n", "1,2\r\n"}, milliseconds(20));
    csv.compression = ContractCompression::GzipIfAccepted;
    m_server->on("POST", "/api/v2/query", [csv](const ContractRequest &r) {
        return r.tokenAuth() == std::optional<QString>("t0ken") ? csv : ContractResponse::json(401, R"({"code":"unauthorized","message":"unauthorized access"})");
    });
    QNetworkAccessManager nam;
    const auto fetch = [&](const QByteArray &token) {
        QNetworkRequest request(QUrl(m_server->url("/api/v2/query?org=rubin")));
        request.setRawHeader("Authorization", "Token " + token);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply *reply = nam.post(request, QByteArray(R"j({"query":"buckets()","type":"flux"})j"));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
        loop.exec();
        const auto out = std::pair{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
        reply->deleteLater();
        return out;
    };
    const auto ok = fetch("t0ken");
    QCOMPARE(ok.first, 200);
    QCOMPARE(ok.second, QByteArray("a,b\r\n1,2\r\n")); // Qt asked for gzip and decoded it
    const auto denied = fetch("wrong");
    QCOMPARE(denied.first, 401);
    const auto seen = m_server->requests();
    QCOMPARE(seen.size(), std::size_t(2));
    QVERIFY(seen[0].header("accept-encoding").contains("gzip"));
    QCOMPARE(seen[0].body, QByteArray(R"j({"query":"buckets()","type":"flux"})j"));
    QCOMPARE(seen[1].connection, seen[0].connection); // Qt kept the connection alive
}

void tst_ContractHttpServer::waitsForRequestsFromOtherThreads()
{
    m_server->on("GET", "/ping", ContractResponse::noContent());
    QVERIFY(!m_server->waitForRequests(1, milliseconds(50)));
    std::thread client([this] {
        for (int i = 0; i < 3; ++i) {
            RawHttpClient c(*m_server);
            c.send(get("/ping"));
            c.readResponse();
        }
    });
    QVERIFY(m_server->waitForRequests(3, milliseconds(5000)));
    client.join();
    QCOMPARE(m_server->connectionCount(), 3);
}

QTEST_GUILESS_MAIN(tst_ContractHttpServer)
#include "tst_contracthttpserver.moc"
