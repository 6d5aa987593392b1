// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalog/FieldMimeData.h"
#include "core/series/SeriesId.h"
#include "core/workspace/PlotDocument.h"
#include "core/workspace/ZoomHistory.h"
#include "gui/plots/QCustomPlotInclude.h"

#include <QPointer>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

class QRubberBand;

namespace sasquatch {

struct PlotShared;
class SeriesPlottable;
class TimeAxisTicker;

/// Where a panel's series gets its data.
enum class SeriesOrigin : std::uint8_t {
    Bucket, ///< bucket/measurement/field: re-queried when the view moves
    Query,  ///< the results of a typed query, loaded once
    Live,   ///< appended by its owner (live tail), never queried
};

/// One plot of a PlotWorkspace: a QCustomPlot whose time axis the workspace keeps in step with
/// the other panels, with several value axes (left and right, one per unit: a series whose unit
/// no axis has gets a new axis), SeriesPlottable series drawn from the workspace's SeriesStore,
/// a legend (click: show/hide; right click: colour, style, axis, remove), the hover line and
/// A/B cursors, and the overlays' layer (PlotOverlay).
///
/// Mouse: wheel zooms time around the cursor (Ctrl+wheel: the value axis under the cursor, or
/// all of them inside the plot; Shift+wheel pans), drag pans, Ctrl+drag zooms into a box, a
/// drag on an A/B cursor moves it. A plain click and Shift+drag go to the overlays. The panel
/// never changes the time view itself: it asks with viewRequested() and the workspace applies
/// the view to every panel (setTimeView).
class PlotPanel : public QCustomPlot
{
    Q_OBJECT
public:
    struct Series
    {
        PlotSeriesSpec spec;
        SeriesId id;
        SeriesOrigin origin = SeriesOrigin::Bucket;
        SeriesPlottable *plottable = nullptr; ///< owned by the plot
    };

    explicit PlotPanel(PlotShared &shared, QWidget *parent = nullptr);
    ~PlotPanel() override;

    // --- Series and axes ----------------------------------------------------------------
    /// Adds a series on the axis of its unit (created when missing; spec.axis is ignored).
    /// Returns its index in series().
    int addSeries(PlotSeriesSpec spec, SeriesId id, SeriesOrigin origin);
    /// Adds a series on axis spec.axis (restoring a document; the axes come first).
    int addSeriesOnAxis(const PlotSeriesSpec &spec, SeriesId id, SeriesOrigin origin);
    void removeSeries(int index);
    const std::vector<Series> &series() const { return m_series; }
    int indexOf(SeriesId id) const;
    void setSeriesVisible(int index, bool visible);
    void setSeriesColor(int index, const QColor &color);
    void setSeriesStyle(int index, PlotLineStyle style);
    void moveSeriesToAxis(int index, int axis);
    /// Gives series the units `unitFor` returns (nullopt: keep theirs), e.g. once a schema
    /// told them. An axis whose series all take one new unit is relabelled in place; other
    /// series move to the axis of their unit (made when missing); axes left empty go.
    void setSeriesUnits(const std::function<std::optional<QString>(const PlotSeriesSpec &)> &unitFor);

    int axisCount() const { return static_cast<int>(m_axes.size()); }
    QCPAxis *valueAxis(int index) const { return m_axes[static_cast<std::size_t>(index)].axis; }
    const PlotAxisSpec &axisSpec(int index) const { return m_axes[static_cast<std::size_t>(index)].spec; }
    /// The axis holding `unit`, created (alternating left and right) when none does.
    int axisForUnit(const QString &unit);
    /// Replaces every axis (and drops all series): for restoring a document.
    void setAxes(const std::vector<PlotAxisSpec> &axes);
    /// The axes back to following the visible data.
    void autoScaleValues();

    PlotPanelSpec toSpec() const;

    // --- Time and drawing ---------------------------------------------------------------
    /// Shows this view (called by the workspace for every panel).
    void setTimeView(const TimeView &view);
    /// Redraws after the data, the view or the styles changed (value axes that follow the data
    /// are rescaled first); coalesced by Qt's queued replot.
    void refresh();
    /// Redraws only the cursor layer (hover line, A/B) and the overlay layer.
    void refreshCursors();
    void refreshOverlays();
    /// Time axis labels in the workspace's scale (after PlotShared::scale changed).
    void updateScale();
    /// Shows or hides the time axis' tick labels (only the bottom panel shows them).
    void setTimeLabelsVisible(bool visible);

    /// Mapping for overlays: widget x pixel <-> time (ns UTC), and the data area.
    double timeToPixel(std::int64_t tNs) const;
    std::int64_t pixelToTime(double x) const;
    QRect plotRect() const;
    const PlotShared &shared() const { return m_shared; }

Q_SIGNALS:
    /// The user panned or zoomed: the workspace should show `view` everywhere; `record` = a
    /// step for the zoom history (false while a drag is still moving).
    void viewRequested(const sasquatch::TimeView &view, bool record);
    /// The mouse moved over the plot (`inside` false when it left).
    void hovered(qint64 tNs, bool inside);
    /// Cursor A (0) or B (1) was dragged to tNs.
    void cursorDragged(int which, qint64 tNs);
    /// Fields were dropped on this panel.
    void fieldsDropped(const std::vector<sasquatch::DraggedField> &fields);
    /// Series were added, removed or restyled (legend, readouts, saving and loading follow).
    void seriesChanged();
    void removeRequested();
    /// The user picked an item of the panel's context menu that the workspace handles.
    void resetViewRequested();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    struct Axis
    {
        QCPAxis *axis = nullptr;
        PlotAxisSpec spec;
    };
    enum class Drag : std::uint8_t { None, Pending, Pan, Box, Shift, CursorA, CursorB };

    QCPAxis *createAxis(PlotAxisSide side);
    void removeUnusedAxes();
    void styleAxis(QCPAxis *axis);
    void updateAxisLabels();
    void rescaleValueAxes();
    void showSeriesMenu(int index, const QPoint &globalPos);
    void showAxisMenu(int axis, const QPoint &globalPos);
    int legendItemAt(const QPoint &pos) const;
    int axisAt(const QPointF &pos) const;
    std::optional<int> cursorNear(double x) const;
    QColor nextColor() const;
    QString seriesName(const PlotSeriesSpec &spec) const;

    PlotShared &m_shared;
    TimeAxisTicker *m_ticker = nullptr; // owned by the axis (shared pointer)
    std::vector<Axis> m_axes;
    std::vector<Series> m_series;
    QCPLayer *m_overlayLayer = nullptr;
    QCPLayer *m_cursorLayer = nullptr;
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    TimeView m_pressView;
    QRubberBand *m_band = nullptr;
};

} // namespace sasquatch
