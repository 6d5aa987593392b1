// SPDX-License-Identifier: GPL-3.0-or-later
// PlotWorkspace: documents, typed-query results, export and the menu.
#include "gui/plots/PlotWorkspace.h"

#include "core/series/SeriesBatchCollector.h"
#include "core/workspace/SeriesCsvExport.h"
#include "gui/plots/PlotDataLoader.h"
#include "gui/plots/PlotExporter.h"
#include "gui/plots/PlotPanel.h"
#include "gui/plots/SeriesPlottable.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMenu>
#include <QSaveFile>
#include <QSplitter>
#include <QtConcurrent>

namespace sasquatch {

namespace {

// The store key of a typed query's series: its own tag, so that it never mixes with the
// series a bucket query fills.
SeriesKey querySeriesKey(const std::string &topic, const std::string &field, TagSet tags, int queryNumber)
{
    tags.emplace_back("query #", std::to_string(queryNumber));
    return {topic, field, normalizedTags(std::move(tags))};
}

} // namespace

PlotDocument PlotWorkspace::document() const
{
    PlotDocument d;
    d.range = TimeRange::absolute(m_shared.view.startNs, m_shared.view.stopNs).value();
    d.scale = m_shared.scale;
    const QList<int> sizes = m_panelSplitter->sizes();
    for (std::size_t i = 0; i < m_panels.size(); ++i) {
        PlotPanelSpec panel = m_panels[i]->toSpec();
        // Heights as weights in tenths of the total, so that they survive another window size.
        int total = 0;
        for (int s : sizes)
            total += s;
        panel.heightWeight = total > 0 && int(i) < sizes.size() ? std::max(1, sizes[int(i)] * 10 / total) : 1;
        d.panels.push_back(panel);
    }
    d.cursors = PlotCursorSpec{m_shared.lookup, m_shared.abVisible, m_shared.aNs, m_shared.bNs};
    if (m_annotationFilters)
        d.annotationFilters = m_annotationFilters();
    return d;
}

void PlotWorkspace::setAnnotationFiltersSource(std::function<AnnotationPresetFile()> source)
{
    m_annotationFilters = std::move(source);
}

void PlotWorkspace::clear()
{
    while (!m_panels.empty())
        removePanel(m_panels.back());
}

void PlotWorkspace::applyDocument(const PlotDocument &document)
{
    clear();
    m_loader->invalidate();
    QList<int> sizes;
    for (const PlotPanelSpec &spec : document.panels) {
        PlotPanel *panel = addPanel();
        panel->setAxes(spec.axes);
        for (const PlotSeriesSpec &s : spec.series) {
            if (!s.query.isEmpty()) {
                loadQuerySeries(panel, s, ++m_queryCount);
                continue;
            }
            TagSet tags = PlotDataLoader::tagSet(s.tags);
            const SeriesId id = m_shared.store.ensureSeries({s.measurement.toStdString(), s.field.toStdString(), tags});
            panel->addSeriesOnAxis(s, id, SeriesOrigin::Bucket);
        }
        sizes << std::max(1, spec.heightWeight) * 100;
    }
    m_panelSplitter->setSizes(sizes);
    setScale(document.scale);
    setLookup(document.cursors.lookup);
    // As saved, also when the cursors are outside the view (setCursorsVisible would move them).
    m_shared.aNs = document.cursors.aNs;
    m_shared.bNs = document.cursors.bNs;
    m_shared.abVisible = document.cursors.abVisible;
    {
        const QSignalBlocker block(m_cursorsAction);
        m_cursorsAction->setChecked(m_shared.abVisible);
    }
    const TimeRange range = document.range.resolved(TimeRange::currentTimeNs());
    m_history.reset({range.startNs(0), range.stopNs(0)});
    m_sinceRecord.invalidate();
    applyView(m_history.current());
    // A relative range ("the past 10 minutes") moves with the clock: cursors saved with it
    // would be off screen, so they come back at a third and two thirds of the view.
    const TimeView &v = m_shared.view;
    if (document.range.isRelative() && (m_shared.aNs < v.startNs || m_shared.bNs > v.stopNs)) {
        m_shared.aNs = v.startNs + v.spanNs() / 3;
        m_shared.bNs = v.startNs + v.spanNs() * 2 / 3;
        updateReadout();
    }
    reload();
    Q_EMIT annotationFiltersLoaded(document.annotationFilters);
}

void PlotWorkspace::loadQuerySeries(PlotPanel *panel, const PlotSeriesSpec &spec, int queryNumber)
{
    const SeriesKey key = querySeriesKey(spec.measurement.toStdString(), spec.field.toStdString(),
                                         PlotDataLoader::tagSet(spec.tags), queryNumber);
    const SeriesId id = m_shared.store.ensureSeries(key);
    panel->addSeriesOnAxis(spec, id, SeriesOrigin::Query);
    m_loader->runQuery(spec.query, spec.language, [this, spec, key](std::vector<SampleBatch> batches) {
        for (SampleBatch &batch : batches) {
            const BatchField *field = batch.field(spec.field.toStdString());
            if (batch.topic != key.topic || !field)
                continue;
            SampleBatch one;
            one.topic = key.topic;
            one.tags = key.tags;
            one.times = std::move(batch.times);
            one.fields.push_back(*field);
            const Outcome<ApplyResult> applied = m_shared.store.append(one);
            if (!applied.ok())
                Q_EMIT message(tr("%1: %2").arg(spec.field, applied.error()), true);
        }
        for (PlotPanel *p : m_panels)
            p->refresh();
        updateReadout();
    });
}

void PlotWorkspace::addQueryResults(const std::vector<ResultTable> &tables, const QString &query,
                                    std::optional<QueryLanguage> queryLanguage)
{
    const QueryLanguage language =
        queryLanguage.value_or(query.contains(QLatin1String("|>")) ? QueryLanguage::Flux : QueryLanguage::InfluxQl);
    SeriesBatchCollector collector;
    QStringList problems;
    for (const ResultTable &table : tables) {
        const Outcome<std::int64_t> added = collector.add(table);
        if (!added.ok())
            problems << added.error();
    }
    for (const QString &note : collector.notes())
        problems << note;
    std::vector<SampleBatch> batches = collector.takeBatches();
    if (batches.empty()) {
        Q_EMIT message(tr("Nothing to plot in these results: %1").arg(problems.isEmpty() ? tr("no rows") : problems.first()), true);
        return;
    }
    const int number = ++m_queryCount;
    PlotPanel *panel = addPanel();
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    for (SampleBatch &batch : batches) {
        const TagSet shownTags = batch.tags;
        SampleBatch stored = batch;
        stored.tags = querySeriesKey(batch.topic, {}, batch.tags, number).tags;
        const Outcome<ApplyResult> applied = m_shared.store.append(stored);
        if (!applied.ok()) {
            problems << applied.error();
            continue;
        }
        if (!batch.times.empty()) {
            first = std::min(first, *std::min_element(batch.times.begin(), batch.times.end()));
            last = std::max(last, *std::max_element(batch.times.begin(), batch.times.end()));
        }
        for (std::size_t f = 0; f < batch.fields.size(); ++f) {
            PlotSeriesSpec spec;
            spec.measurement = QString::fromStdString(batch.topic);
            spec.field = QString::fromStdString(batch.fields[f].name);
            for (const auto &[k, v] : shownTags)
                spec.tags.push_back({QString::fromStdString(k), QString::fromStdString(v)});
            spec.unit = unitOf(spec.measurement, spec.field);
            spec.query = query;
            spec.language = language;
            const SeriesId id = *m_shared.store.find(querySeriesKey(batch.topic, batch.fields[f].name, batch.tags, number));
            panel->addSeries(spec, id, SeriesOrigin::Query);
        }
    }
    if (first < last) {
        const std::int64_t pad = (last - first) / 50;
        setView({first - pad, last + pad}, true);
    }
    Q_EMIT message(problems.isEmpty() ? tr("%n series plotted.", nullptr, int(panel->series().size()))
                                      : tr("%n series plotted; %1", nullptr, int(panel->series().size())).arg(problems.first()),
                   !problems.isEmpty());
}

void PlotWorkspace::exportImage()
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export plot image"), QStringLiteral("plot.png"),
                                                      tr("PNG image (*.png);;PDF document (*.pdf)"), &filter);
    if (path.isEmpty())
        return;
    const bool pdf = path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) || filter.contains(QLatin1String("pdf"));
    const Outcome<Done> done = pdf ? PlotExporter::savePdf(m_panels, path) : PlotExporter::savePng(m_panels, path);
    Q_EMIT message(done.ok() ? tr("Saved %1.").arg(path) : done.error(), !done.ok());
}

void PlotWorkspace::copyImage()
{
    const QImage image = PlotExporter::image(m_panels);
    if (image.isNull())
        return;
    QApplication::clipboard()->setImage(image);
    Q_EMIT message(tr("Plot image copied."), false);
}

void PlotWorkspace::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export visible data"), QStringLiteral("plot.csv"),
                                                      tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    // A copy of the visible samples (fast, on this thread), written on a worker.
    std::vector<CsvSeriesData> data;
    for (const PlotPanel *panel : m_panels) {
        for (const PlotPanel::Series &s : panel->series()) {
            const auto [from, to] = m_shared.store.indexRange(s.id, m_shared.view.startNs, m_shared.view.stopNs);
            const auto times = m_shared.store.times(s.id);
            const auto values = m_shared.store.values(s.id);
            CsvSeriesData d;
            d.name = s.plottable->name() + (s.spec.unit.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(s.spec.unit));
            d.times.assign(times.begin() + static_cast<std::ptrdiff_t>(from), times.begin() + static_cast<std::ptrdiff_t>(to));
            d.values.assign(values.begin() + static_cast<std::ptrdiff_t>(from), values.begin() + static_cast<std::ptrdiff_t>(to));
            data.push_back(std::move(d));
        }
    }
    const TimeScale scale = m_shared.scale;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        Q_EMIT message(error.isEmpty() ? tr("Saved %1.").arg(path) : error, !error.isEmpty());
        watcher->deleteLater();
    });
    Q_EMIT message(tr("Writing %1…").arg(path), false);
    watcher->setFuture(QtConcurrent::run([path, data = std::move(data), scale]() -> QString {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return tr("Could not write %1: %2").arg(path, file.errorString());
        const Outcome<std::int64_t> written = SeriesCsvExport::write(file, data, scale);
        if (!written.ok())
            return tr("Could not write %1: %2").arg(path, written.error());
        if (!file.commit())
            return tr("Could not write %1: %2").arg(path, file.errorString());
        return QString();
    }));
}

void PlotWorkspace::populateMenu(QMenu *menu)
{
    menu->addAction(m_backAction);
    menu->addAction(m_forwardAction);
    menu->addAction(m_resetAction);
    menu->addSeparator();
    menu->addAction(tr("New panel"), this, [this] { addPanel(); });
    menu->addAction(m_cursorsAction);
    QAction *tai = menu->addAction(tr("Time in TAI"));
    tai->setCheckable(true);
    connect(menu, &QMenu::aboutToShow, tai, [this, tai] { tai->setChecked(m_shared.scale == TimeScale::Tai); });
    connect(tai, &QAction::triggered, this, [this](bool on) { setScale(on ? TimeScale::Tai : TimeScale::Utc); });
    menu->addSeparator();
    menu->addAction(m_imageAction);
    menu->addAction(m_csvAction);
    menu->addAction(m_copyAction);
    menu->addSeparator();
    menu->addAction(tr("Remove all panels"), this, &PlotWorkspace::clear);
}

} // namespace sasquatch
