// SPDX-License-Identifier: GPL-3.0-or-later
// Full cold seed of the demo database into a temporary influxd, then a restart on the same
// directory and a top-up, printing stage times, values/s and influxd's CPU time. Figures
// only: it never fails on time.
//
//   bench_demoseed [--writers N] [--gzip] [--batch-mb X] [--m1m3-seconds S] [--level catalog|full]
#include "core/demo/DemoSeeder.h"
#include "core/demo/InfluxdProcess.h"
#include "core/http/CurlTransport.h"
#include "core/http/UrlBuilder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>

using namespace sasquatch;

namespace {

double processCpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of /proc/pid/stat, i.e. 11 and 12 after the name.
    return fields.size() > 12 ? (fields[11].toDouble() + fields[12].toDouble()) / double(sysconf(_SC_CLK_TCK)) : 0;
}

double selfCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

QString queryFirstValue(CurlTransport &http, const QString &base, const QString &q)
{
    HttpRequest request;
    request.url = UrlBuilder::fromBase(base)->path(QStringLiteral("/query")).query(QStringLiteral("db"), QStringLiteral("efd"))
                      .query(QStringLiteral("q"), q).toString();
    const HttpResult r = http.perform(request);
    const QJsonArray values = QJsonDocument::fromJson(r.response.body).object().value(QStringLiteral("results")).toArray()
                                  .at(0).toObject().value(QStringLiteral("series")).toArray().at(0).toObject()
                                  .value(QStringLiteral("values")).toArray();
    if (values.isEmpty())
        return QStringLiteral("(none)");
    return values.at(0).toArray().last().toVariant().toString();
}

void printReport(const char *title, const DemoSeedReport &report, double influxdCpu, double selfCpu)
{
    std::printf("\n%s\n", title);
    std::printf("  %-44s %8s %12s %10s %9s %12s\n", "stage", "seconds", "values", "lines", "MB sent", "values/s");
    for (const DemoSeedStage &s : report.stages)
        std::printf("  %-44s %8.2f %12lld %10lld %9.1f %12.0f\n", qPrintable(s.name), s.seconds,
                    static_cast<long long>(s.values), static_cast<long long>(s.lines), double(s.bytes) / 1e6,
                    s.valuesPerSecond());
    std::printf("  %-44s %8.2f %12lld %10lld %9.1f %12.0f\n", "total", report.seconds,
                static_cast<long long>(report.values), static_cast<long long>(report.lines), double(report.bytes) / 1e6,
                report.valuesPerSecond());
    std::printf("  CPU: influxd %.1f s (%.2f us/value), seeder %.1f s\n", influxdCpu,
                report.values > 0 ? influxdCpu * 1e6 / double(report.values) : 0.0, selfCpu);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    DemoSeedOptions options;
    options.level = DemoSeedLevel::Full;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString a = args[i];
        const QString next = i + 1 < args.size() ? args[i + 1] : QString();
        if (a == u"--writers") {
            options.writers = next.toInt();
            ++i;
        } else if (a == u"--gzip") {
            options.encoding = DemoBodyEncoding::Gzip;
        } else if (a == u"--batch-mb") {
            options.batchBytes = std::size_t(next.toDouble() * 1024 * 1024);
            ++i;
        } else if (a == u"--m1m3-seconds") {
            options.m1m3History = std::chrono::seconds(next.toInt());
            ++i;
        } else if (a == u"--level") {
            options.level = next == u"catalog" ? DemoSeedLevel::Catalog : DemoSeedLevel::Full;
            ++i;
        } else {
            std::fprintf(stderr, "unknown argument %s\n", qPrintable(a));
            return 2;
        }
    }
    std::printf("bench_demoseed: %d writers, %s bodies, %.1f MB batches, %lld s of M1M3, level %s, %ld cores\n",
                options.writers, options.encoding == DemoBodyEncoding::Gzip ? "gzip" : "plain",
                double(options.batchBytes) / 1024 / 1024, static_cast<long long>(options.m1m3History.count()),
                options.level == DemoSeedLevel::Full ? "full" : "catalog", sysconf(_SC_NPROCESSORS_ONLN));

    QTemporaryDir dir;
    auto http = std::make_shared<CurlTransport>();
    QElapsedTimer timer;
    timer.start();
    InfluxdProcess influxd(http);
    if (Outcome<Done> started = influxd.start({dir.filePath(QStringLiteral("influxdb"))}); !started) {
        std::fprintf(stderr, "%s\n", qPrintable(started.error()));
        return 1;
    }
    std::printf("influxd %s up at %s in %.2f s\n", qPrintable(influxd.version()), qPrintable(influxd.url()),
                double(timer.elapsed()) / 1000);

    DemoSeeder seeder(influxd.url(), http);
    QElapsedTimer sincePrint;
    sincePrint.start();
    const DemoProgress progress = [&](double fraction, const QString &stage) {
        if (sincePrint.elapsed() < 1000 && fraction < 1.0)
            return;
        sincePrint.restart();
        std::printf("  %5.1f s %5.1f%%  %s\n", double(timer.elapsed()) / 1000, fraction * 100, qPrintable(stage));
        std::fflush(stdout);
    };
    options.catalogWritten = [&] {
        std::printf("  catalog written: the app would be usable now, %.2f s after start\n", double(timer.elapsed()) / 1000);
    };
    double cpu0 = processCpuSeconds(influxd.pid());
    double self0 = selfCpuSeconds();
    const Outcome<DemoSeedReport> cold = seeder.seed(options, progress);
    if (!cold) {
        std::fprintf(stderr, "%s\n", qPrintable(cold.error()));
        return 1;
    }
    printReport("Cold seed", *cold, processCpuSeconds(influxd.pid()) - cpu0, selfCpuSeconds() - self0);
    std::printf("  ready (influxd start + seed): %.2f s\n", double(timer.elapsed()) / 1000);
    std::printf("  count(zForce0) = %s, count(actualPosition) MTMount.azimuth = %s\n",
                qPrintable(queryFirstValue(*http, influxd.url(), QStringLiteral("SELECT count(zForce0) FROM \"lsst.sal.MTM1M3.forceActuatorData\""))),
                qPrintable(queryFirstValue(*http, influxd.url(), QStringLiteral("SELECT count(actualPosition) FROM \"lsst.sal.MTMount.azimuth\""))));

    // What a cached start does: restart on the same directory, rewrite the catalog points and
    // top up only what is missing since the first seed.
    influxd.stop();
    timer.restart();
    if (Outcome<Done> started = influxd.start({dir.filePath(QStringLiteral("influxdb"))}); !started) {
        std::fprintf(stderr, "%s\n", qPrintable(started.error()));
        return 1;
    }
    std::printf("\ninfluxd restarted on the cached directory in %.2f s\n", double(timer.elapsed()) / 1000);
    DemoSeedOptions topUp = options;
    topUp.anchorMs = cold->anchorMs;
    topUp.historyFromMs = cold->nowMs;
    topUp.catalogWritten = [&] {
        std::printf("  catalog rewritten: usable %.2f s after start\n", double(timer.elapsed()) / 1000);
    };
    cpu0 = processCpuSeconds(influxd.pid());
    self0 = selfCpuSeconds();
    DemoSeeder topUpSeeder(influxd.url(), http); // the restarted server listens on new ports
    const Outcome<DemoSeedReport> cached = topUpSeeder.seed(topUp, progress);
    if (!cached) {
        std::fprintf(stderr, "%s\n", qPrintable(cached.error()));
        return 1;
    }
    printReport("Cached start: top-up", *cached, processCpuSeconds(influxd.pid()) - cpu0, selfCpuSeconds() - self0);
    std::printf("  ready (restart + top-up): %.2f s\n", double(timer.elapsed()) / 1000);
    return 0;
}
