// SPDX-License-Identifier: GPL-3.0-or-later
// PlotPanel: mouse gestures and drops (see the class comment for the gestures).
#include "gui/plots/PlotPanel.h"

#include "gui/plots/PlotOverlay.h"
#include "gui/plots/PlotShared.h"
#include "gui/plots/SeriesPlottable.h"

#include <QMimeData>
#include <QRubberBand>

#include <cmath>

namespace sasquatch {

namespace {

constexpr int kDragThresholdPx = 4;
constexpr int kCursorGrabPx = 5;
constexpr double kWheelZoomPerStep = 0.85;

} // namespace

// --- Mouse --------------------------------------------------------------------------------

std::optional<int> PlotPanel::cursorNear(double x) const
{
    if (!m_shared.abVisible)
        return std::nullopt;
    const double a = std::abs(timeToPixel(m_shared.aNs) - x);
    const double b = std::abs(timeToPixel(m_shared.bNs) - x);
    if (std::min(a, b) > kCursorGrabPx)
        return std::nullopt;
    return a <= b ? 0 : 1;
}

void PlotPanel::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->position().toPoint();
    m_pressView = m_shared.view;
    m_drag = Drag::None;
    if (event->button() != Qt::LeftButton)
        return;
    if (const int item = legendItemAt(m_pressPos); item >= 0) {
        setSeriesVisible(item, !m_series[static_cast<std::size_t>(item)].spec.visible);
        Q_EMIT seriesChanged();
        return;
    }
    if (!plotRect().contains(m_pressPos))
        return;
    if (event->modifiers() & Qt::ControlModifier) {
        m_drag = Drag::Box;
        m_band->setGeometry(QRect(m_pressPos, QSize()));
        m_band->show();
    } else if (event->modifiers() & Qt::ShiftModifier) {
        m_drag = Drag::Shift;
    } else if (const auto cursor = cursorNear(m_pressPos.x())) {
        m_drag = *cursor == 0 ? Drag::CursorA : Drag::CursorB;
    } else {
        m_drag = Drag::Pending;
    }
}

void PlotPanel::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const std::int64_t t = pixelToTime(pos.x());
    switch (m_drag) {
    case Drag::None:
        setCursor(cursorNear(pos.x()) ? Qt::SizeHorCursor : Qt::ArrowCursor);
        break;
    case Drag::Pending:
        if ((pos - m_pressPos).manhattanLength() < kDragThresholdPx)
            break;
        m_drag = Drag::Pan;
        setCursor(Qt::ClosedHandCursor);
        [[fallthrough]];
    case Drag::Pan: {
        const double width = std::max(1, plotRect().width());
        const auto shift = static_cast<std::int64_t>(static_cast<double>(pos.x() - m_pressPos.x()) / width *
                                                     static_cast<double>(m_pressView.spanNs()));
        Q_EMIT viewRequested({m_pressView.startNs - shift, m_pressView.stopNs - shift}, false);
        break;
    }
    case Drag::Box:
        m_band->setGeometry(QRect(m_pressPos, pos).normalized().intersected(plotRect()));
        break;
    case Drag::Shift:
        for (PlotOverlay *overlay : m_shared.overlays)
            if (overlay->shiftDragged(*this, pixelToTime(m_pressPos.x()), t, false))
                break;
        break;
    case Drag::CursorA:
    case Drag::CursorB: Q_EMIT cursorDragged(m_drag == Drag::CursorA ? 0 : 1, t); break;
    }
    Q_EMIT hovered(t, plotRect().contains(pos));
}

void PlotPanel::mouseReleaseEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const Drag drag = std::exchange(m_drag, Drag::None);
    setCursor(Qt::ArrowCursor);
    switch (drag) {
    case Drag::Pending:
        for (PlotOverlay *overlay : m_shared.overlays)
            if (overlay->clicked(*this, pixelToTime(pos.x()), event))
                break;
        break;
    case Drag::Pan: Q_EMIT viewRequested(m_shared.view, true); break;
    case Drag::Box: {
        m_band->hide();
        const QRect box = QRect(m_pressPos, pos).normalized().intersected(plotRect());
        if (box.width() < kDragThresholdPx)
            break;
        if (box.height() >= kDragThresholdPx) {
            for (Axis &a : m_axes) {
                a.axis->setRange(a.axis->pixelToCoord(box.bottom()), a.axis->pixelToCoord(box.top()));
                a.spec.autoRange = false;
            }
        }
        Q_EMIT viewRequested({pixelToTime(box.left()), pixelToTime(box.right())}, true);
        break;
    }
    case Drag::Shift:
        for (PlotOverlay *overlay : m_shared.overlays)
            if (overlay->shiftDragged(*this, pixelToTime(m_pressPos.x()), pixelToTime(pos.x()), true))
                break;
        break;
    default: break;
    }
}

void PlotPanel::mouseDoubleClickEvent(QMouseEvent *event)
{
    // Reserved: a double click is two clicks for the overlays; nothing else happens.
    event->accept();
}

void PlotPanel::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    const QPointF pos = event->position();
    const double factor = std::pow(kWheelZoomPerStep, steps);
    if (event->modifiers() & Qt::ControlModifier) {
        const int under = axisAt(pos);
        for (int i = 0; i < axisCount(); ++i) {
            if (under >= 0 ? i != under : !plotRect().contains(pos.toPoint()))
                continue;
            Axis &a = m_axes[static_cast<std::size_t>(i)];
            a.axis->scaleRange(factor, a.axis->pixelToCoord(pos.y()));
            a.spec.autoRange = false;
        }
        replot(QCustomPlot::rpQueuedReplot);
    } else if (event->modifiers() & Qt::ShiftModifier) {
        const auto shift = static_cast<std::int64_t>(static_cast<double>(m_shared.view.spanNs()) * 0.1 * -steps);
        Q_EMIT viewRequested({m_shared.view.startNs + shift, m_shared.view.stopNs + shift}, true);
    } else {
        const std::int64_t t = pixelToTime(pos.x());
        const TimeView v = m_shared.view;
        const auto scaled = [&](std::int64_t edge) {
            return t + static_cast<std::int64_t>(static_cast<double>(edge - t) * factor);
        };
        TimeView next{scaled(v.startNs), scaled(v.stopNs)};
        if (next.spanNs() >= 1000) // 1 µs: deeper than any telemetry needs
            Q_EMIT viewRequested(next, true);
    }
    event->accept();
}

void PlotPanel::leaveEvent(QEvent *event)
{
    Q_EMIT hovered(0, false);
    QCustomPlot::leaveEvent(event);
}

int PlotPanel::axisAt(const QPointF &pos) const
{
    for (std::size_t i = 0; i < m_axes.size(); ++i)
        if (m_axes[i].axis->selectTest(pos, false) >= 0)
            return static_cast<int>(i);
    return -1;
}

int PlotPanel::legendItemAt(const QPoint &pos) const
{
    if (!legend->visible())
        return -1;
    for (int i = 0; i < legend->itemCount(); ++i) {
        auto *item = qobject_cast<QCPPlottableLegendItem *>(legend->item(i));
        if (!item || !item->rect().contains(pos))
            continue;
        for (std::size_t s = 0; s < m_series.size(); ++s)
            if (m_series[s].plottable == item->plottable())
                return static_cast<int>(s);
    }
    return -1;
}

// --- Drops --------------------------------------------------------------------------------

void PlotPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(QString::fromLatin1(FieldMimeData::kMimeType)))
        event->acceptProposedAction();
}

void PlotPanel::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(QString::fromLatin1(FieldMimeData::kMimeType)))
        event->acceptProposedAction();
}

void PlotPanel::dropEvent(QDropEvent *event)
{
    const std::vector<DraggedField> fields = FieldMimeData::fromMimeData(event->mimeData());
    if (fields.empty())
        return;
    event->acceptProposedAction();
    Q_EMIT fieldsDropped(fields);
}

} // namespace sasquatch
