// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>

namespace sasquatch {

/// Handle of one series in a SeriesStore: stable for the store's lifetime (never reused, also
/// after removeSeries), cheap to copy and compare. The store maps it to its SeriesKey.
struct SeriesId
{
    static constexpr std::uint32_t kInvalid = 0xffffffffu;
    std::uint32_t value = kInvalid;

    bool isValid() const { return value != kInvalid; }
    bool operator==(const SeriesId &) const = default;
    bool operator<(const SeriesId &other) const { return value < other.value; }
};

} // namespace sasquatch

template <>
struct std::hash<sasquatch::SeriesId>
{
    std::size_t operator()(sasquatch::SeriesId id) const noexcept { return std::hash<std::uint32_t>{}(id.value); }
};
