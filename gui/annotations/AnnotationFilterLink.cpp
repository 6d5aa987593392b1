// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/annotations/AnnotationFilterLink.h"

#include "gui/annotations/AnnotationsPanel.h"
#include "gui/plots/PlotWorkspace.h"

#include <QPointer>

namespace sasquatch {

void linkAnnotationFilters(PlotWorkspace &plots, AnnotationsPanel &panel)
{
    QPointer<AnnotationsPanel> guarded(&panel);
    plots.setAnnotationFiltersSource([guarded]() -> AnnotationPresetFile {
        if (!guarded)
            return {};
        AnnotationPresetFile filters = guarded->filters();
        // A workspace pins its own time range; a filter kept with it is tags and text only.
        filters.current.startNs.reset();
        filters.current.endNs.reset();
        return filters;
    });
    QObject::connect(&plots, &PlotWorkspace::annotationFiltersLoaded, &panel, [guarded](const AnnotationPresetFile &filters) {
        if (!guarded || filters == AnnotationPresetFile{})
            return;
        guarded->setFilters(filters);
    });
}

} // namespace sasquatch
