// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/CurlTransport.h"
#include "core/http/GzipCodec.h"
#include "core/http/HttpFailure.h"
#include "tests/support/ContractHttpServer.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <thread>

using namespace sasquatch;
using namespace sasquatch::test;
using std::chrono::milliseconds;

namespace {

HttpRequest requestTo(const QString &url, HttpMethod method = HttpMethod::Get)
{
    HttpRequest r;
    r.method = method;
    r.url = url;
    return r;
}

struct Collected
{
    QByteArray bytes;
    int calls = 0;
    BodySink sink()
    {
        return [this](const char *d, std::size_t n) {
            bytes.append(d, qsizetype(n));
            ++calls;
            return true;
        };
    }
};

} // namespace

class tst_CurlTransport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void getsBodyAndHeaders();
    void streamsIntoSinkAsBytesArrive();
    void keepsErrorBodiesOutOfTheSink();
    void sendsMethodsAndBodies_data();
    void sendsMethodsAndBodies();
    void sendsBasicAuthAndHeaders();
    void gzipBothWays();
    void followsRedirectsWithinLimit();
    void reusesConnections();
    void reportsProgress();
    void failsToConnect();
    void detectsStallQuickly();
    void honoursTotalTimeout();
    void cancelsMidStream();
    void sinkCanStopTransfer();
    void reportsBrokenBodies_data();
    void reportsBrokenBodies();
    void servesManyThreadsAtOnce();
    void messagesReadWellEndToEnd();
    void usesProxyButNeverForLoopback();

private:
    std::unique_ptr<ContractHttpServer> m_server;
    CurlTransport m_transport;
};

void tst_CurlTransport::init()
{
    m_server = std::make_unique<ContractHttpServer>();
    const auto started = m_server->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
}

void tst_CurlTransport::cleanup()
{
    m_server.reset();
}

void tst_CurlTransport::getsBodyAndHeaders()
{
    m_server->on("GET", "/ping", ContractResponse::noContent().header("X-Influxdb-Version", "1.8.10"));
    m_server->on("GET", "/health", ContractResponse::json(200, R"({"status":"pass"})"));
    const HttpResult ping = m_transport.perform(requestTo(m_server->url("/ping")));
    QVERIFY2(ping.succeeded(), qPrintable(ping.transportError));
    QCOMPARE(ping.response.status, 204);
    QCOMPARE(ping.response.reason, QByteArray("No Content"));
    QCOMPARE(ping.response.header("x-influxdb-version"), QByteArray("1.8.10"));
    QCOMPARE(ping.response.effectiveUrl, m_server->url("/ping"));
    const HttpResult health = m_transport.perform(requestTo(m_server->url("/health")));
    QCOMPARE(health.response.body, QByteArray(R"({"status":"pass"})"));
    QCOMPARE(health.response.bytesReceived, qint64(17));
    QVERIFY(m_server->requests()[0].header("user-agent").startsWith("SasquatchBrowser/"));
    QVERIFY(!CurlTransport::libraryVersion().isEmpty());
}

void tst_CurlTransport::streamsIntoSinkAsBytesArrive()
{
    m_server->on("GET", "/stream", ContractResponse::chunked(200, "text/csv", {"one\r\n", "two\r\n", "three\r\n"}, milliseconds(80)));
    Collected c;
    const HttpResult r = m_transport.perform(requestTo(m_server->url("/stream")), c.sink());
    QVERIFY(r.succeeded());
    QCOMPARE(c.bytes, QByteArray("one\r\ntwo\r\nthree\r\n"));
    QVERIFY2(c.calls >= 3, "each delayed chunk must reach the sink on its own");
    QVERIFY(r.response.body.isEmpty());
    QCOMPARE(r.response.bytesReceived, qint64(c.bytes.size()));
}

void tst_CurlTransport::keepsErrorBodiesOutOfTheSink()
{
    m_server->on("GET", "/query", ContractResponse::json(400, R"({"error":"error parsing query: found EOF"})"));
    Collected c;
    const HttpResult r = m_transport.perform(requestTo(m_server->url("/query?q=SELECT")), c.sink());
    QVERIFY(!r.succeeded());
    QCOMPARE(r.errorKind, HttpErrorKind::None);
    QCOMPARE(r.response.status, 400);
    QVERIFY(c.bytes.isEmpty());
    QCOMPARE(r.response.body, QByteArray(R"({"error":"error parsing query: found EOF"})"));
}

void tst_CurlTransport::sendsMethodsAndBodies_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("POST") << int(HttpMethod::Post) << QByteArray("POST") << QByteArray(R"j({"query":"buckets()"})j");
    QTest::newRow("POST empty") << int(HttpMethod::Post) << QByteArray("POST") << QByteArray();
    QTest::newRow("PUT") << int(HttpMethod::Put) << QByteArray("PUT") << QByteArray("{\"a\":1}");
    QTest::newRow("PATCH") << int(HttpMethod::Patch) << QByteArray("PATCH") << QByteArray("{\"b\":2}");
    QTest::newRow("DELETE") << int(HttpMethod::Delete) << QByteArray("DELETE") << QByteArray();
    QTest::newRow("HEAD") << int(HttpMethod::Head) << QByteArray("HEAD") << QByteArray();
    QTest::newRow("large POST") << int(HttpMethod::Post) << QByteArray("POST") << QByteArray("x,t=1 f=2 3\n").repeated(400'000);
}

void tst_CurlTransport::sendsMethodsAndBodies()
{
    QFETCH(int, method);
    QFETCH(QByteArray, verb);
    QFETCH(QByteArray, body);
    m_server->on("*", "/echo", [](const ContractRequest &r) {
        return ContractResponse::text(200, r.method + " " + QByteArray::number(r.body.size()));
    });
    HttpRequest request = requestTo(m_server->url("/echo"), static_cast<HttpMethod>(method));
    request.body = body;
    const HttpResult r = m_transport.perform(request);
    QVERIFY2(r.succeeded(), qPrintable(r.transportError));
    const auto seen = m_server->requests();
    QCOMPARE(seen.size(), std::size_t(1));
    QCOMPARE(seen[0].method, verb);
    QCOMPARE(seen[0].body, body);
    QVERIFY(!seen[0].hasHeader("expect")); // no 100-continue round-trip on uploads
    // No invented form type: InfluxDB would parse a line-protocol body as a form.
    QVERIFY(!seen[0].hasHeader("content-type"));
    if (verb != "HEAD")
        QCOMPARE(r.response.body, verb + " " + QByteArray::number(body.size()));
    else
        QVERIFY(r.response.body.isEmpty());
}

void tst_CurlTransport::sendsBasicAuthAndHeaders()
{
    m_server->on("GET", "/query", ContractResponse::json(200, "{}"));
    HttpRequest request = requestTo(m_server->url("/query?db=efd"));
    request.username = "efdreader";
    request.password = "p@ss:word ü";
    request.headers = {{"Accept", "application/json"}, {"X-Custom", "1"}, {"Content-Type", "application/json"}};
    QVERIFY(m_transport.perform(request).succeeded());
    const ContractRequest seen = m_server->requests().at(0);
    QCOMPARE(seen.basicAuth(), (std::optional<std::pair<QString, QString>>({"efdreader", QString::fromUtf8("p@ss:word ü")})));
    QCOMPARE(seen.header("accept"), QByteArray("application/json"));
    QCOMPARE(seen.header("x-custom"), QByteArray("1"));
    QCOMPARE(seen.header("content-type"), QByteArray("application/json"));
}

void tst_CurlTransport::gzipBothWays()
{
    ContractResponse csv = ContractResponse::chunked(200, "text/csv", {QByteArray("a,b\r\n").repeated(2000), "end\r\n"});
    csv.compression = ContractCompression::GzipIfAccepted;
    m_server->on("POST", "/api/v2/query", csv);
    HttpRequest request = requestTo(m_server->url("/api/v2/query?org=x"), HttpMethod::Post);
    request.body = QByteArray(R"j({"query":"from(bucket:\"efd\")"})j").repeated(50);
    request.gzipBody = true;
    Collected c;
    const HttpResult r = m_transport.perform(request, c.sink());
    QVERIFY2(r.succeeded(), qPrintable(r.transportError));
    QCOMPARE(c.bytes, QByteArray("a,b\r\n").repeated(2000) + "end\r\n");
    QCOMPARE(r.response.header("content-encoding"), QByteArray("gzip"));
    const ContractRequest seen = m_server->requests().at(0);
    QCOMPARE(seen.header("content-encoding"), QByteArray("gzip"));
    QVERIFY(GzipCodec::looksLikeGzip(seen.rawBody));
    QCOMPARE(seen.body, request.body);
    QVERIFY(seen.header("accept-encoding").contains("gzip"));

    request.acceptGzip = false;
    request.gzipBody = false;
    Collected plain;
    QVERIFY(m_transport.perform(request, plain.sink()).succeeded());
    QCOMPARE(plain.bytes, c.bytes);
    QVERIFY(m_server->requests().at(1).header("accept-encoding").isEmpty());
}

void tst_CurlTransport::followsRedirectsWithinLimit()
{
    m_server->on("GET", "/old", ContractResponse::text(301, "moved").header("Location", "/new"));
    m_server->on("GET", "/new", ContractResponse::text(200, "here"));
    m_server->on("GET", "/loop", ContractResponse::text(302, "again").header("Location", "/loop"));
    HttpRequest request = requestTo(m_server->url("/old"));
    const HttpResult r = m_transport.perform(request);
    QVERIFY(r.succeeded());
    QCOMPARE(r.response.body, QByteArray("here"));
    QCOMPARE(r.response.effectiveUrl, m_server->url("/new"));
    QCOMPARE(r.response.headers.size(), std::size_t(2)); // only the final response's headers

    request.maxRedirects = 0;
    const HttpResult stay = m_transport.perform(request);
    QCOMPARE(stay.response.status, 301);
    QCOMPARE(stay.response.body, QByteArray("moved"));

    request = requestTo(m_server->url("/loop"));
    request.maxRedirects = 3;
    const HttpResult loop = m_transport.perform(request);
    QCOMPARE(loop.errorKind, HttpErrorKind::Transport);
    QVERIFY2(loop.transportError.contains("redirect", Qt::CaseInsensitive), qPrintable(loop.transportError));
}

void tst_CurlTransport::reusesConnections()
{
    m_server->on("GET", "/ping", ContractResponse::noContent());
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_transport.perform(requestTo(m_server->url("/ping"))).succeeded());
    QCOMPARE(m_server->connectionCount(), 1);
}

void tst_CurlTransport::reportsProgress()
{
    const QByteArray big(3 * 1024 * 1024, 'p');
    ContractResponse r = ContractResponse::text(200, big);
    r.chunks = {{big.left(big.size() / 2), milliseconds(0)}, {big.mid(big.size() / 2), milliseconds(250)}};
    m_server->on("GET", "/big", r);
    std::vector<HttpProgress> seen;
    Collected c;
    QVERIFY(m_transport.perform(requestTo(m_server->url("/big")), c.sink(),
                                [&seen](const HttpProgress &p) { seen.push_back(p); }).succeeded());
    QVERIFY(seen.size() >= 2);
    QCOMPARE(seen.back().bytesReceived, qint64(big.size()));
    QCOMPARE(seen.back().bytesExpected, qint64(big.size()));
    for (std::size_t i = 1; i < seen.size(); ++i)
        QVERIFY(seen[i].bytesReceived >= seen[i - 1].bytesReceived);
}

void tst_CurlTransport::failsToConnect()
{
    const QString url = m_server->url("/ping");
    m_server->stop(); // nothing listens on that port now
    const HttpResult r = m_transport.perform(requestTo(url));
    QCOMPARE(r.errorKind, HttpErrorKind::Transport);
    QCOMPARE(r.response.status, 0);
    QVERIFY(!r.transportError.isEmpty());
}

void tst_CurlTransport::detectsStallQuickly()
{
    ContractResponse stall = ContractResponse::chunked(200, "text/csv", {"first\r\n", "second\r\n"});
    stall.fault = ContractFault::StallMidBody;
    stall.stall = milliseconds(20'000);
    m_server->on("GET", "/stall", stall);
    HttpRequest request = requestTo(m_server->url("/stall"));
    request.stallTimeout = milliseconds(300);
    QElapsedTimer t;
    t.start();
    Collected c;
    const HttpResult r = m_transport.perform(request, c.sink());
    QCOMPARE(r.errorKind, HttpErrorKind::Timeout);
    QVERIFY2(r.transportError.contains("300 ms"), qPrintable(r.transportError));
    QVERIFY2(t.elapsed() >= 250 && t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
    QVERIFY(!c.bytes.isEmpty());
}

void tst_CurlTransport::honoursTotalTimeout()
{
    ContractResponse slow = ContractResponse::text(200, "late");
    slow.delayBeforeHeaders = milliseconds(5000);
    m_server->on("GET", "/slow", slow);
    HttpRequest request = requestTo(m_server->url("/slow"));
    request.totalTimeout = milliseconds(300);
    QElapsedTimer t;
    t.start();
    const HttpResult r = m_transport.perform(request);
    QCOMPARE(r.errorKind, HttpErrorKind::Timeout);
    QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
}

void tst_CurlTransport::cancelsMidStream()
{
    auto count = std::make_shared<int>(0);
    ContractResponse endless;
    endless.producer = [count] {
        std::this_thread::sleep_for(milliseconds(5));
        return ++*count < 100'000 ? QByteArray("row\r\n") : QByteArray();
    };
    m_server->on("GET", "/endless", endless);
    CancelToken cancel;
    std::atomic<qint64> cancelledAt{0};
    QElapsedTimer t;
    t.start();
    Collected c;
    std::thread presser([&] {
        std::this_thread::sleep_for(milliseconds(200));
        cancelledAt = t.elapsed();
        cancel.cancel();
    });
    const HttpResult r = m_transport.perform(requestTo(m_server->url("/endless")), c.sink(), {}, cancel);
    const qint64 returnedAt = t.elapsed();
    presser.join();
    QCOMPARE(r.errorKind, HttpErrorKind::Cancelled);
    QVERIFY(!c.bytes.isEmpty());
    QVERIFY2(returnedAt - cancelledAt < 500, qPrintable(QString::number(returnedAt - cancelledAt)));

    CancelToken already;
    already.cancel();
    QCOMPARE(m_transport.perform(requestTo(m_server->url("/endless")), {}, {}, already).errorKind, HttpErrorKind::Cancelled);
}

void tst_CurlTransport::sinkCanStopTransfer()
{
    m_server->on("GET", "/big", ContractResponse::chunked(200, "text/plain", {"aaaa", "bbbb", "cccc"}, milliseconds(20)));
    int calls = 0;
    const HttpResult r = m_transport.perform(requestTo(m_server->url("/big")), [&calls](const char *, std::size_t) {
        return ++calls < 2;
    });
    QCOMPARE(r.errorKind, HttpErrorKind::Aborted);
    QCOMPARE(calls, 2);
    const HttpResult thrown = m_transport.perform(requestTo(m_server->url("/big")), [](const char *, std::size_t) -> bool {
        throw std::runtime_error("parser exploded");
    });
    QCOMPARE(thrown.errorKind, HttpErrorKind::Aborted);
    QVERIFY(thrown.transportError.contains("exception"));
}

void tst_CurlTransport::reportsBrokenBodies_data()
{
    QTest::addColumn<int>("fault");
    QTest::addColumn<int>("framing");
    QTest::newRow("truncated content-length") << int(ContractFault::TruncateBody) << int(ContractFraming::ContentLength);
    QTest::newRow("truncated chunked") << int(ContractFault::TruncateBody) << int(ContractFraming::Chunked);
    QTest::newRow("reset") << int(ContractFault::ResetMidBody) << int(ContractFraming::ContentLength);
    QTest::newRow("closed without answer") << int(ContractFault::CloseWithoutResponse) << int(ContractFraming::ContentLength);
}

void tst_CurlTransport::reportsBrokenBodies()
{
    QFETCH(int, fault);
    QFETCH(int, framing);
    ContractResponse broken = ContractResponse::text(200, QByteArray(10'000, 'z'));
    broken.fault = static_cast<ContractFault>(fault);
    broken.framing = static_cast<ContractFraming>(framing);
    m_server->on("GET", "/broken", broken);
    const HttpResult r = m_transport.perform(requestTo(m_server->url("/broken")));
    QCOMPARE(r.errorKind, HttpErrorKind::Transport);
    QVERIFY(!r.transportError.isEmpty());
    // The transport must still work afterwards (the broken handle is not reused).
    m_server->on("GET", "/ok", ContractResponse::text(200, "fine"));
    QCOMPARE(m_transport.perform(requestTo(m_server->url("/ok"))).response.body, QByteArray("fine"));
}

void tst_CurlTransport::servesManyThreadsAtOnce()
{
    m_server->on("GET", "/n/*", [](const ContractRequest &r) { return ContractResponse::text(200, r.path.toUtf8()); });
    constexpr int kThreads = 6;
    constexpr int kEach = 15;
    std::atomic<int> good{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i) {
                const QString path = QStringLiteral("/n/%1-%2").arg(t).arg(i);
                const HttpResult r = m_transport.perform(requestTo(m_server->url(path)));
                if (r.succeeded() && r.response.body == path.toUtf8())
                    ++good;
            }
        });
    for (auto &t : threads)
        t.join();
    QCOMPARE(good.load(), kThreads * kEach);
    QVERIFY(m_server->connectionCount() <= kThreads + 2);
}

void tst_CurlTransport::messagesReadWellEndToEnd()
{
    m_server->on("GET", "/query", ContractResponse::json(401, R"({"error":"authorization failed"})"));
    HttpRequest request = requestTo(m_server->url("/query?u=reader&p=hunter2&q=SHOW%20DATABASES"));
    const HttpResult r = m_transport.perform(request);
    const Failure f = HttpFailure::from(request, r);
    QCOMPARE(f.httpStatus, 401);
    QVERIFY2(f.message.contains("HTTP 401 Unauthorized: authorization failed"), qPrintable(f.message));
    QVERIFY2(!f.message.contains("hunter2"), qPrintable(f.message));
    QVERIFY(!r.response.effectiveUrl.contains("hunter2"));
}

void tst_CurlTransport::usesProxyButNeverForLoopback()
{
    // The contract server plays the site proxy: a request for a remote host reaches it in
    // absolute form, so no packet leaves the machine.
    m_server->on("GET", "/ping", ContractResponse::noContent());
    const QByteArray saved = qgetenv("http_proxy");
    qputenv("http_proxy", m_server->baseUrl().toUtf8());
    const HttpResult viaProxy = m_transport.perform(requestTo("http://influxdb.example.org:8086/ping"));
    const HttpResult direct = m_transport.perform(requestTo(m_server->url("/ping")));
    qputenv("http_proxy", "http://127.0.0.1:9"); // a dead proxy must not matter for loopback
    const HttpResult stillDirect = m_transport.perform(requestTo(m_server->url("/ping")));
    if (saved.isEmpty())
        qunsetenv("http_proxy");
    else
        qputenv("http_proxy", saved);

    QVERIFY2(viaProxy.succeeded(), qPrintable(viaProxy.transportError));
    QVERIFY2(direct.succeeded(), qPrintable(direct.transportError));
    QVERIFY2(stillDirect.succeeded(), qPrintable(stillDirect.transportError));
    const auto seen = m_server->requests();
    QCOMPARE(seen.size(), std::size_t(3));
    QCOMPARE(seen[0].target, QByteArray("http://influxdb.example.org:8086/ping"));
    QCOMPARE(seen[0].path, QStringLiteral("/ping"));
    QCOMPARE(seen[1].target, QByteArray("/ping"));
    QCOMPARE(seen[2].target, QByteArray("/ping"));
}

QTEST_GUILESS_MAIN(tst_CurlTransport)
#include "tst_curltransport.moc"
