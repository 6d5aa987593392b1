// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/InfluxdConfig.h"

#include <QStringBuilder>

namespace sasquatch {

namespace {

/// TOML basic string: quotes and backslashes escaped (data dirs are user paths).
QByteArray tomlString(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace("\\", "\\\\").replace("\"", "\\\"");
    return '"' % out % '"';
}

} // namespace

QByteArray InfluxdConfig::render() const
{
    const QByteArray rpc = "127.0.0.1:" % QByteArray::number(rpcPort);
    const QByteArray http = "127.0.0.1:" % QByteArray::number(httpPort);
    QByteArray c;
    c += "# Written by Sasquatch Browser for its private demo server; rewritten at each start.\n";
    c += "reporting-enabled = false\n";
    c += "bind-address = \"" % rpc % "\"\n\n";
    c += "[meta]\n";
    c += "  dir = " % tomlString(dataDir + QStringLiteral("/meta")) % "\n";
    c += "  retention-autocreate = true\n";
    c += "  logging-enabled = false\n\n";
    c += "[data]\n";
    c += "  dir = " % tomlString(dataDir + QStringLiteral("/data")) % "\n";
    c += "  wal-dir = " % tomlString(dataDir + QStringLiteral("/wal")) % "\n";
    c += "  index-version = \"inmem\"\n";
    c += "  query-log-enabled = false\n";
    c += "  trace-logging-enabled = false\n";
    // The seeder writes ~25 M values in a burst; a larger cache avoids "cache maximum memory
    // size exceeded" when compaction falls behind on a 2-core machine.
    c += "  cache-max-memory-size = 2147483648\n";
    c += "  max-series-per-database = 0\n";
    c += "  max-values-per-tag = 0\n\n";
    c += "[coordinator]\n";
    c += "  query-timeout = \"180s\"\n";
    c += "  max-select-point = 50000000\n";
    c += "  max-select-series = 200000\n\n";
    c += "[retention]\n";
    c += "  enabled = true\n";
    c += "  check-interval = \"30m0s\"\n\n";
    c += "[monitor]\n";
    c += "  store-enabled = false\n\n";
    c += "[subscriber]\n";
    c += "  enabled = false\n\n";
    c += "[http]\n";
    c += "  enabled = true\n";
    c += "  bind-address = \"" % http % "\"\n";
    c += "  auth-enabled = false\n";
    c += "  log-enabled = false\n";
    c += "  suppress-write-log = true\n";
    c += "  pprof-enabled = false\n";
    c += "  https-enabled = false\n";
    c += "  unix-socket-enabled = false\n\n";
    c += "[ifql]\n";
    c += "  enabled = false\n\n";
    c += "[logging]\n";
    c += "  level = \"info\"\n";
    c += "  suppress-logo = true\n\n";
    c += "[continuous_queries]\n";
    c += "  enabled = false\n";
    return c;
}

} // namespace sasquatch
