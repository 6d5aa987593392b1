// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoEventSchedule.h"

#include <QSet>
#include <QTest>

using namespace sasquatch;

namespace {

constexpr std::int64_t kAnchor = 1'764'000'000'000;
constexpr std::int64_t kMinute = 60'000;

QStringList lines(const std::string &text)
{
    QStringList out = QString::fromStdString(text).split(u'\n', Qt::SkipEmptyParts);
    out.sort();
    return out;
}

QStringList linesOf(const QStringList &all, const QString &measurementPrefix)
{
    QStringList out;
    for (const QString &l : all)
        if (l.startsWith(measurementPrefix + u' '))
            out.append(l);
    return out;
}

} // namespace

class tst_DemoEventSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void instancesCoverEveryCscAndIndex();
    void startupSequence();
    void windowsAddUp();
    void heartbeatsOncePerSecond();
    void m1m3RaiseStory();
    void faultsRecover();
};

void tst_DemoEventSchedule::instancesCoverEveryCscAndIndex()
{
    const DemoCatalog &catalog = DemoCatalog::instance();
    const DemoEventSchedule schedule(catalog, kAnchor);
    size_t expected = 0;
    for (const DemoCsc &c : catalog.cscs())
        expected += c.isIndexed() ? c.salIndices.size() : 1;
    QCOMPARE(schedule.instances().size(), expected);
    QSet<int> ordinals;
    for (const auto &i : schedule.instances())
        ordinals.insert(i.ordinal);
    QCOMPARE(size_t(ordinals.size()), expected);
}

void tst_DemoEventSchedule::startupSequence()
{
    const DemoEventSchedule schedule(DemoCatalog::instance(), kAnchor);
    const DemoEventSchedule::Instance &dome = schedule.instances().front();
    const std::int64_t start = schedule.startupMs(dome);
    QVERIFY(start >= kAnchor - 55 * kMinute && start < kAnchor - 45 * kMinute);
    QCOMPARE(schedule.summaryStateAt(dome, start - 1).second, std::int64_t(0));
    QCOMPARE(schedule.summaryStateAt(dome, start).first, DemoSummaryState::Standby);
    QCOMPARE(schedule.summaryStateAt(dome, start + 15'000).first, DemoSummaryState::Disabled);
    QCOMPARE(schedule.summaryStateAt(dome, start + 30'000).first, DemoSummaryState::Enabled);

    std::string text;
    schedule.generate(start - 1000, start + 30'000, start + 30'000, text);
    const QStringList all = lines(text);
    const QString csc = dome.csc->name;
    const QStringList states = linesOf(all, QStringLiteral("lsst.sal.%1.logevent_summaryState").arg(csc));
    QCOMPARE(states.size(), 3);
    QCOMPARE(linesOf(all, QStringLiteral("lsst.sal.%1.command_start").arg(csc)).size(), 1);
    QCOMPARE(linesOf(all, QStringLiteral("lsst.sal.%1.command_enable").arg(csc)).size(), 1);
    QCOMPARE(linesOf(all, QStringLiteral("lsst.sal.%1.ackcmd").arg(csc)).size(), 2);
    QCOMPARE(linesOf(all, QStringLiteral("lsst.sal.%1.logevent_softwareVersions").arg(csc)).size(), 1);
    QCOMPARE(linesOf(all, QStringLiteral("lsst.sal.%1.logevent_configurationApplied").arg(csc)).size(), 1);
    QVERIFY(linesOf(all, QStringLiteral("lsst.sal.%1.ackcmd").arg(csc)).first().contains(QStringLiteral("ack=303i")));
}

void tst_DemoEventSchedule::windowsAddUp()
{
    // A top-up continues exactly where the previous seed stopped: two adjacent windows hold
    // the same points as one window over both.
    const DemoEventSchedule schedule(DemoCatalog::instance(), kAnchor);
    const std::int64_t a = kAnchor - 60 * kMinute, b = kAnchor - 17 * kMinute - 333, c = kAnchor + 10 * kMinute;
    std::string whole, first, second;
    schedule.generate(a, c, c - 2 * kMinute, whole);
    schedule.generate(a, b, c - 2 * kMinute, first);
    schedule.generate(b, c, c - 2 * kMinute, second);
    QStringList parts = lines(first) + lines(second);
    parts.sort();
    const QStringList all = lines(whole);
    QCOMPARE(parts.size(), all.size());
    QCOMPARE(parts, all);
    QVERIFY(all.size() > 10'000);
}

void tst_DemoEventSchedule::heartbeatsOncePerSecond()
{
    const DemoEventSchedule schedule(DemoCatalog::instance(), kAnchor);
    std::string text;
    schedule.generate(kAnchor, kAnchor + 10'000, kAnchor, text);
    const QStringList all = lines(text);
    int beats = 0;
    for (const QString &l : all)
        beats += l.contains(QStringLiteral(".logevent_heartbeat ")) ? 1 : 0;
    QCOMPARE(beats, int(schedule.instances().size()) * 10);
    // Indexed instances share a measurement: their timestamps never collide.
    QSet<QString> essTimes;
    for (const QString &l : linesOf(all, QStringLiteral("lsst.sal.ESS.logevent_heartbeat")))
        essTimes.insert(l.section(u' ', -1));
    QCOMPARE(essTimes.size(), qsizetype(DemoCatalog::instance().csc(QStringLiteral("ESS"))->salIndices.size() * 10));
}

void tst_DemoEventSchedule::m1m3RaiseStory()
{
    const DemoEventSchedule schedule(DemoCatalog::instance(), kAnchor);
    std::string text;
    schedule.generate(kAnchor, kAnchor + 30 * kMinute, kAnchor + 30 * kMinute, text);
    const QStringList all = lines(text);
    QStringList detailed;
    for (const QString &l : linesOf(all, QStringLiteral("lsst.sal.MTM1M3.logevent_detailedState")))
        detailed.append(l.section(u',', 0, 1));
    QCOMPARE(detailed.size(), 4); // RAISING, ACTIVE, LOWERING, PARKED
    QVERIFY(all.join(u'\n').contains(QStringLiteral("detailedState=6i")));
    QVERIFY(all.join(u'\n').contains(QStringLiteral("detailedState=7i")));
    QCOMPARE(linesOf(all, QStringLiteral("lsst.sal.MTM1M3.command_raiseM1M3")).size(), 1);
    QCOMPARE(linesOf(all, QStringLiteral("lsst.sal.MTM1M3.command_lowerM1M3")).size(), 1);
    QCOMPARE(linesOf(all, QStringLiteral("lsst.sal.MTM1M3.logevent_raisingLoweringInfo")).size(), 2 * 121);
}

void tst_DemoEventSchedule::faultsRecover()
{
    // Over a day some instance faults; every FAULT is followed by ENABLED again.
    const DemoEventSchedule schedule(DemoCatalog::instance(), kAnchor);
    int faults = 0;
    for (const auto &instance : schedule.instances()) {
        for (std::int64_t t = kAnchor; t < kAnchor + 24 * 60 * kMinute; t += 5 * kMinute) {
            const auto [state, since] = schedule.summaryStateAt(instance, t);
            if (state == DemoSummaryState::Fault) {
                ++faults;
                QCOMPARE(schedule.summaryStateAt(instance, since + 3 * kMinute).first, DemoSummaryState::Enabled);
            }
        }
    }
    QVERIFY(faults > 0);
}

QTEST_GUILESS_MAIN(tst_DemoEventSchedule)
#include "tst_demoeventschedule.moc"
