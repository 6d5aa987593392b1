// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/plots/TimeAxisTicker.h"

#include "core/time/TimeTicker.h"
#include "gui/plots/PlotShared.h"

namespace sasquatch {

void TimeAxisTicker::generate(const QCPRange &range, const QLocale &, QChar, int, QVector<double> &ticks,
                              QVector<double> *subTicks, QVector<QString> *tickLabels)
{
    ticks.clear();
    if (subTicks)
        subTicks->clear();
    if (tickLabels)
        tickLabels->clear();
    const int pixels = m_axis && m_axis->axisRect() ? m_axis->axisRect()->width() : 800;
    const int maxTicks = std::max(2, pixels / kPixelsPerTick);
    const std::int64_t start = keyToNs(range.lower);
    const std::int64_t stop = keyToNs(range.upper);
    const std::vector<TimeTick> generated = TimeTicker::ticks(start, stop, maxTicks, m_scale);
    for (const TimeTick &t : generated) {
        ticks.append(nsToKey(t.utcNs));
        if (tickLabels)
            tickLabels->append(t.label);
    }
    if (subTicks && generated.size() >= 2) {
        // Four sub-ticks between two ticks: a light grid, not a reading aid.
        for (std::size_t i = 0; i + 1 < generated.size(); ++i) {
            const double a = nsToKey(generated[i].utcNs);
            const double b = nsToKey(generated[i + 1].utcNs);
            for (int k = 1; k < 5; ++k)
                subTicks->append(a + (b - a) * k / 5.0);
        }
    }
}

} // namespace sasquatch
