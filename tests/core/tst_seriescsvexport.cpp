// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workspace/SeriesCsvExport.h"

#include <QBuffer>
#include <QTest>

#include <cmath>

using namespace sasquatch;

namespace {

constexpr std::int64_t kStart = 1'795'403'520LL * 1'000'000'000; // 2026-11-23T03:12:00Z

} // namespace

class tst_SeriesCsvExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wideTableOnTheUnionOfTimes()
    {
        CsvSeriesData a{QStringLiteral("forceActuatorData.fz [N]"), {kStart, kStart + 20'000'000, kStart + 40'000'000},
                        {1.5, NAN, -0.1}};
        CsvSeriesData b{QStringLiteral("x, \"quoted\""), {kStart + 20'000'000, kStart + 30'000'001}, {1e300, INFINITY}};
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const Outcome<std::int64_t> rows = SeriesCsvExport::write(buffer, {a, b}, TimeScale::Utc);
        QVERIFY2(rows.ok(), qPrintable(rows.error()));
        QCOMPARE(rows.value(), std::int64_t(4));
        QCOMPARE(buffer.data(), QByteArray("time_utc,forceActuatorData.fz [N],\"x, \"\"quoted\"\"\"\r\n"
                                           "2026-11-23T03:12:00.000000000Z,1.5,\r\n"
                                           "2026-11-23T03:12:00.020000000Z,NaN,1e+300\r\n"
                                           "2026-11-23T03:12:00.030000001Z,,+Inf\r\n"
                                           "2026-11-23T03:12:00.040000000Z,-0.1,\r\n"));
    }

    void tai()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(SeriesCsvExport::write(buffer, {CsvSeriesData{QStringLiteral("v"), {kStart}, {2}}}, TimeScale::Tai).ok());
        QCOMPARE(buffer.data(), QByteArray("time_tai,v\r\n2026-11-23T03:12:37.000000000 TAI,2\r\n"));
    }

    void writeErrorIsReported()
    {
        QBuffer buffer; // not open
        const Outcome<std::int64_t> rows = SeriesCsvExport::write(buffer, {CsvSeriesData{QStringLiteral("v"), {kStart}, {2}}},
                                                                  TimeScale::Utc);
        QVERIFY(!rows.ok());
    }
};

QTEST_GUILESS_MAIN(tst_SeriesCsvExport)
#include "tst_seriescsvexport.moc"
