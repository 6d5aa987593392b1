// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/live/LiveArrayView.h"

#include "gui/plots/QCustomPlotInclude.h"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace sasquatch {

namespace {

void styleDark(QCustomPlot *plot)
{
    const QPalette pal = plot->palette();
    const QColor text = pal.color(QPalette::WindowText);
    plot->setBackground(pal.color(QPalette::Base));
    for (QCPAxis *axis : plot->axisRect()->axes()) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(QColor(128, 128, 128, 60), 0, Qt::DotLine));
    }
}

} // namespace

LiveArrayView::LiveArrayView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(tr("Array view: drop array elements (e.g. zForce0 … zForce155) on the live panel"));
    m_title->setObjectName(QStringLiteral("arrayTitle"));
    layout->addWidget(m_title);
    auto *split = new QSplitter(Qt::Horizontal);
    layout->addWidget(split, 1);

    m_heatPlot = new QCustomPlot;
    m_heatPlot->setObjectName(QStringLiteral("arrayHeatmap"));
    styleDark(m_heatPlot);
    m_map = new QCPColorMap(m_heatPlot->xAxis, m_heatPlot->yAxis);
    m_scale = new QCPColorScale(m_heatPlot);
    m_heatPlot->plotLayout()->addElement(0, 1, m_scale);
    m_scale->setType(QCPAxis::atRight);
    m_scale->axis()->setTickLabelColor(palette().color(QPalette::WindowText));
    m_scale->axis()->setLabelColor(palette().color(QPalette::WindowText));
    m_map->setColorScale(m_scale);
    m_map->setGradient(QCPColorGradient(QCPColorGradient::gpJet));
    m_map->setInterpolate(false);
    m_map->setTightBoundary(true);
    m_heatPlot->xAxis->setLabel(tr("seconds before the newest sample"));
    m_heatPlot->yAxis->setLabel(tr("element index"));
    auto *margins = new QCPMarginGroup(m_heatPlot);
    m_heatPlot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    split->addWidget(m_heatPlot);

    m_barPlot = new QCustomPlot;
    m_barPlot->setObjectName(QStringLiteral("arrayBars"));
    styleDark(m_barPlot);
    m_bars = new QCPBars(m_barPlot->xAxis, m_barPlot->yAxis);
    m_bars->setWidth(0.8);
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(QColor(0x4f, 0xa3, 0xe0));
    m_barPlot->xAxis->setLabel(tr("element index"));
    split->addWidget(m_barPlot);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
}

void LiveArrayView::setArray(const SeriesStore &store, const QString &topic, const QString &base, int count,
                             const QString &unit)
{
    m_store = &store;
    m_topic = topic;
    m_base = base;
    m_unit = unit;
    m_ids.clear();
    for (int i = 0; i < count; ++i) {
        const SeriesKey key{topic.toStdString(), QString(base + QString::number(i)).toStdString(), {}};
        const std::optional<SeriesId> id = store.find(key);
        m_ids.push_back(id ? *id : SeriesId{});
    }
    const QString short_ = topic.section(u'.', -2);
    m_title->setText(tr("%1 %2[%3], %4: index × time and the newest vector").arg(short_, base).arg(count).arg(unit.isEmpty() ? tr("no unit") : unit));
    m_scale->axis()->setLabel(unit);
    m_barPlot->yAxis->setLabel(unit.isEmpty() ? base : QStringLiteral("%1 (%2)").arg(base, unit));
}

void LiveArrayView::clearArray()
{
    m_store = nullptr;
    m_ids.clear();
    m_cells.clear();
    m_latest.clear();
    m_map->data()->clear();
    m_bars->data()->clear();
    if (isVisible() && m_heatPlot->height() >= 2) {
        m_heatPlot->replot(QCustomPlot::rpQueuedReplot);
        m_barPlot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void LiveArrayView::refresh(std::int64_t startNs, std::int64_t stopNs)
{
    // Hidden or not laid out yet: a QCustomPlot without size has no paint buffer to draw into.
    if (!m_store || m_ids.empty() || stopNs <= startNs || !isVisible() || m_heatPlot->height() < 2)
        return;
    const int rows = int(m_ids.size());
    // Element series are created by the first data; look again for those not there before.
    for (int i = 0; i < rows; ++i) {
        if (!m_ids[size_t(i)].isValid()) {
            const SeriesKey key{m_topic.toStdString(), QString(m_base + QString::number(i)).toStdString(), {}};
            if (const std::optional<SeriesId> id = m_store->find(key))
                m_ids[size_t(i)] = *id;
        }
    }
    m_cells.assign(size_t(rows) * kColumns, std::numeric_limits<double>::quiet_NaN());
    m_latest.assign(size_t(rows), std::numeric_limits<double>::quiet_NaN());
    const double slice = double(stopNs - startNs) / kColumns;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (int r = 0; r < rows; ++r) {
        const SeriesId id = m_ids[size_t(r)];
        if (!id.isValid())
            continue;
        for (int c = 0; c < kColumns; ++c) {
            const auto a = startNs + std::int64_t(slice * c);
            const auto b = startNs + std::int64_t(slice * (c + 1));
            const RangeStats s = m_store->stats(id, a, b);
            if (s.count > 0) {
                m_cells[size_t(r) * kColumns + size_t(c)] = s.mean;
                lo = std::min(lo, s.mean);
                hi = std::max(hi, s.mean);
            }
        }
        if (const std::optional<SamplePoint> p = m_store->valueAt(id, stopNs - 1, SampleLookup::Previous);
            p && p->time >= startNs)
            m_latest[size_t(r)] = p->value;
    }

    // x: seconds relative to the range's end (0 = newest), so the scale reads "how long ago".
    const double spanS = double(stopNs - startNs) / 1e9;
    m_map->data()->setSize(kColumns, rows);
    m_map->data()->setRange(QCPRange(-spanS + spanS / kColumns / 2, -spanS / kColumns / 2), QCPRange(0, rows - 1));
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < kColumns; ++c)
            m_map->data()->setCell(c, r, m_cells[size_t(r) * kColumns + size_t(c)]);
    if (lo <= hi)
        m_map->setDataRange(QCPRange(lo, hi > lo ? hi : lo + 1));
    m_heatPlot->xAxis->setRange(-spanS, 0);
    m_heatPlot->yAxis->setRange(-0.5, rows - 0.5);
    m_heatPlot->replot(QCustomPlot::rpQueuedReplot);

    QVector<double> keys, values;
    for (int r = 0; r < rows; ++r) {
        keys.append(r);
        values.append(std::isnan(m_latest[size_t(r)]) ? 0.0 : m_latest[size_t(r)]);
    }
    m_bars->setData(keys, values, true);
    m_barPlot->xAxis->setRange(-1, rows);
    bool found = false;
    const QCPRange range = m_bars->getValueRange(found);
    if (found)
        m_barPlot->yAxis->setRange(std::min(0.0, range.lower) * 1.05, std::max(0.0, range.upper) * 1.05 + 1e-9);
    m_barPlot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace sasquatch
