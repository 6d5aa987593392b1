// SPDX-License-Identifier: GPL-3.0-or-later
// The demo seeder against real influxd servers: the CTest fixture (seeded by
// sasquatch-influxd-fixture at the Catalog level) for the catalog, and private servers for
// the history, re-runs, cancellation and errors.
#include "core/demo/DemoCatalog.h"
#include "core/demo/DemoSeeder.h"
#include "core/demo/InfluxdProcess.h"
#include "core/http/CurlTransport.h"
#include "core/http/UrlBuilder.h"
#include "tests/support/InfluxFixture.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace sasquatch;
using namespace sasquatch::test;
using namespace std::chrono_literals;

namespace {

/// Runs an InfluxQL query and returns results[0].series (empty on any error, with a warning).
QJsonArray query(const QString &base, const QString &db, const QString &q)
{
    CurlTransport http;
    HttpRequest request;
    request.url = UrlBuilder::fromBase(base)->path(QStringLiteral("/query"))
                      .query(QStringLiteral("db"), db)
                      .query(QStringLiteral("epoch"), QStringLiteral("ms"))
                      .query(QStringLiteral("q"), q)
                      .toString();
    request.totalTimeout = 60s;
    const HttpResult r = http.perform(request);
    if (!r.succeeded()) {
        qWarning("query %s failed: %d %s", qPrintable(q), r.response.status, r.response.body.constData());
        return {};
    }
    const QJsonObject result = QJsonDocument::fromJson(r.response.body).object().value(QStringLiteral("results")).toArray().at(0).toObject();
    if (result.contains(QStringLiteral("error")))
        qWarning("query %s: %s", qPrintable(q), qPrintable(result.value(QStringLiteral("error")).toString()));
    return result.value(QStringLiteral("series")).toArray();
}

QStringList firstColumn(const QJsonArray &series)
{
    QStringList out;
    for (const QJsonValue &s : series)
        for (const QJsonValue &row : s.toObject().value(QStringLiteral("values")).toArray())
            out.append(row.toArray().at(0).toString());
    return out;
}

QJsonArray firstRow(const QJsonArray &series)
{
    return series.at(0).toObject().value(QStringLiteral("values")).toArray().at(0).toArray();
}

QString quoted(const QString &name)
{
    return u'"' + name + u'"';
}

} // namespace

class tst_DemoSeeder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void fixtureHasEveryMeasurement();
    void fixtureHasM1M3FieldKeys();
    void fixtureHasEveryFieldKey();
    void fixtureHasTheOtherDatabases();
    void catalogSeedIsQuickAndReportsProgress();
    void rerunOverwritesInsteadOfDuplicating();
    void historyFollowsTheStory();
    void privateStampsFollowDomain();
    void topUpWritesOnlyTheMissingPart();
    void cancelStops();
    void unreachableServerFailsClearly();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<InfluxdProcess> m_influxd;
};

void tst_DemoSeeder::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_influxd = std::make_unique<InfluxdProcess>();
    const Outcome<Done> started = m_influxd->start({m_dir.filePath(QStringLiteral("influxdb"))});
    QVERIFY2(started, qPrintable(started.error()));
}

void tst_DemoSeeder::cleanupTestCase()
{
    m_influxd.reset();
}

void tst_DemoSeeder::fixtureHasEveryMeasurement()
{
    const QString url = InfluxFixture::url();
    if (url.isEmpty())
        return;
    const DemoCatalog &catalog = DemoCatalog::instance();
    const QStringList measurements = firstColumn(query(url, QStringLiteral("efd"), QStringLiteral("SHOW MEASUREMENTS")));
    QCOMPARE(measurements.size(), qsizetype(catalog.topics().size()));
    const QSet<QString> present(measurements.begin(), measurements.end());
    for (const DemoTopic &t : catalog.topics())
        QVERIFY2(present.contains(t.measurement()), qPrintable(t.measurement()));
}

void tst_DemoSeeder::fixtureHasM1M3FieldKeys()
{
    const QString url = InfluxFixture::url();
    if (url.isEmpty())
        return;
    const QJsonArray series = query(url, QStringLiteral("efd"),
                                    QStringLiteral("SHOW FIELD KEYS FROM \"lsst.sal.MTM1M3.forceActuatorData\""));
    const QJsonArray rows = series.at(0).toObject().value(QStringLiteral("values")).toArray();
    QCOMPARE(rows.size(), 812 + 8);
    QSet<QString> keys;
    for (const QJsonValue &row : rows) {
        keys.insert(row.toArray().at(0).toString());
        const QString name = row.toArray().at(0).toString();
        const QString type = row.toArray().at(1).toString();
        if (name == u"private_seqNum" || name == u"private_origin")
            QCOMPARE(type, QStringLiteral("integer"));
        else if (name == u"private_revCode" || name == u"private_identity")
            QCOMPARE(type, QStringLiteral("string"));
        else
            QVERIFY2(type == u"float", qPrintable(name + u' ' + type));
    }
    const DemoTopic *topic = DemoCatalog::instance().topic(QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"));
    for (const QString &name : topic->flattenedFieldNames())
        QVERIFY2(keys.contains(name), qPrintable(name));
    for (const char *name : {"primaryCylinderForce155", "secondaryCylinderFollowingError111", "xForce11", "yForce99",
                             "zForce0", "forceMagnitude", "timestamp", "private_sndStamp", "private_efdStamp",
                             "private_kafkaStamp", "private_rcvStamp"})
        QVERIFY2(keys.contains(QString::fromLatin1(name)), name);
}

void tst_DemoSeeder::fixtureHasEveryFieldKey()
{
    const QString url = InfluxFixture::url();
    if (url.isEmpty())
        return;
    qint64 keys = 0;
    for (const QJsonValue &s : query(url, QStringLiteral("efd"), QStringLiteral("SHOW FIELD KEYS")))
        keys += s.toObject().value(QStringLiteral("values")).toArray().size();
    QCOMPARE(keys, DemoCatalog::instance().fieldKeyCount());
}

void tst_DemoSeeder::fixtureHasTheOtherDatabases()
{
    const QString url = InfluxFixture::url();
    if (url.isEmpty())
        return;
    const QStringList databases = firstColumn(query(url, QString(), QStringLiteral("SHOW DATABASES")));
    const DemoCatalog &catalog = DemoCatalog::instance();
    for (const QString &db : catalog.databaseNames())
        QVERIFY2(databases.contains(db), qPrintable(db));
    QVERIFY(!databases.contains(QStringLiteral("_internal"))); // the monitor store is off
    for (const DemoDatabase &db : catalog.otherDatabases()) {
        const QStringList measurements = firstColumn(query(url, db.name, QStringLiteral("SHOW MEASUREMENTS")));
        QCOMPARE(measurements.size(), qsizetype(db.measurements.size()));
        const QStringList tagKeys = firstColumn(query(url, db.name, QStringLiteral("SHOW TAG KEYS FROM ") + quoted(db.measurements.front().name)));
        QStringList expected = db.measurements.front().tagKeys;
        expected.sort(); // SHOW TAG KEYS lists them in byte order
        QCOMPARE(tagKeys, expected);
    }
    const QStringList replicas = firstColumn(query(url, QString::fromLatin1(DemoCatalog::kReplicaDatabase), QStringLiteral("SHOW MEASUREMENTS")));
    QCOMPARE(replicas.size(), qsizetype(catalog.replicatedTopics().size()));
    QVERIFY(replicas.contains(QStringLiteral("summit.lsst.sal.MTMount.azimuth")));
}

void tst_DemoSeeder::catalogSeedIsQuickAndReportsProgress()
{
    DemoSeeder seeder(m_influxd->url());
    DemoSeedOptions options;
    options.level = DemoSeedLevel::Catalog;
    int catalogCalls = 0;
    options.catalogWritten = [&] { ++catalogCalls; };
    QList<double> fractions;
    QElapsedTimer timer;
    timer.start();
    const Outcome<DemoSeedReport> report = seeder.seed(options, [&](double f, const QString &) { fractions.append(f); });
    QVERIFY2(report, qPrintable(report.error()));
    qInfo("catalog seed: %lld values in %.2f s (%.0f values/s)", static_cast<long long>(report->values),
          report->seconds, report->valuesPerSecond());
    QVERIFY2(timer.elapsed() < 30'000, "a catalog seed takes a few seconds, even on a busy machine");
    QCOMPARE(catalogCalls, 1);
    QVERIFY(!fractions.isEmpty());
    QCOMPARE(fractions.last(), 1.0);
    for (qsizetype i = 1; i < fractions.size(); ++i)
        QVERIFY(fractions[i] >= fractions[i - 1]);
    QVERIFY(report->values >= DemoCatalog::instance().fieldKeyCount());
    QCOMPARE(firstColumn(query(m_influxd->url(), QStringLiteral("efd"), QStringLiteral("SHOW MEASUREMENTS"))).size(),
             qsizetype(DemoCatalog::instance().topics().size()));
}

void tst_DemoSeeder::rerunOverwritesInsteadOfDuplicating()
{
    QTemporaryDir dir;
    InfluxdProcess influxd;
    QVERIFY(influxd.start({dir.path()}));
    DemoSeeder seeder(influxd.url());
    DemoSeedOptions options;
    options.level = DemoSeedLevel::Catalog;
    options.nowMs = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(seeder.seed(options));
    const QString q = QStringLiteral("SELECT count(heartbeat) FROM \"lsst.sal.ESS.logevent_heartbeat\"");
    const QJsonArray before = firstRow(query(influxd.url(), QStringLiteral("efd"), q));
    QVERIFY(before.at(1).toInt() > 60);
    QVERIFY(seeder.seed(options)); // same time: identical points, so nothing is added
    QCOMPARE(firstRow(query(influxd.url(), QStringLiteral("efd"), q)), before);
}

void tst_DemoSeeder::historyFollowsTheStory()
{
    QTemporaryDir dir;
    InfluxdProcess influxd;
    QVERIFY(influxd.start({dir.path()}));
    DemoSeeder seeder(influxd.url());
    DemoSeedOptions options;
    options.nowMs = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000; // on the 50 Hz grid
    options.anchorMs = options.nowMs - 4 * 60'000; // the mirror was raised 2 minutes ago
    options.m1m3History = 20s;
    options.telemetryHistory = 180s; // includes the raise: RAISING, then ACTIVE at `now`
    options.heartbeatHistory = 30s;
    const Outcome<DemoSeedReport> report = seeder.seed(options);
    QVERIFY2(report, qPrintable(report.error()));
    const QString efd = QStringLiteral("efd");
    const QJsonArray count = firstRow(query(influxd.url(), efd, QStringLiteral("SELECT count(zForce10) FROM \"lsst.sal.MTM1M3.forceActuatorData\"")));
    QCOMPARE(count.at(1).toInt(), 20 * 50 + 1); // 50 Hz over [now-20 s, now]
    // Raised: every z actuator carries its share of the 167 kN mirror.
    const double raised = firstRow(query(influxd.url(), efd, QStringLiteral("SELECT mean(zForce10) FROM \"lsst.sal.MTM1M3.forceActuatorData\""))).at(1).toDouble();
    QVERIFY2(raised > 300.0, qPrintable(QString::number(raised)));
    const double fz = firstRow(query(influxd.url(), efd, QStringLiteral("SELECT mean(fz) FROM \"lsst.sal.MTM1M3.forceActuatorData\""))).at(1).toDouble();
    QVERIFY2(fz > 60'000 && fz < 170'000, qPrintable(QString::number(fz)));
    // Mount telemetry at its own 20 Hz over the telemetry window.
    const int azimuth = firstRow(query(influxd.url(), efd, QStringLiteral("SELECT count(actualPosition) FROM \"lsst.sal.MTMount.azimuth\""))).at(1).toInt();
    QVERIFY2(azimuth >= 180 * 20 && azimuth <= 180 * 20 + 2, qPrintable(QString::number(azimuth)));
    // The CSCs started 55 minutes before the anchor and are ENABLED (2) now.
    const QJsonArray state = firstRow(query(influxd.url(), efd, QStringLiteral("SELECT last(summaryState) FROM \"lsst.sal.MTM1M3.logevent_summaryState\"")));
    QCOMPARE(state.at(1).toInt(), 2);
    // The mirror went RAISING (6), then ACTIVE (7), with the raise command acknowledged.
    const QJsonArray states = query(influxd.url(), efd, QStringLiteral("SELECT detailedState FROM \"lsst.sal.MTM1M3.logevent_detailedState\" WHERE time > now() - 10m"))
                                  .at(0).toObject().value(QStringLiteral("values")).toArray();
    QCOMPARE(states.size(), 2);
    QCOMPARE(states.at(0).toArray().at(1).toInt(), 6);
    QCOMPARE(states.at(1).toArray().at(1).toInt(), 7);
    const QJsonArray ack = firstRow(query(influxd.url(), efd, QStringLiteral("SELECT last(ack) FROM \"lsst.sal.MTM1M3.ackcmd\" WHERE time > now() - 10m")));
    QCOMPARE(ack.at(1).toInt(), 303);

    // Lowered: the same query two minutes into a cycle's lowered phase gives ~0 N.
    QTemporaryDir dir2;
    InfluxdProcess lowered;
    QVERIFY(lowered.start({dir2.path()}));
    options.anchorMs = options.nowMs - 60'000;
    QVERIFY(DemoSeeder(lowered.url()).seed(options));
    const double down = firstRow(query(lowered.url(), efd, QStringLiteral("SELECT mean(zForce10) FROM \"lsst.sal.MTM1M3.forceActuatorData\""))).at(1).toDouble();
    QVERIFY2(std::abs(down) < 20.0, qPrintable(QString::number(down)));
}

void tst_DemoSeeder::privateStampsFollowDomain()
{
    const QJsonArray row = firstRow(query(m_influxd->url(), QStringLiteral("efd"),
                                          QStringLiteral("SELECT private_efdStamp, private_sndStamp, private_rcvStamp, private_identity "
                                                         "FROM \"lsst.sal.MTMount.azimuth\" ORDER BY time DESC LIMIT 1")));
    QCOMPARE(row.size(), 5);
    const qint64 timeMs = row.at(0).toVariant().toLongLong();
    const double efd = row.at(1).toDouble();
    const double snd = row.at(2).toDouble();
    const double rcv = row.at(3).toDouble();
    QCOMPARE(qint64(std::llround(efd * 1000)), timeMs); // efdStamp is the InfluxDB time (UTC)
    QCOMPARE(std::llround((snd - efd) * 1000), 37'000LL); // sndStamp is TAI = UTC + 37 s
    QVERIFY(rcv > snd && rcv - snd < 0.01);
    QCOMPARE(row.at(4).toString(), QStringLiteral("MTMount"));
}

void tst_DemoSeeder::topUpWritesOnlyTheMissingPart()
{
    QTemporaryDir dir;
    InfluxdProcess influxd;
    QVERIFY(influxd.start({dir.path()}));
    DemoSeeder seeder(influxd.url());
    DemoSeedOptions options;
    options.m1m3History = 10s;
    options.telemetryHistory = 30s;
    options.heartbeatHistory = 10s;
    options.nowMs = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000 - 5'000; // on the 50 Hz grid
    const Outcome<DemoSeedReport> first = seeder.seed(options);
    QVERIFY2(first, qPrintable(first.error()));

    DemoSeedOptions topUp = options;
    topUp.anchorMs = first->anchorMs;
    topUp.historyFromMs = first->nowMs;
    topUp.nowMs = first->nowMs + 4'000;
    const Outcome<DemoSeedReport> second = seeder.seed(topUp);
    QVERIFY2(second, qPrintable(second.error()));
    QVERIFY2(second->values < first->values / 2, qPrintable(QStringLiteral("%1 vs %2").arg(second->values).arg(first->values)));
    // 10 s + 4 s of 50 Hz samples, the boundary sample written by both runs only once.
    const QJsonArray count = firstRow(query(influxd.url(), QStringLiteral("efd"),
                                            QStringLiteral("SELECT count(zForce0) FROM \"lsst.sal.MTM1M3.forceActuatorData\"")));
    QCOMPARE(count.at(1).toInt(), 14 * 50 + 1);
}

void tst_DemoSeeder::cancelStops()
{
    DemoSeeder seeder(m_influxd->url());
    CancelToken cancel;
    DemoSeedOptions options;
    options.level = DemoSeedLevel::Full;
    options.catalogWritten = [&] { cancel.cancel(); };
    QElapsedTimer timer;
    timer.start();
    const Outcome<DemoSeedReport> report = seeder.seed(options, {}, cancel);
    QVERIFY(!report);
    QVERIFY(report.failure().cancelled);
    QVERIFY2(timer.elapsed() < 20'000, "cancelling stops within a batch or two");
}

void tst_DemoSeeder::unreachableServerFailsClearly()
{
    DemoSeeder seeder(QStringLiteral("http://127.0.0.1:9"));
    DemoSeedOptions options;
    options.level = DemoSeedLevel::Catalog;
    const Outcome<DemoSeedReport> report = seeder.seed(options);
    QVERIFY(!report);
    QVERIFY2(report.error().contains(QStringLiteral("127.0.0.1:9")), qPrintable(report.error()));
    QVERIFY(!report.failure().cancelled);
}

QTEST_GUILESS_MAIN(tst_DemoSeeder)
#include "tst_it_demoseeder.moc"
