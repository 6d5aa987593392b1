# SPDX-License-Identifier: GPL-3.0-or-later
# Workspace: the plot workspace document (panels, series, axes, range, queries, cursors) and its JSON form.
target_sources(sasquatch_core PRIVATE
  workspace/PlotDocument.h
  workspace/PlotDocumentJson.h workspace/PlotDocumentJson.cpp
  workspace/SeriesCsvExport.h workspace/SeriesCsvExport.cpp
  workspace/ZoomHistory.h workspace/ZoomHistory.cpp
)
