// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/live/LiveSeamMarker.h"

#include "gui/plots/PlotPanel.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>

namespace sasquatch {

void LiveSeamMarker::paint(QPainter &painter, const PlotPanel &panel)
{
    if (m_tNs == 0)
        return;
    const QRect rect = panel.plotRect();
    const double x = panel.timeToPixel(m_tNs);
    if (x < rect.left() || x > rect.right())
        return;
    painter.save();
    const QColor colour(0xf0, 0xc6, 0x74);
    painter.setPen(QPen(colour, 1.5, Qt::DashLine));
    painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()));
    painter.setPen(colour);
    const QString history = QCoreApplication::translate("LiveSeamMarker", "history");
    const QString live = QCoreApplication::translate("LiveSeamMarker", "live");
    const QFontMetrics fm(painter.font());
    const int y = rect.top() + fm.ascent() + 2;
    painter.drawText(QPointF(x - 6 - fm.horizontalAdvance(history), y), history);
    painter.drawText(QPointF(x + 6, y), live);
    painter.restore();
}

} // namespace sasquatch
