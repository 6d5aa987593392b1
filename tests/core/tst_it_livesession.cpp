// SPDX-License-Identifier: GPL-3.0-or-later
// History stitched to live, end to end: the demo simulator publishes M1M3 forces to the
// in-process Kafka cluster and writes them to the influxd fixture; a LiveSession backfills
// from InfluxDB, tails Kafka and must end with every 20 ms sample exactly once — no
// duplicate at the seam, no gap — with the values InfluxDB has.
#include "core/demo/DemoCatalog.h"
#include "core/demo/DemoInfluxWriter.h"
#include "core/demo/DemoMockCluster.h"
#include "core/demo/DemoTelemetrySimulator.h"
#include "core/http/CurlTransport.h"
#include "core/kafka/MemorySchemaSource.h"
#include "core/series/LiveSession.h"
#include "tests/support/InfluxFixture.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace sasquatch;
using namespace sasquatch::test;
using namespace std::chrono_literals;

namespace {
const QString kForces = QStringLiteral("lsst.sal.MTM1M3.forceActuatorData");
}

class tst_LiveSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void historyThenLiveWithoutDuplicateOrGap_data();
    void historyThenLiveWithoutDuplicateOrGap();
    void refusesNothingToTail();
};

void tst_LiveSession::historyThenLiveWithoutDuplicateOrGap_data()
{
    QTest::addColumn<int>("influxFlushMs");
    QTest::addColumn<int>("lastMessages"); // start with the last N messages (0: from now)
    // From now: live starts after history ends, by the sink's delay (close behind Kafka, or
    // lagging by 1.5 s), so the gap is queried and filled. With the last 250 messages (5 s)
    // live starts before history ends: the overlap is dropped at the seam.
    QTest::newRow("from now, sink in step") << 100 << 0;
    QTest::newRow("from now, sink lagging") << 1500 << 0;
    QTest::newRow("last 250 messages: overlap") << 100 << 250;
}

void tst_LiveSession::historyThenLiveWithoutDuplicateOrGap()
{
    QFETCH(int, influxFlushMs);
    QFETCH(int, lastMessages);
    const QString url = InfluxFixture::url();
    if (url.isEmpty())
        return;
    const DemoCatalog &catalog = DemoCatalog::instance();
    const DemoTopic *forces = catalog.topic(kForces);
    QVERIFY(forces);
    auto cluster = DemoMockCluster::start();
    QVERIFY2(cluster, qPrintable(cluster.error()));
    const QString database = QStringLiteral("livesession_test");
    auto http = std::make_shared<CurlTransport>();
    DemoInfluxWriter admin(http, url);
    QVERIFY(admin.execute(QStringLiteral("DROP DATABASE ") + database));
    QVERIFY(admin.execute(QStringLiteral("CREATE DATABASE ") + database));

    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    DemoSimulatorOptions options;
    options.bootstrap = (*cluster)->bootstraps();
    options.cluster = cluster->get();
    options.influxUrl = url;
    options.influxDatabase = database;
    options.http = http;
    options.startMs = now - 20'000; // 20 s of history at once
    options.events = false;
    options.influxFlush = std::chrono::milliseconds(influxFlushMs);
    options.streams = {{forces, 0, 20, 0}};
    DemoTelemetrySimulator simulator(catalog, options);
    QVERIFY(simulator.start());
    QTest::qWait(2 * influxFlushMs + 2500); // history is in InfluxDB

    SeriesStore store;
    LiveSession session(store, http);
    ConnectionProfile profile;
    profile.name = QStringLiteral("test");
    profile.influxUrl = url;
    profile.api = ApiFlavour::V1;
    profile.database = database;
    session.setHistorySource(profile, {});
    auto schemas = DemoTelemetrySimulator::schemaSource(catalog);
    KafkaConsumerConfig kafka;
    kafka.bootstrapServers = options.bootstrap;
    kafka.tls = false;
    kafka.schemas = schemas;
    if (lastMessages > 0)
        kafka.start = KafkaStartPosition{KafkaStartMode::LastN, lastMessages};
    session.setKafkaConfig(kafka);
    session.setWindow(60'000'000'000);
    session.setGapFillDelay(std::chrono::milliseconds(influxFlushMs + 1000));
    session.setFields({{kForces, {QStringLiteral("zForce0"), QStringLiteral("zForce155"), QStringLiteral("fz")}}});
    QSignalSpy backfilled(&session, &LiveSession::backfillFinished);
    QSignalSpy appended(&session, &LiveSession::samplesAppended);
    const Outcome<Done> started = session.start();
    QVERIFY2(started, qPrintable(started.error()));
    QVERIFY(backfilled.wait(20'000));
    QTest::qWait(3 * influxFlushMs + 3000); // live, and the gap query if any
    session.stop();
    simulator.stop();
    QVERIFY2(simulator.lastError().isEmpty(), qPrintable(simulator.lastError()));

    const std::vector<LiveTopicStatus> status = session.status();
    QCOMPARE(status.size(), std::size_t(1));
    const LiveTopicStatus &s = status.front();
    QVERIFY2(s.historyError.isEmpty(), qPrintable(s.historyError));
    QVERIFY2(s.historyRows >= 200, qPrintable(QString::number(s.historyRows)));
    QVERIFY2(s.seam.kept >= 50, qPrintable(QString::number(s.seam.kept)));
    QCOMPARE(s.seam.late, 0);
    if (lastMessages > 0)
        QVERIFY2(s.seam.overlap > 0, "live began inside the history: the seam dropped the overlap");
    qInfo("history %lld rows, gap %lld rows, live kept %lld, overlap %lld, duplicate %lld; kafka %lld messages",
          (long long)s.historyRows, (long long)s.gapRows, (long long)s.seam.kept, (long long)s.seam.overlap,
          (long long)s.seam.duplicate, (long long)s.kafka.messages);

    for (const char *field : {"zForce0", "zForce155", "fz"}) {
        const std::optional<SeriesId> id = store.find(SeriesKey{kForces.toStdString(), field, {}});
        QVERIFY2(id, field);
        const std::span<const std::int64_t> times = store.times(*id);
        QVERIFY2(times.size() >= std::size_t(s.historyRows),
                 qPrintable(QStringLiteral("%1: %2 samples in the store, %3 history rows")
                                .arg(QLatin1String(field))
                                .arg(times.size())
                                .arg(s.historyRows)));
        // Every 20 ms sample from the first to the last, each once.
        for (std::size_t i = 1; i < times.size(); ++i)
            QVERIFY2(times[i] - times[i - 1] == 20'000'000,
                     qPrintable(QStringLiteral("%1: %2 ms between samples %3 and %4 (%5 samples)")
                                    .arg(QLatin1String(field))
                                    .arg((times[i] - times[i - 1]) / 1e6)
                                    .arg(i - 1)
                                    .arg(i)
                                    .arg(times.size())));
    }
    // The values are InfluxDB's: the sink wrote what Kafka carried.
    const SeriesId z0 = *store.find(SeriesKey{kForces.toStdString(), "zForce0", {}});
    QCOMPARE(store.values(z0).size(), store.times(z0).size());
    QVERIFY(admin.execute(QStringLiteral("DROP DATABASE ") + database));
}

void tst_LiveSession::refusesNothingToTail()
{
    SeriesStore store;
    LiveSession session(store, std::make_shared<CurlTransport>());
    const Outcome<Done> started = session.start();
    QVERIFY(!started);
    QVERIFY2(started.error().contains(QStringLiteral("Nothing to tail")), qPrintable(started.error()));
    QVERIFY(!session.isRunning());
}

QTEST_GUILESS_MAIN(tst_LiveSession)
#include "tst_it_livesession.moc"
