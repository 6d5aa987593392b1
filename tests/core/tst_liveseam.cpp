// SPDX-License-Identifier: GPL-3.0-or-later
// The seam between history and live (core/series/LiveSeam): overlap, gaps, out-of-order and
// duplicate stamps, with times in ms written as lists ("5,6,7|8" = two batches).
#include "core/series/LiveSeam.h"

#include <QStringList>
#include <QTest>

using namespace sasquatch;

Q_DECLARE_METATYPE(std::optional<std::int64_t>)

namespace {

constexpr std::int64_t kMs = 1'000'000;

/// "5,6|7" -> two batches; each row's value is its time in ms + 0.5 (+ 1000 per batch, so
/// the test can tell which copy of a duplicate was kept).
std::vector<SampleBatch> batches(const QString &text, int firstBatch = 0)
{
    std::vector<SampleBatch> out;
    if (text.isEmpty())
        return out;
    int index = firstBatch;
    for (const QString &part : text.split(u'|')) {
        SampleBatch b;
        b.topic = "lsst.sal.MTM1M3.forceActuatorData";
        b.fields = {{"zForce0", {}}, {"zForce1", {}}};
        for (const QString &t : part.split(u',', Qt::SkipEmptyParts)) {
            const std::int64_t ms = t.toLongLong();
            b.times.push_back(ms * kMs);
            b.fields[0].values.push_back(double(ms) + 0.5 + 1000.0 * index);
            b.fields[1].values.push_back(-double(ms));
        }
        out.push_back(std::move(b));
        ++index;
    }
    return out;
}

/// Times (ms) of the released rows, in order, and the batch index each value came from.
void collect(const SeamOutput &o, QStringList &times, QStringList &sources)
{
    for (const SampleBatch &b : o.batches) {
        QCOMPARE(b.fields.size(), std::size_t(2));
        for (std::size_t r = 0; r < b.rowCount(); ++r) {
            const std::int64_t ms = b.times[r] / kMs;
            times.append(QString::number(ms));
            sources.append(QString::number(std::llround((b.fields[0].values[r] - double(ms) - 0.5) / 1000.0)));
            QCOMPARE(b.fields[1].values[r], -double(ms));
        }
    }
}

} // namespace

class tst_LiveSeam : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seam_data();
    void seam();
    void holdsUntilClosed();
    void lateRowsHandedBackInOrder();
    void gapThresholdFollowsTheRhythm_data();
    void gapThresholdFollowsTheRhythm();
};

void tst_LiveSeam::seam_data()
{
    QTest::addColumn<std::optional<std::int64_t>>("lastHistoryMs");
    QTest::addColumn<QString>("held");      // live rows that arrived during the backfill
    QTest::addColumn<QString>("after");     // live batches after close()
    QTest::addColumn<QString>("kept");      // released times, in order
    QTest::addColumn<QString>("sources");   // the batch each released row came from
    QTest::addColumn<int>("overlap");
    QTest::addColumn<int>("duplicate");
    QTest::addColumn<int>("late");
    QTest::addColumn<qint64>("gapAfterMs"); // -1: no gap
    QTest::addColumn<qint64>("gapBeforeMs");

    using H = std::optional<std::int64_t>;
    QTest::newRow("overlap: live starts before history ends")
        << H(100) << QStringLiteral("60,80,100,120,140") << QStringLiteral("160,180")
        << QStringLiteral("120,140,160,180") << QStringLiteral("0,0,1,1") << 3 << 0 << 0 << qint64(-1) << qint64(-1);
    QTest::newRow("exact continuation: no overlap, no gap")
        << H(100) << QStringLiteral("120,140") << QString() << QStringLiteral("120,140") << QStringLiteral("0,0")
        << 0 << 0 << 0 << qint64(-1) << qint64(-1);
    QTest::newRow("gap: history ends 1 s before live")
        << H(100) << QStringLiteral("1100,1120,1140") << QStringLiteral("1160") << QStringLiteral("1100,1120,1140,1160")
        << QStringLiteral("0,0,0,1") << 0 << 0 << 0 << qint64(100) << qint64(1100);
    QTest::newRow("gap, nothing held at the seam: the first live batch tells")
        << H(100) << QString() << QStringLiteral("2000|2020") << QStringLiteral("2000,2020")
        << QStringLiteral("0,1") << 0 << 0 << 0 << qint64(100) << qint64(2000);
    QTest::newRow("no gap, nothing held at the seam")
        << H(100) << QString() << QStringLiteral("120|140") << QStringLiteral("120,140")
        << QStringLiteral("0,1") << 0 << 0 << 0 << qint64(-1) << qint64(-1);
    QTest::newRow("no history: everything kept, no gap")
        << H() << QStringLiteral("40,20|60") << QStringLiteral("80") << QStringLiteral("20,40,60,80")
        << QStringLiteral("0,0,1,2") << 0 << 0 << 0 << qint64(-1) << qint64(-1);
    QTest::newRow("out of order before the seam: sorted")
        << H(100) << QStringLiteral("160,120|140,180") << QString() << QStringLiteral("120,140,160,180")
        << QStringLiteral("0,1,0,1") << 0 << 0 << 0 << qint64(-1) << qint64(-1);
    QTest::newRow("out of order within a later batch: sorted")
        << H(100) << QStringLiteral("120") << QStringLiteral("180,140,160") << QStringLiteral("120,140,160,180")
        << QStringLiteral("0,1,1,1") << 0 << 0 << 0 << qint64(-1) << qint64(-1);
    QTest::newRow("out of order, last row already the newest")
        << H(100) << QStringLiteral("120") << QStringLiteral("160,140,180") << QStringLiteral("120,140,160,180")
        << QStringLiteral("0,1,1,1") << 0 << 0 << 0 << qint64(-1) << qint64(-1);
    QTest::newRow("late row after the seam: counted, returned apart")
        << H(100) << QStringLiteral("120,140") << QStringLiteral("180|160|200") << QStringLiteral("120,140,180,200")
        << QStringLiteral("0,0,1,3") << 0 << 0 << 1 << qint64(-1) << qint64(-1);
    QTest::newRow("duplicate stamps in held batches: first wins")
        << H(100) << QStringLiteral("120,140|140,160") << QString() << QStringLiteral("120,140,160")
        << QStringLiteral("0,0,1") << 0 << 1 << 0 << qint64(-1) << qint64(-1);
    QTest::newRow("duplicate stamp equal to the last history sample: overlap")
        << H(100) << QStringLiteral("100|100,120") << QString() << QStringLiteral("120") << QStringLiteral("1")
        << 2 << 0 << 0 << qint64(-1) << qint64(-1);
    QTest::newRow("duplicate stamps after the seam")
        << H(100) << QStringLiteral("120") << QStringLiteral("120,140|140,140,160") << QStringLiteral("120,140,160")
        << QStringLiteral("0,1,2") << 0 << 3 << 0 << qint64(-1) << qint64(-1);
    QTest::newRow("history copy arriving live after the seam: overlap")
        << H(100) << QString() << QStringLiteral("80,100,120") << QStringLiteral("120") << QStringLiteral("0")
        << 2 << 0 << 0 << qint64(-1) << qint64(-1);
    QTest::newRow("all held rows already in history")
        << H(200) << QStringLiteral("120,140,160") << QStringLiteral("220") << QStringLiteral("220")
        << QStringLiteral("1") << 3 << 0 << 0 << qint64(-1) << qint64(-1);
}

void tst_LiveSeam::seam()
{
    QFETCH(std::optional<std::int64_t>, lastHistoryMs);
    QFETCH(QString, held);
    QFETCH(QString, after);
    QFETCH(QString, kept);
    QFETCH(QString, sources);
    QFETCH(int, overlap);
    QFETCH(int, duplicate);
    QFETCH(int, late);
    QFETCH(qint64, gapAfterMs);
    QFETCH(qint64, gapBeforeMs);

    LiveSeam seam;
    const std::vector<SampleBatch> heldBatches = batches(held);
    for (const SampleBatch &b : heldBatches)
        QVERIFY(seam.add(b).batches.empty());
    QVERIFY(!seam.isClosed());

    QStringList times, from;
    SeamCounts counts;
    const std::optional<std::int64_t> lastHistoryNs =
        lastHistoryMs ? std::optional<std::int64_t>(*lastHistoryMs * kMs) : std::nullopt;
    const SeamOutput closed = seam.close(lastHistoryNs);
    collect(closed, times, from);
    counts += closed.counts;
    std::optional<SeamGap> gap = closed.gap;
    for (const SampleBatch &b : batches(after, int(heldBatches.size()))) {
        const SeamOutput o = seam.add(b);
        if (o.gap) {
            QVERIFY2(!gap, "one gap at most, at the seam");
            gap = o.gap;
        }
        collect(o, times, from);
        counts += o.counts;
        QCOMPARE(std::int64_t(o.late.rowCount()), o.counts.late); // every late row handed back
        for (std::size_t r = 0; r < o.late.rowCount(); ++r)
            QVERIFY(o.late.times[r] < *seam.watermark());
    }

    QCOMPARE(times.join(u','), kept);
    QCOMPARE(from.join(u','), sources);
    QCOMPARE(counts.kept, std::int64_t(times.size()));
    QCOMPARE(counts.overlap, std::int64_t(overlap));
    QCOMPARE(counts.duplicate, std::int64_t(duplicate));
    QCOMPARE(counts.late, std::int64_t(late));
    if (gapAfterMs < 0) {
        QVERIFY2(!gap, qPrintable(QStringLiteral("unexpected gap %1..%2").arg(gap ? gap->afterNs / kMs : 0).arg(gap ? gap->beforeNs / kMs : 0)));
    } else {
        QVERIFY(gap);
        QCOMPARE(gap->afterNs, gapAfterMs * kMs);
        QCOMPARE(gap->beforeNs, gapBeforeMs * kMs);
    }
    // Every row drawn once and in order: the store's append would reject nothing.
    for (qsizetype i = 1; i < times.size(); ++i)
        QVERIFY(times[i].toLongLong() > times[i - 1].toLongLong());
}

void tst_LiveSeam::lateRowsHandedBackInOrder()
{
    LiveSeam seam;
    seam.close(100 * kMs);
    seam.add(batches(QStringLiteral("200,220")).front());
    const SeamOutput o = seam.add(batches(QStringLiteral("260,210,150,240,90,180")).front());
    QStringList kept, late;
    for (const SampleBatch &b : o.batches)
        for (const std::int64_t t : b.times)
            kept << QString::number(t / kMs);
    for (std::size_t r = 0; r < o.late.rowCount(); ++r) {
        late << QString::number(o.late.times[r] / kMs);
        QCOMPARE(o.late.fields[1].values[r], -double(o.late.times[r] / kMs)); // values stay with their time
    }
    QCOMPARE(kept.join(u','), QStringLiteral("240,260"));
    QCOMPARE(late.join(u','), QStringLiteral("150,180,210"));
    QCOMPARE(o.counts.late, std::int64_t(3));
    QCOMPARE(o.counts.overlap, std::int64_t(1)); // 90: history has it
    QCOMPARE(o.late.fields.size(), std::size_t(2));
}

void tst_LiveSeam::holdsUntilClosed()
{
    LiveSeam seam;
    for (const SampleBatch &b : batches(QStringLiteral("1,2|3")))
        seam.add(b);
    QCOMPARE(seam.heldRows(), std::int64_t(3));
    QVERIFY(!seam.watermark());
    const SeamOutput o = seam.close(std::nullopt);
    QCOMPARE(seam.heldRows(), std::int64_t(0));
    QCOMPARE(o.batches.size(), std::size_t(1)); // same fields: one batch
    QCOMPARE(seam.watermark(), std::optional<std::int64_t>(3 * kMs));
}

void tst_LiveSeam::gapThresholdFollowsTheRhythm_data()
{
    QTest::addColumn<QString>("held");
    QTest::addColumn<qint64>("lastHistoryMs");
    QTest::addColumn<qint64>("historyRhythmMs"); // 0: unknown
    QTest::addColumn<bool>("gap");
    // 50 Hz: the next sample is no gap, one missing sample (40 ms) is (1.5 periods).
    QTest::newRow("50 Hz, next sample") << QStringLiteral("120,140,160,180") << qint64(100) << qint64(0) << false;
    QTest::newRow("50 Hz, one sample missing") << QStringLiteral("140,160,180,200") << qint64(100) << qint64(0) << true;
    QTest::newRow("50 Hz, jitter within half a period")
        << QStringLiteral("128,148,166,186") << qint64(100) << qint64(20) << false;
    QTest::newRow("50 Hz, three samples missing") << QStringLiteral("180,200,220,240") << qint64(100) << qint64(0) << true;
    // 1 Hz: two seconds apart is its rhythm's gap, 1 s is not.
    QTest::newRow("1 Hz, next sample") << QStringLiteral("2000,3000,4000") << qint64(1000) << qint64(0) << false;
    QTest::newRow("1 Hz, 3 s later") << QStringLiteral("5000,6000,7000") << qint64(1000) << qint64(0) << true;
    // One held row: history's rhythm decides, else the minimum (50 ms).
    QTest::newRow("single row, 40 ms, rhythm unknown") << QStringLiteral("140") << qint64(100) << qint64(0) << false;
    QTest::newRow("single row, 40 ms after 50 Hz history") << QStringLiteral("140") << qint64(100) << qint64(20) << true;
    QTest::newRow("single row, 20 ms after 50 Hz history") << QStringLiteral("120") << qint64(100) << qint64(20) << false;
    QTest::newRow("single row, 1 s after 1 Hz history") << QStringLiteral("1100") << qint64(100) << qint64(1000) << false;
    QTest::newRow("single row, 500 ms") << QStringLiteral("600") << qint64(100) << qint64(0) << true;
    // Nothing held at the seam: the first live batch (one row) is judged by history's rhythm.
    QTest::newRow("nothing held, first live row one sample late") << QString() << qint64(100) << qint64(20) << true;
}

void tst_LiveSeam::gapThresholdFollowsTheRhythm()
{
    QFETCH(QString, held);
    QFETCH(qint64, lastHistoryMs);
    QFETCH(qint64, historyRhythmMs);
    QFETCH(bool, gap);
    LiveSeam seam;
    for (const SampleBatch &b : batches(held))
        seam.add(b);
    SeamOutput closed = seam.close(lastHistoryMs * kMs, historyRhythmMs * kMs);
    if (held.isEmpty()) {
        QVERIFY(!closed.gap);
        closed = seam.filter(batches(QStringLiteral("140")).front());
    }
    QCOMPARE(closed.gap.has_value(), gap);
    if (gap)
        QCOMPARE(closed.gap->afterNs, lastHistoryMs * kMs);
}

QTEST_GUILESS_MAIN(tst_LiveSeam)
#include "tst_liveseam.moc"
