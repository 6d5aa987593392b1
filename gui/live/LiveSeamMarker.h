// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gui/plots/PlotOverlay.h"

#include <QString>

#include <cstdint>

namespace sasquatch {

/// Marks where history ends and live begins on the live panel's plots: a dashed vertical
/// line at the seam with "history | live" beside it.
class LiveSeamMarker : public PlotOverlay
{
public:
    /// 0 hides the marker.
    void setSeam(std::int64_t tNs) { m_tNs = tNs; }
    std::int64_t seam() const { return m_tNs; }

    void paint(QPainter &painter, const PlotPanel &panel) override;

private:
    std::int64_t m_tNs = 0;
};

} // namespace sasquatch
