// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/annotations/AnnotationController.h"

#include "core/annotations/AnnotationService.h"
#include "gui/annotations/AnnotationUndoCommand.h"

#include <QPointer>
#include <QUndoStack>

namespace sasquatch {

AnnotationController::AnnotationController(AnnotationService &service, QObject *parent)
    : QObject(parent), m_service(service), m_undo(new QUndoStack(this))
{
    // Another profile: the steps on the stack name annotations of the other server.
    connect(&m_service, &AnnotationService::storeChanged, this, [this] {
        m_undo->clear();
        m_newIds.clear();
    });
}

void AnnotationController::begin()
{
    if (m_busy++ == 0)
        Q_EMIT busyChanged(true);
}

void AnnotationController::end()
{
    if (--m_busy == 0)
        Q_EMIT busyChanged(false);
}

QString AnnotationController::currentId(const QString &id) const
{
    QString current = id;
    // Chains are short (one link per undo of a delete); the bound guards against a cycle.
    for (int i = 0; i < 64 && m_newIds.contains(current); ++i)
        current = m_newIds.value(current);
    return current;
}

void AnnotationController::noteNewId(const QString &oldId, const QString &newId)
{
    if (!oldId.isEmpty() && !newId.isEmpty() && oldId != newId)
        m_newIds.insert(oldId, newId);
}

void AnnotationController::create(const Annotation &annotation, DoneCallback done)
{
    begin();
    QPointer<AnnotationController> self(this);
    m_service.create(annotation, [this, self, done](Outcome<Annotation> result) {
        if (!self)
            return;
        end();
        if (result) {
            m_undo->push(new AnnotationUndoCommand(*this, AnnotationUndoCommand::Kind::Create, {}, result.value()));
            Q_EMIT changed();
        } else {
            Q_EMIT failed(tr("Saving the new annotation"), result.failure());
        }
        if (done)
            done(result);
    });
}

void AnnotationController::edit(const Annotation &before, const Annotation &after, DoneCallback done)
{
    begin();
    Annotation target = after;
    target.id = currentId(after.id);
    QPointer<AnnotationController> self(this);
    m_service.update(target, [this, self, before, done](Outcome<Annotation> result) {
        if (!self)
            return;
        end();
        if (result) {
            m_undo->push(new AnnotationUndoCommand(*this, AnnotationUndoCommand::Kind::Edit, before, result.value()));
            Q_EMIT changed();
        } else {
            Q_EMIT failed(tr("Saving the annotation"), result.failure());
        }
        if (done)
            done(result);
    });
}

void AnnotationController::remove(const Annotation &annotation, DoneCallback done)
{
    begin();
    QPointer<AnnotationController> self(this);
    m_service.remove(currentId(annotation.id), [this, self, annotation, done](Outcome<sasquatch::Done> result) {
        if (!self)
            return;
        end();
        if (result) {
            m_undo->push(new AnnotationUndoCommand(*this, AnnotationUndoCommand::Kind::Delete, annotation, {}));
            Q_EMIT annotationRemoved(currentId(annotation.id));
            Q_EMIT changed();
        } else {
            Q_EMIT failed(tr("Deleting the annotation"), result.failure());
        }
        if (done)
            done(result ? Outcome<Annotation>(annotation) : Outcome<Annotation>(result.failure()));
    });
}

void AnnotationController::replay(Operation operation, const Annotation &annotation, const QString &label, bool undoing)
{
    begin();
    const QString what = (undoing ? tr("Undo: %1") : tr("Redo: %1")).arg(label);
    QPointer<AnnotationController> self(this);
    auto finish = [this, self, what, undoing](const Failure *failure) {
        if (!self)
            return;
        end();
        if (!failure) {
            Q_EMIT changed();
            return;
        }
        // The stack moved when the step was asked for; put it back where the store is.
        m_restoringStack = true;
        m_undo->setIndex(m_undo->index() + (undoing ? 1 : -1));
        m_restoringStack = false;
        Q_EMIT failed(what, *failure);
    };
    Annotation target = annotation;
    target.id = currentId(annotation.id);
    switch (operation) {
    case Operation::Create:
        m_service.create(target, [this, self, finish, oldId = annotation.id](Outcome<Annotation> result) {
            if (result && self)
                noteNewId(oldId, result->id);
            finish(result ? nullptr : &result.failure());
        });
        break;
    case Operation::Update:
        m_service.update(target, [finish](Outcome<Annotation> result) { finish(result ? nullptr : &result.failure()); });
        break;
    case Operation::Remove:
        m_service.remove(target.id, [this, self, finish, id = target.id](Outcome<sasquatch::Done> result) {
            if (result && self)
                Q_EMIT annotationRemoved(id);
            finish(result ? nullptr : &result.failure());
        });
        break;
    }
}

} // namespace sasquatch
