// SPDX-License-Identifier: GPL-3.0-or-later
// InfluxQlStatements: statement splitting and the GET/POST choice, from the InfluxQL
// specification (statements separated by `;`, comments, quoted identifiers and strings) and the
// InfluxDB 1.x HTTP API reference ("/query": POST for ALTER, CREATE, DELETE, DROP, GRANT, KILL,
// REVOKE, SELECT INTO).
#include "core/query/InfluxQlStatements.h"

#include <QTest>

using namespace sasquatch;

class tst_InfluxQlStatements : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void split_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("statements");
        QTest::newRow("one") << "SELECT * FROM m" << QStringList{"SELECT * FROM m"};
        QTest::newRow("trailing semicolon") << "SELECT * FROM m;" << QStringList{"SELECT * FROM m"};
        QTest::newRow("two") << "SELECT a FROM m; SHOW DATABASES" << QStringList{"SELECT a FROM m", "SHOW DATABASES"};
        QTest::newRow("empty ones") << ";; SELECT a FROM m ;;\n" << QStringList{"SELECT a FROM m"};
        QTest::newRow("semicolon in string") << "SELECT a FROM m WHERE s = 'x;y'; SHOW DATABASES"
                                             << QStringList{"SELECT a FROM m WHERE s = 'x;y'", "SHOW DATABASES"};
        QTest::newRow("semicolon in identifier") << "SELECT \"a;b\" FROM m" << QStringList{"SELECT \"a;b\" FROM m"};
        QTest::newRow("comments") << "-- first; not a statement\nSELECT a FROM m; /* b; c */ SHOW DATABASES"
                                  << QStringList{"SELECT a FROM m", "SHOW DATABASES"};
        QTest::newRow("multi-line") << "SELECT a\n  FROM m\n  WHERE time > now() - 1h;\nSELECT b FROM m"
                                    << QStringList{"SELECT a\n  FROM m\n  WHERE time > now() - 1h", "SELECT b FROM m"};
        QTest::newRow("nothing") << "  -- only a comment\n" << QStringList{};
    }
    void split()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, statements);
        QCOMPARE(InfluxQlStatements::split(text), statements);
    }

    void writes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("writes");
        QTest::newRow("select") << "SELECT mean(x) FROM m GROUP BY time(1m)" << false;
        QTest::newRow("show") << "SHOW MEASUREMENTS; SHOW FIELD KEYS" << false;
        QTest::newRow("create") << "CREATE DATABASE x" << true;
        QTest::newRow("lower case drop") << "drop measurement m" << true;
        QTest::newRow("delete") << "DELETE FROM m WHERE time < now() - 7d" << true;
        QTest::newRow("alter") << "ALTER RETENTION POLICY autogen ON efd DURATION 30d" << true;
        QTest::newRow("grant") << "GRANT READ ON efd TO bob" << true;
        QTest::newRow("revoke") << "REVOKE ALL PRIVILEGES FROM bob" << true;
        QTest::newRow("kill") << "KILL QUERY 36" << true;
        QTest::newRow("set password") << "SET PASSWORD FOR bob = 'x'" << true;
        QTest::newRow("select into") << "SELECT mean(x) INTO m_1m FROM m GROUP BY time(1m)" << true;
        QTest::newRow("second statement writes") << "SELECT x FROM m; DROP SERIES FROM m" << true;
        QTest::newRow("keyword in string") << "SELECT x FROM m WHERE s = 'DROP INTO'" << false;
        QTest::newRow("keyword in identifier") << "SELECT \"into\" FROM \"create\"" << false;
        QTest::newRow("keyword in comment") << "-- DROP DATABASE efd\nSELECT x FROM m" << false;
    }
    void writes()
    {
        QFETCH(QString, text);
        QFETCH(bool, writes);
        QCOMPARE(InfluxQlStatements::writes(text), writes);
    }
};

QTEST_GUILESS_MAIN(tst_InfluxQlStatements)
#include "tst_influxqlstatements.moc"
