// SPDX-License-Identifier: GPL-3.0-or-later
// Plot speed and memory of the series store: 10 series × 10,000,000 points drawn into a
// QCustomPlot whose axis rect is 1,920 px wide, rendered offscreen.
//
// Run:
//   cmake --build build-series --target bench_series
//   QT_QPA_PLATFORM=offscreen build-series/bin/bench_series [--series 10] [--points 10000000]
//                                                            [--width 1920] [--frames 30] [--aliased]
// (offscreen is set automatically when QT_QPA_PLATFORM is unset). Peaks at ~3.5 GB of RAM at the
// default size: both store layouts are built one after the other, and QCustomPlot's own copy
// of the raw points takes 1.6 GB.
//
// What it measures, in one run:
//   (a) ours: SeriesStore::decimate() for all series into the pixel grid (exact per-pixel
//       min/max/first/last), then drawn two ways: Decimation::path() handed to one QCPGraph per
//       series (adaptive sampling off: the data is already one column per pixel, and QCPGraph
//       must draw exactly our points), and a small QCPAbstractPlottable (DecimationPlottable,
//       below) that draws one vertical stroke per column and the connecting segments with a
//       single QPainter::drawLines; replot();
//   (b) QCustomPlot given the raw 10 M points per series (its adaptive sampling on, the
//       default), replot();
//   for a full-range view and for pan frames at several zoom levels (each pan frame moves the
//   view by 1/200 of its span: ours re-decimates, QCustomPlot re-samples). Times are medians
//   over the frames; "frame" = decimate + hand over + replot.
//   (c) memory: the store's own accounting (SeriesStore::memory(), time column counted once per
//       series sharing it) and the resident set from /proc/self/statm before and after filling
//       the store, for two layouts: every series with its own time column (worst case, used
//       for the plots) and all series sharing one (fields of one message, as M1M3 telemetry).
// Correctness: decimations of several views are compared with a brute-force scan; the exit
// code is 1 if one differs. Never fails on time.
#include "core/series/MinMaxPyramid.h"
#include "core/series/SeriesStore.h"
#include "tests/support/BenchSignal.h"
#include "tests/support/SeriesReference.h"

#include <QApplication>
#include <QCommandLineParser>

// qcustomplot.h uses the Qt keywords that QT_NO_KEYWORDS (set project-wide) removes.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

using namespace sasquatch;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::int64_t kStart = sasquatch::test::kBenchSignalStart; // 2026-11-23T03:12:00Z
constexpr std::int64_t kStep = sasquatch::test::kBenchSignalStep;   // 50 Hz
constexpr std::size_t kBatchRows = 65'536;                        // AnnotatedCsvParser's piece size

struct Options
{
    int series = 10;
    std::int64_t points = 10'000'000;
    int width = 1920;
    int frames = 30;
    bool aliased = false;
};

double msSince(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

std::string fieldName(int s)
{
    return "zForce" + std::to_string(s);
}

enum class Layout : std::uint8_t { OwnTimeColumns, SharedTimeColumn };

struct Filled
{
    std::unique_ptr<SeriesStore> store;
    std::vector<SeriesId> ids;
    double ingestMs = 0;
    std::int64_t residentBefore = 0;
    std::int64_t residentDelta = 0;
};

Filled fillStore(const Options &o, Layout layout)
{
    Filled f;
    const std::int64_t before = sasquatch::test::residentBytes();
    f.residentBefore = before;
    f.store = std::make_unique<SeriesStore>();
    const auto t0 = Clock::now();
    SampleBatch batch;
    batch.topic = "lsst.sal.MTM1M3.forceActuatorData";
    for (std::int64_t first = 0; first < o.points; first += static_cast<std::int64_t>(kBatchRows)) {
        const auto rows = static_cast<std::size_t>(std::min<std::int64_t>(static_cast<std::int64_t>(kBatchRows), o.points - first));
        batch.times.resize(rows);
        for (std::size_t r = 0; r < rows; ++r)
            batch.times[r] = sasquatch::test::benchSampleTime(first + static_cast<std::int64_t>(r));
        if (layout == Layout::SharedTimeColumn) {
            batch.fields.resize(static_cast<std::size_t>(o.series));
            for (int s = 0; s < o.series; ++s) {
                BatchField &field = batch.fields[static_cast<std::size_t>(s)];
                field.name = fieldName(s);
                field.values.resize(rows);
                for (std::size_t r = 0; r < rows; ++r)
                    field.values[r] = sasquatch::test::benchSampleValue(s, first + static_cast<std::int64_t>(r));
            }
            if (!f.store->append(batch).ok())
                std::abort();
        } else {
            batch.fields.resize(1);
            for (int s = 0; s < o.series; ++s) {
                BatchField &field = batch.fields[0];
                field.name = fieldName(s);
                field.values.resize(rows);
                for (std::size_t r = 0; r < rows; ++r)
                    field.values[r] = sasquatch::test::benchSampleValue(s, first + static_cast<std::int64_t>(r));
                if (!f.store->append(batch).ok())
                    std::abort();
            }
        }
    }
    f.ingestMs = msSince(t0);
    batch = SampleBatch{};
    f.residentDelta = sasquatch::test::residentBytes() - before;
    for (int s = 0; s < o.series; ++s)
        f.ids.push_back(*f.store->find({"lsst.sal.MTM1M3.forceActuatorData", fieldName(s), {}}));
    return f;
}

void printMemory(const char *name, const Filled &f)
{
    const SeriesMemory m = f.store->memory();
    const auto points = static_cast<double>(m.points);
    std::printf("  %-34s %6lld %10.2f %10.2f %10.2f %10.2f %10.2f %10.2f %9.0f\n", name, static_cast<long long>(m.timeColumns),
                static_cast<double>(m.timeBytes) / points, static_cast<double>(m.valueBytes) / points,
                static_cast<double>(m.pyramidBytes) / points, m.bytesPerPoint(), m.reservedBytesPerPoint(),
                static_cast<double>(f.residentDelta) / points, f.ingestMs);
}

// Views of the benchmark: a span (fraction of the data's duration) and whether it pans.
struct View
{
    const char *name;
    double spanFraction;
    bool pan;
};

// A QCustomPlot whose axis rect is exactly `width` px wide, ready to draw offscreen.
std::unique_ptr<QCustomPlot> makePlot(int width, int graphs, bool aliased)
{
    auto plot = std::make_unique<QCustomPlot>();
    if (aliased)
        plot->setNotAntialiasedElements(QCP::aeAll);
    plot->resize(width + 100, 800);
    for (int g = 0; g < graphs; ++g) {
        QCPGraph *graph = plot->addGraph();
        graph->setPen(QPen(QColor::fromHsv((g * 36) % 360, 220, 200)));
    }
    plot->xAxis->setRange(0, 1);
    plot->yAxis->setRange(-20, 100.0 * graphs + 20);
    plot->show();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    // Widen the widget by the margins the axes took, so that the data area is `width` px.
    plot->resize(plot->width() + (width - plot->axisRect()->width()), plot->height());
    plot->replot(QCustomPlot::rpImmediateRefresh);
    return plot;
}

double toKey(std::int64_t t)
{
    return static_cast<double>(t - kStart) * 1e-9; // seconds since the first sample
}

// Draws a Decimation as it is: per pixel column one vertical stroke min..max and the segment
// from the previous column's last value to this column's first (none across a NaN), all in
// one QPainter::drawLines call; raw points (full zoom) as segments between neighbours.
class DecimationPlottable : public QCPAbstractPlottable
{
public:
    DecimationPlottable(QCPAxis *keyAxis, QCPAxis *valueAxis) : QCPAbstractPlottable(keyAxis, valueAxis) {}

    void setDecimation(Decimation decimation) { m_d = std::move(decimation); }

    double selectTest(const QPointF &, bool, QVariant *) const override { return -1; }
    QCPRange getKeyRange(bool &found, QCP::SignDomain) const override
    {
        found = m_d.grid.isValid();
        return QCPRange(toKey(m_d.grid.start()), toKey(m_d.grid.stop()));
    }
    QCPRange getValueRange(bool &found, QCP::SignDomain, const QCPRange &) const override
    {
        Extremes e;
        for (const DecimatedColumn &c : m_d.columns) {
            e.include(c.min);
            e.include(c.max);
        }
        found = e.hasValue();
        return QCPRange(e.min, e.max);
    }

protected:
    void draw(QCPPainter *painter) override
    {
        QCPAxis *key = keyAxis();
        QCPAxis *value = valueAxis();
        m_lines.clear();
        std::optional<QPointF> previous; // where the line continues from
        std::int64_t previousIndex = 0;
        const auto join = [&](const QPointF &to, std::int64_t firstIndex) {
            if (previous && firstIndex - previousIndex == 1)
                m_lines.append(QLineF(*previous, to));
        };
        const auto point = [&](const SamplePoint &p) {
            const QPointF at(key->coordToPixel(toKey(p.time)), value->coordToPixel(p.value));
            join(at, p.index);
            previous = at;
            previousIndex = p.index;
        };
        if (m_d.before)
            point(*m_d.before);
        if (m_d.hasRawPoints) {
            for (const SamplePoint &p : m_d.points) {
                if (!std::isnan(p.value))
                    point(p);
            }
        } else {
            for (int k = 0; k < static_cast<int>(m_d.columns.size()); ++k) {
                const DecimatedColumn &c = m_d.columns[static_cast<std::size_t>(k)];
                if (!c.hasValue())
                    continue;
                const double x = key->coordToPixel(toKey(m_d.grid.center(k)));
                join(QPointF(x, value->coordToPixel(c.first)), c.firstIndex);
                m_lines.append(QLineF(x, value->coordToPixel(c.min), x, value->coordToPixel(c.max)));
                previous = QPointF(x, value->coordToPixel(c.last));
                previousIndex = c.lastIndex;
            }
        }
        if (m_d.after)
            point(*m_d.after);
        applyDefaultAntialiasingHint(painter);
        painter->setPen(mPen);
        painter->drawLines(m_lines);
    }
    void drawLegendIcon(QCPPainter *painter, const QRectF &rect) const override
    {
        painter->setPen(mPen);
        painter->drawLine(QLineF(rect.left(), rect.center().y(), rect.right(), rect.center().y()));
    }

private:
    Decimation m_d;
    QVector<QLineF> m_lines;
};

enum class Drawing : std::uint8_t { Graph, Columns };

struct Timing
{
    double decimateMs = 0;
    double uploadMs = 0;
    double replotMs = 0;
    double frameMs = 0;
    double pointsPerSeries = 0;
};

// Ours: decimate all series into the grid, hand the result over (paths to QCPGraph, or the
// decimations to DecimationPlottable), replot.
Timing drawOurs(QCustomPlot &plot, const std::vector<DecimationPlottable *> &columns, Drawing drawing,
                const SeriesStore &store, const std::vector<SeriesId> &ids, const PixelGrid &grid)
{
    Timing t;
    const auto t0 = Clock::now();
    std::vector<Decimation> decimated = store.decimate(ids, grid);
    t.decimateMs = msSince(t0);
    const auto t1 = Clock::now();
    std::size_t points = 0;
    for (std::size_t s = 0; s < ids.size(); ++s) {
        if (drawing == Drawing::Columns) {
            points += decimated[s].hasRawPoints ? decimated[s].points.size() : decimated[s].columns.size();
            columns[s]->setDecimation(std::move(decimated[s]));
            continue;
        }
        const std::vector<SamplePoint> path = decimated[s].path();
        QVector<QCPGraphData> data(static_cast<qsizetype>(path.size()));
        for (std::size_t i = 0; i < path.size(); ++i)
            data[static_cast<qsizetype>(i)] = QCPGraphData(toKey(path[i].time), path[i].value);
        plot.graph(static_cast<int>(s))->data()->set(data, true);
        points += path.size();
    }
    plot.xAxis->setRange(toKey(grid.start()), toKey(grid.stop()));
    t.uploadMs = msSince(t1);
    const auto t2 = Clock::now();
    plot.replot(QCustomPlot::rpImmediateRefresh);
    t.replotMs = msSince(t2);
    t.frameMs = msSince(t0);
    t.pointsPerSeries = static_cast<double>(points) / static_cast<double>(ids.size());
    return t;
}

Timing drawRaw(QCustomPlot &plot, const PixelGrid &grid)
{
    Timing t;
    const auto t0 = Clock::now();
    plot.xAxis->setRange(toKey(grid.start()), toKey(grid.stop()));
    plot.replot(QCustomPlot::rpImmediateRefresh);
    t.replotMs = t.frameMs = msSince(t0);
    return t;
}

// The grids of one view: the first, then one per pan frame.
std::vector<PixelGrid> gridsFor(const View &view, std::int64_t first, std::int64_t last, int width, int frames)
{
    const auto span = static_cast<std::int64_t>(static_cast<double>(last - first) * view.spanFraction);
    // Pans start at 37% of the data: clear of the generated NaN gaps (at 1 M, 3 M, ... samples).
    const std::int64_t start = view.pan ? first + static_cast<std::int64_t>(static_cast<double>(last - first) * 0.37) : first;
    std::vector<PixelGrid> grids;
    for (int f = 0; f < frames; ++f) {
        const std::int64_t shift = view.pan ? f * (span / 200) : 0;
        grids.emplace_back(start + shift, start + shift + span + (view.pan ? 0 : 1), width);
    }
    return grids;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Series store plot benchmark"));
    parser.addHelpOption();
    const QCommandLineOption seriesOption(QStringLiteral("series"), QStringLiteral("Number of series."), QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption pointsOption(QStringLiteral("points"), QStringLiteral("Points per series."), QStringLiteral("n"), QStringLiteral("10000000"));
    const QCommandLineOption widthOption(QStringLiteral("width"), QStringLiteral("Plot width in px."), QStringLiteral("px"), QStringLiteral("1920"));
    const QCommandLineOption framesOption(QStringLiteral("frames"), QStringLiteral("Frames per view."), QStringLiteral("n"), QStringLiteral("30"));
    const QCommandLineOption aliasedOption(QStringLiteral("aliased"), QStringLiteral("Antialiasing off in all plots."));
    parser.addOptions({seriesOption, pointsOption, widthOption, framesOption, aliasedOption});
    parser.process(app);
    Options o;
    o.series = std::max(1, parser.value(seriesOption).toInt());
    o.points = std::max<qint64>(1000, parser.value(pointsOption).toLongLong());
    o.width = std::max(16, parser.value(widthOption).toInt());
    o.frames = std::max(3, parser.value(framesOption).toInt());
    o.aliased = parser.isSet(aliasedOption);

    std::printf("bench_series: %d series x %lld points, plot data area %d px wide, %d frames per view, antialiasing %s\n\n",
                o.series, static_cast<long long>(o.points), o.width, o.frames,
                o.aliased ? "off" : "as QCustomPlot's default (on for plottables)");

    // (c) memory, both layouts: the one drawn below first, in a fresh process; then the shared
    // one, built and freed.
    std::printf("Memory, bytes per point (point = one sample of one series; a shared time column counted once)\n");
    std::printf("  %-34s %6s %10s %10s %10s %10s %10s %10s %9s\n", "layout", "tcols", "time", "value", "pyramid",
                "store", "reserved", "RSS(statm)", "ingest ms");
    Filled own = fillStore(o, Layout::OwnTimeColumns);
    printMemory("a time column per series", own);
    own.store->shrinkToFit();
    own.residentDelta = sasquatch::test::residentBytes() - own.residentBefore;
    own.ingestMs = 0;
    printMemory("  the same after shrinkToFit()", own);
    {
        const Filled shared = fillStore(o, Layout::SharedTimeColumn);
        printMemory("one time column for all series", shared);
    }
    const std::int64_t first = own.store->times(own.ids[0]).front();
    const std::int64_t last = own.store->times(own.ids[0]).back();

    // Correctness of what is drawn: brute force on a few views.
    int wrong = 0;
    for (const View &v : {View{"full", 1.0, false}, View{"1%", 0.01, true}, View{"0.01%", 0.0001, true}}) {
        const PixelGrid grid = gridsFor(v, first, last, o.width, 1).front();
        for (std::size_t s = 0; s < own.ids.size(); s += 3) {
            const QString error = compareColumns(own.store->decimate(own.ids[s], grid),
                                                 referenceColumns(own.store->times(own.ids[s]), own.store->values(own.ids[s]), grid));
            if (!error.isEmpty()) {
                std::printf("WRONG decimation, view %s, series %zu: %s\n", v.name, s, qPrintable(error));
                ++wrong;
            }
        }
    }

    const View views[] = {
        {"full range, replot", 1.0, false},
        {"pan, 25% of the data in view", 0.25, true},
        {"pan, 1% in view (100 k pts/series)", 0.01, true},
        {"pan, 0.01% in view (1 k pts: raw)", 0.0001, true},
    };

    // (a) ours, drawn two ways: QCPGraph fed Decimation::path() (adaptive sampling off, so
    // what is drawn is exactly our points), and DecimationPlottable (one stroke per column).
    std::vector<std::vector<Timing>> oursTimes[2];
    for (const Drawing drawing : {Drawing::Graph, Drawing::Columns}) {
        auto ours = makePlot(o.width, drawing == Drawing::Graph ? o.series : 0, o.aliased);
        std::vector<DecimationPlottable *> columns;
        for (int g = 0; g < o.series; ++g) {
            if (drawing == Drawing::Graph) {
                ours->graph(g)->setAdaptiveSampling(false); // already one column per pixel
            } else {
                columns.push_back(new DecimationPlottable(ours->xAxis, ours->yAxis)); // owned by the plot
                columns.back()->setPen(QPen(QColor::fromHsv((g * 36) % 360, 220, 200)));
            }
        }
        for (const View &v : views) {
            std::vector<Timing> times;
            for (const PixelGrid &grid : gridsFor(v, first, last, o.width, o.frames))
                times.push_back(drawOurs(*ours, columns, drawing, *own.store, own.ids, grid));
            oursTimes[drawing == Drawing::Graph ? 0 : 1].push_back(std::move(times));
        }
    }

    // (b) QCustomPlot with the raw points (its own adaptive sampling).
    const std::int64_t rssBeforeRaw = sasquatch::test::residentBytes();
    auto raw = makePlot(o.width, o.series, o.aliased);
    const auto tLoad = Clock::now();
    for (int s = 0; s < o.series; ++s) {
        const auto t = own.store->times(own.ids[static_cast<std::size_t>(s)]);
        const auto v = own.store->values(own.ids[static_cast<std::size_t>(s)]);
        QVector<QCPGraphData> data(static_cast<qsizetype>(t.size()));
        for (std::size_t i = 0; i < t.size(); ++i)
            data[static_cast<qsizetype>(i)] = QCPGraphData(toKey(t[i]), v[i]);
        raw->graph(s)->data()->set(data, true);
    }
    const double rawLoadMs = msSince(tLoad);
    const std::int64_t rssRaw = sasquatch::test::residentBytes() - rssBeforeRaw;

    const auto pick = [](const std::vector<Timing> &ts, double Timing::*field) {
        std::vector<double> xs;
        for (const Timing &t : ts)
            xs.push_back(t.*field);
        return median(xs);
    };
    std::printf("\nRendering, median ms per frame: %d series, plot data area %d px wide\n", o.series, raw->axisRect()->width());
    std::printf("  %-36s %9s | %-27s | %-27s | %10s | %8s\n", "", "ours", "ours drawn by QCPGraph",
                "ours drawn by columns", "QCustomPlot", "speedup");
    std::printf("  %-36s %9s | %9s %8s %8s | %9s %8s %8s | %10s | %8s\n", "view", "decimate", "pts/ser", "replot",
                "frame", "cols/ser", "replot", "frame", "raw frame", "raw/best");
    for (std::size_t i = 0; i < std::size(views); ++i) {
        std::vector<Timing> rawTimes;
        // QCustomPlot's raw replot is slow: a third of the frames is plenty for a median.
        const int frames = std::max(3, o.frames / 3);
        for (const PixelGrid &grid : gridsFor(views[i], first, last, o.width, frames))
            rawTimes.push_back(drawRaw(*raw, grid));
        const std::vector<Timing> &g = oursTimes[0][i];
        const std::vector<Timing> &c = oursTimes[1][i];
        const double rawFrame = pick(rawTimes, &Timing::frameMs);
        const double best = std::min(pick(g, &Timing::frameMs), pick(c, &Timing::frameMs));
        std::printf("  %-36s %9.2f | %9.0f %8.2f %8.2f | %9.0f %8.2f %8.2f | %10.1f | %7.1fx\n", views[i].name,
                    pick(c, &Timing::decimateMs), pick(g, &Timing::pointsPerSeries), pick(g, &Timing::replotMs),
                    pick(g, &Timing::frameMs), pick(c, &Timing::pointsPerSeries), pick(c, &Timing::replotMs),
                    pick(c, &Timing::frameMs), rawFrame, rawFrame / best);
    }
    std::printf("  frame = decimate + hand over + replot(rpImmediateRefresh), the same plot settings for all three.\n"
                "  QCustomPlot raw frame = setRange + replot of the raw points, its adaptive sampling on.\n"
                "  Raw points loaded into QCustomPlot in %.0f ms, %.1f B/point resident.\n",
                rawLoadMs, static_cast<double>(rssRaw) / static_cast<double>(o.points * o.series));
    std::printf("\nCorrectness: %s\n", wrong ? "decimation DIFFERS from brute force" : "decimation identical to brute force on all checked views");
    return wrong ? 1 : 0;
}
