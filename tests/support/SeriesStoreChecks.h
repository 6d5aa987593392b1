// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/series/PixelGrid.h"
#include "core/series/SeriesStore.h"

#include <QString>

#include <cstdint>
#include <map>
#include <vector>

namespace sasquatch {

// Checks of a SeriesStore against brute force over its own stored samples, for tests and
// benchmarks. Each returns an empty string when everything matches, else the first
// difference in words.

/// What the store must hold after appending (t, v) to `model`: the batch sorted by time, the
/// first of equal times kept, then only rows after the last stored time.
void modelAppend(std::map<std::int64_t, double> &model, const std::vector<std::int64_t> &t, const std::vector<double> &v);
/// The stored samples of `id` equal the model (NaN equals NaN).
QString compareWithModel(const SeriesStore &store, SeriesId id, const std::map<std::int64_t, double> &model);
/// decimate(id, grid): every column, the gap flags, the samples before/after the view and
/// the raw passthrough.
QString checkDecimation(const SeriesStore &store, SeriesId id, const PixelGrid &grid);
/// stats(id, start, stop) within the tolerance documented in RangeStats: count, min, max
/// exact; mean within 16 ulp of the largest |value|; std within 1e-12 relative plus 64 ulp of
/// the largest |value| (plus 16 subnormal steps for both).
QString checkStats(const SeriesStore &store, SeriesId id, std::int64_t start, std::int64_t stop);

} // namespace sasquatch
