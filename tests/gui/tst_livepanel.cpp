// SPDX-License-Identifier: GPL-3.0-or-later
// The live panel, offscreen, fed by the demo simulator through librdkafka's in-process mock
// cluster (no history source: live only): start, pause (the view freezes while samples keep
// arriving), resume, stop, the per-topic status and the array view of zForce.
#include "core/demo/DemoCatalog.h"
#include "core/demo/DemoMockCluster.h"
#include "core/demo/DemoTelemetrySimulator.h"
#include "core/http/CurlTransport.h"
#include "core/kafka/MemorySchemaSource.h"
#include "core/series/LiveFieldSpec.h"
#include "core/series/LiveSession.h"
#include "gui/live/LiveArrayView.h"
#include "gui/live/LivePanel.h"
#include "gui/live/LiveStatusTable.h"
#include "gui/plots/PlotPanel.h"
#include "gui/plots/PlotWorkspace.h"

#include <QSignalSpy>
#include <QTest>

using namespace sasquatch;

namespace {
const QString kForces = QStringLiteral("lsst.sal.MTM1M3.forceActuatorData");
const SeriesKey kZ0{"lsst.sal.MTM1M3.forceActuatorData", "zForce0", {}};
}

class tst_LivePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void fieldSpec_data();
    void fieldSpec();
    void startPauseResumeStop();
    void startWithoutFieldsSaysWhy();

private:
    std::unique_ptr<DemoMockCluster> m_cluster;
    std::unique_ptr<DemoTelemetrySimulator> m_simulator;
};

void tst_LivePanel::initTestCase()
{
    auto cluster = DemoMockCluster::start();
    QVERIFY2(cluster, qPrintable(cluster.error()));
    m_cluster = std::move(cluster).value();
    const DemoCatalog &catalog = DemoCatalog::instance();
    DemoSimulatorOptions options;
    options.bootstrap = m_cluster->bootstraps();
    options.cluster = m_cluster.get();
    options.events = false;
    options.streams = {{catalog.topic(kForces), 0, 20, 0}};
    m_simulator = std::make_unique<DemoTelemetrySimulator>(catalog, options);
    const Outcome<Done> started = m_simulator->start();
    QVERIFY2(started, qPrintable(started.error()));
}

void tst_LivePanel::cleanupTestCase()
{
    m_simulator.reset();
    m_cluster.reset();
}

void tst_LivePanel::fieldSpec_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // "topic: f1 f2 … | …" or "error: part of the message"
    QTest::newRow("array and scalar") << QStringLiteral("a.b:x[3],fz") << QStringLiteral("a.b: x0 x1 x2 fz");
    QTest::newRow("two topics") << QStringLiteral("a:f; b:g,h") << QStringLiteral("a: f | b: g h");
    QTest::newRow("repeated field once") << QStringLiteral("a:f,f,x[2],x1") << QStringLiteral("a: f x0 x1");
    QTest::newRow("no colon") << QStringLiteral("a.b") << QStringLiteral("error: expected TOPIC:FIELD");
    QTest::newRow("bad array") << QStringLiteral("a:x[0]") << QStringLiteral("error: an array is NAME[LENGTH]");
    QTest::newRow("no field") << QStringLiteral("a:") << QStringLiteral("error: no field given");
    QTest::newRow("empty") << QString() << QStringLiteral("error: no topic given");
}

void tst_LivePanel::fieldSpec()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const Outcome<std::map<QString, QStringList>> parsed = LiveFieldSpec::parse(text);
    if (expected.startsWith(QLatin1String("error: "))) {
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().contains(expected.mid(7)), qPrintable(parsed.error()));
        return;
    }
    QVERIFY2(parsed, qPrintable(parsed.error()));
    QStringList parts;
    for (const auto &[topic, fields] : *parsed)
        parts.append(topic + QStringLiteral(": ") + fields.join(u' '));
    QCOMPARE(parts.join(QStringLiteral(" | ")), expected);
}

void tst_LivePanel::startPauseResumeStop()
{
    auto http = std::make_shared<CurlTransport>();
    LivePanel panel(http);
    panel.resize(1200, 900);
    panel.show();
    auto schemas = DemoTelemetrySimulator::schemaSource(DemoCatalog::instance());
    panel.setSchemaSource(schemas);
    ConnectionProfile profile;
    profile.name = QStringLiteral("mock");
    profile.kafkaBootstrap = m_cluster->bootstraps();
    profile.kafkaTls = false;
    panel.setConnection(profile, {}, {});
    const auto fields = LiveFieldSpec::parse(kForces + QStringLiteral(":zForce[156],fz"));
    QVERIFY(fields);
    panel.addFields(*fields);

    // Lines for the first elements only; the array view has all 156.
    QCOMPARE(panel.plots()->panels().size(), std::size_t(1));
    QCOMPARE(panel.plots()->panels().front()->series().size(), std::size_t(LivePanel::kMaxPlottedElements + 1));
    QVERIFY(panel.arrayView()->hasArray());
    QCOMPARE(panel.arrayView()->arrayName(), QStringLiteral("zForce"));
    // A profile that is not the demo and no catalog: units unknown until the schema comes.
    PlotPanel *plot = panel.plots()->panels().front();
    QCOMPARE(plot->axisCount(), 1);
    QCOMPARE(plot->axisSpec(0).unit, QString());

    QSignalSpy states(&panel, &LivePanel::stateChanged);
    panel.start();
    QCOMPARE(panel.state(), LivePanel::State::Running);
    SeriesStore &store = panel.plots()->store();
    QTRY_VERIFY_WITH_TIMEOUT(store.find(kZ0) && store.sampleCount(*store.find(kZ0)) > 50, 15000);
    // The status row: a rate, an age, no decode errors (stats come once a second).
    QTRY_VERIFY_WITH_TIMEOUT(!panel.session().status().empty() && panel.session().status().front().kafka.messagesPerSecond > 0, 5000);
    const LiveTopicStatus status = panel.session().status().front();
    QCOMPARE(status.topic, kForces);
    QCOMPARE(status.kafka.decodeErrors, 0);
    QCOMPARE(status.phase, LivePhase::Live);
    // The messages' Avro schema carries the units: the axis is named after them.
    QCOMPARE(plot->axisCount(), 1);
    QCOMPARE(plot->axisSpec(0).unit, QStringLiteral("N"));
    QCOMPARE(plot->valueAxis(0)->label(), QStringLiteral("N"));
    for (const PlotPanel::Series &s : plot->series())
        QCOMPARE(s.spec.unit, QStringLiteral("N"));
    QTRY_COMPARE_WITH_TIMEOUT(panel.statusTable()->rowCount(), 1, 2000);
    QCOMPARE(panel.statusTable()->item(0, LiveStatusTable::Topic)->text(), kForces);
    QCOMPARE(panel.statusTable()->item(0, LiveStatusTable::Errors)->text(), QStringLiteral("0"));
    QTRY_VERIFY_WITH_TIMEOUT(panel.statusTable()->item(0, LiveStatusTable::Rate)->text() != QStringLiteral("0.0"), 2000);
    // The array view: every element's newest value.
    QTRY_VERIFY_WITH_TIMEOUT(!panel.arrayView()->latest().empty() && !std::isnan(panel.arrayView()->latest().back()), 3000);
    QCOMPARE(panel.arrayView()->latest().size(), std::size_t(156));
    const SeriesId z0 = *store.find(kZ0);
    // zForce0's bar is one of its samples.
    const auto z0Values = store.values(z0);
    QVERIFY(std::find(z0Values.begin(), z0Values.end(), panel.arrayView()->latest().front()) != z0Values.end());

    // Pause: the view and the drawing stop, the samples keep coming.
    panel.pause();
    QCOMPARE(panel.state(), LivePanel::State::Paused);
    const TimeView frozen = panel.plots()->view();
    const int redraws = panel.redraws();
    const std::int64_t before = store.sampleCount(z0);
    QTest::qWait(600);
    QVERIFY2(store.sampleCount(z0) > before + 10, "data keeps arriving while paused");
    QCOMPARE(panel.plots()->view(), frozen);
    QCOMPARE(panel.redraws(), redraws);

    // Resume: following the newest sample again.
    panel.resume();
    QCOMPARE(panel.state(), LivePanel::State::Running);
    QTRY_VERIFY_WITH_TIMEOUT(panel.plots()->view().stopNs > frozen.stopNs, 3000);
    QVERIFY(panel.redraws() > redraws);

    // Stop: nothing more arrives.
    panel.stop();
    QCOMPARE(panel.state(), LivePanel::State::Stopped);
    QTest::qWait(100);
    const std::int64_t stopped = store.sampleCount(z0);
    QTest::qWait(400);
    QCOMPARE(store.sampleCount(z0), stopped);
    QCOMPARE(states.size(), 4); // running, paused, running, stopped
}

void tst_LivePanel::startWithoutFieldsSaysWhy()
{
    LivePanel panel(std::make_shared<CurlTransport>());
    QSignalSpy messages(&panel, &LivePanel::message);
    panel.start();
    QCOMPARE(panel.state(), LivePanel::State::Stopped);
    QCOMPARE(messages.size(), 1);
    QVERIFY(messages.at(0).at(0).toString().contains(QStringLiteral("Drop topics or fields")));
}

QTEST_MAIN(tst_LivePanel)
#include "tst_livepanel.moc"
