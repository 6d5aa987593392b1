# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(sasquatch_core PRIVATE
  util/CancelToken.h util/Outcome.h util/BackgroundTask.h
)
