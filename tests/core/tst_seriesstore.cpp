// SPDX-License-Identifier: GPL-3.0-or-later
// SeriesStore: decimation identical to brute force on every pixel column (random and
// adversarial values and times, widths 1 .. 3000, tiny/huge/mid-bucket ranges, before/after
// neighbours, raw passthrough at full zoom), ordering rules at seams, append == bulk,
// ring eviction == rebuild, backfill and range replacement, shared time columns with copy on
// write, statistics and value lookup against brute force, memory accounting, bad input.
#include "core/series/SeriesStore.h"
#include "tests/support/SeriesReference.h"
#include "tests/support/SeriesStoreChecks.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <map>
#include <vector>

using namespace sasquatch;

Q_DECLARE_METATYPE(sasquatch::ValuePattern)
Q_DECLARE_METATYPE(sasquatch::TimePattern)

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::int64_t kSecond = 1'000'000'000;

SampleBatch batchOf(std::vector<std::int64_t> times, std::vector<std::pair<std::string, std::vector<double>>> fields,
                    std::string topic = "lsst.sal.MTM1M3.forceActuatorData", TagSet tags = {})
{
    SampleBatch b;
    b.topic = std::move(topic);
    b.tags = std::move(tags);
    b.times = std::move(times);
    for (auto &[name, values] : fields)
        b.fields.push_back({name, std::move(values)});
    return b;
}

SeriesKey keyOf(const std::string &field)
{
    return {"lsst.sal.MTM1M3.forceActuatorData", field, {}};
}

// A store with one series filled from generated data in batches of random size.
struct Filled
{
    SeriesStore store;
    SeriesId id;
};

std::unique_ptr<Filled> fill(ValuePattern values, TimePattern times, std::size_t n, std::uint64_t seed, int maxBatch)
{
    auto f = std::make_unique<Filled>();
    const std::vector<double> v = makeValues(values, n, seed);
    const std::vector<std::int64_t> t = makeTimes(times, n, seed);
    TestRandom rnd(seed);
    for (std::size_t at = 0; at < n;) {
        const std::size_t chunk = std::min<std::size_t>(n - at, 1 + rnd.below(static_cast<std::uint64_t>(maxBatch)));
        const auto from = static_cast<std::ptrdiff_t>(at);
        const auto to = static_cast<std::ptrdiff_t>(at + chunk);
        [[maybe_unused]] const auto r = f->store.append(batchOf({t.begin() + from, t.begin() + to}, {{"v", {v.begin() + from, v.begin() + to}}}));
        at += chunk;
    }
    f->id = *f->store.find(keyOf("v"));
    return f;
}

} // namespace

class tst_SeriesStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decimationMatchesBruteForce_data();
    void decimationMatchesBruteForce();
    void everyWidth_data();
    void everyWidth();
    void orderingAtSeams_data();
    void orderingAtSeams();
    void appendInPiecesEqualsBulk();
    void ringEvictionEqualsRebuild();
    void lateRowPutInPlace();
    void backfillBeforeExistingData();
    void replaceRangeAtHigherResolution();
    void sharedTimeColumnsCopyOnWrite();
    void statsMatchBruteForce_data();
    void statsMatchBruteForce();
    void valueAtLookups();
    void decimateManySharesBoundaries();
    void memoryAccounting();
    void badInput();
    void removeAndUnknownIds();
    void repeatedLayoutsReuseSeries();
};

void tst_SeriesStore::decimationMatchesBruteForce_data()
{
    QTest::addColumn<ValuePattern>("values");
    QTest::addColumn<TimePattern>("times");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("maxBatch");

    QTest::newRow("noise uniform") << ValuePattern::Noise << TimePattern::Uniform << 120'000 << 65'536;
    QTest::newRow("random walk jitter") << ValuePattern::RandomWalk << TimePattern::Jitter << 100'000 << 5000;
    QTest::newRow("spikes gaps") << ValuePattern::Spikes << TimePattern::Gaps << 150'000 << 20'000;
    QTest::newRow("nan runs bursts") << ValuePattern::NaNRuns << TimePattern::Bursts << 100'000 << 3000;
    QTest::newRow("all nan uniform") << ValuePattern::AllNaN << TimePattern::Uniform << 30'000 << 10'000;
    QTest::newRow("constant duplicates") << ValuePattern::Constant << TimePattern::Duplicates << 50'000 << 777;
    QTest::newRow("constant runs gaps") << ValuePattern::ConstantRuns << TimePattern::Gaps << 80'000 << 1;
    QTest::newRow("infinities jitter") << ValuePattern::Infinities << TimePattern::Jitter << 60'000 << 4096;
    QTest::newRow("alternating uniform") << ValuePattern::Alternating << TimePattern::Uniform << 60'000 << 100;
    QTest::newRow("signed zeros bursts") << ValuePattern::SignedZeros << TimePattern::Bursts << 40'000 << 999;
    QTest::newRow("large offset duplicates") << ValuePattern::LargeOffset << TimePattern::Duplicates << 60'000 << 60'000;
    QTest::newRow("single sample") << ValuePattern::Noise << TimePattern::Uniform << 1 << 1;
}

void tst_SeriesStore::decimationMatchesBruteForce()
{
    QFETCH(ValuePattern, values);
    QFETCH(TimePattern, times);
    QFETCH(int, n);
    QFETCH(int, maxBatch);
    const auto f = fill(values, times, static_cast<std::size_t>(n), 11, maxBatch);
    const auto t = f->store.times(f->id);
    QVERIFY(!t.empty());
    const std::int64_t first = t.front();
    const std::int64_t last = t.back();

    std::vector<PixelGrid> grids;
    for (const int width : {1, 2, 3, 7, 100, 1919, 1920, 1921, 4000})
        grids.emplace_back(first, last + 1, width);
    grids.emplace_back(std::numeric_limits<std::int64_t>::min() / 2, std::numeric_limits<std::int64_t>::max() / 2, 1000);
    grids.emplace_back(std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max(), 1920);
    TestRandom rnd(static_cast<std::uint64_t>(n));
    for (int r = 0; r < 40; ++r) {
        // Tiny spans (fewer ns than pixels) around samples, spans ending mid-bucket, spans
        // reaching outside the data on either side.
        const std::int64_t a = t[static_cast<std::size_t>(rnd.below(t.size()))];
        const std::int64_t b = t[static_cast<std::size_t>(rnd.below(t.size()))];
        const int width = 1 + static_cast<int>(rnd.below(4000));
        grids.emplace_back(a - 1, a + 1 + static_cast<std::int64_t>(rnd.below(50)), width);
        grids.emplace_back(std::min(a, b) + rnd.between(-1, 1), std::max(a, b) + 2 + rnd.between(-1, 1), width);
        grids.emplace_back(first - rnd.between(1, 1'000 * kSecond), a + 1, width);
        grids.emplace_back(a, last + rnd.between(1, 1'000 * kSecond), width);
    }
    grids.emplace_back(first - 100 * kSecond, first, 50); // before all data: nothing, `after` only
    grids.emplace_back(last + 1, last + 100 * kSecond, 50); // after all data: `before` only
    for (const PixelGrid &grid : grids) {
        if (!grid.isValid())
            continue;
        const QString error = checkDecimation(f->store, f->id, grid);
        if (!error.isEmpty())
            QFAIL(qPrintable(error));
    }
}

void tst_SeriesStore::everyWidth_data()
{
    QTest::addColumn<ValuePattern>("values");
    QTest::addColumn<TimePattern>("times");
    QTest::newRow("nan runs, jitter") << ValuePattern::NaNRuns << TimePattern::Jitter;
    QTest::newRow("spikes, gaps") << ValuePattern::Spikes << TimePattern::Gaps;
}

void tst_SeriesStore::everyWidth()
{
    QFETCH(ValuePattern, values);
    QFETCH(TimePattern, times);
    const auto f = fill(values, times, 30'000, 12, 4096);
    const auto t = f->store.times(f->id);
    // A view starting and ending between samples, every width from 1 to 3000 pixels.
    const std::int64_t start = t[137] + 1;
    const std::int64_t stop = t[t.size() - 211] - 1;
    for (int width = 1; width <= 3000; ++width) {
        const QString error = checkDecimation(f->store, f->id, PixelGrid(start, stop, width));
        if (!error.isEmpty())
            QFAIL(qPrintable(error));
    }
}

void tst_SeriesStore::orderingAtSeams_data()
{
    QTest::addColumn<QList<qint64>>("first");
    QTest::addColumn<QList<qint64>>("second");
    QTest::addColumn<int>("rejected");

    QTest::newRow("sorted, no overlap") << QList<qint64>{1, 2, 3} << QList<qint64>{4, 5} << 0;
    QTest::newRow("second starts at last time") << QList<qint64>{1, 2, 3} << QList<qint64>{3, 4} << 1;
    QTest::newRow("second entirely older") << QList<qint64>{10, 20} << QList<qint64>{1, 2, 15} << 3;
    QTest::newRow("unsorted batch") << QList<qint64>{5, 1, 3} << QList<qint64>{9, 7, 8} << 0;
    QTest::newRow("duplicates in batch, first wins") << QList<qint64>{1, 1, 2, 2, 2} << QList<qint64>{3, 3} << 1;
    QTest::newRow("overlap straddling the seam") << QList<qint64>{1, 5} << QList<qint64>{4, 5, 6, 2} << 3;
}

void tst_SeriesStore::orderingAtSeams()
{
    QFETCH(QList<qint64>, first);
    QFETCH(QList<qint64>, second);
    QFETCH(int, rejected);
    SeriesStore store;
    std::map<std::int64_t, double> model;
    int row = 0;
    for (const QList<qint64> *times : {&first, &second}) {
        std::vector<std::int64_t> t(times->begin(), times->end());
        std::vector<double> v;
        for (std::size_t i = 0; i < t.size(); ++i)
            v.push_back(++row); // a distinct value per row shows which duplicate was kept
        modelAppend(model, t, v);
        const auto result = store.append(batchOf(t, {{"v", v}}));
        QVERIFY(result.ok());
        if (times == &second) {
            QCOMPARE(result->rejected, rejected);
            QCOMPARE(result->inserted, static_cast<std::int64_t>(t.size()) - rejected);
        }
    }
    QCOMPARE(compareWithModel(store, *store.find(keyOf("v")), model), QString());
}

void tst_SeriesStore::appendInPiecesEqualsBulk()
{
    const std::size_t n = 200'000;
    const std::vector<double> v = makeValues(ValuePattern::NaNRuns, n, 13);
    const std::vector<std::int64_t> t = makeTimes(TimePattern::Jitter, n, 13);
    const auto pieces = fill(ValuePattern::NaNRuns, TimePattern::Jitter, n, 13, 300);
    SeriesStore bulk;
    QVERIFY(bulk.append(batchOf(t, {{"v", v}})).ok());
    const SeriesId id = *bulk.find(keyOf("v"));
    QCOMPARE(pieces->store.sampleCount(pieces->id), static_cast<std::int64_t>(n));
    TestRandom rnd(13);
    for (int r = 0; r < 50; ++r) {
        const std::int64_t a = t[static_cast<std::size_t>(rnd.below(n))];
        const std::int64_t b = a + static_cast<std::int64_t>(rnd.below(4000)) * kSecond + 1;
        const PixelGrid grid(a, b, 1 + static_cast<int>(rnd.below(2500)));
        const Decimation x = pieces->store.decimate(pieces->id, grid);
        const Decimation y = bulk.decimate(id, grid);
        for (std::size_t k = 0; k < x.columns.size(); ++k) {
            // Bitwise: both stores have the same origin, hence identical pyramids.
            QVERIFY(std::memcmp(&x.columns[k], &y.columns[k], sizeof(DecimatedColumn)) == 0);
        }
        const RangeStats sx = pieces->store.stats(pieces->id, a, b);
        const RangeStats sy = bulk.stats(id, a, b);
        QVERIFY(std::memcmp(&sx, &sy, sizeof sx) == 0);
    }
}

void tst_SeriesStore::ringEvictionEqualsRebuild()
{
    // Live data: 10 minutes kept, samples streaming in batches of every size.
    const std::int64_t window = Retention::kDefaultWindowNs;
    SeriesStore live(Retention::window());
    QCOMPARE(live.retention().windowNs(), window);
    const std::size_t n = 120'000; // 40 minutes at 50 Hz
    const std::vector<double> v = makeValues(ValuePattern::Spikes, n, 14);
    const std::vector<std::int64_t> t = makeTimes(TimePattern::Jitter, n, 14);
    TestRandom rnd(14);
    std::int64_t evicted = 0;
    for (std::size_t at = 0; at < n;) {
        const std::size_t chunk = std::min<std::size_t>(n - at, 1 + rnd.below(rnd.below(2) ? 10 : 3000));
        const auto from = static_cast<std::ptrdiff_t>(at);
        const auto to = static_cast<std::ptrdiff_t>(at + chunk);
        const auto result = live.append(batchOf({t.begin() + from, t.begin() + to}, {{"v", {v.begin() + from, v.begin() + to}}}));
        QVERIFY(result.ok());
        evicted += result->evicted;
        at += chunk;
        const SeriesId id = *live.find(keyOf("v"));
        const auto times = live.times(id);
        QVERIFY(times.front() >= times.back() - window);
        QCOMPARE(times.back(), t[at - 1]);
    }
    const SeriesId id = *live.find(keyOf("v"));
    const auto times = live.times(id);
    QCOMPARE(evicted + static_cast<std::int64_t>(times.size()), static_cast<std::int64_t>(n));
    // A store built from scratch with the samples still held.
    const auto firstKept = static_cast<std::size_t>(std::lower_bound(t.begin(), t.end(), times.front()) - t.begin());
    SeriesStore fresh;
    QVERIFY(fresh.append(batchOf({t.begin() + static_cast<std::ptrdiff_t>(firstKept), t.end()},
                                 {{"v", {v.begin() + static_cast<std::ptrdiff_t>(firstKept), v.end()}}}))
                .ok());
    const SeriesId freshId = *fresh.find(keyOf("v"));
    for (int r = 0; r < 60; ++r) {
        const std::int64_t a = rnd.between(times.front() - kSecond, times.back());
        const std::int64_t b = rnd.between(a + 1, times.back() + kSecond);
        const PixelGrid grid(a, b, 1 + static_cast<int>(rnd.below(2000)));
        QCOMPARE(compareColumns(live.decimate(id, grid), referenceColumns(fresh.times(freshId), fresh.values(freshId), grid)), QString());
        QCOMPARE(checkDecimation(live, id, grid), QString());
        QCOMPARE(checkStats(live, id, a, b), QString());
    }
    // evictBefore: an explicit cut (the GUI's wall clock) on top of the window.
    const std::int64_t cut = times[times.size() / 2];
    const std::int64_t dropped = live.evictBefore(cut);
    QCOMPARE(dropped, static_cast<std::int64_t>(times.size() / 2));
    QCOMPARE(live.times(id).front(), cut);
    QCOMPARE(checkDecimation(live, id, PixelGrid(cut - kSecond, live.times(id).back() + 1, 1920)), QString());
}

void tst_SeriesStore::lateRowPutInPlace()
{
    // A live row that arrives after newer ones (the live session's late rows) goes in its
    // place with replaceRange over [t, t + 1); one of a time already held replaces it.
    SeriesStore live(Retention::window());
    std::vector<std::int64_t> t;
    std::vector<double> a, b;
    for (int i = 0; i < 2000; ++i) {
        if (i == 1500)
            continue; // this one comes late
        t.push_back(std::int64_t(i) * 20'000'000);
        a.push_back(i);
        b.push_back(-i);
    }
    QVERIFY(live.append(batchOf(t, {{"a", a}, {"b", b}})).ok());
    const std::int64_t lateTime = std::int64_t(1500) * 20'000'000;
    auto placed = live.replaceRange(lateTime, lateTime + 1, batchOf({lateTime}, {{"a", {1500.0}}, {"b", {-1500.0}}}));
    QVERIFY2(placed.ok(), qPrintable(placed.error()));
    QCOMPARE(placed->inserted, std::int64_t(2));
    const SeriesId idA = *live.find(keyOf("a"));
    const SeriesId idB = *live.find(keyOf("b"));
    const auto times = live.times(idA);
    QCOMPARE(times.size(), std::size_t(2000));
    for (std::size_t i = 0; i < times.size(); ++i) {
        QCOMPARE(times[i], std::int64_t(i) * 20'000'000);
        QCOMPARE(live.values(idA)[i], double(i));
        QCOMPARE(live.values(idB)[i], -double(i));
    }
    // The same time again (a resend): replaced, not doubled.
    QVERIFY(live.replaceRange(lateTime, lateTime + 1, batchOf({lateTime}, {{"a", {1500.0}}, {"b", {-1500.0}}})).ok());
    QCOMPARE(live.times(idA).size(), std::size_t(2000));
    QCOMPARE(checkDecimation(live, idA, PixelGrid(0, times.back() + 1, 700)), QString());
    QCOMPARE(checkStats(live, idB, 0, times.back() + 1), QString());
    // The ring keeps appending after it.
    QVERIFY(live.append(batchOf({times.back() + 20'000'000}, {{"a", {2000.0}}, {"b", {-2000.0}}})).ok());
    QCOMPARE(live.times(idB).size(), std::size_t(2001));
}

void tst_SeriesStore::backfillBeforeExistingData()
{
    const std::size_t n = 100'000;
    const std::vector<double> v = makeValues(ValuePattern::RandomWalk, n, 15);
    const std::vector<std::int64_t> t = makeTimes(TimePattern::Gaps, n, 15);
    SeriesStore store;
    // The live tail first, then history in pieces going back in time, each overlapping the
    // data already there by a few rows (which must be rejected: stored data wins).
    const std::size_t tail = 70'000;
    QVERIFY(store.append(batchOf({t.begin() + tail, t.end()}, {{"v", {v.begin() + tail, v.end()}}})).ok());
    std::size_t end = tail;
    TestRandom rnd(15);
    while (end > 0) {
        const std::size_t begin = end - std::min<std::size_t>(end, 1 + rnd.below(9000));
        const std::size_t overlap = std::min<std::size_t>(n - end, rnd.below(5));
        std::vector<std::int64_t> pt(t.begin() + static_cast<std::ptrdiff_t>(begin), t.begin() + static_cast<std::ptrdiff_t>(end + overlap));
        std::vector<double> pv(pt.size(), -1e9); // overlapping rows carry other values: must not win
        std::copy(v.begin() + static_cast<std::ptrdiff_t>(begin), v.begin() + static_cast<std::ptrdiff_t>(end), pv.begin());
        const auto result = store.insertBefore(batchOf(pt, {{"v", pv}}));
        QVERIFY(result.ok());
        QCOMPARE(result->inserted, static_cast<std::int64_t>(end - begin));
        QCOMPARE(result->rejected, static_cast<std::int64_t>(overlap));
        end = begin;
    }
    std::map<std::int64_t, double> model;
    modelAppend(model, t, v);
    const SeriesId id = *store.find(keyOf("v"));
    QCOMPARE(compareWithModel(store, id, model), QString());
    for (const int width : {1, 640, 1920})
        QCOMPARE(checkDecimation(store, id, PixelGrid(t.front(), t.back() + 1, width)), QString());
    QCOMPARE(checkStats(store, id, t[5], t[n - 5]), QString());
}

void tst_SeriesStore::replaceRangeAtHigherResolution()
{
    // One point per second over an hour, then a zoom re-queries [10 min, 20 min) raw at
    // 50 Hz; then a second replace shrinks a range (fewer rows than before).
    SeriesStore store;
    std::vector<std::int64_t> coarseT;
    std::vector<double> coarseV;
    for (int s = 0; s < 3600; ++s) {
        coarseT.push_back(kSeriesTestEpoch + s * kSecond);
        coarseV.push_back(std::sin(s * 0.01));
    }
    QVERIFY(store.append(batchOf(coarseT, {{"v", coarseV}})).ok());
    const std::int64_t a = kSeriesTestEpoch + 600 * kSecond;
    const std::int64_t b = kSeriesTestEpoch + 1200 * kSecond;
    std::vector<std::int64_t> fineT = makeTimes(TimePattern::Jitter, 30'000, 16, a - 5 * kSecond); // reaches outside [a, b)
    std::vector<double> fineV = makeValues(ValuePattern::NaNRuns, fineT.size(), 16);
    const auto result = store.replaceRange(a, b, batchOf(fineT, {{"v", fineV}}));
    QVERIFY(result.ok());
    std::map<std::int64_t, double> model;
    for (std::size_t i = 0; i < coarseT.size(); ++i) {
        if (coarseT[i] < a || coarseT[i] >= b)
            model.emplace(coarseT[i], coarseV[i]);
    }
    std::int64_t inside = 0;
    for (std::size_t i = 0; i < fineT.size(); ++i) {
        if (fineT[i] >= a && fineT[i] < b && model.emplace(fineT[i], fineV[i]).second)
            ++inside;
    }
    QCOMPARE(result->replaced, 600);
    QCOMPARE(result->inserted, inside);
    QCOMPARE(result->rejected, static_cast<std::int64_t>(fineT.size()) - inside);
    const SeriesId id = *store.find(keyOf("v"));
    QCOMPARE(compareWithModel(store, id, model), QString());
    for (const int width : {1, 333, 1920, 3000}) {
        QCOMPARE(checkDecimation(store, id, PixelGrid(coarseT.front(), coarseT.back() + 1, width)), QString());
        QCOMPARE(checkDecimation(store, id, PixelGrid(a - 7 * kSecond, a + 9 * kSecond, width)), QString());
    }
    // Replace near the end (the suffix is the shorter side) with a handful of rows.
    const std::int64_t c = kSeriesTestEpoch + 3000 * kSecond;
    QVERIFY(store.replaceRange(c, c + 500 * kSecond, batchOf({c + 1, c + 2}, {{"v", {7.0, kNaN}}})).ok());
    for (auto it = model.lower_bound(c); it != model.end() && it->first < c + 500 * kSecond;)
        it = model.erase(it);
    model.emplace(c + 1, 7.0);
    model.emplace(c + 2, kNaN);
    QCOMPARE(compareWithModel(store, id, model), QString());
    QCOMPARE(checkDecimation(store, id, PixelGrid(coarseT.front(), coarseT.back() + 1, 1920)), QString());
    QCOMPARE(checkStats(store, id, coarseT.front(), coarseT.back()), QString());
}

void tst_SeriesStore::sharedTimeColumnsCopyOnWrite()
{
    SeriesStore store;
    const std::vector<std::int64_t> t = makeTimes(TimePattern::Uniform, 1000, 17);
    const std::vector<double> x = makeValues(ValuePattern::Noise, 1000, 1);
    const std::vector<double> y = makeValues(ValuePattern::Spikes, 1000, 2);
    const std::vector<double> z = makeValues(ValuePattern::NaNRuns, 1000, 3);
    QVERIFY(store.append(batchOf(t, {{"x", x}, {"y", y}, {"z", z}})).ok());
    const SeriesId ix = *store.find(keyOf("x"));
    const SeriesId iy = *store.find(keyOf("y"));
    const SeriesId iz = *store.find(keyOf("z"));
    QVERIFY(store.sharesTimes(ix, iy) && store.sharesTimes(iy, iz));
    QCOMPARE(store.memory().timeColumns, 1);

    // New rows for x only: x gets its own copy of the times; y and z are untouched.
    const std::int64_t next = t.back() + 20'000'000;
    const auto r = store.append(batchOf({next, next + 1}, {{"x", {1.5, 2.5}}}));
    QVERIFY(r.ok());
    QCOMPARE(r->inserted, 2);
    QVERIFY(!store.sharesTimes(ix, iy));
    QVERIFY(store.sharesTimes(iy, iz));
    QCOMPARE(store.memory().timeColumns, 2);
    QCOMPARE(store.sampleCount(ix), 1002);
    QCOMPARE(store.sampleCount(iy), 1000);
    QCOMPARE(store.values(iy)[999], y[999]);
    QCOMPARE(checkDecimation(store, iy, PixelGrid(t.front(), next + 2, 700)), QString());
    QCOMPARE(checkDecimation(store, ix, PixelGrid(t.front(), next + 2, 700)), QString());

    // A re-query of everything for all three: identical times again, one column again.
    const auto all = store.replaceRange(t.front(), next + 2, batchOf(t, {{"x", x}, {"y", y}, {"z", z}}));
    QVERIFY(all.ok());
    QVERIFY(store.sharesTimes(ix, iy) && store.sharesTimes(iy, iz));
    QCOMPARE(store.memory().timeColumns, 1);
    QCOMPARE(store.sampleCount(ix), 1000);
    QCOMPARE(checkDecimation(store, ix, PixelGrid(t.front(), next + 2, 1920)), QString());

    // New fields of one batch share one column from the start, also with other tags.
    QVERIFY(store.append(batchOf(t, {{"a", x}, {"b", y}}, "lsst.sal.MTM1M3.forceActuatorData", {{"salIndex", "1"}})).ok());
    const SeriesId ia = *store.find({"lsst.sal.MTM1M3.forceActuatorData", "a", {{"salIndex", "1"}}});
    const SeriesId ib = *store.find({"lsst.sal.MTM1M3.forceActuatorData", "b", {{"salIndex", "1"}}});
    QVERIFY(store.sharesTimes(ia, ib));
    QVERIFY(!store.sharesTimes(ia, ix));
    QVERIFY(!store.find({"lsst.sal.MTM1M3.forceActuatorData", "a", {}}));
    QCOMPARE(store.memory().timeColumns, 2);
}

void tst_SeriesStore::statsMatchBruteForce_data()
{
    QTest::addColumn<ValuePattern>("values");
    QTest::newRow("noise") << ValuePattern::Noise;
    QTest::newRow("nan runs") << ValuePattern::NaNRuns;
    QTest::newRow("large offset") << ValuePattern::LargeOffset;
    QTest::newRow("spikes") << ValuePattern::Spikes;
    QTest::newRow("constant") << ValuePattern::Constant;
    QTest::newRow("all nan") << ValuePattern::AllNaN;
    QTest::newRow("infinities") << ValuePattern::Infinities;
}

void tst_SeriesStore::statsMatchBruteForce()
{
    QFETCH(ValuePattern, values);
    const auto f = fill(values, TimePattern::Bursts, 150'000, 18, 10'000);
    const auto t = f->store.times(f->id);
    TestRandom rnd(18);
    QCOMPARE(checkStats(f->store, f->id, t.front(), t.back() + 1), QString());
    for (int r = 0; r < 200; ++r) {
        const std::int64_t a = rnd.between(t.front() - 10, t.back() + 10);
        const std::int64_t b = rnd.below(3) == 0 ? a + 1 + static_cast<std::int64_t>(rnd.below(100)) : rnd.between(a + 1, t.back() + 10);
        const QString error = checkStats(f->store, f->id, a, b);
        if (!error.isEmpty())
            QFAIL(qPrintable(error));
    }
    // An empty range.
    const RangeStats none = f->store.stats(f->id, t.back() + 1, t.back() + 2);
    QCOMPARE(none.count, 0);
    QVERIFY(std::isnan(none.mean) && std::isnan(none.stddev) && std::isnan(none.sampleStddev()));
}

void tst_SeriesStore::valueAtLookups()
{
    SeriesStore store;
    // 10 20 NaN NaN 50 ... at times 100, 200, 300, 400, 500
    QVERIFY(store.append(batchOf({100, 200, 300, 400, 500}, {{"v", {10, 20, kNaN, kNaN, 50}}})).ok());
    const SeriesId id = *store.find(keyOf("v"));
    struct Case
    {
        std::int64_t t;
        SampleLookup lookup;
        std::optional<std::int64_t> expectTime;
    };
    const Case cases[] = {
        {50, SampleLookup::Previous, std::nullopt}, {50, SampleLookup::Next, 100},     {50, SampleLookup::Nearest, 100},
        {200, SampleLookup::Previous, 200},         {200, SampleLookup::Next, 200},    {250, SampleLookup::Nearest, 200},
        {300, SampleLookup::Previous, 200},         {300, SampleLookup::Next, 500},    {349, SampleLookup::Nearest, 200},
        {350, SampleLookup::Nearest, 200},          {351, SampleLookup::Nearest, 500}, {600, SampleLookup::Next, std::nullopt},
        {600, SampleLookup::Previous, 500},         {std::numeric_limits<std::int64_t>::max(), SampleLookup::Previous, 500},
        {std::numeric_limits<std::int64_t>::min(), SampleLookup::Nearest, 100},
    };
    for (const Case &c : cases) {
        const auto p = store.valueAt(id, c.t, c.lookup);
        QCOMPARE(p.has_value(), c.expectTime.has_value());
        if (p) {
            QCOMPARE(p->time, *c.expectTime);
            QVERIFY(!std::isnan(p->value));
        }
    }
    // Against brute force on a large series with long NaN runs (the pyramid skips them).
    const auto f = fill(ValuePattern::NaNRuns, TimePattern::Gaps, 100'000, 19, 50'000);
    const auto t = f->store.times(f->id);
    const auto v = f->store.values(f->id);
    TestRandom rnd(19);
    for (int r = 0; r < 2000; ++r) {
        const std::int64_t at = rnd.between(t.front() - 5, t.back() + 5);
        const auto upper = static_cast<std::size_t>(std::upper_bound(t.begin(), t.end(), at) - t.begin());
        std::optional<std::size_t> prev;
        for (std::size_t i = upper; i > 0 && !prev; --i)
            if (!std::isnan(v[i - 1]))
                prev = i - 1;
        std::optional<std::size_t> next;
        for (auto i = static_cast<std::size_t>(std::lower_bound(t.begin(), t.end(), at) - t.begin()); i < t.size() && !next; ++i)
            if (!std::isnan(v[i]))
                next = i;
        const auto p = f->store.valueAt(f->id, at, SampleLookup::Previous);
        const auto n = f->store.valueAt(f->id, at, SampleLookup::Next);
        QCOMPARE(p.has_value(), prev.has_value());
        QCOMPARE(n.has_value(), next.has_value());
        if (prev)
            QCOMPARE(p->time, t[*prev]);
        if (next)
            QCOMPARE(n->time, t[*next]);
    }
}

void tst_SeriesStore::decimateManySharesBoundaries()
{
    SeriesStore store;
    const std::vector<std::int64_t> t = makeTimes(TimePattern::Jitter, 50'000, 20);
    QVERIFY(store.append(batchOf(t, {{"a", makeValues(ValuePattern::Noise, t.size(), 1)},
                                     {"b", makeValues(ValuePattern::NaNRuns, t.size(), 2)}}))
                .ok());
    const std::vector<std::int64_t> t2 = makeTimes(TimePattern::Bursts, 50'000, 21);
    QVERIFY(store.append(batchOf(t2, {{"c", makeValues(ValuePattern::Spikes, t2.size(), 3)}}, "other")).ok());
    const std::vector<SeriesId> ids{*store.find(keyOf("a")), *store.find({"other", "c", {}}), *store.find(keyOf("b")), SeriesId{}};
    const PixelGrid grid(t[100] + 3, t[40'000] - 3, 1920);
    const std::vector<Decimation> many = store.decimate(ids, grid);
    QCOMPARE(many.size(), ids.size());
    for (std::size_t i = 0; i + 1 < ids.size(); ++i) {
        const Decimation one = store.decimate(ids[i], grid);
        QCOMPARE(many[i].sampleCount, one.sampleCount);
        for (std::size_t k = 0; k < one.columns.size(); ++k)
            QVERIFY(std::memcmp(&many[i].columns[k], &one.columns[k], sizeof(DecimatedColumn)) == 0);
    }
    // An invalid id decimates to empty columns.
    QCOMPARE(many.back().columns.size(), std::size_t{1920});
    QCOMPARE(many.back().sampleCount, 0);
}

void tst_SeriesStore::memoryAccounting()
{
    // 10 fields of one message stream (shared times) and 10 series with their own times.
    const std::size_t n = 200'000;
    const std::vector<std::int64_t> t = makeTimes(TimePattern::Uniform, n, 22);
    SeriesStore shared;
    std::vector<std::pair<std::string, std::vector<double>>> fields;
    for (int f = 0; f < 10; ++f)
        fields.emplace_back("zForce" + std::to_string(f), makeValues(ValuePattern::Noise, n, static_cast<std::uint64_t>(f)));
    QVERIFY(shared.append(batchOf(t, fields)).ok());
    const SeriesMemory m = shared.memory();
    QCOMPARE(m.points, static_cast<std::int64_t>(10 * n));
    QCOMPARE(m.series, 10);
    QCOMPARE(m.timeColumns, 1);
    QCOMPARE(m.timeBytes, n * 8);
    QCOMPARE(m.valueBytes, 10 * n * 8);
    QVERIFY2(m.bytesPerPoint() > 8.8 + 2.3 && m.bytesPerPoint() < 8.8 + 2.41, qPrintable(QString::number(m.bytesPerPoint())));

    SeriesStore separate;
    for (int f = 0; f < 10; ++f)
        QVERIFY(separate.append(batchOf(t, {fields[static_cast<std::size_t>(f)]})).ok());
    const SeriesMemory s = separate.memory();
    QCOMPARE(s.timeColumns, 10);
    QVERIFY2(s.bytesPerPoint() > 16 + 2.3 && s.bytesPerPoint() <= 18.41, qPrintable(QString::number(s.bytesPerPoint())));
    QVERIFY(s.reservedBytes >= s.usedBytes());

    // Appended in pieces, the columns keep room to grow; shrinkToFit gives it back and the
    // data reads the same.
    SeriesStore pieces;
    for (std::size_t at = 0; at < n; at += 10'000)
        QVERIFY(pieces.append(batchOf({t.begin() + static_cast<std::ptrdiff_t>(at), t.begin() + static_cast<std::ptrdiff_t>(at + 10'000)},
                                      {{"v", {fields[0].second.begin() + static_cast<std::ptrdiff_t>(at),
                                              fields[0].second.begin() + static_cast<std::ptrdiff_t>(at + 10'000)}}}))
                    .ok());
    const SeriesId id = *pieces.find(keyOf("v"));
    const Decimation before = pieces.decimate(id, PixelGrid(t.front(), t.back() + 1, 1920));
    QVERIFY(pieces.memory().reservedBytes > pieces.memory().usedBytes());
    pieces.shrinkToFit();
    QCOMPARE(pieces.memory().reservedBytes, pieces.memory().usedBytes());
    QCOMPARE(checkDecimation(pieces, id, PixelGrid(t.front(), t.back() + 1, 1920)), QString());
    const Decimation after = pieces.decimate(id, PixelGrid(t.front(), t.back() + 1, 1920));
    QVERIFY(std::memcmp(before.columns.data(), after.columns.data(), before.columns.size() * sizeof(DecimatedColumn)) == 0);
    QVERIFY(pieces.append(batchOf({t.back() + 1}, {{"v", {1.0}}})).ok()); // and it still grows
    QCOMPARE(pieces.sampleCount(id), static_cast<std::int64_t>(n + 1));
}

void tst_SeriesStore::badInput()
{
    SeriesStore store;
    const auto mismatch = store.append(batchOf({1, 2, 3}, {{"v", {1.0, 2.0}}}));
    QVERIFY(!mismatch.ok());
    QVERIFY2(mismatch.error().contains(QLatin1String("\"v\" has 2 values for 3 times")), qPrintable(mismatch.error()));
    const auto twice = store.append(batchOf({1}, {{"v", {1.0}}, {"v", {2.0}}}));
    QVERIFY(!twice.ok() && twice.error().contains(QLatin1String("appears twice")));
    const auto unnamed = store.append(batchOf({1}, {{"", {1.0}}}));
    QVERIFY(!unnamed.ok() && unnamed.error().contains(QLatin1String("no name")));
    const auto extremeTime = store.append(batchOf({std::numeric_limits<std::int64_t>::max()}, {{"v", {1.0}}}));
    QVERIFY(!extremeTime.ok() && extremeTime.error().contains(QLatin1String("out of range")));
    const auto emptyRange = store.replaceRange(5, 5, batchOf({5}, {{"v", {1.0}}}));
    QVERIFY(!emptyRange.ok() && emptyRange.error().contains(QLatin1String("empty time range")));
    QVERIFY(store.seriesIds().empty()); // nothing was created by failed calls
    // A batch without fields or rows is fine and does nothing.
    QVERIFY(store.append(SampleBatch{}).ok());
    QVERIFY(store.append(batchOf({}, {{"v", {}}})).ok());
    QCOMPARE(store.sampleCount(*store.find(keyOf("v"))), 0);
}

void tst_SeriesStore::removeAndUnknownIds()
{
    SeriesStore store;
    QVERIFY(store.append(batchOf({1, 2, 3}, {{"a", {1, 2, 3}}, {"b", {4, 5, 6}}})).ok());
    const SeriesId a = *store.find(keyOf("a"));
    const SeriesId b = *store.find(keyOf("b"));
    QCOMPARE(store.key(a).displayName(), std::string("lsst.sal.MTM1M3.forceActuatorData.a"));
    store.removeSeries(a);
    QVERIFY(!store.contains(a));
    QVERIFY(store.contains(b));
    QCOMPARE(store.values(b)[2], 6.0);
    QCOMPARE(store.memory().series, 1);
    QVERIFY(store.key(a).field.empty());
    QCOMPARE(store.sampleCount(a), 0);
    QVERIFY(!store.valueAt(a, 2, SampleLookup::Nearest));
    // A re-added key gets a new id; ids are never reused.
    const SeriesId again = store.ensureSeries(keyOf("a"));
    QVERIFY(again != a);
    QCOMPARE(store.sampleCount(again), 0);
    store.clear();
    QVERIFY(!store.contains(b));
    QVERIFY(store.seriesIds().empty());
    QCOMPARE(store.memory().points, 0);
    QVERIFY(store.ensureSeries(keyOf("b")) != b);
}

// Live rows come as a stream of small batches with one layout; the store remembers the
// layout's series, which must never outlive a removal nor let a malformed batch through.
void tst_SeriesStore::repeatedLayoutsReuseSeries()
{
    SeriesStore store;
    QVERIFY(store.append(batchOf({1}, {{"a", {1}}, {"b", {10}}})).ok());
    QVERIFY(store.append(batchOf({2}, {{"a", {2}}, {"b", {20}}})).ok());
    const SeriesId a = *store.find(keyOf("a"));
    const SeriesId b = *store.find(keyOf("b"));
    QCOMPARE(store.sampleCount(a), 2);
    QCOMPARE(store.values(b)[1], 20.0);

    // Same names, one value missing: refused as before, nothing appended.
    const auto bad = store.append(batchOf({3}, {{"a", {3}}, {"b", {}}}));
    QVERIFY(!bad.ok());
    QVERIFY(bad.failure().message.contains(QStringLiteral("has 0 values for 1 times")));
    QCOMPARE(store.sampleCount(a), 2);

    // Fields in another order or other tags are other layouts, with the right series.
    QVERIFY(store.append(batchOf({4}, {{"b", {40}}, {"a", {4}}})).ok());
    QCOMPARE(store.values(a).back(), 4.0);
    QCOMPARE(store.values(b).back(), 40.0);
    QVERIFY(store.append(batchOf({5}, {{"a", {5}}, {"b", {50}}}, "lsst.sal.MTM1M3.forceActuatorData", {{"salIndex", "1"}})).ok());
    QCOMPARE(store.sampleCount(a), 3);

    // A removed series comes back under a new id, not the remembered one.
    store.removeSeries(a);
    QVERIFY(store.append(batchOf({6}, {{"a", {6}}, {"b", {60}}})).ok());
    const SeriesId again = *store.find(keyOf("a"));
    QVERIFY(again != a);
    QCOMPARE(store.sampleCount(again), 1);
    QCOMPARE(store.values(b).back(), 60.0);
    store.clear();
    QVERIFY(store.append(batchOf({7}, {{"a", {7}}, {"b", {70}}})).ok());
    QCOMPARE(store.memory().series, 2);
    QCOMPARE(store.sampleCount(*store.find(keyOf("b"))), 1);
}

QTEST_GUILESS_MAIN(tst_SeriesStore)
#include "tst_seriesstore.moc"
