// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/HttpTransport.h"
#include "core/util/CancelToken.h"
#include "core/util/Outcome.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>

class QProcess;

namespace sasquatch {

/// Who ends the server.
enum class InfluxdLifetime {
    /// A child of this process (the GUI's --demo): stopped by stop() or the destructor, and
    /// on Linux killed by the kernel if this process dies first (PR_SET_PDEATHSIG).
    OwnedChild,
    /// Outlives this process (the CTest fixture starts it in one process and stops it in
    /// another); found again through the pid file in its data directory.
    Detached,
};

struct InfluxdOptions
{
    QString dataDir;   ///< created if needed; holds influxd.conf, meta/, data/, wal/, logs, pid
    InfluxdLifetime lifetime = InfluxdLifetime::OwnedChild;
    QString executable; ///< empty: InfluxdProcess::locate()
    std::chrono::milliseconds startTimeout{30'000}; ///< until /ping answers 204
};

/// A private InfluxDB 1.x server (Debian's influxd) on free loopback ports: writes its
/// config into the data directory, starts it, waits for `GET /ping` to answer 204, and stops
/// it with SIGTERM, then SIGKILL after a grace period. One object runs at most one server;
/// use it from one thread (the one that started the server).
class InfluxdProcess
{
public:
    /// The exact text of the failure when no influxd can be found.
    static constexpr const char *kNotFoundMessage =
        "influxd was not found: install Debian's influxdb package (apt-get install influxdb) "
        "or set SASQUATCH_INFLUXD";
    static constexpr const char *kPidFileName = "influxd.pid";
    static constexpr const char *kLogFileName = "influxd.log";

    /// `http` performs the /ping requests; empty: a CurlTransport of its own.
    explicit InfluxdProcess(std::shared_ptr<HttpTransport> http = {});
    /// Stops an OwnedChild server. A Detached server is left running: that is its purpose.
    ~InfluxdProcess();
    InfluxdProcess(const InfluxdProcess &) = delete;
    InfluxdProcess &operator=(const InfluxdProcess &) = delete;

    /// The influxd to run: $SASQUATCH_INFLUXD (which must then be executable), else the
    /// first `influxd` on $PATH, else the first existing `fallbacks` entry.
    static Outcome<QString> locate(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                                   const QStringList &fallbacks = {QStringLiteral("/usr/bin/influxd")});

    /// Starts the server and waits until it answers. A server left running on the same data
    /// directory by an interrupted earlier run is stopped first. On failure nothing is left
    /// running and the message includes the tail of influxd's own output.
    Outcome<Done> start(const InfluxdOptions &options, const CancelToken &cancel = {});

    /// SIGTERM, wait up to `grace`, then SIGKILL. Succeeds when nothing was running.
    Outcome<Done> stop(std::chrono::milliseconds grace = std::chrono::milliseconds{10'000});

    /// Stops the Detached server whose pid file is in `dataDir` (from another process).
    /// Succeeds when none runs; never signals a pid that is not that data dir's influxd.
    static Outcome<Done> stopDetached(const QString &dataDir,
                                      std::chrono::milliseconds grace = std::chrono::milliseconds{10'000});

    bool isRunning() const;
    /// "http://127.0.0.1:<port>" once started.
    QString url() const { return m_url; }
    /// X-Influxdb-Version of the running server, e.g. "1.6.7~rc0".
    QString version() const { return m_version; }
    qint64 pid() const { return m_pid; }
    quint16 httpPort() const { return m_httpPort; }
    quint16 rpcPort() const { return m_rpcPort; }
    QString dataDir() const { return m_dataDir; }
    QString executable() const { return m_executable; }
    /// Last lines influxd wrote to stdout/stderr during this run.
    QString logTail(int maxLines = 15) const;

private:
    enum class Attempt { Started, PortTaken, Failed };
    Attempt launchOnce(const InfluxdOptions &options, const CancelToken &cancel, Failure &failure);
    bool waitUntilAnswering(std::chrono::milliseconds timeout, const CancelToken &cancel, Failure &failure);
    bool processAlive() const;
    void forgetProcess();

    std::shared_ptr<HttpTransport> m_http;
    std::unique_ptr<QProcess> m_process; ///< OwnedChild only
    InfluxdLifetime m_lifetime = InfluxdLifetime::OwnedChild;
    qint64 m_pid = 0;
    quint16 m_httpPort = 0;
    quint16 m_rpcPort = 0;
    QString m_url;
    QString m_version;
    QString m_dataDir;
    QString m_executable;
};

} // namespace sasquatch
