// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoLineProtocol.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace sasquatch;

class tst_DemoLineProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escaping();
    void floats_data();
    void floats();
    void fixedIntegerBooleanTime();
    void strings_data();
    void strings();
};

void tst_DemoLineProtocol::escaping()
{
    QCOMPARE(DemoLineProtocol::measurement(QStringLiteral("a b,c=d")), std::string("a\\ b\\,c=d"));
    QCOMPARE(DemoLineProtocol::key(QStringLiteral("a b,c=d")), std::string("a\\ b\\,c\\=d"));
    QCOMPARE(DemoLineProtocol::measurement(QStringLiteral("lsst.sal.MTM1M3.forceActuatorData")),
             std::string("lsst.sal.MTM1M3.forceActuatorData"));
}

void tst_DemoLineProtocol::floats_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("digits");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("four digits") << 1071.34 << 4 << QByteArray("1071");
    QTest::newRow("rounded") << 123.456 << 4 << QByteArray("123.5");
    QTest::newRow("small") << 0.0012345 << 4 << QByteArray("0.001234");
    QTest::newRow("negative") << -0.5 << 4 << QByteArray("-0.5");
    QTest::newRow("large stays whole") << 166'770.4 << 4 << QByteArray("166770");
    QTest::newRow("tiny uses exponent") << 1.5e-7 << 4 << QByteArray("1.5e-07");
    QTest::newRow("zero") << 0.0 << 4 << QByteArray("0");
    QTest::newRow("nan becomes zero") << std::numeric_limits<double>::quiet_NaN() << 4 << QByteArray("0");
    QTest::newRow("more digits") << 74'312.25 << 6 << QByteArray("74312");
    QTest::newRow("six digits") << 9.876543 << 6 << QByteArray("9.87654");
}

void tst_DemoLineProtocol::floats()
{
    QFETCH(double, value);
    QFETCH(int, digits);
    QFETCH(QByteArray, text);
    std::string out;
    DemoLineProtocol::appendFloat(out, value, digits);
    QCOMPARE(QByteArray::fromStdString(out), text);
}

void tst_DemoLineProtocol::fixedIntegerBooleanTime()
{
    std::string out;
    DemoLineProtocol::appendFixed(out, 1'700'000'000.1234, 3);
    out += ',';
    DemoLineProtocol::appendInteger(out, -5);
    out += ',';
    DemoLineProtocol::appendBoolean(out, true);
    DemoLineProtocol::appendBoolean(out, false);
    DemoLineProtocol::appendTime(out, 1'700'000'000'123);
    QCOMPARE(QByteArray::fromStdString(out), QByteArray("1700000000.123,-5i,tf 1700000000123\n"));
}

void tst_DemoLineProtocol::strings_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("out");
    QTest::newRow("plain") << QByteArray("ok") << QByteArray("\"ok\"");
    QTest::newRow("quote") << QByteArray("a\"b") << QByteArray("\"a\\\"b\"");
    QTest::newRow("backslash") << QByteArray("c:\\x") << QByteArray("\"c:\\\\x\"");
    QTest::newRow("comma and space kept") << QByteArray("a, b=c") << QByteArray("\"a, b=c\"");
}

void tst_DemoLineProtocol::strings()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, out);
    std::string s;
    DemoLineProtocol::appendString(s, in.toStdString());
    QCOMPARE(QByteArray::fromStdString(s), out);
}

QTEST_GUILESS_MAIN(tst_DemoLineProtocol)
#include "tst_demolineprotocol.moc"
