// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/InfluxdConfig.h"

#include <QTest>

using namespace sasquatch;

class tst_InfluxdConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void privateLoopbackServer();
    void pathsAreTomlEscaped();
};

void tst_InfluxdConfig::privateLoopbackServer()
{
    const InfluxdConfig config{QStringLiteral("/tmp/demo"), 40001, 40002};
    QCOMPARE(config.path(), QStringLiteral("/tmp/demo/influxd.conf"));
    const QByteArray text = config.render();
    const QList<QByteArray> expected = {
        "reporting-enabled = false",
        "bind-address = \"127.0.0.1:40002\"",     // RPC, loopback only
        "  bind-address = \"127.0.0.1:40001\"",   // HTTP, loopback only
        "  dir = \"/tmp/demo/meta\"",
        "  dir = \"/tmp/demo/data\"",
        "  wal-dir = \"/tmp/demo/wal\"",
        "[monitor]\n  store-enabled = false",     // no _internal database
        "  log-enabled = false",                  // no HTTP access log
        "  auth-enabled = false",
        "  max-select-point = 50000000",          // production's limits (DOMAIN.md)
        "  max-select-series = 200000",
        "  query-timeout = \"180s\"",
    };
    for (const QByteArray &line : expected)
        QVERIFY2(text.contains(line), line.constData());
    QVERIFY(!text.contains("0.0.0.0"));
    QVERIFY(!text.contains(":8086"));
}

void tst_InfluxdConfig::pathsAreTomlEscaped()
{
    const InfluxdConfig config{QStringLiteral("/tmp/we\"ird\\dir"), 1, 2};
    QVERIFY(config.render().contains("dir = \"/tmp/we\\\"ird\\\\dir/meta\""));
}

QTEST_GUILESS_MAIN(tst_InfluxdConfig)
#include "tst_influxdconfig.moc"
