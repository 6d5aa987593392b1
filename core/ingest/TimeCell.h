// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ingest/ReadOptions.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <string_view>

namespace sasquatch {

/// Reads the time cells of one CSV column: unix numbers (s, ms, us or ns, with an optional
/// decimal fraction, read exactly) or ISO 8601 text (core/time/TimeText), in UTC or TAI.
/// With UnixTimeUnit::Auto the first number's size picks the unit for the whole column
/// (below 1e11 seconds, 1e14 ms, 1e17 us, else ns), which note() then tells.
class TimeCell
{
public:
    explicit TimeCell(const ReadOptions &options);
    /// A column named with "tai" in it ("time_tai", "sndStamp_TAI") holds TAI.
    void setColumnName(const QString &lowerName);
    std::optional<std::int64_t> parse(std::string_view cell, QString &reason);
    /// What was assumed, for the read notes; empty when nothing was.
    QString note() const;
    TimeScale scale() const { return m_scale; }

private:
    UnixTimeUnit m_unit;
    bool m_unitGuessed = false;
    TimeScale m_scale = TimeScale::Utc;
    bool m_scaleFromName = false;
    bool m_explicitScale = false;
};

} // namespace sasquatch
