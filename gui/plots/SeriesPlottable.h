// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/series/Decimation.h"
#include "core/series/SeriesId.h"
#include "core/workspace/PlotDocument.h"
#include "gui/plots/QCustomPlotInclude.h"

namespace sasquatch {

class SeriesStore;

/// Draws one SeriesStore series into a QCustomPlot, O(pixels) whatever the number of samples:
/// at each replot it decimates the visible range into the axis rect's pixel columns
/// (SeriesStore::decimate on a PixelGrid::aligned grid, exact per-pixel min/max) and draws per
/// column one vertical stroke min..max plus the segments joining neighbouring columns, all in
/// one QPainter::drawLines; at full zoom (fewer samples than pixels) it draws the samples
/// themselves, with the pen's dash pattern, or as steps. NaN samples are gaps.
class SeriesPlottable : public QCPAbstractPlottable
{
public:
    SeriesPlottable(const SeriesStore &store, SeriesId id, QCPAxis *keyAxis, QCPAxis *valueAxis);

    SeriesId seriesId() const { return m_id; }
    void setStyle(PlotLineStyle style);
    PlotLineStyle style() const { return m_style; }
    /// The decimation of the last draw (for tests and the benchmark).
    const Decimation &lastDecimation() const { return m_d; }

    double selectTest(const QPointF &pos, bool onlySelectable, QVariant *details = nullptr) const override;
    QCPRange getKeyRange(bool &foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool &foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange &inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter *painter) override;
    void drawLegendIcon(QCPPainter *painter, const QRectF &rect) const override;

private:
    void drawRaw(QCPPainter *painter);
    void drawColumns(QCPPainter *painter);

    const SeriesStore &m_store;
    SeriesId m_id;
    PlotLineStyle m_style = PlotLineStyle::Solid;
    Decimation m_d;
    QVector<QLineF> m_lines;
    QVector<QPointF> m_polyline;
};

} // namespace sasquatch
