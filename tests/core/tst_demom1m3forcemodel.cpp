// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoCatalog.h"
#include "core/demo/DemoM1M3ForceModel.h"
#include "core/demo/DemoSignals.h"

#include <QTest>

#include <cmath>
#include <numeric>
#include <vector>

using namespace sasquatch;

namespace {

constexpr std::int64_t kAnchor = 1'764'000'000'000;
constexpr std::int64_t kMinute = 60'000;

const DemoTopic &forces()
{
    return *DemoCatalog::instance().topic(QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"));
}

/// Offset of a data field in the flattened data values.
int offsetOf(const char *name)
{
    int offset = 0;
    for (const DemoField &f : forces().fields) {
        if (f.name == QLatin1String(name))
            return offset;
        offset += f.role == DemoFieldRole::Data ? f.count : 0;
    }
    return -1;
}

std::vector<double> sample(const DemoM1M3ForceModel &model, std::int64_t t)
{
    std::vector<double> v(812);
    model(t, v);
    return v;
}

double meanZ(const std::vector<double> &v)
{
    const int z = offsetOf("zForce");
    return std::accumulate(v.begin() + z, v.begin() + z + 156, 0.0) / 156;
}

} // namespace

class tst_DemoM1M3ForceModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void raiseCycle_data();
    void raiseCycle();
    void loweredMirrorCarriesNothing();
    void raisedMirrorCarriesItsWeight();
    void sumsAreConsistent();
    void followingErrorsGrowWhileRaising();
    void deterministic();
    void invalidTopic();
};

void tst_DemoM1M3ForceModel::raiseCycle_data()
{
    QTest::addColumn<qint64>("offsetMs");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::newRow("lowered") << qint64(1 * kMinute) << 0.0 << 0.0;
    QTest::newRow("raising") << qint64(3 * kMinute) << 0.3 << 0.7;
    QTest::newRow("raised") << qint64(10 * kMinute) << 1.0 << 1.0;
    QTest::newRow("lowering") << qint64(27 * kMinute) << 0.3 << 0.7;
    QTest::newRow("lowered again") << qint64(29 * kMinute) << 0.0 << 0.0;
    QTest::newRow("next cycle") << qint64(30 * kMinute + 10 * kMinute) << 1.0 << 1.0;
    QTest::newRow("before anchor") << qint64(-20 * kMinute) << 1.0 << 1.0;
}

void tst_DemoM1M3ForceModel::raiseCycle()
{
    QFETCH(qint64, offsetMs);
    QFETCH(double, low);
    QFETCH(double, high);
    const DemoM1M3ForceModel model(forces(), kAnchor);
    QVERIFY(model.isValid());
    const double r = model.raisedFraction(kAnchor + offsetMs);
    QVERIFY2(r >= low && r <= high, qPrintable(QString::number(r)));
}

void tst_DemoM1M3ForceModel::loweredMirrorCarriesNothing()
{
    const DemoM1M3ForceModel model(forces(), kAnchor);
    double sum = 0;
    for (int i = 0; i < 50; ++i)
        sum += meanZ(sample(model, kAnchor + kMinute + i * 20));
    QVERIFY2(std::abs(sum / 50) < 2.0, qPrintable(QString::number(sum / 50)));
}

void tst_DemoM1M3ForceModel::raisedMirrorCarriesItsWeight()
{
    const DemoM1M3ForceModel model(forces(), kAnchor);
    const std::int64_t t = kAnchor + 10 * kMinute;
    const std::vector<double> v = sample(model, t);
    const double elevation = DemoSignals::elevationDeg(t) * std::numbers::pi / 180;
    const double weight = 17'000 * 9.81;
    const double fz = v[size_t(offsetOf("fz"))];
    QVERIFY2(std::abs(fz - weight * std::sin(elevation)) < 0.02 * weight, qPrintable(QString::number(fz)));
    const double fy = v[size_t(offsetOf("fy"))];
    QVERIFY2(std::abs(fy - weight * std::cos(elevation)) < 0.05 * weight, qPrintable(QString::number(fy)));
}

void tst_DemoM1M3ForceModel::sumsAreConsistent()
{
    const DemoM1M3ForceModel model(forces(), kAnchor);
    const std::vector<double> v = sample(model, kAnchor + 12 * kMinute + 340);
    const auto sum = [&](const char *name, int n) {
        const int o = offsetOf(name);
        return std::accumulate(v.begin() + o, v.begin() + o + n, 0.0);
    };
    QVERIFY(std::abs(v[size_t(offsetOf("fz"))] - sum("zForce", 156)) < 1e-6);
    QVERIFY(std::abs(v[size_t(offsetOf("fy"))] - sum("yForce", 100)) < 1e-6);
    QVERIFY(std::abs(v[size_t(offsetOf("fx"))] - sum("xForce", 12)) < 1e-6);
    const double fx = v[size_t(offsetOf("fx"))], fy = v[size_t(offsetOf("fy"))], fz = v[size_t(offsetOf("fz"))];
    QVERIFY(std::abs(v[size_t(offsetOf("forceMagnitude"))] - std::sqrt(fx * fx + fy * fy + fz * fz)) < 1e-6);
    // Secondary cylinders at 45 degrees carry the lateral force times sqrt(2).
    const double y0 = v[size_t(offsetOf("yForce"))];
    QVERIFY(std::abs(v[size_t(offsetOf("secondaryCylinderForce"))] - std::numbers::sqrt2 * y0) < 3.0);
    const double ts = v[size_t(offsetOf("timestamp"))];
    QVERIFY(std::abs(ts - (double(kAnchor + 12 * kMinute + 340) / 1000 + 37)) < 0.01);
}

void tst_DemoM1M3ForceModel::followingErrorsGrowWhileRaising()
{
    const DemoM1M3ForceModel model(forces(), kAnchor);
    const auto rms = [&](std::int64_t t) {
        double s = 0;
        for (int k = 0; k < 20; ++k) {
            const std::vector<double> v = sample(model, t + k * 20);
            const int o = offsetOf("primaryCylinderFollowingError");
            for (int i = 0; i < 156; ++i)
                s += v[size_t(o + i)] * v[size_t(o + i)];
        }
        return std::sqrt(s / (20 * 156));
    };
    QVERIFY2(rms(kAnchor + 3 * kMinute) > 3 * rms(kAnchor + 10 * kMinute),
             qPrintable(QStringLiteral("%1 vs %2").arg(rms(kAnchor + 3 * kMinute)).arg(rms(kAnchor + 10 * kMinute))));
}

void tst_DemoM1M3ForceModel::deterministic()
{
    const DemoM1M3ForceModel a(forces(), kAnchor);
    const DemoM1M3ForceModel b(forces(), kAnchor);
    QCOMPARE(sample(a, kAnchor + 777'760), sample(b, kAnchor + 777'760));
}

void tst_DemoM1M3ForceModel::invalidTopic()
{
    const DemoTopic *other = DemoCatalog::instance().topic(QStringLiteral("lsst.sal.MTMount.azimuth"));
    const DemoM1M3ForceModel model(*other, kAnchor);
    QVERIFY(!model.isValid());
    std::vector<double> v(20, 42.0);
    model(kAnchor, v);
    QCOMPARE(v.front(), 42.0); // untouched
}

QTEST_GUILESS_MAIN(tst_DemoM1M3ForceModel)
#include "tst_demom1m3forcemodel.moc"
