// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/QueryErrorLocation.h"

#include <QTest>

using namespace sasquatch;

class tst_QueryErrorLocation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void find_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line"); // 0: no location
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("endLine");
        QTest::addColumn<int>("endColumn");
        QTest::newRow("flux undefined") << "error @2:6-2:11: undefined identifier rnage" << 2 << 6 << 2 << 11;
        QTest::newRow("flux compile loc") << "compilation failed: loc 3:5-9:1: expected RPAREN, got EOF" << 3 << 5 << 9 << 1;
        QTest::newRow("flux type error") << "failed to compile query: type error 5:6-5:69: missing required parameter "
                                            "\"columnKey\""
                                         << 5 << 6 << 5 << 69;
        QTest::newRow("flux point") << "error @4:3: got unexpected token" << 4 << 3 << 0 << 0;
        QTest::newRow("influxql") << "error parsing query: found FRM, expected FROM at line 1, char 10" << 1 << 10 << 0 << 0;
        QTest::newRow("clock time is no position") << "runtime error: no data after 2024-03-14T06:30:00Z" << 0 << 0 << 0 << 0;
        QTest::newRow("time range is no position") << "between 12:30:00-13:45:10 nothing" << 0 << 0 << 0 << 0;
        QTest::newRow("timeout") << "timeout" << 0 << 0 << 0 << 0;
    }
    void find()
    {
        QFETCH(QString, message);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(int, endLine);
        QFETCH(int, endColumn);
        const auto location = QueryErrorLocation::find(message);
        if (line == 0) {
            QVERIFY(!location);
            return;
        }
        QVERIFY(location);
        QCOMPARE(*location, (QueryErrorLocation{line, column, endLine, endColumn}));
    }
};

QTEST_GUILESS_MAIN(tst_QueryErrorLocation)
#include "tst_queryerrorlocation.moc"
