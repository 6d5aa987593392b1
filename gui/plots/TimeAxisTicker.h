// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/time/TimeScale.h"
#include "gui/plots/QCustomPlotInclude.h"

namespace sasquatch {

/// QCustomPlot ticker for the time axis (keys = seconds since the epoch, UTC): ticks and labels
/// from core/time/TimeTicker in UTC or TAI, about one label per kPixelsPerTick pixels.
class TimeAxisTicker : public QCPAxisTicker
{
public:
    static constexpr int kPixelsPerTick = 120;

    explicit TimeAxisTicker(QCPAxis *axis) : m_axis(axis) {}
    void setScale(TimeScale scale) { m_scale = scale; }
    TimeScale scale() const { return m_scale; }

    void generate(const QCPRange &range, const QLocale &locale, QChar formatChar, int precision, QVector<double> &ticks,
                  QVector<double> *subTicks, QVector<QString> *tickLabels) override;

private:
    QCPAxis *m_axis;
    TimeScale m_scale = TimeScale::Utc;
};

} // namespace sasquatch
