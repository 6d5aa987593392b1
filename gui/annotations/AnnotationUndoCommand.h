// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotations/Annotation.h"

#include <QUndoCommand>

namespace sasquatch {

class AnnotationController;

/// One done annotation change on the undo stack. It is pushed after the store accepted the
/// change, so the first redo() (QUndoStack::push calls it) does nothing; later ones replay.
class AnnotationUndoCommand : public QUndoCommand
{
public:
    enum class Kind { Create, Edit, Delete };

    /// `before` is empty for Create, `after` for Delete.
    AnnotationUndoCommand(AnnotationController &controller, Kind kind, Annotation before, Annotation after);

    void undo() override;
    void redo() override;

    Kind kind() const { return m_kind; }

private:
    AnnotationController &m_controller;
    Kind m_kind;
    Annotation m_before;
    Annotation m_after;
    bool m_done = true; ///< pushed after the change was made
};

} // namespace sasquatch
