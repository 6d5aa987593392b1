// SPDX-License-Identifier: GPL-3.0-or-later
// MinMaxPyramid against brute force: extremes, first/last valid index and moments of index
// ranges on random and adversarial values (spikes, NaN runs, flat runs, infinities, large
// offsets, signed zeros), exhaustively for small series and on edge-aligned and random ranges
// for large ones, at positive, negative and unaligned origins. Then the incremental paths
// (append, front eviction, prepend, splice) must give blocks bit-identical to a bulk build.
#include "core/series/MinMaxPyramid.h"
#include "tests/support/SeriesReference.h"

#include <QTest>

#include <cmath>
#include <deque>
#include <limits>
#include <vector>

using namespace sasquatch;

Q_DECLARE_METATYPE(sasquatch::ValuePattern)

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
// Subnormal arithmetic has an absolute resolution: a floor for the tolerances.
constexpr double kTiny = 16 * std::numeric_limits<double>::denorm_min();

// Brute force over the values of logical indices [lo, hi).
Extremes bruteExtremes(const ValueView &v, std::int64_t lo, std::int64_t hi)
{
    Extremes e;
    for (std::int64_t i = lo; i < hi; ++i)
        e.include(v.at(i));
    return e;
}

std::optional<std::int64_t> bruteFirst(const ValueView &v, std::int64_t lo, std::int64_t hi)
{
    for (std::int64_t i = lo; i < hi; ++i) {
        if (!std::isnan(v.at(i)))
            return i;
    }
    return std::nullopt;
}

std::optional<std::int64_t> bruteLast(const ValueView &v, std::int64_t lo, std::int64_t hi)
{
    for (std::int64_t i = hi; i > lo; --i) {
        if (!std::isnan(v.at(i - 1)))
            return i - 1;
    }
    return std::nullopt;
}

// Tolerance of the moments (documented in RangeStats): the mean within 16 ulp of the largest
// |value|; the standard deviation within 1e-12 relative plus 64 ulp of the largest |value|
// (data quantised at ulp(max |x|) carry no information below that scale); both plus 16
// subnormal steps.
QString checkMoments(const ValueView &v, const Moments &m, std::int64_t lo, std::int64_t hi)
{
    const ReferenceStats ref = referenceStats(v.values.subspan(static_cast<std::size_t>(lo - v.origin),
                                                               static_cast<std::size_t>(hi - lo)));
    if (m.count != ref.count)
        return QStringLiteral("count %1, expected %2").arg(m.count).arg(ref.count);
    if (ref.count == 0 || std::isinf(ref.maxAbs))
        return {};
    const double meanTol = 16 * kEps * ref.maxAbs + kTiny;
    if (std::fabs(m.mean - static_cast<double>(ref.mean)) > meanTol)
        return QStringLiteral("mean %1, expected %2").arg(m.mean, 0, 'g', 17).arg(static_cast<double>(ref.mean), 0, 'g', 17);
    const double refStd = std::sqrt(static_cast<double>(ref.variance));
    const double stdTol = 1e-12 * refStd + 64 * kEps * ref.maxAbs + kTiny;
    if (std::fabs(m.stddev() - refStd) > stdTol)
        return QStringLiteral("std %1, expected %2").arg(m.stddev(), 0, 'g', 17).arg(refStd, 0, 'g', 17);
    return {};
}

QString checkRange(const MinMaxPyramid &p, const ValueView &v, std::int64_t lo, std::int64_t hi)
{
    const auto where = [&](const QString &what) { return QStringLiteral("[%1, %2): %3").arg(lo).arg(hi).arg(what); };
    const Extremes a = p.extremes(v, lo, hi);
    const Extremes e = bruteExtremes(v, lo, hi);
    if (a.hasValue() != e.hasValue() || (e.hasValue() && (a.min != e.min || a.max != e.max)))
        return where(QStringLiteral("extremes %1..%2, expected %3..%4").arg(a.min).arg(a.max).arg(e.min).arg(e.max));
    if (p.firstValid(v, lo, hi) != bruteFirst(v, lo, hi))
        return where(QStringLiteral("firstValid %1, expected %2").arg(p.firstValid(v, lo, hi).value_or(-1)).arg(bruteFirst(v, lo, hi).value_or(-1)));
    if (p.lastValid(v, lo, hi) != bruteLast(v, lo, hi))
        return where(QStringLiteral("lastValid %1, expected %2").arg(p.lastValid(v, lo, hi).value_or(-1)).arg(bruteLast(v, lo, hi).value_or(-1)));
    if (const QString m = checkMoments(v, p.moments(v, lo, hi), lo, hi); !m.isEmpty())
        return where(m);
    return {};
}

// Every stored block of every level, bitwise; empty when identical.
QString compareBlocks(const MinMaxPyramid &a, const MinMaxPyramid &b)
{
    for (int level = 1; level <= MinMaxPyramid::kLevels; ++level) {
        if (a.blockCount(level) != b.blockCount(level) || (a.blockCount(level) && a.firstBlock(level) != b.firstBlock(level)))
            return QStringLiteral("level %1: blocks [%2, +%3), expected [%4, +%5)")
                .arg(level)
                .arg(a.firstBlock(level))
                .arg(a.blockCount(level))
                .arg(b.firstBlock(level))
                .arg(b.blockCount(level));
        for (std::size_t i = 0; i < a.blockCount(level); ++i) {
            const std::int64_t j = a.firstBlock(level) + static_cast<std::int64_t>(i);
            const Extremes ea = a.blockExtremes(level, j);
            const Extremes eb = b.blockExtremes(level, j);
            const Moments ma = a.blockMoments(level, j);
            const Moments mb = b.blockMoments(level, j);
            if (std::memcmp(&ea, &eb, sizeof ea) != 0 || ma.count != mb.count ||
                std::memcmp(&ma.mean, &mb.mean, sizeof(double)) != 0 || std::memcmp(&ma.m2, &mb.m2, sizeof(double)) != 0)
                return QStringLiteral("level %1 block %2 differs").arg(level).arg(j);
        }
    }
    return {};
}

// A series kept as a deque with a logical origin, and its pyramid kept current by update().
struct Model
{
    std::deque<double> values;
    std::int64_t origin = 0;
    std::vector<double> flat;
    MinMaxPyramid pyramid;

    ValueView view()
    {
        flat.assign(values.begin(), values.end());
        return {flat, origin};
    }
    std::int64_t end() const { return origin + static_cast<std::int64_t>(values.size()); }
    QString checkAgainstRebuild()
    {
        const ValueView v = view();
        MinMaxPyramid fresh;
        fresh.rebuild(v);
        return compareBlocks(pyramid, fresh);
    }
};

} // namespace

class tst_MinMaxPyramid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exhaustiveSmall_data();
    void exhaustiveSmall();
    void largeRanges_data();
    void largeRanges();
    void incrementalAppendEqualsBulk_data();
    void incrementalAppendEqualsBulk();
    void evictionEqualsRebuild_data();
    void evictionEqualsRebuild();
    void prependEqualsRebuild();
    void spliceEqualsRebuild_data();
    void spliceEqualsRebuild();
    void varianceWithLargeOffset();
    void bytesPerPoint();
    void emptyAndClamped();
};

void tst_MinMaxPyramid::exhaustiveSmall_data()
{
    QTest::addColumn<ValuePattern>("pattern");
    QTest::addColumn<int>("n");
    QTest::addColumn<qint64>("origin");

    const std::pair<const char *, ValuePattern> patterns[] = {
        {"noise", ValuePattern::Noise},         {"spikes", ValuePattern::Spikes},
        {"nan runs", ValuePattern::NaNRuns},    {"all nan", ValuePattern::AllNaN},
        {"constant", ValuePattern::Constant},   {"constant runs", ValuePattern::ConstantRuns},
        {"infinities", ValuePattern::Infinities}, {"alternating", ValuePattern::Alternating},
        {"signed zeros", ValuePattern::SignedZeros},
    };
    // Origins: aligned, unaligned, negative and unaligned, far away.
    const qint64 origins[] = {0, 7, -4099, (qint64{1} << 40) + 13};
    for (const auto &[name, pattern] : patterns) {
        for (const qint64 origin : origins)
            QTest::addRow("%s n=300 origin=%lld", name, static_cast<long long>(origin)) << pattern << 300 << origin;
    }
    QTest::newRow("noise n=1") << ValuePattern::Noise << 1 << qint64{0};
    QTest::newRow("noise n=16 aligned") << ValuePattern::Noise << 16 << qint64{32};
    QTest::newRow("noise n=257 at -256") << ValuePattern::Noise << 257 << qint64{-256};
}

void tst_MinMaxPyramid::exhaustiveSmall()
{
    QFETCH(ValuePattern, pattern);
    QFETCH(int, n);
    QFETCH(qint64, origin);
    const std::vector<double> values = makeValues(pattern, static_cast<std::size_t>(n), 1);
    const ValueView v{values, origin};
    MinMaxPyramid p;
    p.rebuild(v);
    // Every range [lo, hi), empty ones included.
    for (std::int64_t lo = v.begin(); lo <= v.end(); ++lo) {
        for (std::int64_t hi = lo; hi <= v.end(); ++hi) {
            const QString error = checkRange(p, v, lo, hi);
            if (!error.isEmpty())
                QFAIL(qPrintable(error));
        }
    }
}

void tst_MinMaxPyramid::largeRanges_data()
{
    QTest::addColumn<ValuePattern>("pattern");
    QTest::addColumn<int>("n");
    QTest::addColumn<qint64>("origin");

    QTest::newRow("noise 200k") << ValuePattern::Noise << 200'000 << qint64{0};
    QTest::newRow("random walk 200k unaligned") << ValuePattern::RandomWalk << 200'000 << qint64{12'345};
    QTest::newRow("spikes 300k negative origin") << ValuePattern::Spikes << 300'000 << qint64{-1'000'003};
    QTest::newRow("nan runs 300k") << ValuePattern::NaNRuns << 300'000 << qint64{5};
    QTest::newRow("all nan 70k") << ValuePattern::AllNaN << 70'000 << qint64{0};
    QTest::newRow("constant runs 150k") << ValuePattern::ConstantRuns << 150'000 << qint64{-3};
    QTest::newRow("infinities 100k") << ValuePattern::Infinities << 100'000 << qint64{1};
    QTest::newRow("large offset 100k") << ValuePattern::LargeOffset << 100'000 << qint64{0};
    QTest::newRow("alternating 100k") << ValuePattern::Alternating << 100'000 << qint64{77};
    // More than 16^5 samples: ranges reach level 5 blocks.
    QTest::newRow("noise 1.2M") << ValuePattern::Noise << 1'200'000 << qint64{-9};
}

void tst_MinMaxPyramid::largeRanges()
{
    QFETCH(ValuePattern, pattern);
    QFETCH(int, n);
    QFETCH(qint64, origin);
    const std::vector<double> values = makeValues(pattern, static_cast<std::size_t>(n), 2);
    const ValueView v{values, origin};
    MinMaxPyramid p;
    p.rebuild(v);

    std::vector<std::pair<std::int64_t, std::int64_t>> ranges;
    ranges.emplace_back(v.begin(), v.end());
    // Ranges starting and ending on, just before and just after block edges of every level.
    TestRandom rnd(static_cast<std::uint64_t>(n));
    // (Brute force costs the range's length: fewer ranges at the coarse levels.)
    for (int level = 0; level <= 5; ++level) {
        const std::int64_t size = std::int64_t{1} << (4 * level);
        for (int r = 0; r < (level < 4 ? 12 : 3); ++r) {
            const std::int64_t edgeA = (rnd.between(v.begin(), v.end()) / size) * size;
            const std::int64_t edgeB = edgeA + size * rnd.between(0, 33);
            for (const std::int64_t da : {-1, 0, 1}) {
                for (const std::int64_t db : {-1, 0, 1}) {
                    const std::int64_t lo = std::clamp(edgeA + da, v.begin(), v.end());
                    const std::int64_t hi = std::clamp(edgeB + db, v.begin(), v.end());
                    if (lo <= hi)
                        ranges.emplace_back(lo, hi);
                }
            }
        }
    }
    // Random ranges of every scale, tiny to whole.
    for (int r = 0; r < 300; ++r) {
        const std::int64_t length = std::int64_t{1} << rnd.below(21);
        const std::int64_t lo = rnd.between(v.begin(), v.end());
        ranges.emplace_back(lo, std::min(v.end(), lo + length));
    }
    for (const auto &[lo, hi] : ranges) {
        const QString error = checkRange(p, v, lo, hi);
        if (!error.isEmpty())
            QFAIL(qPrintable(error));
    }
}

void tst_MinMaxPyramid::incrementalAppendEqualsBulk_data()
{
    QTest::addColumn<ValuePattern>("pattern");
    QTest::addColumn<int>("maxChunk");
    QTest::newRow("one sample at a time") << ValuePattern::Noise << 1;
    QTest::newRow("chunks up to 7") << ValuePattern::NaNRuns << 7;
    QTest::newRow("chunks up to 300") << ValuePattern::Spikes << 300;
    QTest::newRow("chunks up to 5000") << ValuePattern::LargeOffset << 5000;
}

void tst_MinMaxPyramid::incrementalAppendEqualsBulk()
{
    QFETCH(ValuePattern, pattern);
    QFETCH(int, maxChunk);
    const std::size_t n = 70'000; // past 16^4: four levels filled incrementally
    const std::vector<double> all = makeValues(pattern, n, 3);
    const std::int64_t origin = -37;
    MinMaxPyramid incremental;
    TestRandom rnd(static_cast<std::uint64_t>(maxChunk));
    std::size_t have = 0;
    int step = 0;
    while (have < n) {
        const std::size_t chunk = std::min<std::size_t>(n - have, 1 + rnd.below(static_cast<std::uint64_t>(maxChunk)));
        const std::int64_t oldEnd = origin + static_cast<std::int64_t>(have);
        have += chunk;
        incremental.update({std::span<const double>(all.data(), have), origin}, oldEnd, origin + static_cast<std::int64_t>(have));
        if (++step % 997 == 0 || have == n) {
            MinMaxPyramid bulk;
            bulk.rebuild({std::span<const double>(all.data(), have), origin});
            const QString error = compareBlocks(incremental, bulk);
            if (!error.isEmpty())
                QFAIL(qPrintable(QStringLiteral("after %1 samples: %2").arg(have).arg(error)));
        }
    }
}

void tst_MinMaxPyramid::evictionEqualsRebuild_data()
{
    QTest::addColumn<ValuePattern>("pattern");
    QTest::addColumn<int>("window");
    QTest::newRow("noise window 5000") << ValuePattern::Noise << 5000;
    QTest::newRow("nan runs window 70000") << ValuePattern::NaNRuns << 70'000;
    QTest::newRow("spikes window 17") << ValuePattern::Spikes << 17;
}

void tst_MinMaxPyramid::evictionEqualsRebuild()
{
    QFETCH(ValuePattern, pattern);
    QFETCH(int, window);
    const std::vector<double> source = makeValues(pattern, 400'000, 4);
    Model m;
    m.origin = 3;
    TestRandom rnd(static_cast<std::uint64_t>(window));
    std::size_t next = 0;
    for (int step = 0; next < source.size(); ++step) {
        const std::size_t chunk = std::min<std::size_t>(source.size() - next, 1 + rnd.below(2000));
        const std::int64_t oldEnd = m.end();
        m.values.insert(m.values.end(), source.begin() + static_cast<std::ptrdiff_t>(next),
                        source.begin() + static_cast<std::ptrdiff_t>(next + chunk));
        next += chunk;
        m.pyramid.update(m.view(), oldEnd, m.end());
        // Ring buffer: keep the last `window` samples (evict whole blocks, partial ones, all).
        if (m.values.size() > static_cast<std::size_t>(window)) {
            const std::size_t drop = m.values.size() - static_cast<std::size_t>(window);
            m.values.erase(m.values.begin(), m.values.begin() + static_cast<std::ptrdiff_t>(drop));
            m.origin += static_cast<std::int64_t>(drop);
            m.pyramid.update(m.view(), m.origin, m.origin);
        }
        if (step % 23 == 0 || next == source.size()) {
            const QString error = m.checkAgainstRebuild();
            if (!error.isEmpty())
                QFAIL(qPrintable(QStringLiteral("step %1: %2").arg(step).arg(error)));
            const ValueView v = m.view();
            for (int r = 0; r < 20; ++r) {
                const std::int64_t lo = rnd.between(v.begin(), v.end());
                const std::int64_t hi = rnd.between(lo, v.end());
                const QString rangeError = checkRange(m.pyramid, v, lo, hi);
                if (!rangeError.isEmpty())
                    QFAIL(qPrintable(rangeError));
            }
        }
    }
}

void tst_MinMaxPyramid::prependEqualsRebuild()
{
    // History backfill: chunks go in front, the origin moves down (through zero).
    const std::vector<double> source = makeValues(ValuePattern::ConstantRuns, 150'000, 5);
    Model m;
    m.origin = 20'000;
    TestRandom rnd(5);
    std::size_t taken = 0;
    for (int step = 0; taken < source.size(); ++step) {
        const std::size_t chunk = std::min<std::size_t>(source.size() - taken, 1 + rnd.below(3000));
        const std::size_t end = source.size() - taken;
        m.values.insert(m.values.begin(), source.begin() + static_cast<std::ptrdiff_t>(end - chunk),
                        source.begin() + static_cast<std::ptrdiff_t>(end));
        taken += chunk;
        m.origin -= static_cast<std::int64_t>(chunk);
        m.pyramid.update(m.view(), m.origin, m.origin + static_cast<std::int64_t>(chunk));
        if (step % 11 == 0 || taken == source.size()) {
            const QString error = m.checkAgainstRebuild();
            if (!error.isEmpty())
                QFAIL(qPrintable(QStringLiteral("step %1: %2").arg(step).arg(error)));
        }
    }
    QVERIFY(m.origin < 0);
    QCOMPARE(checkRange(m.pyramid, m.view(), m.origin, m.end()), QString());
}

void tst_MinMaxPyramid::spliceEqualsRebuild_data()
{
    QTest::addColumn<bool>("keepSuffix");
    QTest::newRow("indices of the prefix kept") << false;
    QTest::newRow("indices of the suffix kept") << true;
}

void tst_MinMaxPyramid::spliceEqualsRebuild()
{
    // Replace a random range by a different number of samples, keeping the indices of one
    // side (as SeriesGroup does) and marking the other side and the new samples dirty.
    QFETCH(bool, keepSuffix);
    Model m;
    const std::vector<double> initial = makeValues(ValuePattern::Noise, 100'000, 6);
    m.values.assign(initial.begin(), initial.end());
    m.pyramid.rebuild(m.view());
    TestRandom rnd(keepSuffix ? 7 : 8);
    for (int step = 0; step < 60; ++step) {
        const auto n = static_cast<std::int64_t>(m.values.size());
        const std::int64_t ia = rnd.between(0, n);
        const std::int64_t ib = rnd.between(ia, std::min(n, ia + 20'000));
        const auto k = static_cast<std::int64_t>(rnd.below(20'000));
        const std::vector<double> fresh = makeValues(step % 2 ? ValuePattern::Spikes : ValuePattern::NaNRuns,
                                                     static_cast<std::size_t>(k), static_cast<std::uint64_t>(step));
        m.values.erase(m.values.begin() + ia, m.values.begin() + ib);
        m.values.insert(m.values.begin() + ia, fresh.begin(), fresh.end());
        std::int64_t dirtyFrom = 0;
        std::int64_t dirtyTo = 0;
        if (keepSuffix) {
            m.origin += (ib - ia) - k;
            dirtyFrom = m.origin;
            dirtyTo = m.origin + ia + k;
        } else {
            dirtyFrom = m.origin + ia;
            dirtyTo = m.end();
        }
        m.pyramid.update(m.view(), dirtyFrom, dirtyTo);
        const QString error = m.checkAgainstRebuild();
        if (!error.isEmpty())
            QFAIL(qPrintable(QStringLiteral("step %1: %2").arg(step).arg(error)));
    }
}

void tst_MinMaxPyramid::varianceWithLargeOffset()
{
    // 1e6 ± 1e-3: sum-of-squares would lose every digit; mean/M2 merging keeps the std
    // within the documented tolerance, and in practice within 1e-6 relative.
    const std::vector<double> values = makeValues(ValuePattern::LargeOffset, 1'000'000, 9);
    const ValueView v{values, 0};
    MinMaxPyramid p;
    p.rebuild(v);
    const Moments m = p.moments(v, 0, v.end());
    const ReferenceStats ref = referenceStats(values);
    const double refStd = std::sqrt(static_cast<double>(ref.variance));
    QVERIFY2(std::fabs(m.stddev() - refStd) <= 1e-6 * refStd,
             qPrintable(QStringLiteral("std %1, expected %2").arg(m.stddev(), 0, 'g', 17).arg(refStd, 0, 'g', 17)));
    QCOMPARE(checkRange(p, v, 3, v.end() - 5), QString());
}

void tst_MinMaxPyramid::bytesPerPoint()
{
    // 36 B per 16 samples at level 1, geometric above: 2.4 B per sample, whatever the origin.
    const std::vector<double> values(1 << 20, 1.0);
    for (const std::int64_t origin : {std::int64_t{0}, std::int64_t{-5}, std::int64_t{123'457}}) {
        MinMaxPyramid p;
        p.rebuild({values, origin});
        const double perPoint = static_cast<double>(p.usedBytes()) / static_cast<double>(values.size());
        QVERIFY2(perPoint > 2.3 && perPoint <= 2.41, qPrintable(QString::number(perPoint)));
        QVERIFY(p.reservedBytes() >= p.usedBytes());
    }
}

void tst_MinMaxPyramid::emptyAndClamped()
{
    MinMaxPyramid p;
    const std::vector<double> none;
    p.rebuild({none, 0});
    QVERIFY(!p.extremes({none, 0}, 0, 10).hasValue());
    QCOMPARE(p.moments({none, 0}, -5, 5).count, 0);
    QVERIFY(!p.firstValid({none, 0}, 0, 1));
    QCOMPARE(p.usedBytes(), std::size_t{0});

    // Ranges reaching past either end are clamped to the values.
    const std::vector<double> values = makeValues(ValuePattern::Noise, 1000, 10);
    const ValueView v{values, 100};
    p.rebuild(v);
    const Extremes all = p.extremes(v, 100, 1100);
    const Extremes wide = p.extremes(v, -1'000'000, 1'000'000);
    QCOMPARE(wide.min, all.min);
    QCOMPARE(wide.max, all.max);
    QCOMPARE(p.firstValid(v, 0, 200), std::optional<std::int64_t>(100));
    QCOMPARE(p.lastValid(v, 1000, 5000), std::optional<std::int64_t>(1099));
    QVERIFY(!p.extremes(v, 500, 500).hasValue());
    QVERIFY(!p.extremes(v, 600, 500).hasValue());

    // Everything evicted: no blocks left at any level.
    p.update({std::span<const double>(), 1100}, 1100, 1100);
    for (int level = 1; level <= MinMaxPyramid::kLevels; ++level)
        QCOMPARE(p.blockCount(level), std::size_t{0});
}

QTEST_GUILESS_MAIN(tst_MinMaxPyramid)
#include "tst_minmaxpyramid.moc"
