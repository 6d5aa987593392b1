// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/plots/PlotPanel.h"

#include "gui/plots/PlotOverlay.h"
#include "gui/plots/PlotShared.h"
#include "gui/plots/SeriesPlottable.h"
#include "gui/plots/TimeAxisTicker.h"

#include <QRubberBand>

#include <cmath>

namespace sasquatch {

namespace {

const QColor kCursorA(0xff, 0xb7, 0x4d);
const QColor kCursorB(0x4d, 0xd0, 0xe1);

const std::array<QColor, 10> kPalette{QColor(0x4f, 0xc3, 0xf7), QColor(0xff, 0xb7, 0x4d), QColor(0x81, 0xc7, 0x84),
                                      QColor(0xe5, 0x73, 0x73), QColor(0xba, 0x68, 0xc8), QColor(0xff, 0xf1, 0x76),
                                      QColor(0x4d, 0xb6, 0xac), QColor(0xf0, 0x62, 0x92), QColor(0xa1, 0x88, 0x7f),
                                      QColor(0x90, 0xa4, 0xae)};

// Base for the two layers drawn above the data, clipped to the data area.
class PanelLayerable : public QCPLayerable
{
public:
    PanelLayerable(PlotPanel *panel, const QString &layer) : QCPLayerable(panel, layer), m_panel(panel) {}

protected:
    QRect clipRect() const override { return m_panel->plotRect(); }
    void applyDefaultAntialiasingHint(QCPPainter *painter) const override { painter->setAntialiasing(true); }
    PlotPanel *m_panel;
};

// The overlays (annotations) of the workspace.
class OverlayLayerable : public PanelLayerable
{
public:
    using PanelLayerable::PanelLayerable;

protected:
    void draw(QCPPainter *painter) override
    {
        for (PlotOverlay *overlay : m_panel->shared().overlays) {
            painter->save();
            overlay->paint(*painter, *m_panel);
            painter->restore();
        }
    }
};

// The hover line and the A/B cursors.
class CursorLayerable : public PanelLayerable
{
public:
    using PanelLayerable::PanelLayerable;

protected:
    void draw(QCPPainter *painter) override
    {
        const PlotShared &s = m_panel->shared();
        const QRect area = m_panel->plotRect();
        if (s.hoverNs) {
            painter->setPen(QPen(QColor(255, 255, 255, 90), 1, Qt::DashLine));
            const double x = m_panel->timeToPixel(*s.hoverNs);
            painter->drawLine(QLineF(x, area.top(), x, area.bottom()));
        }
        if (!s.abVisible)
            return;
        QFont font = painter->font();
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 0.9);
        painter->setFont(font);
        const auto cursor = [&](std::int64_t t, const QColor &color, const QString &name) {
            const double x = m_panel->timeToPixel(t);
            painter->setPen(QPen(color, 1.5));
            painter->drawLine(QLineF(x, area.top(), x, area.bottom()));
            const QRectF tag(x - 8, area.top(), 16, 15);
            painter->fillRect(tag, color);
            painter->setPen(Qt::black);
            painter->drawText(tag, Qt::AlignCenter, name);
        };
        cursor(s.aNs, kCursorA, QStringLiteral("A"));
        cursor(s.bNs, kCursorB, QStringLiteral("B"));
    }
};

} // namespace

PlotPanel::PlotPanel(PlotShared &shared, QWidget *parent) : QCustomPlot(parent), m_shared(shared)
{
    setAcceptDrops(true);
    setMinimumHeight(140);
    setMouseTracking(true);
    setInteractions(QCP::Interactions());
    setAutoAddPlottableToLegend(true);
    const QPalette pal = palette();
    setBackground(pal.color(QPalette::Window));
    axisRect()->setBackground(pal.color(QPalette::Base));
    axisRect()->setAutoMargins(QCP::msAll);

    auto ticker = QSharedPointer<TimeAxisTicker>::create(xAxis);
    m_ticker = ticker.data();
    xAxis->setTicker(ticker);
    xAxis->setTickLabelPadding(4);
    styleAxis(xAxis);
    xAxis->grid()->setPen(QPen(pal.color(QPalette::Mid), 1, Qt::DotLine));
    xAxis->grid()->setZeroLinePen(Qt::NoPen);
    yAxis->setVisible(false);
    yAxis2->setVisible(false);
    xAxis2->setVisible(false);
    xAxis->setRange(0, 1);

    legend->setVisible(true);
    legend->setBrush(QColor(0x16, 0x1a, 0x20, 200));
    legend->setBorderPen(QPen(pal.color(QPalette::Mid)));
    legend->setTextColor(pal.color(QPalette::WindowText));
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    legend->setFont(legendFont);
    legend->setIconSize(18, 10);
    legend->setRowSpacing(0);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    addLayer(QStringLiteral("overlays"), layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_overlayLayer = layer(QStringLiteral("overlays"));
    addLayer(QStringLiteral("cursors"), m_overlayLayer, QCustomPlot::limAbove);
    m_cursorLayer = layer(QStringLiteral("cursors"));
    m_cursorLayer->setMode(QCPLayer::lmBuffered);
    new OverlayLayerable(this, QStringLiteral("overlays"));
    new CursorLayerable(this, QStringLiteral("cursors"));
    // The legend above the cursors, so that a cursor never hides a name.
    legend->setLayer(QStringLiteral("legend"));
    m_band = new QRubberBand(QRubberBand::Rectangle, this);
    updateScale();
}

PlotPanel::~PlotPanel() = default;

void PlotPanel::styleAxis(QCPAxis *axis)
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor line = pal.color(QPalette::Mid).lighter(130);
    axis->setBasePen(QPen(line));
    axis->setTickPen(QPen(line));
    axis->setSubTickPen(QPen(line));
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    axis->grid()->setPen(QPen(pal.color(QPalette::Mid), 1, Qt::DotLine));
    axis->grid()->setSubGridVisible(false);
    axis->grid()->setZeroLinePen(Qt::NoPen);
}

QCPAxis *PlotPanel::createAxis(PlotAxisSide side)
{
    const QCPAxis::AxisType type = side == PlotAxisSide::Left ? QCPAxis::atLeft : QCPAxis::atRight;
    QCPAxis *axis = nullptr;
    QCPAxis *builtIn = side == PlotAxisSide::Left ? yAxis : yAxis2;
    const bool builtInUsed = std::any_of(m_axes.begin(), m_axes.end(), [&](const Axis &a) { return a.axis == builtIn; });
    axis = builtInUsed ? axisRect()->addAxis(type) : builtIn;
    axis->setVisible(true);
    axis->setTickLabels(true);
    axis->setRange(0, 1);
    styleAxis(axis);
    // Only the first axis draws a horizontal grid: several grids at once are unreadable.
    axis->grid()->setVisible(m_axes.empty());
    return axis;
}

int PlotPanel::axisForUnit(const QString &unit)
{
    for (std::size_t i = 0; i < m_axes.size(); ++i)
        if (m_axes[i].spec.unit == unit)
            return static_cast<int>(i);
    // An axis nobody uses yet (a fresh panel's) takes the unit.
    for (std::size_t i = 0; i < m_axes.size(); ++i) {
        const bool used = std::any_of(m_series.begin(), m_series.end(), [&](const Series &s) { return s.spec.axis == int(i); });
        if (!used) {
            m_axes[i].spec.unit = unit;
            updateAxisLabels();
            return static_cast<int>(i);
        }
    }
    PlotAxisSpec spec;
    spec.side = m_axes.size() % 2 == 0 ? PlotAxisSide::Left : PlotAxisSide::Right;
    spec.unit = unit;
    m_axes.push_back({createAxis(spec.side), spec});
    updateAxisLabels();
    return static_cast<int>(m_axes.size()) - 1;
}

void PlotPanel::setAxes(const std::vector<PlotAxisSpec> &axes)
{
    while (!m_series.empty())
        removeSeries(static_cast<int>(m_series.size()) - 1);
    for (Axis &a : m_axes) {
        if (a.axis == yAxis || a.axis == yAxis2)
            a.axis->setVisible(false);
        else
            axisRect()->removeAxis(a.axis);
    }
    m_axes.clear();
    for (const PlotAxisSpec &spec : axes) {
        m_axes.push_back({createAxis(spec.side), spec});
        if (!spec.autoRange)
            m_axes.back().axis->setRange(spec.min, spec.max);
    }
    updateAxisLabels();
}

void PlotPanel::autoScaleValues()
{
    for (Axis &a : m_axes)
        a.spec.autoRange = true;
    refresh();
}

QString PlotPanel::seriesName(const PlotSeriesSpec &spec) const
{
    const QString topic = spec.measurement.section(u'.', -1);
    QString name = topic.isEmpty() ? spec.field : topic + u'.' + spec.field;
    QStringList tags;
    for (const TagFilter &t : spec.tags)
        tags << t.key + u'=' + t.value;
    if (!tags.isEmpty())
        name += QStringLiteral(" [%1]").arg(tags.join(QStringLiteral(", ")));
    return name;
}

QColor PlotPanel::nextColor() const
{
    return kPalette[m_series.size() % kPalette.size()];
}

int PlotPanel::addSeries(PlotSeriesSpec spec, SeriesId id, SeriesOrigin origin)
{
    spec.axis = axisForUnit(spec.unit);
    return addSeriesOnAxis(spec, id, origin);
}

int PlotPanel::addSeriesOnAxis(const PlotSeriesSpec &spec, SeriesId id, SeriesOrigin origin)
{
    Series s{spec, id, origin, nullptr};
    if (s.spec.axis < 0 || s.spec.axis >= axisCount())
        s.spec.axis = axisForUnit(spec.unit);
    if (s.spec.color.isEmpty())
        s.spec.color = nextColor().name();
    s.plottable = new SeriesPlottable(m_shared.store, id, xAxis, valueAxis(s.spec.axis));
    s.plottable->setName(seriesName(spec));
    // Width 1: the raster engine's fast path for thin lines; wider pens go through the stroker,
    // which costs ten times more on a dense trace.
    s.plottable->setPen(QPen(QColor(s.spec.color), 1));
    s.plottable->setStyle(s.spec.style);
    m_series.push_back(s);
    setSeriesVisible(static_cast<int>(m_series.size()) - 1, spec.visible);
    updateAxisLabels();
    refresh();
    Q_EMIT seriesChanged();
    return static_cast<int>(m_series.size()) - 1;
}

void PlotPanel::removeSeries(int index)
{
    if (index < 0 || index >= static_cast<int>(m_series.size()))
        return;
    removePlottable(m_series[static_cast<std::size_t>(index)].plottable);
    m_series.erase(m_series.begin() + index);
    updateAxisLabels();
    refresh();
    Q_EMIT seriesChanged();
}

int PlotPanel::indexOf(SeriesId id) const
{
    for (std::size_t i = 0; i < m_series.size(); ++i)
        if (m_series[i].id == id)
            return static_cast<int>(i);
    return -1;
}

void PlotPanel::setSeriesVisible(int index, bool visible)
{
    Series &s = m_series[static_cast<std::size_t>(index)];
    s.spec.visible = visible;
    s.plottable->setVisible(visible);
    if (QCPAbstractLegendItem *item = legend->itemWithPlottable(s.plottable))
        item->setTextColor(visible ? palette().color(QPalette::WindowText) : palette().color(QPalette::PlaceholderText));
    updateAxisLabels();
    refresh();
}

void PlotPanel::setSeriesColor(int index, const QColor &color)
{
    Series &s = m_series[static_cast<std::size_t>(index)];
    s.spec.color = color.name();
    QPen pen = s.plottable->pen();
    pen.setColor(color);
    s.plottable->setPen(pen);
    updateAxisLabels();
    refresh();
    Q_EMIT seriesChanged();
}

void PlotPanel::setSeriesStyle(int index, PlotLineStyle style)
{
    Series &s = m_series[static_cast<std::size_t>(index)];
    s.spec.style = style;
    s.plottable->setStyle(style);
    refresh();
    Q_EMIT seriesChanged();
}

void PlotPanel::moveSeriesToAxis(int index, int axis)
{
    Series &s = m_series[static_cast<std::size_t>(index)];
    if (axis < 0) { // a new axis of its own
        PlotAxisSpec spec;
        spec.side = m_axes.size() % 2 == 0 ? PlotAxisSide::Left : PlotAxisSide::Right;
        spec.unit = s.spec.unit;
        m_axes.push_back({createAxis(spec.side), spec});
        axis = axisCount() - 1;
    }
    s.spec.axis = axis;
    s.plottable->setValueAxis(valueAxis(axis));
    updateAxisLabels();
    refresh();
    Q_EMIT seriesChanged();
}

void PlotPanel::setSeriesUnits(const std::function<std::optional<QString>(const PlotSeriesSpec &)> &unitFor)
{
    std::vector<std::optional<QString>> wanted(m_series.size());
    bool any = false;
    for (std::size_t i = 0; i < m_series.size(); ++i) {
        wanted[i] = unitFor(m_series[i].spec);
        if (wanted[i] && *wanted[i] == m_series[i].spec.unit)
            wanted[i].reset();
        any = any || wanted[i].has_value();
    }
    if (!any)
        return;
    // An axis whose series all change to one unit that no other axis has keeps its place
    // and takes the new name: a live panel whose fields were unitless until the schema came.
    for (std::size_t a = 0; a < m_axes.size(); ++a) {
        std::optional<QString> common;
        bool uniform = true;
        bool used = false;
        for (std::size_t i = 0; i < m_series.size() && uniform; ++i) {
            if (m_series[i].spec.axis != int(a))
                continue;
            used = true;
            uniform = wanted[i].has_value() && (!common || *common == *wanted[i]);
            common = wanted[i];
        }
        if (!used || !uniform)
            continue;
        const bool taken = std::any_of(m_axes.begin(), m_axes.end(), [&](const Axis &x) { return x.spec.unit == *common; });
        if (taken)
            continue;
        m_axes[a].spec.unit = *common;
        for (std::size_t i = 0; i < m_series.size(); ++i) {
            if (m_series[i].spec.axis == int(a)) {
                m_series[i].spec.unit = *common;
                wanted[i].reset();
            }
        }
    }
    for (std::size_t i = 0; i < m_series.size(); ++i) {
        if (!wanted[i])
            continue;
        Series &s = m_series[i];
        s.spec.unit = *wanted[i];
        s.spec.axis = axisForUnit(s.spec.unit);
        s.plottable->setValueAxis(valueAxis(s.spec.axis));
    }
    removeUnusedAxes();
    updateAxisLabels();
    refresh();
    Q_EMIT seriesChanged();
}

void PlotPanel::removeUnusedAxes()
{
    for (int a = axisCount() - 1; a >= 0 && axisCount() > 1; --a) {
        const bool used = std::any_of(m_series.begin(), m_series.end(), [&](const Series &s) { return s.spec.axis == a; });
        if (used)
            continue;
        QCPAxis *axis = m_axes[std::size_t(a)].axis;
        if (axis == yAxis || axis == yAxis2) {
            axis->grid()->setVisible(false);
            axis->setVisible(false);
        } else {
            axisRect()->removeAxis(axis);
        }
        m_axes.erase(m_axes.begin() + a);
        for (Series &s : m_series)
            if (s.spec.axis > a)
                --s.spec.axis;
    }
    m_axes.front().axis->grid()->setVisible(true); // the first axis draws the grid
}

void PlotPanel::updateAxisLabels()
{
    const bool several = m_axes.size() > 1;
    for (std::size_t i = 0; i < m_axes.size(); ++i) {
        Axis &a = m_axes[i];
        QString label = a.spec.label.isEmpty() ? a.spec.unit : a.spec.label;
        if (label.isEmpty())
            label = tr("value");
        a.axis->setLabel(label);
        // With several axes each takes the colour of its first series, so that the eye
        // finds which axis a line is read on.
        QColor color = palette().color(QPalette::WindowText);
        if (several) {
            for (const Series &s : m_series)
                if (s.spec.axis == int(i) && s.spec.visible) {
                    color = QColor(s.spec.color);
                    break;
                }
        }
        a.axis->setLabelColor(color);
        a.axis->setTickLabelColor(color);
    }
}

PlotPanelSpec PlotPanel::toSpec() const
{
    PlotPanelSpec spec;
    for (const Axis &a : m_axes) {
        PlotAxisSpec axis = a.spec;
        axis.min = a.axis->range().lower;
        axis.max = a.axis->range().upper;
        if (axis.autoRange) { // a range that follows the data is not worth saving
            axis.min = 0;
            axis.max = 1;
        }
        spec.axes.push_back(axis);
    }
    for (const Series &s : m_series)
        spec.series.push_back(s.spec);
    return spec;
}

void PlotPanel::setTimeView(const TimeView &view)
{
    xAxis->setRange(nsToKey(view.startNs), nsToKey(view.stopNs));
    refresh();
}

void PlotPanel::rescaleValueAxes()
{
    const std::int64_t start = m_shared.view.startNs;
    const std::int64_t stop = m_shared.view.stopNs;
    for (std::size_t i = 0; i < m_axes.size(); ++i) {
        if (!m_axes[i].spec.autoRange)
            continue;
        double lo = INFINITY;
        double hi = -INFINITY;
        for (const Series &s : m_series) {
            if (s.spec.axis != int(i) || !s.spec.visible)
                continue;
            const RangeStats st = m_shared.store.stats(s.id, start, stop);
            if (st.count > 0 && std::isfinite(st.min) && std::isfinite(st.max)) {
                lo = std::min(lo, st.min);
                hi = std::max(hi, st.max);
            }
        }
        if (!(lo <= hi))
            continue;
        const double pad = hi > lo ? (hi - lo) * 0.06 : std::max(std::abs(hi) * 0.05, 1e-9);
        m_axes[i].axis->setRange(lo - pad, hi + pad);
    }
}

void PlotPanel::refresh()
{
    rescaleValueAxes();
    replot(QCustomPlot::rpQueuedReplot);
}

void PlotPanel::refreshCursors()
{
    m_cursorLayer->replot();
}

void PlotPanel::refreshOverlays()
{
    // The overlay layer gets its own paint buffer only while there are overlays: every buffer
    // is cleared and composited at each replot, which is a fixed cost per frame.
    const QCPLayer::LayerMode mode = m_shared.overlays.empty() ? QCPLayer::lmLogical : QCPLayer::lmBuffered;
    if (m_overlayLayer->mode() != mode) {
        m_overlayLayer->setMode(mode);
        replot(QCustomPlot::rpQueuedReplot);
    } else if (mode == QCPLayer::lmBuffered) {
        m_overlayLayer->replot();
    }
}

void PlotPanel::updateScale()
{
    m_ticker->setScale(m_shared.scale);
    xAxis->setLabel(m_shared.scale == TimeScale::Tai ? tr("Time (TAI)") : tr("Time (UTC)"));
    replot(QCustomPlot::rpQueuedReplot);
}

void PlotPanel::setTimeLabelsVisible(bool visible)
{
    xAxis->setTickLabels(visible);
    xAxis->setLabel(visible ? (m_shared.scale == TimeScale::Tai ? tr("Time (TAI)") : tr("Time (UTC)")) : QString());
}

double PlotPanel::timeToPixel(std::int64_t tNs) const
{
    return xAxis->coordToPixel(nsToKey(tNs));
}

std::int64_t PlotPanel::pixelToTime(double x) const
{
    return keyToNs(xAxis->pixelToCoord(x));
}

QRect PlotPanel::plotRect() const
{
    return axisRect()->rect();
}

} // namespace sasquatch
