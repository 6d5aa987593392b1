// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/demo/DemoSeedTypes.h"
#include "core/util/CancelToken.h"

#include <QObject>
#include <QSemaphore>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace sasquatch {

/// Where the demo server keeps its data.
enum class DemoStorage {
    /// The user's cache (DemoDataCache): a second start reuses it and only tops up the
    /// history missing since the last run. Falls back to Temporary when another running
    /// application holds the cache.
    Cached,
    /// A fresh temporary directory, removed at stop().
    Temporary,
};

/// The GUI's `--demo`: a private influxd (a child of this process) filled with the synthetic
/// EFD, all on a worker thread. Signals are emitted on the thread that owns the DemoStack:
/// `ready` as soon as the catalog is in (the app can connect and browse while the history
/// streams in), then `progressChanged` until `seedFinished`; `failed` instead when anything
/// goes wrong. Destroying the object stops the server.
class DemoStack : public QObject
{
    Q_OBJECT

public:
    explicit DemoStack(QObject *parent = nullptr);
    ~DemoStack() override;

    /// Settings read by start(); defaults: Cached storage, Full level.
    void setStorage(DemoStorage storage) { m_storage = storage; }
    void setSeedLevel(DemoSeedLevel level) { m_options.level = level; }
    /// Seed settings (level, history lengths, writers); the stack itself sets the anchor,
    /// the top-up start, the retention of cached data and the catalogWritten callback.
    void setSeedOptions(const DemoSeedOptions &options) { m_options = options; }
    /// Cache directory for DemoStorage::Cached (default DemoDataCache::defaultDirectory()).
    void setCacheDirectory(const QString &directory) { m_cacheDirectory = directory; }

    /// Starts influxd and seeding on a worker thread and returns at once. Does nothing while
    /// running; after `failed`, starts afresh.
    void start();
    /// Cancels seeding, stops influxd and waits for the worker (a second at most, usually).
    void stop();

    /// True from start() until stop(), or until the worker ended on a failure.
    bool isRunning() const;
    /// The server's URL once `ready`, else empty.
    QString url() const { return m_url; }
    /// bootstrap.servers of the in-process Kafka cluster once `ready`, else empty. After the
    /// history is seeded, DemoTelemetrySimulator publishes live telemetry there (and keeps
    /// writing it to influxd); its schemas are DemoTelemetrySimulator::schemas().
    QString kafkaBootstrap() const { return m_kafkaBootstrap; }

Q_SIGNALS:
    void progressChanged(double fraction, const QString &stage);
    /// influxd answers and every measurement exists: connect to `url`.
    void ready(const QString &url);
    /// The history is complete (cold seed or top-up).
    void seedFinished(double seconds, qint64 values);
    void failed(const QString &message);
    /// The worker ended (after stop() or a failure); influxd is no longer running.
    void stopped();

private:
    void run();
    void post(std::function<void()> f);

    DemoStorage m_storage = DemoStorage::Cached;
    DemoSeedOptions m_options;
    QString m_cacheDirectory;
    QString m_url;
    QString m_kafkaBootstrap;
    QThread *m_thread = nullptr;
    CancelToken m_cancel;
    QSemaphore m_stopRequested;
};

} // namespace sasquatch
