// SPDX-License-Identifier: GPL-3.0-or-later
// PlotPanel: context menus of the legend, the value axes and the plot.
#include "gui/plots/PlotPanel.h"

#include "gui/plots/PlotShared.h"
#include "gui/plots/SeriesPlottable.h"

#include <QActionGroup>
#include <QColorDialog>
#include <QInputDialog>
#include <QMenu>

namespace sasquatch {

void PlotPanel::contextMenuEvent(QContextMenuEvent *event)
{
    m_drag = Drag::None;
    if (const int item = legendItemAt(event->pos()); item >= 0) {
        showSeriesMenu(item, event->globalPos());
        return;
    }
    if (const int axis = axisAt(event->pos()); axis >= 0) {
        showAxisMenu(axis, event->globalPos());
        return;
    }
    QMenu menu(this);
    if (!m_series.empty()) {
        QMenu *seriesMenu = menu.addMenu(tr("Series"));
        for (std::size_t i = 0; i < m_series.size(); ++i) {
            const int index = static_cast<int>(i);
            seriesMenu->addAction(m_series[i].plottable->name(), this,
                                  [this, index, pos = event->globalPos()] { showSeriesMenu(index, pos); });
        }
        menu.addSeparator();
    }
    menu.addAction(tr("Reset view"), this, &PlotPanel::resetViewRequested);
    menu.addAction(tr("Auto-scale value axes"), this, &PlotPanel::autoScaleValues);
    menu.addAction(legend->visible() ? tr("Hide legend") : tr("Show legend"), this, [this] {
        legend->setVisible(!legend->visible());
        replot(QCustomPlot::rpQueuedReplot);
    });
    menu.addSeparator();
    menu.addAction(tr("Remove panel"), this, &PlotPanel::removeRequested);
    menu.exec(event->globalPos());
}

void PlotPanel::showSeriesMenu(int index, const QPoint &globalPos)
{
    if (index < 0 || index >= static_cast<int>(m_series.size()))
        return;
    const Series &s = m_series[static_cast<std::size_t>(index)];
    QMenu menu(this);
    QAction *title = menu.addAction(s.plottable->name());
    title->setEnabled(false);
    menu.addSeparator();
    QAction *visible = menu.addAction(tr("Visible"));
    visible->setCheckable(true);
    visible->setChecked(s.spec.visible);
    connect(visible, &QAction::toggled, this, [this, index](bool on) {
        setSeriesVisible(index, on);
        Q_EMIT seriesChanged();
    });
    menu.addAction(tr("Colour…"), this, [this, index] {
        const QColor color = QColorDialog::getColor(QColor(m_series[static_cast<std::size_t>(index)].spec.color), this,
                                                    tr("Series colour"));
        if (color.isValid())
            setSeriesColor(index, color);
    });
    QMenu *style = menu.addMenu(tr("Style"));
    auto *styles = new QActionGroup(style);
    const std::pair<PlotLineStyle, QString> names[] = {{PlotLineStyle::Solid, tr("Solid")},
                                                       {PlotLineStyle::Dashed, tr("Dashed")},
                                                       {PlotLineStyle::Dotted, tr("Dotted")},
                                                       {PlotLineStyle::Steps, tr("Steps")}};
    for (const auto &[value, name] : names) {
        QAction *a = style->addAction(name, this, [this, index, value = value] { setSeriesStyle(index, value); });
        a->setCheckable(true);
        a->setChecked(s.spec.style == value);
        styles->addAction(a);
    }
    QMenu *axes = menu.addMenu(tr("Value axis"));
    for (int a = 0; a < axisCount(); ++a) {
        const PlotAxisSpec &spec = axisSpec(a);
        const QString side = spec.side == PlotAxisSide::Left ? tr("left") : tr("right");
        QAction *action = axes->addAction(tr("%1 (%2)").arg(valueAxis(a)->label(), side), this,
                                          [this, index, a] { moveSeriesToAxis(index, a); });
        action->setCheckable(true);
        action->setChecked(s.spec.axis == a);
    }
    axes->addSeparator();
    axes->addAction(tr("New axis"), this, [this, index] { moveSeriesToAxis(index, -1); });
    menu.addSeparator();
    menu.addAction(tr("Remove"), this, [this, index] { removeSeries(index); });
    menu.exec(globalPos);
}

void PlotPanel::showAxisMenu(int axis, const QPoint &globalPos)
{
    QMenu menu(this);
    QAction *automatic = menu.addAction(tr("Follow the data"));
    automatic->setCheckable(true);
    automatic->setChecked(axisSpec(axis).autoRange);
    connect(automatic, &QAction::toggled, this, [this, axis](bool on) {
        m_axes[static_cast<std::size_t>(axis)].spec.autoRange = on;
        refresh();
    });
    menu.addAction(tr("Label…"), this, [this, axis] {
        bool ok = false;
        const QString text = QInputDialog::getText(this, tr("Axis label"), tr("Label (empty: the unit):"),
                                                   QLineEdit::Normal, axisSpec(axis).label, &ok);
        if (!ok)
            return;
        m_axes[static_cast<std::size_t>(axis)].spec.label = text.trimmed();
        updateAxisLabels();
        replot(QCustomPlot::rpQueuedReplot);
        Q_EMIT seriesChanged();
    });
    menu.addAction(tr("Move to the other side"), this, [this, axis] {
        Axis &a = m_axes[static_cast<std::size_t>(axis)];
        const PlotAxisSide side = a.spec.side == PlotAxisSide::Left ? PlotAxisSide::Right : PlotAxisSide::Left;
        // Rebuild the axes with the new side; series keep their axis index.
        std::vector<PlotAxisSpec> specs;
        for (const Axis &each : m_axes)
            specs.push_back(each.spec);
        specs[static_cast<std::size_t>(axis)].side = side;
        const std::vector<Series> series = m_series;
        setAxes(specs);
        for (const Series &s : series)
            addSeriesOnAxis(s.spec, s.id, s.origin);
    });
    menu.exec(globalPos);
}

} // namespace sasquatch
