// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/series/SamplePoint.h"
#include "core/series/SeriesStore.h"
#include "core/time/TimeScale.h"
#include "core/workspace/ZoomHistory.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace sasquatch {

class PlotOverlay;

/// What the panels of one PlotWorkspace share: the data, the time view, the scale shown, the
/// cursors and the overlays. Owned by the workspace; panels read it when they draw.
struct PlotShared
{
    SeriesStore store;
    TimeView view;
    TimeScale scale = TimeScale::Utc;
    std::optional<std::int64_t> hoverNs; ///< the mouse's time over any panel
    bool abVisible = false;
    std::int64_t aNs = 0;
    std::int64_t bNs = 0;
    SampleLookup lookup = SampleLookup::Nearest;
    std::vector<PlotOverlay *> overlays;
};

/// ns UTC <-> the plots' key coordinate (seconds since the epoch as double: 0.24 µs
/// resolution in this century, plenty for drawing; exact times stay int64 in the store).
inline double nsToKey(std::int64_t ns)
{
    return static_cast<double>(ns) * 1e-9;
}
inline std::int64_t keyToNs(double key)
{
    return static_cast<std::int64_t>(key * 1e9 + (key >= 0 ? 0.5 : -0.5));
}

} // namespace sasquatch
