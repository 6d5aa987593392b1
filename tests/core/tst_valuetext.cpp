// SPDX-License-Identifier: GPL-3.0-or-later
// Scalar text as the Flux CSV encoder writes it (strconv formatting in Go: +Inf, -Inf, NaN,
// true/false) and as its decoder accepts it.
#include "core/parse/ValueText.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace sasquatch;

class tst_ValueText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void longs_data();
    void longs();
    void unsignedLongs();
    void doubles_data();
    void doubles();
    void booleans();
    void doubleText_data();
    void doubleText();
};

static std::string_view view(const QByteArray &b)
{
    return {b.constData(), static_cast<std::size_t>(b.size())};
}

void tst_ValueText::longs_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("value");
    QTest::newRow("zero") << QByteArray("0") << true << qint64(0);
    QTest::newRow("plus") << QByteArray("+12") << true << qint64(12);
    QTest::newRow("min") << QByteArray("-9223372036854775808") << true << std::numeric_limits<qint64>::min();
    QTest::newRow("max") << QByteArray("9223372036854775807") << true << std::numeric_limits<qint64>::max();
    QTest::newRow("overflow") << QByteArray("9223372036854775808") << false << qint64(0);
    QTest::newRow("plus minus") << QByteArray("+-1") << false << qint64(0);
    QTest::newRow("sign only") << QByteArray("-") << false << qint64(0);
    QTest::newRow("decimal") << QByteArray("1.0") << false << qint64(0);
    QTest::newRow("blank") << QByteArray(" 1") << false << qint64(0);
    QTest::newRow("empty") << QByteArray() << false << qint64(0);
}

void tst_ValueText::longs()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(qint64, value);
    std::int64_t v = 7;
    QCOMPARE(parseLongText(view(text), v), valid);
    QCOMPARE(qint64(v), valid ? value : qint64(7));
}

void tst_ValueText::unsignedLongs()
{
    std::uint64_t v = 0;
    QVERIFY(parseUnsignedLongText("18446744073709551615", v));
    QCOMPARE(v, std::numeric_limits<std::uint64_t>::max());
    QVERIFY(parseUnsignedLongText("+3", v));
    QCOMPARE(v, 3u);
    QVERIFY(!parseUnsignedLongText("-0", v));
    QVERIFY(!parseUnsignedLongText("18446744073709551616", v));
    QVERIFY(!parseUnsignedLongText("", v));
}

void tst_ValueText::doubles_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("value");
    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("plain") << QByteArray("15.43") << true << 15.43;
    QTest::newRow("exponent") << QByteArray("-1.5e-3") << true << -0.0015;
    QTest::newRow("integer") << QByteArray("42") << true << 42.0;
    QTest::newRow("leading plus") << QByteArray("+2.5") << true << 2.5;
    QTest::newRow("+Inf") << QByteArray("+Inf") << true << inf;
    QTest::newRow("-Inf") << QByteArray("-Inf") << true << -inf;
    QTest::newRow("inf lower") << QByteArray("inf") << true << inf;
    QTest::newRow("overflow to Inf, as Go") << QByteArray("1e999") << true << inf;
    QTest::newRow("underflow to 0") << QByteArray("1e-999") << true << 0.0;
    QTest::newRow("junk") << QByteArray("1.5x") << false << 0.0;
    QTest::newRow("two signs") << QByteArray("--1") << false << 0.0;
    QTest::newRow("word") << QByteArray("Infinite") << false << 0.0;
    QTest::newRow("hex") << QByteArray("0x10") << false << 0.0;
    QTest::newRow("empty") << QByteArray() << false << 0.0;
}

void tst_ValueText::doubles()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(double, value);
    double v = 7;
    QCOMPARE(parseDoubleText(view(text), v), valid);
    QCOMPARE(v, valid ? value : 7.0);
    QVERIFY(parseDoubleText("NaN", v) && std::isnan(v));
}

void tst_ValueText::booleans()
{
    bool v = false;
    QVERIFY(parseBooleanText("true", v) && v);
    QVERIFY(parseBooleanText("FALSE", v) && !v);
    QVERIFY(parseBooleanText("T", v) && v);
    QVERIFY(parseBooleanText("0", v) && !v);
    QVERIFY(!parseBooleanText("yes", v));
    QVERIFY(!parseBooleanText("", v));
}

void tst_ValueText::doubleText_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("shortest") << 0.1 << "0.1";
    QTest::newRow("integer") << 42.0 << "42";
    QTest::newRow("large") << 1e300 << "1e+300";
    QTest::newRow("+Inf") << std::numeric_limits<double>::infinity() << "+Inf";
    QTest::newRow("-Inf") << -std::numeric_limits<double>::infinity() << "-Inf";
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << "NaN";
}

void tst_ValueText::doubleText()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    std::string out = "x=";
    appendDoubleText(out, value);
    QCOMPARE(QString::fromStdString(out), "x=" + text);
}

QTEST_GUILESS_MAIN(tst_ValueText)
#include "tst_valuetext.moc"
