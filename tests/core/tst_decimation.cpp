// SPDX-License-Identifier: GPL-3.0-or-later
// Decimation::path(): the polyline handed to QCPGraph or a painter. Columns become 1-4 points
// at their center, a NaN between two valid samples (index gap) becomes a break, the
// neighbours outside the view lead in and out, raw points pass through.
#include "core/series/Decimation.h"

#include <QTest>

#include <cmath>

using namespace sasquatch;

namespace {

DecimatedColumn column(double first, double min, double max, double last, std::int64_t firstIndex, std::int64_t lastIndex)
{
    DecimatedColumn c;
    c.samples = lastIndex - firstIndex + 1;
    c.first = first;
    c.min = min;
    c.max = max;
    c.last = last;
    c.firstIndex = firstIndex;
    c.lastIndex = lastIndex;
    return c;
}

// "t:v" per point, "|" for a break.
QString describe(const std::vector<SamplePoint> &path)
{
    QStringList parts;
    for (const SamplePoint &p : path)
        parts << (std::isnan(p.value) ? QStringLiteral("|") : QStringLiteral("%1:%2").arg(p.time).arg(p.value));
    return parts.join(QLatin1Char(' '));
}

} // namespace

class tst_Decimation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void columnPoints_data();
    void columnPoints();
    void gapsAndNeighbours();
    void rawPointsPassThrough();
};

void tst_Decimation::columnPoints_data()
{
    QTest::addColumn<double>("first");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("last");
    QTest::addColumn<QString>("path");
    // Grid [0, 100) with 1 column: center 50.
    QTest::newRow("single sample") << 3.0 << 3.0 << 3.0 << 3.0 << "50:3";
    QTest::newRow("rising: first=min, last=max") << 1.0 << 1.0 << 9.0 << 9.0 << "50:1 50:9";
    QTest::newRow("falling") << 9.0 << 1.0 << 9.0 << 1.0 << "50:9 50:1";
    QTest::newRow("first=min, last inside") << 1.0 << 1.0 << 9.0 << 5.0 << "50:1 50:9 50:5";
    QTest::newRow("first=max, last inside") << 9.0 << 1.0 << 9.0 << 5.0 << "50:9 50:1 50:5";
    QTest::newRow("first inside, last=max") << 5.0 << 1.0 << 9.0 << 9.0 << "50:5 50:1 50:9";
    QTest::newRow("first inside, last=min") << 5.0 << 1.0 << 9.0 << 1.0 << "50:5 50:9 50:1";
    QTest::newRow("both inside") << 5.0 << 1.0 << 9.0 << 6.0 << "50:5 50:1 50:9 50:6";
}

void tst_Decimation::columnPoints()
{
    QFETCH(double, first);
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(double, last);
    QFETCH(QString, path);
    Decimation d;
    d.grid = PixelGrid(0, 100, 1);
    d.columns = {column(first, min, max, last, 10, 20)};
    QCOMPARE(describe(d.path()), path);
}

void tst_Decimation::gapsAndNeighbours()
{
    Decimation d;
    d.grid = PixelGrid(0, 40, 4); // centers 5, 15, 25, 35
    d.before = SamplePoint{-3, 7.0, 9};
    d.columns.resize(4);
    d.columns[0] = column(1, 1, 1, 1, 10, 10); // follows `before` directly: connected
    // column 1 empty (no samples): the line runs through it
    d.columns[2] = column(2, 2, 4, 4, 11, 13);
    d.columns[3] = column(5, 5, 5, 5, 15, 15); // index 14 (a NaN) between: break
    d.after = SamplePoint{41, 8.0, 17};        // index 16 (a NaN) between: break
    QCOMPARE(describe(d.path()), QStringLiteral("-3:7 5:1 25:2 25:4 | 35:5 | 41:8"));
}

void tst_Decimation::rawPointsPassThrough()
{
    Decimation d;
    d.grid = PixelGrid(0, 100, 10);
    d.hasRawPoints = true;
    d.points = {{10, 1.0, 3}, {20, NAN, 4}, {30, 3.0, 5}, {40, 4.0, 6}};
    d.before = SamplePoint{-1, 0.5, 1}; // index 2 between: break
    d.after = SamplePoint{100, 5.0, 7};
    QCOMPARE(describe(d.path()), QStringLiteral("-1:0.5 | 10:1 | 30:3 40:4 100:5"));
}

QTEST_GUILESS_MAIN(tst_Decimation)
#include "tst_decimation.moc"
