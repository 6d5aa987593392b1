// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/RetryingTransport.h"

#include "core/http/CurlTransport.h"
#include "tests/support/ContractHttpServer.h"
#include "tests/support/ScriptedTransport.h"

#include <QElapsedTimer>
#include <QTest>

#include <thread>

using namespace sasquatch;
using sasquatch::test::ScriptedTransport;
using std::chrono::milliseconds;

namespace {

struct Harness
{
    std::shared_ptr<ScriptedTransport> script = std::make_shared<ScriptedTransport>();
    std::vector<milliseconds> waits;
    std::vector<RetryEvent> events;
    RetryingTransport transport;

    explicit Harness(RetryPolicy policy) : transport(script, policy)
    {
        transport.setSleeper([this](milliseconds d, const CancelToken &) {
            waits.push_back(d);
            return true;
        });
        transport.setRandomSource([] { return 0.5; });
        transport.setRetryObserver([this](const RetryEvent &e) { events.push_back(e); });
    }
};

RetryPolicy quickPolicy(int attempts)
{
    RetryPolicy p;
    p.maxAttempts = attempts;
    p.initialDelay = milliseconds(10);
    p.multiplier = 2.0;
    p.jitter = 0.0;
    return p;
}

HttpRequest get(const QString &url)
{
    HttpRequest r;
    r.url = url;
    return r;
}

} // namespace

class tst_RetryingTransport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void succeedsAfterTransientFailures();
    void givesUpAfterMaxAttempts();
    void returnsNonRetryableAtOnce();
    void neverRetriesAfterBodyReachedSink();
    void retriesErrorStatusEvenWithSink();
    void respectsMethodPolicy();
    void stopsWhenRetryAfterTooLong();
    void cancelDuringWaitStops();
    void realSleeperWaitsAndCancels();
    void missingInnerTransportFails();
    void retriesOverRealHttp();
};

void tst_RetryingTransport::succeedsAfterTransientFailures()
{
    Harness h(quickPolicy(4));
    h.script->enqueueError(HttpErrorKind::Transport, "Couldn't connect to server");
    h.script->enqueueResponse(503, "restarting");
    h.script->enqueueResponse(200, "ok-body");
    QByteArray got;
    const HttpResult r = h.transport.perform(get("http://h/ping"), [&got](const char *d, std::size_t n) {
        got.append(d, qsizetype(n));
        return true;
    });
    QVERIFY(r.succeeded());
    QCOMPARE(got, QByteArray("ok-body"));
    QCOMPARE(h.script->callCount(), 3);
    QCOMPARE(h.waits, (std::vector<milliseconds>{milliseconds(10), milliseconds(20)}));
    QCOMPARE(h.events.size(), std::size_t(2));
    QCOMPARE(h.events[0].nextAttempt, 2);
    QCOMPARE(h.events[0].errorKind, HttpErrorKind::Transport);
    QCOMPARE(h.events[0].reason, QStringLiteral("Couldn't connect to server"));
    QCOMPARE(h.events[1].status, 503);
    QCOMPARE(h.events[1].maxAttempts, 4);
}

void tst_RetryingTransport::givesUpAfterMaxAttempts()
{
    Harness h(quickPolicy(3));
    for (int i = 0; i < 5; ++i)
        h.script->enqueueError(HttpErrorKind::Transport, "Connection refused");
    const HttpResult r = h.transport.perform(get("http://h/ping"));
    QCOMPARE(r.errorKind, HttpErrorKind::Transport);
    QCOMPARE(r.transportError, QStringLiteral("Connection refused (gave up after 3 attempts)"));
    QCOMPARE(h.script->callCount(), 3);
    QCOMPARE(h.waits.size(), std::size_t(2));

    Harness statuses(quickPolicy(2));
    statuses.script->enqueueResponse(502, "bad gateway");
    statuses.script->enqueueResponse(502, "still bad");
    const HttpResult s = statuses.transport.perform(get("http://h/ping"));
    QCOMPARE(s.response.status, 502);
    QCOMPARE(s.response.body, QByteArray("still bad"));
    QCOMPARE(statuses.script->callCount(), 2);
}

void tst_RetryingTransport::returnsNonRetryableAtOnce()
{
    Harness h(quickPolicy(5));
    h.script->enqueueResponse(401, R"({"error":"authorization failed"})");
    const HttpResult r = h.transport.perform(get("http://h/query"));
    QCOMPARE(r.response.status, 401);
    QCOMPARE(h.script->callCount(), 1);
    QVERIFY(h.waits.empty());
}

void tst_RetryingTransport::neverRetriesAfterBodyReachedSink()
{
    // A streamed response whose connection breaks after the first rows reached the parser:
    // sending the request again would feed those rows twice.
    Harness h(quickPolicy(5));
    ScriptedTransport::Reply broken;
    broken.result.response.status = 200;
    broken.result.errorKind = HttpErrorKind::Transport;
    broken.result.transportError = "Connection reset by peer";
    broken.pieces = {"#datatype,string,long\r\n"};
    h.script->enqueue(broken);
    h.script->enqueueResponse(200, "second copy");
    QByteArray got;
    const HttpResult r = h.transport.perform(get("http://h/api/v2/query"), [&got](const char *d, std::size_t n) {
        got.append(d, qsizetype(n));
        return true;
    });
    QCOMPARE(r.errorKind, HttpErrorKind::Transport);
    QCOMPARE(got, QByteArray("#datatype,string,long\r\n"));
    QCOMPARE(h.script->callCount(), 1);

    // The same break before any byte arrived is retried.
    Harness early(quickPolicy(5));
    early.script->enqueueError(HttpErrorKind::Transport, "Connection reset by peer");
    early.script->enqueueResponse(200, "whole");
    got.clear();
    QVERIFY(early.transport.perform(get("http://h/api/v2/query"), [&got](const char *d, std::size_t n) {
        got.append(d, qsizetype(n));
        return true;
    }).succeeded());
    QCOMPARE(got, QByteArray("whole"));

    // A sink that asks to stop is obeyed, not retried.
    Harness stop(quickPolicy(5));
    stop.script->enqueueResponse(200, "too much");
    stop.script->enqueueResponse(200, "again");
    const HttpResult s = stop.transport.perform(get("http://h/x"), [](const char *, std::size_t) { return false; });
    QCOMPARE(s.errorKind, HttpErrorKind::Aborted);
    QCOMPARE(stop.script->callCount(), 1);
}

void tst_RetryingTransport::retriesErrorStatusEvenWithSink()
{
    Harness h(quickPolicy(3));
    h.script->enqueueResponse(503, "busy", {{"retry-after", "0"}});
    h.script->enqueueResponse(200, "fresh");
    QByteArray got;
    const HttpResult r = h.transport.perform(get("http://h/x"), [&got](const char *d, std::size_t n) {
        got.append(d, qsizetype(n));
        return true;
    });
    QVERIFY(r.succeeded());
    QCOMPARE(got, QByteArray("fresh")); // the 503 body never went to the sink
    QCOMPARE(h.waits, std::vector<milliseconds>{milliseconds(0)});
}

void tst_RetryingTransport::respectsMethodPolicy()
{
    HttpRequest post = get("http://h/write");
    post.method = HttpMethod::Post;
    {
        Harness h(quickPolicy(3));
        h.script->enqueueResponse(503, "busy");
        h.script->enqueueResponse(204, "");
        QCOMPARE(h.transport.perform(post).response.status, 503);
        QCOMPARE(h.script->callCount(), 1);
    }
    {
        RetryPolicy p = quickPolicy(3);
        p.methods = RetryMethods::All;
        Harness h(p);
        h.script->enqueueResponse(503, "busy");
        h.script->enqueueResponse(204, "");
        QCOMPARE(h.transport.perform(post).response.status, 204);
        QCOMPARE(h.script->callCount(), 2);
    }
}

void tst_RetryingTransport::stopsWhenRetryAfterTooLong()
{
    RetryPolicy p = quickPolicy(3);
    p.maxDelay = milliseconds(1000);
    Harness h(p);
    h.script->enqueueResponse(429, "slow down", {{"retry-after", "30"}});
    h.script->enqueueResponse(200, "never asked for");
    const HttpResult r = h.transport.perform(get("http://h/x"));
    QCOMPARE(r.response.status, 429);
    QCOMPARE(h.script->callCount(), 1);
}

void tst_RetryingTransport::cancelDuringWaitStops()
{
    Harness h(quickPolicy(3));
    CancelToken cancel;
    h.transport.setSleeper([&cancel](milliseconds, const CancelToken &token) {
        cancel.cancel(); // the user presses Stop while we wait
        return !token.isCancelled();
    });
    h.script->enqueueError(HttpErrorKind::Transport, "refused");
    h.script->enqueueResponse(200, "never");
    const HttpResult r = h.transport.perform(get("http://h/x"), {}, {}, cancel);
    QCOMPARE(r.errorKind, HttpErrorKind::Cancelled);
    QCOMPARE(h.script->callCount(), 1);
}

void tst_RetryingTransport::realSleeperWaitsAndCancels()
{
    QElapsedTimer t;
    t.start();
    QVERIFY(RetryingTransport::sleepUnlessCancelled(milliseconds(60), CancelToken()));
    QVERIFY(t.elapsed() >= 55);

    CancelToken cancel;
    std::thread canceller([cancel] {
        std::this_thread::sleep_for(milliseconds(50));
        cancel.cancel();
    });
    t.restart();
    QVERIFY(!RetryingTransport::sleepUnlessCancelled(milliseconds(10'000), cancel));
    canceller.join();
    QVERIFY2(t.elapsed() < 2000, "cancel must cut the wait short");
}

void tst_RetryingTransport::missingInnerTransportFails()
{
    RetryingTransport t(nullptr);
    const HttpResult r = t.perform(get("http://h/x"));
    QCOMPARE(r.errorKind, HttpErrorKind::Transport);
    QVERIFY(!r.transportError.isEmpty());
}

void tst_RetryingTransport::retriesOverRealHttp()
{
    // End to end: a gateway in front of InfluxDB answers 503 and 502 while it restarts.
    test::ContractHttpServer server;
    QVERIFY(server.start().ok());
    server.onSequence("GET", "/query",
                      {test::ContractResponse::text(503, "restarting").header("Retry-After", "0"),
                       test::ContractResponse::text(502, "<html><title>502 Bad Gateway</title></html>", "text/html"),
                       test::ContractResponse::json(200, R"({"results":[{"statement_id":0}]})")});
    RetryPolicy p = quickPolicy(3);
    RetryingTransport transport(std::make_shared<CurlTransport>(), p);
    std::vector<RetryEvent> events;
    transport.setRetryObserver([&events](const RetryEvent &e) { events.push_back(e); });
    QByteArray got;
    const HttpResult r = transport.perform(get(server.url("/query?q=SHOW%20DATABASES")), [&got](const char *d, std::size_t n) {
        got.append(d, qsizetype(n));
        return true;
    });
    QVERIFY2(r.succeeded(), qPrintable(r.transportError));
    QCOMPARE(got, QByteArray(R"({"results":[{"statement_id":0}]})"));
    QCOMPARE(server.requestCount(), 3);
    QCOMPARE(events.size(), std::size_t(2));
    QCOMPARE(events[0].status, 503);
    QCOMPARE(events[0].delay, milliseconds(0)); // Retry-After: 0 wins over the backoff
    QCOMPARE(events[1].status, 502);
    QCOMPARE(events[1].reason, QStringLiteral("Bad Gateway"));
}

QTEST_GUILESS_MAIN(tst_RetryingTransport)
#include "tst_retryingtransport.moc"
