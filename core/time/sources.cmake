# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(sasquatch_core PRIVATE
  time/Durations.h time/Durations.cpp time/CivilDate.h
  time/DurationLiteral.h time/DurationLiteral.cpp
  time/TimeRange.h time/TimeRange.cpp
  time/TimeScale.h time/TimeScale.cpp
  time/TimeText.h time/TimeText.cpp
  time/TimeTicker.h time/TimeTicker.cpp
)
