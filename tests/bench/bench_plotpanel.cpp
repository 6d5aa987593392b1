// SPDX-License-Identifier: GPL-3.0-or-later
// The plot workspace's real PlotPanel drawing 10 series × 10,000,000 points, 1,920 px wide,
// against QCustomPlot given the raw points, in one run.
//
// Run:
//   cmake --build build-plots --target bench_plotpanel
//   build-plots/bin/bench_plotpanel [--series 10] [--points 10000000] [--width 1920] [--frames 30]
// (offscreen unless QT_QPA_PLATFORM says otherwise). Peaks at ~3.5 GB: the store (~1.8 GB) and
// QCustomPlot's own copy of the raw points (1.6 GB).
//
// What it measures:
//   - PlotPanel (gui/plots): 10 SeriesPlottables on one value axis, each decimating the view into
//     the axis rect's pixel columns at every replot. "frame" = PlotPanel::setTimeView (value
//     axes rescaled from the pyramid's statistics) + replot(rpImmediateRefresh), i.e. what a
//     wheel step or a pan step costs; full range, then pans moving by 1/200 of the span with
//     25 %, 1 % and 0.01 % of the data in view. Wall-clock and CPU (thread) time medians.
//   - QCustomPlot raw: one QCPGraph per series holding all points (its adaptive sampling on,
//     the default), frame = setRange + replot(rpImmediateRefresh), same views.
//   - memory: resident bytes per point from /proc/self/statm before/after filling the store
//     (each series its own time column: the worst case) and the store's own accounting.
// Never fails on time.
#include "core/series/SeriesStore.h"
#include "gui/plots/PlotPanel.h"
#include "gui/plots/PlotShared.h"
#include "tests/support/BenchSignal.h"

#include <QApplication>
#include <QCommandLineParser>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <unistd.h>
#include <vector>

using namespace sasquatch;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::int64_t kStart = sasquatch::test::kBenchSignalStart; // 2026-11-23T03:12:00Z
constexpr std::int64_t kStep = sasquatch::test::kBenchSignalStep;   // 50 Hz
constexpr std::int64_t kBatchRows = 65'536;

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) * 1e-6;
}

struct Frame
{
    double wallMs = 0;
    double cpuMs = 0;
};

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct View
{
    const char *name;
    double spanFraction;
    bool pan;
};

std::vector<TimeView> viewsFor(const View &view, std::int64_t first, std::int64_t last, int frames)
{
    const auto span = static_cast<std::int64_t>(static_cast<double>(last - first) * view.spanFraction);
    const std::int64_t start = view.pan ? first + static_cast<std::int64_t>(static_cast<double>(last - first) * 0.37) : first;
    std::vector<TimeView> out;
    for (int f = 0; f < frames; ++f) {
        const std::int64_t shift = view.pan ? f * (span / 200) : 0;
        out.push_back({start + shift, start + shift + span + (view.pan ? 0 : 1)});
    }
    return out;
}

// Resizes a plot so that its axis rect is `width` px wide.
void fitWidth(QCustomPlot &plot, int width)
{
    plot.resize(width + 200, 700);
    plot.show();
    plot.replot(QCustomPlot::rpImmediateRefresh);
    for (int pass = 0; pass < 3 && plot.axisRect()->width() != width; ++pass) { // margins follow the labels
        plot.resize(plot.width() + (width - plot.axisRect()->width()), plot.height());
        plot.replot(QCustomPlot::rpImmediateRefresh);
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption seriesOption(QStringLiteral("series"), QStringLiteral("Series."), QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption pointsOption(QStringLiteral("points"), QStringLiteral("Points per series."), QStringLiteral("n"),
                                          QStringLiteral("10000000"));
    const QCommandLineOption widthOption(QStringLiteral("width"), QStringLiteral("Plot width in px."), QStringLiteral("px"),
                                         QStringLiteral("1920"));
    const QCommandLineOption framesOption(QStringLiteral("frames"), QStringLiteral("Frames per view."), QStringLiteral("n"),
                                          QStringLiteral("30"));
    parser.addOptions({seriesOption, pointsOption, widthOption, framesOption});
    parser.process(app);
    const int series = std::max(1, parser.value(seriesOption).toInt());
    const std::int64_t points = std::max<qint64>(1000, parser.value(pointsOption).toLongLong());
    const int width = std::max(100, parser.value(widthOption).toInt());
    const int frames = std::max(3, parser.value(framesOption).toInt());
    std::printf("bench_plotpanel: %d series x %lld points, plot data area %d px wide, %d frames per view\n\n", series,
                static_cast<long long>(points), width, frames);

    // The store, every series with its own time column.
    PlotShared shared;
    const std::int64_t rssBefore = sasquatch::test::residentBytes();
    const auto t0 = Clock::now();
    SampleBatch batch;
    batch.topic = "lsst.sal.MTM1M3.forceActuatorData";
    batch.fields.resize(1);
    for (std::int64_t first = 0; first < points; first += kBatchRows) {
        const std::int64_t rows = std::min(kBatchRows, points - first);
        batch.times.resize(static_cast<std::size_t>(rows));
        for (std::int64_t r = 0; r < rows; ++r)
            batch.times[static_cast<std::size_t>(r)] = sasquatch::test::benchSampleTime(first + r);
        for (int s = 0; s < series; ++s) {
            batch.fields[0].name = "zForce" + std::to_string(s);
            batch.fields[0].values.resize(static_cast<std::size_t>(rows));
            for (std::int64_t r = 0; r < rows; ++r)
                batch.fields[0].values[static_cast<std::size_t>(r)] = sasquatch::test::benchSampleValue(s, first + r);
            if (!shared.store.append(batch).ok())
                return 2;
        }
    }
    batch = SampleBatch{};
    shared.store.shrinkToFit();
    const double ingestMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    const std::int64_t rssStore = sasquatch::test::residentBytes() - rssBefore;
    const SeriesMemory memory = shared.store.memory();
    const double totalPoints = static_cast<double>(points) * series;
    std::printf("Memory: store accounting %.2f B/point, resident (statm) %.2f B/point; filled in %.0f ms\n",
                memory.bytesPerPoint(), static_cast<double>(rssStore) / totalPoints, ingestMs);

    // Our panel.
    PlotPanel panel(shared);
    std::vector<SeriesId> ids = shared.store.seriesIds();
    for (const SeriesId id : ids) {
        PlotSeriesSpec spec;
        spec.measurement = QString::fromStdString(shared.store.key(id).topic);
        spec.field = QString::fromStdString(shared.store.key(id).field);
        spec.unit = QStringLiteral("N");
        panel.addSeries(spec, id, SeriesOrigin::Live);
    }
    panel.legend->setVisible(false); // the raw plot has none either
    fitWidth(panel, width);
    const std::int64_t first = shared.store.times(ids.front()).front();
    const std::int64_t last = shared.store.times(ids.front()).back();

    const View views[] = {
        {"full range, replot", 1.0, false},
        {"pan, 25% of the data in view", 0.25, true},
        {"pan, 1% in view (100 k pts/series)", 0.01, true},
        {"pan, 0.01% in view (1 k pts: raw)", 0.0001, true},
    };
    std::vector<std::vector<Frame>> ours;
    for (const View &v : views) {
        std::vector<Frame> fs;
        for (const TimeView &tv : viewsFor(v, first, last, frames)) {
            const auto w0 = Clock::now();
            const double c0 = threadCpuMs();
            shared.view = tv;
            panel.setTimeView(tv);
            panel.replot(QCustomPlot::rpImmediateRefresh);
            fs.push_back({std::chrono::duration<double, std::milli>(Clock::now() - w0).count(), threadCpuMs() - c0});
        }
        ours.push_back(std::move(fs));
    }
    const int columns = panel.axisRect()->width();

    // QCustomPlot with the raw points.
    const std::int64_t rssBeforeRaw = sasquatch::test::residentBytes();
    QCustomPlot raw;
    for (std::size_t s = 0; s < ids.size(); ++s) {
        QCPGraph *graph = raw.addGraph();
        graph->setPen(QPen(QColor::fromHsv(int(s * 36) % 360, 220, 200)));
        const auto t = shared.store.times(ids[s]);
        const auto v = shared.store.values(ids[s]);
        QVector<QCPGraphData> data(static_cast<qsizetype>(t.size()));
        for (std::size_t i = 0; i < t.size(); ++i)
            data[static_cast<qsizetype>(i)] = QCPGraphData(nsToKey(t[i]), v[i]);
        graph->data()->set(data, true);
    }
    raw.yAxis->setRange(-70, 100.0 * series + 70);
    fitWidth(raw, width);
    const std::int64_t rssRaw = sasquatch::test::residentBytes() - rssBeforeRaw;
    std::vector<std::vector<Frame>> theirs;
    for (const View &v : views) {
        std::vector<Frame> fs;
        for (const TimeView &tv : viewsFor(v, first, last, std::max(3, frames / 3))) {
            const auto w0 = Clock::now();
            const double c0 = threadCpuMs();
            raw.xAxis->setRange(nsToKey(tv.startNs), nsToKey(tv.stopNs));
            raw.replot(QCustomPlot::rpImmediateRefresh);
            fs.push_back({std::chrono::duration<double, std::milli>(Clock::now() - w0).count(), threadCpuMs() - c0});
        }
        theirs.push_back(std::move(fs));
    }

    const auto pick = [](const std::vector<Frame> &fs, double Frame::*field) {
        std::vector<double> xs;
        for (const Frame &f : fs)
            xs.push_back(f.*field);
        return median(xs);
    };
    std::printf("\nFrames, median ms: %d series, PlotPanel axis rect %d px, QCustomPlot raw axis rect %d px\n", series,
                columns, raw.axisRect()->width());
    std::printf("  %-38s | %9s %9s | %9s %9s | %8s %8s\n", "view", "ours wall", "ours cpu", "raw wall", "raw cpu",
                "x (wall)", "x (cpu)");
    for (std::size_t i = 0; i < std::size(views); ++i) {
        const double ow = pick(ours[i], &Frame::wallMs);
        const double oc = pick(ours[i], &Frame::cpuMs);
        const double rw = pick(theirs[i], &Frame::wallMs);
        const double rc = pick(theirs[i], &Frame::cpuMs);
        std::printf("  %-38s | %9.2f %9.2f | %9.1f %9.1f | %7.1fx %7.1fx\n", views[i].name, ow, oc, rw, rc, rw / ow, rc / oc);
    }
    std::printf("  ours = PlotPanel::setTimeView (axes rescaled from the pyramid) + replot(rpImmediateRefresh);\n"
                "  raw  = QCPGraph with all points (adaptive sampling on), setRange + replot(rpImmediateRefresh).\n"
                "  QCustomPlot's copy of the raw points: %.1f B/point resident.\n",
                static_cast<double>(rssRaw) / totalPoints);
    return 0;
}
