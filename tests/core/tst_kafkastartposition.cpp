// SPDX-License-Identifier: GPL-3.0-or-later
// KafkaStartPosition: the --from syntax of `tail` and the live panel.
#include "core/kafka/KafkaStartPosition.h"

#include <QTest>

using namespace sasquatch;

class tst_KafkaStartPosition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
};

void tst_KafkaStartPosition::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("mode");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QString>("canonical");
    const int now = int(KafkaStartMode::Now), ago = int(KafkaStartMode::SecondsAgo), last = int(KafkaStartMode::LastN),
              begin = int(KafkaStartMode::Beginning);
    QTest::newRow("now") << QStringLiteral("now") << true << now << qint64(0) << QStringLiteral("now");
    QTest::newRow("NOW spaced") << QStringLiteral(" NOW ") << true << now << qint64(0) << QStringLiteral("now");
    QTest::newRow("beginning") << QStringLiteral("beginning") << true << begin << qint64(0) << QStringLiteral("beginning");
    QTest::newRow("-30s") << QStringLiteral("-30s") << true << ago << qint64(30) << QStringLiteral("-30s");
    QTest::newRow("-5m") << QStringLiteral("-5m") << true << ago << qint64(300) << QStringLiteral("-300s");
    QTest::newRow("-2h") << QStringLiteral("-2h") << true << ago << qint64(7200) << QStringLiteral("-7200s");
    QTest::newRow("-1d") << QStringLiteral("-1d") << true << ago << qint64(86400) << QStringLiteral("-86400s");
    QTest::newRow("-100 messages") << QStringLiteral("-100") << true << last << qint64(100) << QStringLiteral("-100");
    QTest::newRow("30s without minus") << QStringLiteral("30s") << false << 0 << qint64(0) << QString();
    QTest::newRow("-0") << QStringLiteral("-0") << false << 0 << qint64(0) << QString();
    QTest::newRow("--5") << QStringLiteral("--5") << false << 0 << qint64(0) << QString();
    QTest::newRow("-5ms") << QStringLiteral("-5ms") << false << 0 << qint64(0) << QString();
    QTest::newRow("-x") << QStringLiteral("-x") << false << 0 << qint64(0) << QString();
    QTest::newRow("empty") << QString() << false << 0 << qint64(0) << QString();
    QTest::newRow("-") << QStringLiteral("-") << false << 0 << qint64(0) << QString();
}

void tst_KafkaStartPosition::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(int, mode);
    QFETCH(qint64, amount);
    QFETCH(QString, canonical);
    const auto parsed = KafkaStartPosition::parse(text);
    QCOMPARE(parsed.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(int(parsed->mode), mode);
    QCOMPARE(qint64(parsed->amount), amount);
    QCOMPARE(parsed->text(), canonical);
    QCOMPARE(KafkaStartPosition::parse(parsed->text()), parsed);
}

QTEST_GUILESS_MAIN(tst_KafkaStartPosition)
#include "tst_kafkastartposition.moc"
