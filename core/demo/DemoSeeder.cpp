// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoSeeder.h"

#include "core/demo/DemoInfluxWriter.h"
#include "core/demo/DemoSeedPlan.h"
#include "core/http/CurlTransport.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <atomic>
#include <mutex>
#include <thread>

namespace sasquatch {

namespace {

/// Shared by the writer threads of one seed: counters, the first failure, progress calls.
class SeedRun
{
public:
    SeedRun(std::int64_t totalValues, const DemoProgress &progress, const CancelToken &cancel)
        : m_total(std::max<std::int64_t>(1, totalValues)), m_progress(progress), m_cancel(cancel)
    {
        m_sinceReport.start();
    }

    bool shouldStop() const { return m_failed.load() || m_cancel.isCancelled(); }

    void fail(Failure failure)
    {
        std::lock_guard lock(m_mutex);
        if (!m_failed.exchange(true))
            m_failure = std::move(failure);
    }
    bool failed() const { return m_failed.load(); }
    Failure failure() const
    {
        std::lock_guard lock(m_mutex);
        return m_failure;
    }

    void add(std::int64_t values, std::int64_t lines, std::int64_t bytes, const QString &stage, bool force = false)
    {
        m_values += values;
        m_lines += lines;
        m_bytes += bytes;
        report(stage, force);
    }

    void report(const QString &stage, bool force)
    {
        if (!m_progress)
            return;
        std::lock_guard lock(m_mutex);
        if (!force && m_sinceReport.elapsed() < 100)
            return;
        m_sinceReport.restart();
        const double fraction = std::min(1.0, double(m_values.load()) / double(m_total));
        m_progress(fraction, stage);
    }

    std::int64_t values() const { return m_values.load(); }
    std::int64_t lines() const { return m_lines.load(); }
    std::int64_t bytes() const { return m_bytes.load(); }

private:
    const std::int64_t m_total;
    const DemoProgress &m_progress;
    const CancelToken &m_cancel;
    std::atomic<std::int64_t> m_values{0};
    std::atomic<std::int64_t> m_lines{0};
    std::atomic<std::int64_t> m_bytes{0};
    std::atomic<bool> m_failed{false};
    mutable std::mutex m_mutex;
    Failure m_failure;
    QElapsedTimer m_sinceReport;
};

QString stageText(const QString &name, std::int64_t done, std::int64_t total)
{
    return QStringLiteral("%1 (%2 of %3 M values)")
        .arg(name)
        .arg(double(done) / 1e6, 0, 'f', 1)
        .arg(double(total) / 1e6, 0, 'f', 1);
}

} // namespace

DemoSeeder::DemoSeeder(QString baseUrl, std::shared_ptr<HttpTransport> http, const DemoCatalog &catalog)
    : m_baseUrl(std::move(baseUrl)),
      m_http(http ? std::move(http) : std::make_shared<CurlTransport>()),
      m_catalog(catalog)
{
}

Outcome<Done> DemoSeeder::createDatabases(const DemoSeedOptions &options, const CancelToken &cancel)
{
    const DemoInfluxWriter writer(m_http, m_baseUrl);
    for (const QString &db : m_catalog.databaseNames()) {
        const QString quoted = DemoInfluxWriter::quoteIdentifier(db);
        if (Outcome<Done> r = writer.execute(QStringLiteral("CREATE DATABASE ") + quoted, cancel); !r)
            return r;
        if (options.retention.count() > 0) {
            // Shards of an hour let influxd drop expired data in small steps, which keeps a
            // cached demo directory from growing with every top-up.
            const QString alter = QStringLiteral("ALTER RETENTION POLICY \"autogen\" ON %1 DURATION %2h SHARD DURATION 1h DEFAULT")
                                      .arg(quoted)
                                      .arg(options.retention.count());
            if (Outcome<Done> r = writer.execute(alter, cancel); !r)
                return r;
        }
    }
    return Done{};
}

Outcome<DemoSeedReport> DemoSeeder::seed(const DemoSeedOptions &options, const DemoProgress &progress,
                                         const CancelToken &cancel)
{
    if (!m_catalog.buildError().isEmpty())
        return Failure{QStringLiteral("the demo catalog is broken: %1").arg(m_catalog.buildError())};
    QElapsedTimer total;
    total.start();
    DemoSeedReport report;
    report.nowMs = options.nowMs > 0 ? options.nowMs : QDateTime::currentMSecsSinceEpoch();
    report.anchorMs = options.anchorMs != 0 ? options.anchorMs
                                            : report.nowMs - std::int64_t(options.m1m3History.count()) * 1000;

    if (progress)
        progress(0.0, QStringLiteral("Creating databases"));
    QElapsedTimer stageTimer;
    stageTimer.start();
    if (Outcome<Done> created = createDatabases(options, cancel); !created)
        return created.failure();
    report.stages.push_back({QStringLiteral("Databases"), double(stageTimer.nsecsElapsed()) / 1e9, 0, 0, 0});

    stageTimer.restart();
    const DemoSeedPlan plan(m_catalog, options, report.nowMs, report.anchorMs);
    report.stages.push_back({QStringLiteral("Planning"), double(stageTimer.nsecsElapsed()) / 1e9, 0, 0, 0});

    SeedRun run(plan.totalValues(), progress, cancel);
    const DemoInfluxWriter writer(m_http, m_baseUrl, options.encoding);
    const int threads = std::max(1, options.writers);
    for (int s = 0; s < int(plan.stages().size()); ++s) {
        const DemoSeedPlan::Stage &stage = plan.stages()[size_t(s)];
        const std::int64_t valuesBefore = run.values();
        const std::int64_t linesBefore = run.lines();
        const std::int64_t bytesBefore = run.bytes();
        stageTimer.restart();
        std::atomic<size_t> next{0};
        const auto work = [&] {
            std::string body;
            for (;;) {
                const size_t i = next.fetch_add(1);
                if (i >= stage.batches.size() || run.shouldStop())
                    return;
                const DemoSeedBatch &batch = stage.batches[i];
                plan.render(batch, body);
                if (Outcome<Done> written = writer.write(batch.database, body, cancel); !written) {
                    run.fail(written.failure());
                    return;
                }
                run.add(batch.values, batch.lines, DemoInfluxWriter::lastBodyBytes(),
                        stageText(stage.name, run.values() - valuesBefore + batch.values, stage.values));
            }
        };
        std::vector<std::thread> pool;
        for (int t = 1; t < std::min<int>(threads, int(stage.batches.size())); ++t)
            pool.emplace_back(work);
        work();
        for (std::thread &t : pool)
            t.join();

        if (cancel.isCancelled())
            return Failure{QStringLiteral("seeding the demo database was cancelled"), 0, true};
        if (run.failed()) {
            Failure f = run.failure();
            f.message = QStringLiteral("seeding the demo database failed at \"%1\": %2").arg(stage.name, f.message);
            return f;
        }
        report.stages.push_back({stage.name, double(stageTimer.nsecsElapsed()) / 1e9, run.values() - valuesBefore,
                                 run.lines() - linesBefore, run.bytes() - bytesBefore});
        run.report(stage.name, true);
        if (s == plan.catalogStage() && options.catalogWritten)
            options.catalogWritten();
    }
    report.values = run.values();
    report.lines = run.lines();
    report.bytes = run.bytes();
    report.seconds = double(total.nsecsElapsed()) / 1e9;
    if (progress)
        progress(1.0, QStringLiteral("Demo data complete"));
    return report;
}

} // namespace sasquatch
