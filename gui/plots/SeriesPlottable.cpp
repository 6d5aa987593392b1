// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/plots/SeriesPlottable.h"

#include "core/series/SeriesStore.h"
#include "gui/plots/PlotShared.h"

#include <cmath>
#include <optional>

namespace sasquatch {

SeriesPlottable::SeriesPlottable(const SeriesStore &store, SeriesId id, QCPAxis *keyAxis, QCPAxis *valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis), m_store(store), m_id(id)
{
}

void SeriesPlottable::setStyle(PlotLineStyle style)
{
    m_style = style;
    QPen p = pen();
    p.setStyle(style == PlotLineStyle::Dashed ? Qt::DashLine : style == PlotLineStyle::Dotted ? Qt::DotLine : Qt::SolidLine);
    setPen(p);
}

double SeriesPlottable::selectTest(const QPointF &, bool, QVariant *) const
{
    return -1; // selection by clicking a line is not used: clicks belong to overlays
}

QCPRange SeriesPlottable::getKeyRange(bool &foundRange, QCP::SignDomain) const
{
    const auto times = m_store.times(m_id);
    foundRange = !times.empty();
    return foundRange ? QCPRange(nsToKey(times.front()), nsToKey(times.back())) : QCPRange();
}

QCPRange SeriesPlottable::getValueRange(bool &foundRange, QCP::SignDomain, const QCPRange &inKeyRange) const
{
    const auto times = m_store.times(m_id);
    foundRange = false;
    if (times.empty())
        return {};
    std::int64_t start = times.front();
    std::int64_t stop = times.back() + 1;
    if (inKeyRange.lower != inKeyRange.upper) {
        start = keyToNs(inKeyRange.lower);
        stop = keyToNs(inKeyRange.upper) + 1;
    }
    const RangeStats s = m_store.stats(m_id, start, stop);
    foundRange = s.count > 0;
    return foundRange ? QCPRange(s.min, s.max) : QCPRange();
}

void SeriesPlottable::draw(QCPPainter *painter)
{
    QCPAxis *key = keyAxis();
    if (!key || !valueAxis())
        return;
    const QCPRange range = key->range();
    const int width = std::max(1, static_cast<int>(std::lround(std::abs(key->coordToPixel(range.upper) - key->coordToPixel(range.lower)))));
    const PixelGrid grid = PixelGrid::aligned(keyToNs(range.lower), keyToNs(range.upper), width);
    if (!grid.isValid())
        return;
    m_d = m_store.decimate(m_id, grid);
    applyDefaultAntialiasingHint(painter);
    painter->setPen(mPen);
    painter->setBrush(Qt::NoBrush);
    if (m_d.hasRawPoints)
        drawRaw(painter);
    else
        drawColumns(painter);
}

// Few samples: polylines through them (so dash patterns run on), split at NaN gaps.
void SeriesPlottable::drawRaw(QCPPainter *painter)
{
    QCPAxis *key = keyAxis();
    QCPAxis *value = valueAxis();
    m_polyline.clear();
    std::optional<std::int64_t> previousIndex;
    const auto flush = [&] {
        if (m_polyline.size() > 1)
            painter->drawPolyline(m_polyline.constData(), static_cast<int>(m_polyline.size()));
        else if (m_polyline.size() == 1)
            painter->drawPoint(m_polyline.front());
        m_polyline.clear();
    };
    const auto add = [&](const SamplePoint &p) {
        if (std::isnan(p.value))
            return;
        if (previousIndex && p.index - *previousIndex != 1)
            flush();
        const QPointF at(key->coordToPixel(nsToKey(p.time)), value->coordToPixel(p.value));
        if (m_style == PlotLineStyle::Steps && !m_polyline.isEmpty())
            m_polyline.append(QPointF(at.x(), m_polyline.back().y()));
        m_polyline.append(at);
        previousIndex = p.index;
    };
    if (m_d.before)
        add(*m_d.before);
    for (const SamplePoint &p : m_d.points)
        add(p);
    if (m_d.after)
        add(*m_d.after);
    flush();
}

// Dense data: per column a vertical stroke min..max, joined to the neighbours at the columns'
// first/last values (steps: horizontally, then vertically), in one drawLines call.
void SeriesPlottable::drawColumns(QCPPainter *painter)
{
    QCPAxis *key = keyAxis();
    QCPAxis *value = valueAxis();
    m_lines.clear();
    m_lines.reserve(static_cast<qsizetype>(m_d.columns.size()) * 2 + 4);
    std::optional<QPointF> previous;
    std::int64_t previousIndex = 0;
    const auto join = [&](const QPointF &to, std::int64_t firstIndex) {
        if (!previous || firstIndex - previousIndex != 1)
            return;
        if (m_style == PlotLineStyle::Steps) {
            const QPointF corner(to.x(), previous->y());
            m_lines.append(QLineF(*previous, corner));
            m_lines.append(QLineF(corner, to));
        } else {
            m_lines.append(QLineF(*previous, to));
        }
    };
    if (m_d.before) {
        previous = QPointF(key->coordToPixel(nsToKey(m_d.before->time)), value->coordToPixel(m_d.before->value));
        previousIndex = m_d.before->index;
    }
    for (std::size_t k = 0; k < m_d.columns.size(); ++k) {
        const DecimatedColumn &c = m_d.columns[k];
        if (!c.hasValue())
            continue;
        const double x = key->coordToPixel(nsToKey(m_d.grid.center(static_cast<int>(k))));
        join(QPointF(x, value->coordToPixel(c.first)), c.firstIndex);
        const double top = value->coordToPixel(c.max);
        const double bottom = value->coordToPixel(c.min);
        // A flat column still gets a dot, so that isolated samples stay visible.
        m_lines.append(QLineF(x, bottom, x, top == bottom ? top - 0.5 : top));
        previous = QPointF(x, value->coordToPixel(c.last));
        previousIndex = c.lastIndex;
    }
    if (m_d.after) {
        const QPointF to(key->coordToPixel(nsToKey(m_d.after->time)), value->coordToPixel(m_d.after->value));
        join(to, m_d.after->index);
    }
    painter->drawLines(m_lines);
}

void SeriesPlottable::drawLegendIcon(QCPPainter *painter, const QRectF &rect) const
{
    QPen p = mPen;
    p.setWidthF(std::max(2.0, p.widthF()));
    painter->setPen(p);
    const double y = rect.center().y();
    if (m_style == PlotLineStyle::Steps) {
        const double x = rect.center().x();
        painter->drawPolyline(QPolygonF({QPointF(rect.left(), y + 3), QPointF(x, y + 3), QPointF(x, y - 3), QPointF(rect.right(), y - 3)}));
    } else {
        painter->drawLine(QLineF(rect.left(), y, rect.right(), y));
    }
}

} // namespace sasquatch
