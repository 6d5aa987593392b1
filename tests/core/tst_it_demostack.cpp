// SPDX-License-Identifier: GPL-3.0-or-later
// DemoStack, the GUI's --demo facade, with real influxd servers: signals, the cached data
// directory (reuse and top-up, lock), failures, and that nothing keeps running after it.
#include "core/demo/DemoDataCache.h"
#include "core/demo/DemoStack.h"
#include "core/http/CurlTransport.h"
#include "core/http/UrlBuilder.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sasquatch;
using namespace std::chrono_literals;

namespace {

constexpr int kTimeoutMs = 120'000; // generous: the machine is shared with builds

int pingStatus(const QString &url)
{
    CurlTransport http;
    HttpRequest request;
    request.url = url + QStringLiteral("/ping");
    request.connectTimeout = 2s;
    request.totalTimeout = 5s;
    return http.perform(request).response.status;
}

int count(const QString &url, const QString &q)
{
    CurlTransport http;
    HttpRequest request;
    request.url = UrlBuilder::fromBase(url)->path(QStringLiteral("/query")).query(QStringLiteral("db"), QStringLiteral("efd"))
                      .query(QStringLiteral("q"), q).toString();
    const QByteArray body = http.perform(request).response.body;
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("results")).toArray().at(0).toObject()
        .value(QStringLiteral("series")).toArray().at(0).toObject().value(QStringLiteral("values")).toArray()
        .at(0).toArray().at(1).toInt();
}

DemoSeedOptions shortHistory()
{
    DemoSeedOptions o;
    o.level = DemoSeedLevel::Full;
    o.m1m3History = 6s;
    o.telemetryHistory = 20s;
    o.heartbeatHistory = 5s;
    return o;
}

} // namespace

class tst_DemoStack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void temporaryStorageSignalsAndStops();
    void cachedDirectoryIsReusedAndToppedUp();
    void busyCacheFallsBackToTemporary();
    void missingInfluxdFails();
    void destructorStopsTheServer();
};

void tst_DemoStack::temporaryStorageSignalsAndStops()
{
    DemoStack stack;
    stack.setStorage(DemoStorage::Temporary);
    stack.setSeedLevel(DemoSeedLevel::Catalog);
    QSignalSpy ready(&stack, &DemoStack::ready);
    QSignalSpy finished(&stack, &DemoStack::seedFinished);
    QSignalSpy progress(&stack, &DemoStack::progressChanged);
    QSignalSpy failed(&stack, &DemoStack::failed);
    QSignalSpy stopped(&stack, &DemoStack::stopped);
    stack.start();
    QVERIFY(stack.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, kTimeoutMs);
    const QString url = ready.at(0).at(0).toString();
    QCOMPARE(stack.url(), url);
    QCOMPARE(pingStatus(url), 204);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
    QVERIFY(finished.at(0).at(1).toLongLong() > 70'000);
    QVERIFY(progress.count() >= 2);
    QCOMPARE(progress.last().at(0).toDouble(), 1.0);
    QCOMPARE(failed.count(), 0);
    stack.stop();
    QVERIFY(!stack.isRunning());
    QCOMPARE(pingStatus(url), 0); // nothing listens any more
    QTRY_COMPARE(stopped.count(), 1);
}

void tst_DemoStack::cachedDirectoryIsReusedAndToppedUp()
{
    QTemporaryDir cacheRoot;
    const QString cacheDir = cacheRoot.filePath(QStringLiteral("demo-influxdb-1"));
    DemoDataCache cache(cacheDir);

    DemoStack first;
    first.setCacheDirectory(cacheDir);
    first.setSeedOptions(shortHistory());
    QSignalSpy finished1(&first, &DemoStack::seedFinished);
    first.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished1.count(), 1, kTimeoutMs);
    const qint64 coldValues = finished1.at(0).at(1).toLongLong();
    const QString url1 = first.url();
    const int forcesAfterCold = count(url1, QStringLiteral("SELECT count(zForce0) FROM \"lsst.sal.MTM1M3.forceActuatorData\""));
    first.stop();
    const std::optional<DemoDataCache::Marker> marker1 = cache.readMarker();
    QVERIFY(marker1.has_value());
    QVERIFY(QFileInfo::exists(cacheDir + QStringLiteral("/data/efd")));

    QTest::qWait(1500); // a gap for the top-up to fill
    DemoStack second;
    second.setCacheDirectory(cacheDir);
    second.setSeedOptions(shortHistory());
    QSignalSpy finished2(&second, &DemoStack::seedFinished);
    second.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished2.count(), 1, kTimeoutMs);
    const qint64 topUpValues = finished2.at(0).at(1).toLongLong();
    QVERIFY2(topUpValues < coldValues, qPrintable(QStringLiteral("%1 vs %2").arg(topUpValues).arg(coldValues)));
    // The forces written the first time are still there, and the gap has been filled.
    const int forcesAfterTopUp = count(second.url(), QStringLiteral("SELECT count(zForce0) FROM \"lsst.sal.MTM1M3.forceActuatorData\""));
    QVERIFY2(forcesAfterTopUp > forcesAfterCold, qPrintable(QStringLiteral("%1 vs %2").arg(forcesAfterTopUp).arg(forcesAfterCold)));
    second.stop();
    const std::optional<DemoDataCache::Marker> marker2 = cache.readMarker();
    QVERIFY(marker2.has_value());
    QCOMPARE(marker2->anchorMs, marker1->anchorMs); // the story goes on
    QVERIFY(marker2->seededUntilMs > marker1->seededUntilMs);

    // A marker for another catalog means the directory is rebuilt, not reused.
    DemoDataCache::Marker foreign = *marker2;
    foreign.catalogFingerprint = "0000000000000000000000000000000000000000";
    QVERIFY(cache.writeMarker(foreign));
    DemoStack third;
    third.setCacheDirectory(cacheDir);
    third.setSeedOptions(shortHistory());
    QSignalSpy finished3(&third, &DemoStack::seedFinished);
    third.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished3.count(), 1, kTimeoutMs);
    const int rebuilt = count(third.url(), QStringLiteral("SELECT count(zForce0) FROM \"lsst.sal.MTM1M3.forceActuatorData\""));
    QVERIFY2(rebuilt == 6 * 50 || rebuilt == 6 * 50 + 1, qPrintable(QString::number(rebuilt))); // only the new 6 s
    third.stop();
    QVERIFY(cache.readMarker()->anchorMs != marker1->anchorMs);
}

void tst_DemoStack::busyCacheFallsBackToTemporary()
{
    QTemporaryDir cacheRoot;
    const QString cacheDir = cacheRoot.filePath(QStringLiteral("demo"));
    DemoDataCache holder(cacheDir);
    QVERIFY(holder.lock()); // another running application

    DemoStack stack;
    stack.setCacheDirectory(cacheDir);
    stack.setSeedLevel(DemoSeedLevel::Catalog);
    QSignalSpy ready(&stack, &DemoStack::ready);
    QSignalSpy failed(&stack, &DemoStack::failed);
    stack.start();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, kTimeoutMs);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!QFileInfo::exists(cacheDir + QStringLiteral("/influxd.conf"))); // it did not touch the held cache
    stack.stop();
}

void tst_DemoStack::missingInfluxdFails()
{
    qputenv("SASQUATCH_INFLUXD", "/nonexistent/influxd");
    DemoStack stack;
    stack.setStorage(DemoStorage::Temporary);
    QSignalSpy failed(&stack, &DemoStack::failed);
    QSignalSpy ready(&stack, &DemoStack::ready);
    stack.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kTimeoutMs);
    qunsetenv("SASQUATCH_INFLUXD");
    QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("SASQUATCH_INFLUXD")),
             qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(ready.count(), 0);
    QTRY_VERIFY(!stack.isRunning()); // the worker ended by itself

    // After a failure, start() tries again (and now succeeds).
    stack.setSeedLevel(DemoSeedLevel::Catalog);
    stack.start();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, kTimeoutMs);
    stack.stop();
}

void tst_DemoStack::destructorStopsTheServer()
{
    QString url;
    {
        DemoStack stack;
        stack.setStorage(DemoStorage::Temporary);
        stack.setSeedLevel(DemoSeedLevel::Catalog);
        QSignalSpy ready(&stack, &DemoStack::ready);
        stack.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, kTimeoutMs);
        url = stack.url();
        QCOMPARE(pingStatus(url), 204);
    }
    QCOMPARE(pingStatus(url), 0);
}

QTEST_GUILESS_MAIN(tst_DemoStack)
#include "tst_it_demostack.moc"
