// SPDX-License-Identifier: GPL-3.0-or-later
// Scalar text as the Flux CSV encoder writes it (strconv formatting in Go: +Inf, -Inf, NaN,
// true/false) and as its decoder accepts it.
#include "core/parse/ValueText.h"

#include <QTest>

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

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
    void doublesAsFromChars();
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
    // Plain decimals take a fast path (up to 19 digits); the rest goes through from_chars.
    QTest::newRow("Flux float") << QByteArray("-11718.7490234375") << true << -11718.7490234375;
    QTest::newRow("trailing dot") << QByteArray("1.") << true << 1.0;
    QTest::newRow("leading dot") << QByteArray(".5") << true << 0.5;
    QTest::newRow("plus leading dot") << QByteArray("+.5") << true << 0.5;
    QTest::newRow("leading zeros") << QByteArray("00012.50") << true << 12.5;
    QTest::newRow("19 digits") << QByteArray("1234567890.123456789") << true << 1234567890.123456789;
    QTest::newRow("20 digits") << QByteArray("12345678901234567890.5") << true << 12345678901234567890.5;
    QTest::newRow("2^53 + 1 rounds to even") << QByteArray("9007199254740993") << true << 9007199254740992.0;
    QTest::newRow("tiny") << QByteArray("0.0000000000000000000000001") << true << 1e-25;
    QTest::newRow("dot alone") << QByteArray(".") << false << 0.0;
    QTest::newRow("sign and dot") << QByteArray("-.") << false << 0.0;
    QTest::newRow("two dots") << QByteArray("1.2.3") << false << 0.0;
    QTest::newRow("space after") << QByteArray("1.25 ") << false << 0.0;
    QTest::newRow("long junk after digits") << QByteArray("123456789012x") << false << 0.0;
    QTest::newRow("junk early in a long fraction") << QByteArray("1.x23456789012") << false << 0.0;
    QTest::newRow("junk late in a long fraction") << QByteArray("1.2345678x12") << false << 0.0;
    QTest::newRow("junk just before the last eight") << QByteArray("1.2x34567890") << false << 0.0;
    QTest::newRow("junk at the end of a fraction") << QByteArray("123.45678901234x") << false << 0.0;
    QTest::newRow("sign inside") << QByteArray("1234.567-89") << false << 0.0;
    QTest::newRow("18 fraction digits") << QByteArray("-0.123456789012345678") << true << -0.123456789012345678;
    QTest::newRow("16 fraction digits") << QByteArray("7.1234567890123456") << true << 7.1234567890123456;
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

void tst_ValueText::doublesAsFromChars()
{
    // Whatever path a text takes, the value is the one std::from_chars gives (the correctly
    // rounded double), sign included: random plain decimals of 1..24 digits, the dot anywhere.
    std::uint64_t x = 0x9e3779b97f4a7c15u;
    const auto next = [&x] {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    for (int i = 0; i < 200'000; ++i) {
        std::string text;
        const bool negative = next() % 2 == 0;
        const int digits = 1 + int(next() % 24);
        const int dot = int(next() % std::uint64_t(digits + 2)) - 1; // -1: no dot
        for (int d = 0; d < digits; ++d) {
            if (d == dot)
                text += '.';
            // Runs of 9s and 0s reach the rounding boundaries.
            const std::uint64_t r = next() % 16;
            text += r < 3 ? '9' : r < 6 ? '0' : char('0' + next() % 10);
        }
        if (dot == digits)
            text += '.';
        double expected = 0;
        const auto r = std::from_chars(text.data(), text.data() + text.size(), expected);
        QVERIFY(r.ec == std::errc() && r.ptr == text.data() + text.size());
        if (negative) {
            text.insert(text.begin(), '-');
            expected = -expected;
        }
        double got = 7;
        QVERIFY2(parseDoubleText(text, got), text.c_str());
        if (std::memcmp(&got, &expected, sizeof got) != 0)
            QFAIL(qPrintable(QStringLiteral("%1: %2 instead of %3").arg(QString::fromStdString(text)).arg(got, 0, 'g', 17).arg(expected, 0, 'g', 17)));
    }
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
