// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoStack.h"

#include "core/demo/DemoCatalog.h"
#include "core/demo/DemoDataCache.h"
#include "core/demo/DemoMockCluster.h"
#include "core/demo/DemoSeeder.h"
#include "core/demo/DemoTelemetrySimulator.h"
#include "core/demo/InfluxdProcess.h"
#include "core/http/CurlTransport.h"

#include <QDateTime>
#include <QMetaObject>
#include <QTemporaryDir>
#include <QThread>

#include <optional>

namespace sasquatch {

namespace {

/// How long a cached directory keeps data: each top-up adds up to ten minutes of M1M3
/// forces (~200 MB), so without expiry the cache would grow with every start.
constexpr std::chrono::hours kCachedRetention{24};

} // namespace

DemoStack::DemoStack(QObject *parent) : QObject(parent) {}

DemoStack::~DemoStack()
{
    stop();
}

bool DemoStack::isRunning() const
{
    return m_thread && !m_thread->isFinished();
}

void DemoStack::post(std::function<void()> f)
{
    QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection);
}

void DemoStack::start()
{
    if (isRunning())
        return;
    stop(); // reap a worker that ended on a failure
    m_cancel = CancelToken();
    m_url.clear();
    // The thread that forks influxd must live as long as influxd: the kernel's parent-death
    // signal is tied to that thread. It stays until stop().
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("demo-stack"));
    m_thread->start();
}

void DemoStack::stop()
{
    if (!m_thread)
        return;
    m_cancel.cancel();
    m_stopRequested.release();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_stopRequested.tryAcquire(m_stopRequested.available());
    m_url.clear();
    m_kafkaBootstrap.clear();
}

void DemoStack::run()
{
    const CancelToken cancel = m_cancel;
    const DemoCatalog &catalog = DemoCatalog::instance();
    auto http = std::make_shared<CurlTransport>();
    InfluxdProcess influxd(http);

    DemoDataCache cache(m_cacheDirectory.isEmpty() ? DemoDataCache::defaultDirectory() : m_cacheDirectory);
    const bool cached = m_storage == DemoStorage::Cached && cache.lock();
    std::unique_ptr<QTemporaryDir> temporary;
    QString dataDir;
    if (cached) {
        dataDir = cache.directory();
    } else {
        temporary = std::make_unique<QTemporaryDir>();
        if (!temporary->isValid()) {
            const QString why = temporary->errorString();
            post([this, why] { Q_EMIT failed(QStringLiteral("cannot create a temporary directory for the demo: %1").arg(why)); });
            return;
        }
        dataDir = temporary->filePath(QStringLiteral("influxdb"));
    }

    const auto finish = [&](const QString &error) {
        influxd.stop();
        if (cached)
            cache.unlock();
        if (!error.isEmpty() && !cancel.isCancelled())
            post([this, error] { Q_EMIT failed(error); });
        post([this] { Q_EMIT stopped(); });
    };

    std::optional<DemoDataCache::Marker> marker = cached ? cache.readMarker() : std::nullopt;
    bool reuse = marker && marker->catalogFingerprint == catalog.fingerprint();
    if (cached && !reuse) {
        if (Outcome<Done> wiped = cache.wipe(); !wiped)
            return finish(wiped.error());
    }

    post([this] { Q_EMIT progressChanged(0.0, tr("Starting the demo InfluxDB server")); });
    if (Outcome<Done> started = influxd.start({dataDir}, cancel); !started)
        return finish(started.error());
    if (reuse && !DemoDataCache::matches(*marker, catalog.fingerprint(), influxd.version())) {
        // Data written by another influxd release: start over rather than risk its format.
        influxd.stop();
        reuse = false;
        if (Outcome<Done> wiped = cache.wipe(); !wiped)
            return finish(wiped.error());
        if (Outcome<Done> started = influxd.start({dataDir}, cancel); !started)
            return finish(started.error());
    }

    DemoSeedOptions options = m_options;
    options.anchorMs = 0;
    options.historyFromMs = 0;
    options.nowMs = 0;
    options.retention = std::chrono::hours{0};
    if (cached)
        options.retention = kCachedRetention;
    if (reuse) {
        options.anchorMs = marker->anchorMs;
        options.historyFromMs = std::min<std::int64_t>(marker->seededUntilMs, QDateTime::currentMSecsSinceEpoch());
    }
    const QString url = influxd.url();
    Outcome<std::unique_ptr<DemoMockCluster>> kafka = DemoMockCluster::start();
    if (!kafka)
        return finish(kafka.error());
    const QString bootstrap = (*kafka)->bootstraps();
    options.catalogWritten = [this, url, bootstrap] {
        post([this, url, bootstrap] {
            m_url = url;
            m_kafkaBootstrap = bootstrap;
            Q_EMIT ready(url);
        });
    };
    const DemoProgress progress = [this](double fraction, const QString &stage) {
        post([this, fraction, stage] { Q_EMIT progressChanged(fraction, stage); });
    };
    DemoSeeder seeder(url, http, catalog);
    const Outcome<DemoSeedReport> seeded = seeder.seed(options, progress, cancel);
    if (!seeded)
        return finish(seeded.error());
    if (cached && options.level == DemoSeedLevel::Full) {
        DemoDataCache::Marker done;
        done.catalogFingerprint = catalog.fingerprint();
        done.influxdVersion = influxd.version();
        done.anchorMs = seeded->anchorMs;
        done.seededUntilMs = seeded->nowMs;
        if (Outcome<Done> written = cache.writeMarker(done); !written)
            qWarning("%s", qPrintable(written.error())); // the data is fine; next start re-seeds
    }
    const double seconds = seeded->seconds;
    const qint64 values = seeded->values;
    post([this, seconds, values] { Q_EMIT seedFinished(seconds, values); });

    // Live telemetry continues the history from its last sample on.
    DemoSimulatorOptions live;
    live.bootstrap = bootstrap;
    live.cluster = kafka->get();
    live.influxUrl = url;
    live.http = http;
    live.anchorMs = seeded->anchorMs;
    live.startMs = seeded->nowMs;
    DemoTelemetrySimulator simulator(catalog, live);
    if (Outcome<Done> started = simulator.start(); !started)
        return finish(started.error());

    m_stopRequested.acquire();
    simulator.stop();
    finish({});
}

} // namespace sasquatch
