// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotations/Annotation.h"
#include "core/annotations/AnnotationPresetStore.h"

#include <QWidget>

namespace sasquatch {

class AnnotationController;
class AnnotationEditor;
class AnnotationListPanel;
class AnnotationService;

/// The annotations side panel: the list above, the editor below. Selecting in the list edits;
/// an annotation made on a plot opens in the editor for its text. Preset filters are kept in
/// an AnnotationPresetStore (JSON beside the profiles).
class AnnotationsPanel : public QWidget
{
    Q_OBJECT
public:
    AnnotationsPanel(AnnotationService &service, AnnotationPresetStore presets, QWidget *parent = nullptr);

    AnnotationController *controller() const { return m_controller; }
    AnnotationListPanel *list() const { return m_list; }
    AnnotationEditor *editor() const { return m_editor; }

    /// Opens a new, unsaved annotation in the editor (from a click or Shift+drag on a plot).
    /// False when the editor holds unsaved changes of another one (it says so).
    bool editNew(const Annotation &annotation);

    /// The list's saved filters and the filter in its boxes (what a plot workspace keeps).
    AnnotationPresetFile filters() const;
    /// Replaces the saved filters and the boxes' filter (from a workspace). The preset store
    /// (annotation-filters.json) is written again only when the user changes them.
    void setFilters(const AnnotationPresetFile &filters);

private:
    AnnotationController *m_controller = nullptr;
    AnnotationListPanel *m_list = nullptr;
    AnnotationEditor *m_editor = nullptr;
    AnnotationPresetStore m_presetStore;
};

} // namespace sasquatch
