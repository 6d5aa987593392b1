// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/CurlTransport.h"
#include "core/http/HttpDispatcher.h"
#include "tests/support/ContractHttpServer.h"
#include "tests/support/ScriptedTransport.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

using namespace sasquatch;
using namespace sasquatch::test;
using std::chrono::milliseconds;

namespace {

// Holds every request until released, and counts how many run at once.
class GateTransport final : public HttpTransport
{
public:
    HttpResult perform(const HttpRequest &request, const BodySink &, const ProgressSink &,
                       const CancelToken &cancel) override
    {
        const int now = ++m_inFlight;
        int seen = m_maxInFlight.load();
        while (now > seen && !m_maxInFlight.compare_exchange_weak(seen, now)) {
        }
        ++m_started;
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait_for(lock, std::chrono::seconds(10), [&] { return m_open || cancel.isCancelled(); });
        }
        --m_inFlight;
        HttpResult r;
        if (cancel.isCancelled()) {
            r.errorKind = HttpErrorKind::Cancelled;
            return r;
        }
        r.response.status = 200;
        r.response.body = request.url.toUtf8();
        return r;
    }
    void open()
    {
        {
            std::lock_guard lock(m_mutex);
            m_open = true;
        }
        m_cv.notify_all();
    }
    void poke() { m_cv.notify_all(); } // lets waiting performs re-check their cancel tokens
    int maxInFlight() const { return m_maxInFlight; }
    int started() const { return m_started; }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_open = false;
    std::atomic<int> m_inFlight{0};
    std::atomic<int> m_maxInFlight{0};
    std::atomic<int> m_started{0};
};

struct Results
{
    std::map<quint64, HttpResult> byId;
    std::vector<QThread *> threads;
    void attach(HttpDispatcher &d)
    {
        QObject::connect(&d, &HttpDispatcher::finished, [this](quint64 id, const HttpResult &r) {
            QVERIFY2(byId.count(id) == 0, "finished twice");
            byId[id] = r;
            threads.push_back(QThread::currentThread());
        });
    }
};

HttpRequest get(const QString &url)
{
    HttpRequest r;
    r.url = url;
    return r;
}

} // namespace

class tst_HttpDispatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runsRequestsConcurrentlyUpToLimit();
    void deliversOnOwnerThreadAndSinksOnWorkers();
    void cancelsQueuedAndRunning();
    void reportsProgress();
    void shutdownStopsLongTransfersQuickly();
    void refusesAfterShutdown();
};

void tst_HttpDispatcher::runsRequestsConcurrentlyUpToLimit()
{
    auto gate = std::make_shared<GateTransport>();
    HttpDispatcher dispatcher(gate, 3);
    Results results;
    results.attach(dispatcher);
    std::vector<quint64> ids;
    for (int i = 0; i < 10; ++i)
        ids.push_back(dispatcher.submit(get(QStringLiteral("http://h/%1").arg(i))));
    QCOMPARE(dispatcher.maxConcurrent(), 3);
    QTRY_COMPARE(gate->started(), 3);
    QCOMPARE(dispatcher.pendingCount(), 10);
    gate->open();
    QTRY_COMPARE(results.byId.size(), std::size_t(10));
    QCOMPARE(gate->maxInFlight(), 3);
    for (int i = 0; i < 10; ++i) {
        QVERIFY(ids[std::size_t(i)] != 0);
        QCOMPARE(results.byId[ids[std::size_t(i)]].response.body, QStringLiteral("http://h/%1").arg(i).toUtf8());
    }
    QCOMPARE(dispatcher.pendingCount(), 0);
}

void tst_HttpDispatcher::deliversOnOwnerThreadAndSinksOnWorkers()
{
    auto script = std::make_shared<ScriptedTransport>();
    script->enqueueResponse(200, "abcdef", {}, 2);
    HttpDispatcher dispatcher(script, 2);
    Results results;
    results.attach(dispatcher);
    QByteArray got;
    std::atomic<QThread *> sinkThread{nullptr};
    const quint64 id = dispatcher.submit(get("http://h/x"), [&](const char *d, std::size_t n) {
        sinkThread = QThread::currentThread();
        got.append(d, qsizetype(n));
        return true;
    });
    QTRY_COMPARE(results.byId.size(), std::size_t(1));
    QVERIFY(results.byId[id].succeeded());
    QCOMPARE(got, QByteArray("abcdef"));
    QCOMPARE(results.threads[0], QThread::currentThread());
    QVERIFY(sinkThread.load() != nullptr);
    QVERIFY(sinkThread.load() != QThread::currentThread());
}

void tst_HttpDispatcher::cancelsQueuedAndRunning()
{
    auto gate = std::make_shared<GateTransport>();
    HttpDispatcher dispatcher(gate, 1);
    Results results;
    results.attach(dispatcher);
    const quint64 running = dispatcher.submit(get("http://h/running"));
    const quint64 queued = dispatcher.submit(get("http://h/queued"));
    const quint64 later = dispatcher.submit(get("http://h/later"));
    QTRY_COMPARE(gate->started(), 1);
    dispatcher.cancel(queued);
    dispatcher.cancel(running);
    dispatcher.cancel(987654); // unknown: ignored
    gate->poke();
    QTRY_COMPARE(results.byId.size(), std::size_t(2));
    QCOMPARE(results.byId[queued].errorKind, HttpErrorKind::Cancelled);
    QCOMPARE(results.byId[running].errorKind, HttpErrorKind::Cancelled);
    gate->open();
    QTRY_COMPARE(results.byId.size(), std::size_t(3));
    QVERIFY(results.byId[later].succeeded());
    QCOMPARE(gate->started(), 2); // the queued one never reached the transport
}

void tst_HttpDispatcher::reportsProgress()
{
    ContractHttpServer server;
    QVERIFY(server.start().ok());
    const QByteArray big(2 * 1024 * 1024, 'b');
    ContractResponse r = ContractResponse::text(200, big);
    r.chunks = {{big.left(1024 * 1024), milliseconds(0)}, {big.mid(1024 * 1024), milliseconds(300)}};
    server.on("GET", "/big", r);
    HttpDispatcher dispatcher(std::make_shared<CurlTransport>(), 1);
    Results results;
    results.attach(dispatcher);
    std::vector<HttpProgress> progress;
    connect(&dispatcher, &HttpDispatcher::progressed, this, [&](quint64, const HttpProgress &p) { progress.push_back(p); });
    dispatcher.submit(get(server.url("/big")));
    QTRY_COMPARE_WITH_TIMEOUT(results.byId.size(), std::size_t(1), 10'000);
    QVERIFY(results.byId.begin()->second.succeeded());
    QVERIFY(progress.size() >= 2);
    QCOMPARE(progress.back().bytesReceived, qint64(big.size()));
}

void tst_HttpDispatcher::shutdownStopsLongTransfersQuickly()
{
    ContractHttpServer server;
    QVERIFY(server.start().ok());
    auto count = std::make_shared<std::atomic<int>>(0);
    ContractResponse endless;
    endless.producer = [count] {
        std::this_thread::sleep_for(milliseconds(5));
        return ++*count < 1'000'000 ? QByteArray("row\r\n") : QByteArray();
    };
    server.on("GET", "/endless", endless);
    auto dispatcher = std::make_unique<HttpDispatcher>(std::make_shared<CurlTransport>(), 2);
    Results results;
    results.attach(*dispatcher);
    for (int i = 0; i < 4; ++i)
        dispatcher->submit(get(server.url("/endless")));
    QVERIFY(server.waitForRequests(2, milliseconds(5000)));
    QElapsedTimer t;
    t.start();
    dispatcher.reset();
    QVERIFY2(t.elapsed() < 1500, qPrintable(QString::number(t.elapsed())));
    QCoreApplication::processEvents();
    QVERIFY(results.byId.empty());
}

void tst_HttpDispatcher::refusesAfterShutdown()
{
    HttpDispatcher dispatcher(std::make_shared<ScriptedTransport>(), 1);
    dispatcher.shutdown();
    dispatcher.shutdown();
    Results results;
    results.attach(dispatcher);
    const quint64 id = dispatcher.submit(get("http://h/x"));
    QTRY_COMPARE(results.byId.size(), std::size_t(1));
    QCOMPARE(results.byId[id].errorKind, HttpErrorKind::Cancelled);
    QVERIFY(results.byId[id].transportError.contains("shut down"));

    HttpDispatcher none(nullptr, 1);
    Results r2;
    r2.attach(none);
    none.submit(get("http://h/x"));
    QTRY_COMPARE(r2.byId.size(), std::size_t(1));
    QVERIFY(r2.byId.begin()->second.transportError.contains("no HTTP transport"));
}

QTEST_GUILESS_MAIN(tst_HttpDispatcher)
#include "tst_httpdispatcher.moc"
