// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/influx/QueryEscape.h"

#include <QTest>

using namespace sasquatch;

class tst_QueryEscape : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void influxQl_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("identifier");
        QTest::addColumn<QString>("literal");
        QTest::newRow("plain") << "lsst.sal.MTM1M3.forceActuatorData" << "\"lsst.sal.MTM1M3.forceActuatorData\""
                               << "'lsst.sal.MTM1M3.forceActuatorData'";
        QTest::newRow("double quote") << "a\"b" << "\"a\\\"b\"" << "'a\"b'";
        QTest::newRow("injection") << "x' OR 1=1" << "\"x' OR 1=1\"" << "'x\\' OR 1=1'";
        QTest::newRow("backslash") << "a\\\"; DROP DATABASE efd" << "\"a\\\\\\\"; DROP DATABASE efd\""
                                   << "'a\\\\\"; DROP DATABASE efd'";
        QTest::newRow("newline") << "a\nb" << "\"a\\nb\"" << "'a\\nb'";
        QTest::newRow("empty") << "" << "\"\"" << "''";
    }
    void influxQl()
    {
        QFETCH(QString, name);
        QFETCH(QString, identifier);
        QFETCH(QString, literal);
        QCOMPARE(influxQlIdentifier(name), identifier);
        QCOMPARE(influxQlString(name), literal);
    }

    void flux_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "efd/autogen" << "\"efd/autogen\"";
        QTest::newRow("quote") << "a\"b" << "\"a\\\"b\"";
        QTest::newRow("interpolation") << "${secrets.get(key:\"x\")}" << "\"\\${secrets.get(key:\\\"x\\\")}\"";
        QTest::newRow("lone dollar") << "cost$" << "\"cost$\"";
        QTest::newRow("backslash") << "a\\" << "\"a\\\\\"";
        QTest::newRow("controls") << "a\tb\r\n" << "\"a\\tb\\r\\n\"";
    }
    void flux()
    {
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QCOMPARE(fluxString(value), expected);
    }
};

QTEST_GUILESS_MAIN(tst_QueryEscape)
#include "tst_queryescape.moc"
