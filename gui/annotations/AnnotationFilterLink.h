// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace sasquatch {

class AnnotationsPanel;
class PlotWorkspace;

/// Keeps the annotation list's saved filters and current filter with the plot workspace:
/// saving the workspace writes what `panel` has, and opening one that carries filters puts them
/// into `panel`. A workspace saved without filters (an older file, or none were set) leaves the
/// panel as it is, which is then what annotation-filters.json gave it. The link ends when
/// `panel` is destroyed.
void linkAnnotationFilters(PlotWorkspace &plots, AnnotationsPanel &panel);

} // namespace sasquatch
