// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoSeedPlan.h"

#include <QTest>

using namespace sasquatch;
using namespace std::chrono_literals;

namespace {

constexpr std::int64_t kNow = 1'764'000'000'000; // on every sample grid

const DemoSeedPlan::Stage *findStage(const DemoSeedPlan &plan, const char *prefix)
{
    for (const DemoSeedPlan::Stage &s : plan.stages())
        if (s.name.startsWith(QLatin1String(prefix)))
            return &s;
    return nullptr;
}

} // namespace

class tst_DemoSeedPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countValues_data();
    void countValues();
    void periods();
    void catalogStageCoversEverything();
    void fullPlanHasTheM1M3History();
    void batchesRespectLimits();
    void renderingMatchesTheCounts();
    void topUpPlansOnlyTheGap();
};

void tst_DemoSeedPlan::countValues_data()
{
    QTest::addColumn<QByteArray>("lines");
    QTest::addColumn<qint64>("values");
    QTest::newRow("two fields") << QByteArray("m a=1,b=2 1\n") << qint64(2);
    QTest::newRow("tags") << QByteArray("m,t=x,u=y a=1 1\n") << qint64(1);
    QTest::newRow("quoted comma and space") << QByteArray("m s=\"a, b\",c=1i 1\n") << qint64(2);
    QTest::newRow("escaped") << QByteArray("m\\ x,t=a\\,b a\\,b=1 1\n") << qint64(1);
    QTest::newRow("escaped quote") << QByteArray("m s=\"a\\\",b\",c=t 1\n") << qint64(2);
    QTest::newRow("two lines") << QByteArray("m a=1 1\nn b=1,c=2,d=3 2\n") << qint64(4);
}

void tst_DemoSeedPlan::countValues()
{
    QFETCH(QByteArray, lines);
    QFETCH(qint64, values);
    QCOMPARE(DemoSeedPlan::countValues(lines.toStdString()), values);
}

void tst_DemoSeedPlan::periods()
{
    QCOMPARE(DemoSeedPlan::periodMs(50), std::int64_t(20));
    QCOMPARE(DemoSeedPlan::periodMs(20), std::int64_t(50));
    QCOMPARE(DemoSeedPlan::periodMs(1), std::int64_t(1000));
    QCOMPARE(DemoSeedPlan::periodMs(0.1), std::int64_t(10'000));
    QCOMPARE(DemoSeedPlan::periodMs(0), std::int64_t(0));
}

void tst_DemoSeedPlan::catalogStageCoversEverything()
{
    const DemoCatalog &catalog = DemoCatalog::instance();
    DemoSeedOptions options;
    options.level = DemoSeedLevel::Catalog;
    const DemoSeedPlan plan(catalog, options, kNow, kNow - 600'000);
    QCOMPARE(plan.catalogStage(), 0);
    const DemoSeedPlan::Stage &stage = plan.stages().front();
    std::int64_t otherLines = 0;
    for (const DemoDatabase &db : catalog.otherDatabases())
        for (const DemoMeasurement &m : db.measurements)
            otherLines += std::int64_t(m.tagSets.size());
    const std::int64_t expectedLines = std::int64_t(catalog.topics().size() + catalog.replicatedTopics().size()) + otherLines;
    QCOMPARE(stage.lines, expectedLines);
    QVERIFY(stage.values > catalog.fieldKeyCount());
    // Every database gets its points, each in batches of its own.
    QSet<QString> databases;
    for (const DemoSeedBatch &b : stage.batches)
        databases.insert(b.database);
    QCOMPARE(databases.size(), catalog.databaseNames().size());
    QCOMPARE(plan.stages().size(), size_t(2)); // catalog + a little sample data
}

void tst_DemoSeedPlan::fullPlanHasTheM1M3History()
{
    DemoSeedOptions options;
    const DemoSeedPlan plan(DemoCatalog::instance(), options, kNow, kNow - 600'000);
    const DemoSeedPlan::Stage *m1m3 = findStage(plan, "MTM1M3");
    QVERIFY(m1m3);
    QCOMPARE(m1m3->lines, std::int64_t(600 * 50 + 1));
    QCOMPARE(m1m3->values, m1m3->lines * 820);
    QCOMPARE(&plan.stages().back(), m1m3); // streamed last, after everything else
    QVERIFY(findStage(plan, "Events"));
    QVERIFY(findStage(plan, "Telemetry"));
    QVERIFY(plan.totalValues() > 30'000'000);
}

void tst_DemoSeedPlan::batchesRespectLimits()
{
    DemoSeedOptions options;
    options.batchBytes = 512 * 1024;
    const DemoSeedPlan plan(DemoCatalog::instance(), options, kNow, kNow - 600'000);
    for (const DemoSeedPlan::Stage &s : plan.stages()) {
        std::int64_t lines = 0, values = 0;
        for (const DemoSeedBatch &b : s.batches) {
            QVERIFY(b.lines >= 1);
            QVERIFY(b.lines <= DemoSeedOptions::kMaxLinesPerBatch);
            lines += b.lines;
            values += b.values;
        }
        QCOMPARE(lines, s.lines);
        QCOMPARE(values, s.values);
    }
}

void tst_DemoSeedPlan::renderingMatchesTheCounts()
{
    DemoSeedOptions options;
    options.m1m3History = 4s;
    options.telemetryHistory = 30s;
    options.heartbeatHistory = 5s;
    const DemoSeedPlan plan(DemoCatalog::instance(), options, kNow, kNow - 240'000);
    std::string body, again;
    for (const DemoSeedPlan::Stage &s : plan.stages()) {
        for (const DemoSeedBatch &b : s.batches) {
            plan.render(b, body);
            QCOMPARE(std::int64_t(std::count(body.begin(), body.end(), '\n')), b.lines);
            QCOMPARE(DemoSeedPlan::countValues(body), b.values);
            QVERIFY2(body.size() <= options.batchBytes * 5 / 4 || b.lines == 1,
                     qPrintable(QStringLiteral("%1: %2 bytes in %3 lines").arg(s.name).arg(body.size()).arg(b.lines)));
        }
    }
    const DemoSeedBatch &last = plan.stages().back().batches.back();
    plan.render(last, body);
    plan.render(last, again);
    QCOMPARE(body, again);
}

void tst_DemoSeedPlan::topUpPlansOnlyTheGap()
{
    DemoSeedOptions options;
    options.historyFromMs = kNow - 10'000;
    const DemoSeedPlan plan(DemoCatalog::instance(), options, kNow, kNow - 3'600'000);
    QCOMPARE(findStage(plan, "MTM1M3")->lines, std::int64_t(10 * 50 + 1));
    DemoSeedOptions full;
    const DemoSeedPlan fullPlan(DemoCatalog::instance(), full, kNow, kNow - 3'600'000);
    QVERIFY(plan.totalValues() * 5 < fullPlan.totalValues());
    QCOMPARE(plan.stages().front().lines, fullPlan.stages().front().lines); // the catalog is always rewritten
}

QTEST_GUILESS_MAIN(tst_DemoSeedPlan)
#include "tst_demoseedplan.moc"
