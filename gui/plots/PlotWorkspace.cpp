// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/plots/PlotWorkspace.h"

#include "core/series/SeriesBatchCollector.h"
#include "core/time/TimeRange.h"
#include "gui/plots/PlotDataLoader.h"
#include "gui/plots/PlotOverlay.h"
#include "gui/plots/PlotPanel.h"
#include "gui/plots/PlotReadoutTable.h"

#include <QAction>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QLabel>
#include <QMimeData>
#include <QSplitter>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace sasquatch {

namespace {

constexpr int kHistoryMergeMs = 400; // wheel steps closer than this are one history entry

} // namespace

PlotWorkspace::PlotWorkspace(std::shared_ptr<HttpTransport> transport, QWidget *parent)
    : QWidget(parent), m_loader(new PlotDataLoader(m_shared.store, std::move(transport), this))
{
    setAcceptDrops(true);
    const std::int64_t now = TimeRange::currentTimeNs();
    m_shared.view = {now - kDefaultSpanNs, now};
    m_history.reset(m_shared.view);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    buildToolBar();
    layout->addWidget(m_toolBar);

    auto *plots = new QWidget;
    auto *plotsLayout = new QVBoxLayout(plots);
    plotsLayout->setContentsMargins(0, 0, 0, 0);
    plotsLayout->setSpacing(0);
    m_panelSplitter = new QSplitter(Qt::Vertical);
    m_panelSplitter->setChildrenCollapsible(false);
    m_panelSplitter->setHandleWidth(3);
    plotsLayout->addWidget(m_panelSplitter, 1);
    m_dropHint = new QLabel(tr("Drop fields from the topic tree here for a new panel"));
    m_dropHint->setToolTip(tr("Wheel: zoom time · Ctrl+wheel: zoom a value axis · Shift+wheel or drag: pan · "
                              "Ctrl+drag: zoom to a box · right click: menus"));
    m_dropHint->setAlignment(Qt::AlignCenter);
    m_dropHint->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_dropHint->setStyleSheet(QStringLiteral("color: palette(placeholder-text); border: 1px dashed palette(mid); margin: 4px;"));
    m_dropHint->setMinimumHeight(32);
    plotsLayout->addWidget(m_dropHint);

    m_readout = new PlotReadoutTable;
    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->addWidget(plots);
    m_splitter->addWidget(m_readout);
    m_splitter->setStretchFactor(0, 5);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({900, 240}); // the table: about six series visible
    layout->addWidget(m_splitter, 1);

    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(kReloadDelayMs);
    connect(&m_reloadTimer, &QTimer::timeout, this, &PlotWorkspace::reload);
    m_liveTimer.setSingleShot(true);
    m_liveTimer.setInterval(1000 / kMaxLiveFps);
    connect(&m_liveTimer, &QTimer::timeout, this, [this] {
        if (m_follow) {
            std::int64_t latest = std::numeric_limits<std::int64_t>::min();
            for (const SeriesId id : m_shared.store.seriesIds())
                if (const auto t = m_shared.store.times(id); !t.empty())
                    latest = std::max(latest, t.back());
            if (latest != std::numeric_limits<std::int64_t>::min())
                applyView({latest - m_shared.view.spanNs(), latest});
        }
        for (PlotPanel *panel : m_panels)
            panel->refresh();
        updateReadout();
    });
    m_hoverTimer.setSingleShot(true);
    m_hoverTimer.setInterval(30);
    connect(&m_hoverTimer, &QTimer::timeout, this, [this] { m_readout->updateHover(m_panels, m_shared); });

    m_recentTimer.setInterval(kRecentCheckMs);
    connect(&m_recentTimer, &QTimer::timeout, this, [this] {
        // A view that ends in the last minutes shows data still arriving: the loader re-queries
        // it when its data is older than PlotDataLoader::kRecentRefreshNs.
        if (!m_follow && m_shared.view.stopNs > TimeRange::currentTimeNs() - PlotDataLoader::kRecentNs)
            reload();
    });
    m_recentTimer.start();
    connect(m_loader, &PlotDataLoader::dataChanged, this, [this] {
        for (PlotPanel *panel : m_panels)
            panel->refresh();
        updateReadout();
    });
    connect(m_loader, &PlotDataLoader::loadingChanged, this, [this](bool loading) {
        m_loading->setVisible(loading);
        Q_EMIT loadingChanged(loading);
    });
    connect(m_loader, &PlotDataLoader::failed, this, [this](const QString &text) { Q_EMIT message(text, true); });
    updateActions();
    updateReadout();
}

PlotWorkspace::~PlotWorkspace() = default;

void PlotWorkspace::buildToolBar()
{
    m_toolBar = new QToolBar(tr("Plot"));
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_backAction = m_toolBar->addAction(style()->standardIcon(QStyle::SP_ArrowBack), tr("Back"), this, &PlotWorkspace::back);
    m_backAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_backAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_backAction->setToolTip(tr("Previous view (Alt+Left)"));
    m_forwardAction = m_toolBar->addAction(style()->standardIcon(QStyle::SP_ArrowForward), tr("Forward"), this,
                                           &PlotWorkspace::forward);
    m_forwardAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_forwardAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_forwardAction->setToolTip(tr("Next view (Alt+Right)"));
    m_resetAction = m_toolBar->addAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("Reset"), this,
                                         &PlotWorkspace::resetView);
    m_resetAction->setToolTip(tr("Show all loaded data and let the value axes follow it"));
    m_toolBar->addSeparator();
    m_toolBar->addWidget(new QLabel(tr(" Time ")));
    m_scaleCombo = new QComboBox;
    m_scaleCombo->addItem(QStringLiteral("UTC"), int(TimeScale::Utc));
    m_scaleCombo->addItem(QStringLiteral("TAI"), int(TimeScale::Tai));
    m_scaleCombo->setToolTip(tr("Time axis in UTC or TAI (TAI = UTC + 37 s)"));
    connect(m_scaleCombo, &QComboBox::activated, this,
            [this](int index) { setScale(TimeScale(m_scaleCombo->itemData(index).toInt())); });
    m_toolBar->addWidget(m_scaleCombo);
    m_toolBar->addWidget(new QLabel(tr(" Readout ")));
    m_lookupCombo = new QComboBox;
    m_lookupCombo->addItem(tr("Nearest value"), int(SampleLookup::Nearest));
    m_lookupCombo->addItem(tr("Previous value"), int(SampleLookup::Previous));
    m_lookupCombo->setToolTip(tr("Which sample the cursors read: the nearest in time or the last one before"));
    connect(m_lookupCombo, &QComboBox::activated, this,
            [this](int index) { setLookup(SampleLookup(m_lookupCombo->itemData(index).toInt())); });
    m_toolBar->addWidget(m_lookupCombo);
    m_cursorsAction = m_toolBar->addAction(tr("A/B cursors"));
    m_cursorsAction->setCheckable(true);
    m_cursorsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_cursorsAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_cursorsAction->setToolTip(tr("Two cursors with Δt and Δvalue per series; drag them to move (Ctrl+Shift+C)"));
    connect(m_cursorsAction, &QAction::toggled, this, &PlotWorkspace::setCursorsVisible);
    m_toolBar->addSeparator();
    m_imageAction = m_toolBar->addAction(tr("Export image…"), this, &PlotWorkspace::exportImage);
    m_imageAction->setToolTip(tr("Save the panels as PNG or PDF"));
    m_csvAction = m_toolBar->addAction(tr("Export CSV…"), this, &PlotWorkspace::exportCsv);
    m_csvAction->setToolTip(tr("Save the visible samples of every series as CSV"));
    m_copyAction = m_toolBar->addAction(tr("Copy image"), this, &PlotWorkspace::copyImage);
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_loading = new QLabel(tr("⟳ loading…"));
    m_loading->setStyleSheet(QStringLiteral("color: #4fc3f7; padding-right: 8px;"));
    m_loading->setToolTip(tr("Querying the data for the view"));
    m_loading->hide();
    m_toolBar->addWidget(m_loading);
}

void PlotWorkspace::setConnection(const ConnectionProfile &profile, const QString &secret)
{
    m_loader->setConnection(profile, secret);
    scheduleReload();
}

void PlotWorkspace::setLanguage(QueryLanguage language)
{
    if (language == m_loader->language())
        return;
    m_loader->setLanguage(language);
    m_loader->invalidate();
    scheduleReload();
}

void PlotWorkspace::setUnitLookup(std::function<QString(const QString &, const QString &)> lookup)
{
    m_unitLookup = std::move(lookup);
}

QString PlotWorkspace::unitOf(const QString &measurement, const QString &field) const
{
    return m_unitLookup ? m_unitLookup(measurement, field) : QString();
}

PlotPanel *PlotWorkspace::addPanel()
{
    auto *panel = new PlotPanel(m_shared);
    m_panels.push_back(panel);
    m_panelSplitter->addWidget(panel);
    wirePanel(panel);
    panel->setTimeView(m_shared.view);
    panel->refreshOverlays();
    updateTimeLabels();
    updateActions();
    Q_EMIT contentChanged();
    return panel;
}

void PlotWorkspace::removePanel(PlotPanel *panel)
{
    const auto it = std::find(m_panels.begin(), m_panels.end(), panel);
    if (it == m_panels.end())
        return;
    m_panels.erase(it);
    for (const PlotPanel::Series &s : panel->series())
        if (s.origin != SeriesOrigin::Live)
            m_shared.store.removeSeries(s.id);
    panel->hide();
    panel->deleteLater();
    resetMargins();
    updateTimeLabels();
    updateActions();
    updateReadout();
    Q_EMIT contentChanged();
}

void PlotWorkspace::wirePanel(PlotPanel *panel)
{
    // Panels with more or wider value axes have narrower plot areas; aligning the margins keeps
    // a time at the same x in every panel (the cursors line up).
    connect(panel, &QCustomPlot::afterLayout, this, [this] {
        if (!std::exchange(m_alignQueued, true))
            QTimer::singleShot(0, this, &PlotWorkspace::alignMargins);
    });
    connect(panel, &PlotPanel::viewRequested, this, &PlotWorkspace::setView);
    connect(panel, &PlotPanel::hovered, this, [this](qint64 t, bool inside) {
        m_shared.hoverNs = inside ? std::optional<std::int64_t>(t) : std::nullopt;
        for (PlotPanel *p : m_panels)
            p->refreshCursors();
        if (!m_hoverTimer.isActive())
            m_hoverTimer.start();
    });
    connect(panel, &PlotPanel::cursorDragged, this, &PlotWorkspace::setCursor);
    connect(panel, &PlotPanel::fieldsDropped, this,
            [this, panel](const std::vector<DraggedField> &fields) { addFields(fields, panel); });
    connect(panel, &PlotPanel::seriesChanged, this, [this] {
        resetMargins();
        updateReadout();
        scheduleReload();
        Q_EMIT contentChanged();
    });
    connect(panel, &PlotPanel::removeRequested, this, [this, panel] { removePanel(panel); });
    connect(panel, &PlotPanel::resetViewRequested, this, &PlotWorkspace::resetView);
}

void PlotWorkspace::addFields(const std::vector<DraggedField> &fields, PlotPanel *panel)
{
    if (fields.empty())
        return;
    if (!panel)
        panel = addPanel();
    for (const DraggedField &f : fields) {
        PlotSeriesSpec spec;
        spec.bucket = f.bucket;
        spec.measurement = f.measurement;
        spec.field = f.field;
        spec.unit = f.unit.isEmpty() ? unitOf(f.measurement, f.field) : f.unit;
        const SeriesId id = m_shared.store.ensureSeries({f.measurement.toStdString(), f.field.toStdString(), {}});
        if (panel->indexOf(id) >= 0)
            continue; // already there
        panel->addSeries(spec, id, SeriesOrigin::Bucket);
    }
    reload(); // a drop is a deliberate act: no debounce
}

SeriesId PlotWorkspace::addLiveSeries(const SeriesKey &key, const QString &unit, PlotPanel *panel)
{
    if (!panel)
        panel = m_panels.empty() ? addPanel() : m_panels.back();
    PlotSeriesSpec spec;
    spec.measurement = QString::fromStdString(key.topic);
    spec.field = QString::fromStdString(key.field);
    for (const auto &[k, v] : key.tags)
        spec.tags.push_back({QString::fromStdString(k), QString::fromStdString(v)});
    spec.unit = unit.isEmpty() ? unitOf(spec.measurement, spec.field) : unit;
    const SeriesId id = m_shared.store.ensureSeries(key);
    if (panel->indexOf(id) < 0)
        panel->addSeries(spec, id, SeriesOrigin::Live);
    return id;
}

void PlotWorkspace::setSeriesUnits(const QString &measurement,
                                   const std::function<std::optional<QString>(const QString &field)> &unitFor)
{
    for (PlotPanel *panel : m_panels) {
        panel->setSeriesUnits([&](const PlotSeriesSpec &spec) -> std::optional<QString> {
            if (spec.measurement != measurement)
                return std::nullopt;
            return unitFor(spec.field);
        });
    }
}

void PlotWorkspace::dataAppended()
{
    if (!m_liveTimer.isActive())
        m_liveTimer.start();
}

void PlotWorkspace::setFollowLatest(bool follow)
{
    m_follow = follow;
    if (follow)
        dataAppended();
}

void PlotWorkspace::addOverlay(PlotOverlay *overlay)
{
    if (std::find(m_shared.overlays.begin(), m_shared.overlays.end(), overlay) == m_shared.overlays.end())
        m_shared.overlays.push_back(overlay);
    repaintOverlays();
}

void PlotWorkspace::removeOverlay(PlotOverlay *overlay)
{
    std::erase(m_shared.overlays, overlay);
    repaintOverlays();
}

void PlotWorkspace::repaintOverlays()
{
    for (PlotPanel *panel : m_panels)
        panel->refreshOverlays();
}

void PlotWorkspace::setView(const TimeView &view, bool record)
{
    if (view.spanNs() <= 0)
        return;
    if (record) {
        if (m_sinceRecord.isValid() && m_sinceRecord.elapsed() < kHistoryMergeMs && m_history.canGoBack())
            m_history.back(); // the same gesture: replace its entry
        m_history.visit(view);
        m_sinceRecord.start();
    }
    applyView(view);
}

void PlotWorkspace::applyView(const TimeView &view)
{
    m_shared.view = view;
    for (PlotPanel *panel : m_panels)
        panel->setTimeView(view);
    updateReadout();
    updateActions();
    scheduleReload();
    Q_EMIT viewChanged(view.startNs, view.stopNs);
}

void PlotWorkspace::resetView()
{
    m_loader->invalidate(); // Reset also fetches again what is shown
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    for (const PlotPanel *panel : m_panels) {
        for (const PlotPanel::Series &s : panel->series()) {
            const auto t = m_shared.store.times(s.id);
            if (!t.empty()) {
                first = std::min(first, t.front());
                last = std::max(last, t.back());
            }
        }
    }
    for (PlotPanel *panel : m_panels)
        panel->autoScaleValues();
    if (first < last) {
        const std::int64_t pad = (last - first) / 50;
        setView({first - pad, last + pad}, true);
    } else {
        const std::int64_t now = TimeRange::currentTimeNs();
        setView({now - kDefaultSpanNs, now}, true);
    }
    m_sinceRecord.invalidate();
}

void PlotWorkspace::back()
{
    m_sinceRecord.invalidate();
    applyView(m_history.back());
}

void PlotWorkspace::forward()
{
    m_sinceRecord.invalidate();
    applyView(m_history.forward());
}

void PlotWorkspace::setScale(TimeScale scale)
{
    m_shared.scale = scale;
    m_scaleCombo->setCurrentIndex(m_scaleCombo->findData(int(scale)));
    for (PlotPanel *panel : m_panels)
        panel->updateScale();
    updateTimeLabels();
    updateReadout();
}

void PlotWorkspace::setLookup(SampleLookup lookup)
{
    m_shared.lookup = lookup;
    m_lookupCombo->setCurrentIndex(std::max(0, m_lookupCombo->findData(int(lookup))));
    updateReadout();
}

void PlotWorkspace::setCursorsVisible(bool visible)
{
    if (visible && !m_shared.abVisible) {
        const TimeView &v = m_shared.view;
        // Placed where they are easy to find if they are not in the view.
        if (m_shared.aNs < v.startNs || m_shared.aNs > v.stopNs || m_shared.bNs < v.startNs || m_shared.bNs > v.stopNs) {
            m_shared.aNs = v.startNs + v.spanNs() / 3;
            m_shared.bNs = v.startNs + v.spanNs() * 2 / 3;
        }
    }
    m_shared.abVisible = visible;
    {
        const QSignalBlocker block(m_cursorsAction);
        m_cursorsAction->setChecked(visible);
    }
    for (PlotPanel *panel : m_panels)
        panel->refreshCursors();
    updateReadout();
}

void PlotWorkspace::setCursor(int which, std::int64_t tNs)
{
    (which == 0 ? m_shared.aNs : m_shared.bNs) = tNs;
    for (PlotPanel *panel : m_panels)
        panel->refreshCursors();
    updateReadout();
}

bool PlotWorkspace::isLoading() const
{
    return m_loader->isLoading() || m_reloadTimer.isActive();
}

int PlotWorkspace::plotWidth() const
{
    if (!m_panels.empty() && m_panels.front()->axisRect()->width() > 10)
        return m_panels.front()->axisRect()->width();
    return std::max(200, width() - 160);
}

void PlotWorkspace::scheduleReload()
{
    m_reloadTimer.start();
}

void PlotWorkspace::reload()
{
    m_reloadTimer.stop();
    std::map<QString, PlotDataLoader::Target> targets; // by bucket, measurement and tags
    for (const PlotPanel *panel : m_panels) {
        for (const PlotPanel::Series &s : panel->series()) {
            if (s.origin != SeriesOrigin::Bucket)
                continue;
            QStringList tags;
            for (const TagFilter &t : s.spec.tags)
                tags << t.key + u'=' + t.value;
            const QString key = s.spec.bucket + u'\n' + s.spec.measurement + u'\n' + tags.join(u',');
            PlotDataLoader::Target &target = targets[key];
            target.bucket = s.spec.bucket;
            target.measurement = s.spec.measurement;
            target.tags = s.spec.tags;
            if (!target.fields.contains(s.spec.field))
                target.fields << s.spec.field;
        }
    }
    std::vector<PlotDataLoader::Target> list;
    for (auto &[key, target] : targets)
        list.push_back(std::move(target));
    m_loader->load(list, m_shared.view, plotWidth());
}

void PlotWorkspace::alignMargins()
{
    m_alignQueued = false;
    int left = 0;
    int right = 0;
    for (const PlotPanel *panel : m_panels) {
        left = std::max(left, panel->axisRect()->margins().left());
        right = std::max(right, panel->axisRect()->margins().right());
    }
    for (PlotPanel *panel : m_panels) {
        const QMargins wanted(left, 0, right, 0);
        if (panel->axisRect()->minimumMargins() != wanted) {
            panel->axisRect()->setMinimumMargins(wanted);
            panel->replot(QCustomPlot::rpQueuedReplot);
        }
    }
}

void PlotWorkspace::resetMargins()
{
    // Axes may have gone: let every panel find its own margins again, then align.
    for (PlotPanel *panel : m_panels) {
        panel->axisRect()->setMinimumMargins(QMargins());
        panel->replot(QCustomPlot::rpQueuedReplot);
    }
}

void PlotWorkspace::updateReadout()
{
    m_readout->update(m_panels, m_shared);
}

void PlotWorkspace::updateTimeLabels()
{
    for (std::size_t i = 0; i < m_panels.size(); ++i)
        m_panels[i]->setTimeLabelsVisible(i + 1 == m_panels.size());
}

void PlotWorkspace::updateActions()
{
    m_backAction->setEnabled(m_history.canGoBack());
    m_forwardAction->setEnabled(m_history.canGoForward());
    const bool any = !m_panels.empty();
    m_imageAction->setEnabled(any);
    m_csvAction->setEnabled(any);
    m_copyAction->setEnabled(any);
    m_dropHint->setMinimumHeight(any ? 0 : 200);
    m_dropHint->setMaximumHeight(any ? 28 : QWIDGETSIZE_MAX);
}

void PlotWorkspace::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(QString::fromLatin1(FieldMimeData::kMimeType)))
        event->acceptProposedAction();
}

void PlotWorkspace::dropEvent(QDropEvent *event)
{
    const std::vector<DraggedField> fields = FieldMimeData::fromMimeData(event->mimeData());
    if (fields.empty())
        return;
    event->acceptProposedAction();
    addFields(fields, nullptr);
}

} // namespace sasquatch
