// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace sasquatch {

/// The influxd.conf of a private InfluxDB 1.x server: everything under one data directory,
/// loopback only, no auth, no phoning home (reporting), no `_internal` monitor database, no
/// HTTP access log, no subscriptions or continuous queries; production's query limits
/// (DOMAIN.md) so that the demo fails the way Sasquatch does. Keys are those of InfluxDB 1.6,
/// which later 1.x releases still accept.
class InfluxdConfig
{
public:
    static constexpr const char *kFileName = "influxd.conf";

    QString dataDir;       ///< absolute; meta/, data/ and wal/ are created inside it
    quint16 httpPort = 0;  ///< the HTTP API
    quint16 rpcPort = 0;   ///< the top-level `bind-address` (backup/restore RPC)

    QByteArray render() const;
    QString path() const { return dataDir + u'/' + QString::fromLatin1(kFileName); }
};

} // namespace sasquatch
