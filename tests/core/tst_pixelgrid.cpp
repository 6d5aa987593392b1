// SPDX-License-Identifier: GPL-3.0-or-later
// PixelGrid: boundaries partition [start, stop) exactly (integer arithmetic, also for spans
// beyond int64), columnOf inverts them, invalid grids are recognisable.
#include "core/series/PixelGrid.h"

#include <QTest>

#include <limits>

using namespace sasquatch;

class tst_PixelGrid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void partition_data();
    void partition();
    void invalid();
    void aligned_data();
    void aligned();
};

void tst_PixelGrid::partition_data()
{
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("stop");
    QTest::addColumn<int>("width");
    constexpr qint64 kMin = std::numeric_limits<qint64>::min();
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    QTest::newRow("one hour, 1920 px") << qint64{1'795'403'520'000'000'000} << qint64{1'795'407'120'000'000'000} << 1920;
    QTest::newRow("span shorter than width") << qint64{100} << qint64{137} << 1920;
    QTest::newRow("one ns, one px") << qint64{-5} << qint64{-4} << 1;
    QTest::newRow("negative to positive") << qint64{-1'000'003} << qint64{999'999} << 7;
    QTest::newRow("whole int64 range") << kMin << kMax << 1920;
    QTest::newRow("whole int64 range, 1 px") << kMin << kMax << 1;
    QTest::newRow("prime width") << qint64{0} << qint64{1'000'000'007} << 997;
}

void tst_PixelGrid::partition()
{
    QFETCH(qint64, start);
    QFETCH(qint64, stop);
    QFETCH(int, width);
    const PixelGrid grid(start, stop, width);
    QVERIFY(grid.isValid());
    QCOMPARE(grid.boundary(0), start);
    QCOMPARE(grid.boundary(width), stop);
    for (int k = 0; k < width; ++k) {
        const std::int64_t a = grid.boundary(k);
        const std::int64_t b = grid.boundary(k + 1);
        QVERIFY(a <= b);
        if (a < b) {
            QCOMPARE(grid.columnOf(a), k);
            QCOMPARE(grid.columnOf(b - 1), k);
            QVERIFY(grid.center(k) >= a && grid.center(k) < b);
        }
    }
    QCOMPARE(grid.columnOf(stop), -1);
    if (start > std::numeric_limits<qint64>::min())
        QCOMPARE(grid.columnOf(start - 1), -1);
}

void tst_PixelGrid::invalid()
{
    QVERIFY(!PixelGrid().isValid());
    QVERIFY(!PixelGrid(10, 10, 100).isValid());
    QVERIFY(!PixelGrid(10, 5, 100).isValid());
    QVERIFY(!PixelGrid(0, 100, 0).isValid());
    QCOMPARE(PixelGrid(0, 100, 0).width(), 0);
    QCOMPARE(PixelGrid(0, 100, 0).columnOf(5), -1);
}

void tst_PixelGrid::aligned_data()
{
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("stop");
    QTest::addColumn<int>("width");
    QTest::newRow("one hour, 1920 px") << qint64{1'795'403'520'123'456'789} << qint64{1'795'407'120'000'000'000} << 1920;
    QTest::newRow("negative start") << qint64{-1'000'003} << qint64{999'999} << 7;
    QTest::newRow("span shorter than width") << qint64{100} << qint64{137} << 1920;
    QTest::newRow("prime width") << qint64{5} << qint64{1'000'000'007} << 997;
}

void tst_PixelGrid::aligned()
{
    QFETCH(qint64, start);
    QFETCH(qint64, stop);
    QFETCH(int, width);
    const PixelGrid grid = PixelGrid::aligned(start, stop, width);
    QVERIFY(grid.isValid());
    QCOMPARE(grid.width(), width);
    const std::int64_t step = (grid.stop() - grid.start()) / width;
    QCOMPARE(grid.stop() - grid.start(), step * width);
    QCOMPARE(step, std::max<std::int64_t>(1, (stop - start + width - 1) / width));
    QVERIFY(grid.start() <= start && start - grid.start() < step);
    QVERIFY(grid.stop() > stop - step);
    QCOMPARE(((grid.start() % step) + step) % step, 0);
    for (int k = 0; k <= width; ++k)
        QCOMPARE(grid.boundary(k), grid.start() + step * k);
    // Panned by any amount: the same columns where the two overlap.
    const PixelGrid panned = PixelGrid::aligned(start + 3 * step + step / 2, stop + 3 * step + step / 2, width);
    QCOMPARE((panned.stop() - panned.start()) / width, step);
    QCOMPARE((panned.start() - grid.start()) % step, 0);
    QVERIFY(!PixelGrid::aligned(std::numeric_limits<qint64>::max() - 10, std::numeric_limits<qint64>::max(), 3).isValid() ||
            PixelGrid::aligned(std::numeric_limits<qint64>::max() - 10, std::numeric_limits<qint64>::max(), 3).stop() ==
                std::numeric_limits<qint64>::max());
    QVERIFY(!PixelGrid::aligned(10, 10, 5).isValid());
}

QTEST_GUILESS_MAIN(tst_PixelGrid)
#include "tst_pixelgrid.moc"
