// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/time/Durations.h"

#include <QTest>

using namespace sasquatch;

class tst_Durations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ns");
        // Forms printed by SHOW RETENTION POLICIES (Go's time.Duration.String) and InfluxQL literals.
        QTest::newRow("zero") << "0s" << qint64(0);
        QTest::newRow("inf") << "INF" << qint64(0);
        QTest::newRow("week") << "168h0m0s" << qint64(168) * 3600 * 1'000'000'000;
        QTest::newRow("mixed") << "1h30m15s" << qint64(5415) * 1'000'000'000;
        QTest::newRow("fraction") << "1.5s" << qint64(1'500'000'000);
        QTest::newRow("ms") << "250ms" << qint64(250'000'000);
        QTest::newRow("us") << "3µs" << qint64(3000);
        QTest::newRow("days") << "7d" << qint64(7) * 86400 * 1'000'000'000;
        QTest::newRow("weeks") << "2w" << qint64(14) * 86400 * 1'000'000'000;
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ns);
        QCOMPARE(parseDurationNs(text), std::optional<std::int64_t>(ns));
    }

    void rejects()
    {
        for (const char *bad : {"", "h", "5", "5x", "1h-3m", "abc"})
            QVERIFY2(!parseDurationNs(QString::fromLatin1(bad)) || QByteArray(bad) == "0", bad);
    }

    void format()
    {
        QCOMPARE(formatDurationSeconds(0), QStringLiteral("infinite"));
        QCOMPARE(formatDurationSeconds(7 * 86400), QStringLiteral("7d"));
        QCOMPARE(formatDurationSeconds(86400 + 12 * 3600), QStringLiteral("1d 12h"));
        QCOMPARE(formatDurationSeconds(5400), QStringLiteral("1h 30m"));
        QCOMPARE(formatDurationSeconds(45), QStringLiteral("45s"));
        QCOMPARE(influxQlDurationLiteral(0), QStringLiteral("INF"));
        QCOMPARE(influxQlDurationLiteral(7 * 86400), QStringLiteral("168h"));
        QCOMPARE(influxQlDurationLiteral(90), QStringLiteral("90s"));
    }
};

QTEST_GUILESS_MAIN(tst_Durations)
#include "tst_durations.moc"
