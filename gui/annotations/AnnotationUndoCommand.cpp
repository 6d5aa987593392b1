// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/annotations/AnnotationUndoCommand.h"

#include "gui/annotations/AnnotationController.h"

#include <QCoreApplication>

namespace sasquatch {

namespace {

QString shortText(const Annotation &a)
{
    QString line = a.text.section(u'\n', 0, 0).trimmed();
    if (line.size() > 30)
        line = line.left(29) + QChar(0x2026);
    return line;
}

} // namespace

AnnotationUndoCommand::AnnotationUndoCommand(AnnotationController &controller, Kind kind, Annotation before,
                                             Annotation after)
    : m_controller(controller), m_kind(kind), m_before(std::move(before)), m_after(std::move(after))
{
    const auto tr = [](const char *s) { return QCoreApplication::translate("AnnotationUndoCommand", s); };
    switch (m_kind) {
    case Kind::Create: setText(tr("Add annotation \"%1\"").arg(shortText(m_after))); break;
    case Kind::Edit: setText(tr("Edit annotation \"%1\"").arg(shortText(m_after))); break;
    case Kind::Delete: setText(tr("Delete annotation \"%1\"").arg(shortText(m_before))); break;
    }
}

void AnnotationUndoCommand::redo()
{
    if (m_done || m_controller.isRestoringStack()) {
        m_done = false;
        return;
    }
    using Op = AnnotationController::Operation;
    switch (m_kind) {
    case Kind::Create: m_controller.replay(Op::Create, m_after, text(), false); break;
    case Kind::Edit: m_controller.replay(Op::Update, m_after, text(), false); break;
    case Kind::Delete: m_controller.replay(Op::Remove, m_before, text(), false); break;
    }
}

void AnnotationUndoCommand::undo()
{
    if (m_controller.isRestoringStack())
        return;
    using Op = AnnotationController::Operation;
    switch (m_kind) {
    case Kind::Create: m_controller.replay(Op::Remove, m_after, text(), true); break;
    case Kind::Edit: m_controller.replay(Op::Update, m_before, text(), true); break;
    case Kind::Delete: m_controller.replay(Op::Create, m_before, text(), true); break;
    }
}

} // namespace sasquatch
