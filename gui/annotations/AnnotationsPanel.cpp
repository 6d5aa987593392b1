// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/annotations/AnnotationsPanel.h"

#include "core/annotations/TagListText.h"
#include "gui/annotations/AnnotationController.h"
#include "gui/annotations/AnnotationEditor.h"
#include "gui/annotations/AnnotationListPanel.h"

#include <QPlainTextEdit>
#include <QSplitter>
#include <QVBoxLayout>

namespace sasquatch {

AnnotationsPanel::AnnotationsPanel(AnnotationService &service, AnnotationPresetStore presets, QWidget *parent)
    : QWidget(parent), m_controller(new AnnotationController(service, this)), m_presetStore(std::move(presets))
{
    m_list = new AnnotationListPanel(*m_controller, this);
    m_editor = new AnnotationEditor(*m_controller, this);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_editor);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_list, &AnnotationListPanel::annotationSelected, m_editor, &AnnotationEditor::setAnnotation);
    connect(m_editor, &AnnotationEditor::saved, m_list, [this](const Annotation &a) { m_list->select(a.id); });
    // A deleted annotation must not stay in the editor as if it still existed.
    connect(m_controller, &AnnotationController::annotationRemoved, m_editor, &AnnotationEditor::clearIfShowing);

    if (auto loaded = m_presetStore.load()) {
        setFilters(loaded.value());
    } else {
        qWarning("%s", qPrintable(loaded.error()));
    }
    connect(m_list, &AnnotationListPanel::presetsChanged, this, [this] {
        if (auto saved = m_presetStore.save({m_list->presets(), m_list->filter()}); !saved)
            qWarning("%s", qPrintable(saved.error()));
    });
}

AnnotationPresetFile AnnotationsPanel::filters() const
{
    return {m_list->presets(), m_list->filter()};
}

void AnnotationsPanel::setFilters(const AnnotationPresetFile &filters)
{
    m_list->setPresets(filters.presets);
    m_list->setTextFilter(filters.current.text);
    m_list->setTagFilter(TagListText::format(filters.current.tags));
}

bool AnnotationsPanel::editNew(const Annotation &annotation)
{
    if (!m_editor->setAnnotation(annotation))
        return false;
    m_editor->textEdit()->setFocus();
    return true;
}

} // namespace sasquatch
