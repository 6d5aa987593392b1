// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotations/Annotation.h"
#include "core/util/Outcome.h"

#include <QHash>
#include <QObject>

#include <functional>

class QUndoStack;

namespace sasquatch {

class AnnotationService;

/// Creates, edits and deletes annotations through the AnnotationService, and makes each done
/// change undoable (QUndoStack). A change enters the stack only once the store accepted it;
/// undo and redo replay the inverse through the store, and a replay the store refuses is
/// reported and taken back off the stack's position, so the stack never claims what the
/// server does not hold. Never waits: every answer comes back later on the GUI thread.
class AnnotationController : public QObject
{
    Q_OBJECT
public:
    using DoneCallback = std::function<void(const Outcome<Annotation> &)>;

    explicit AnnotationController(AnnotationService &service, QObject *parent = nullptr);

    AnnotationService &service() const { return m_service; }
    QUndoStack *undoStack() const { return m_undo; }

    /// Saves a new annotation. `done` (optional) gets the stored one or the failure.
    void create(const Annotation &annotation, DoneCallback done = {});
    /// Saves `after` over `before` (same id).
    void edit(const Annotation &before, const Annotation &after, DoneCallback done = {});
    /// Deletes `annotation`; undo brings it back.
    void remove(const Annotation &annotation, DoneCallback done = {});

    bool isBusy() const { return m_busy > 0; }

    /// The id an annotation has now: stores that make ids (InfluxDB 2.x) give a re-created
    /// annotation a new one, and older undo steps still name the old.
    QString currentId(const QString &id) const;

    // For AnnotationUndoCommand: replays one step of an undo (`undoing`) or redo. `label`
    // names it in messages.
    enum class Operation { Create, Update, Remove };
    void replay(Operation operation, const Annotation &annotation, const QString &label, bool undoing);
    bool isRestoringStack() const { return m_restoringStack; }

Q_SIGNALS:
    /// A store answer changed what is saved (also after undo/redo).
    void changed();
    /// An annotation is gone from the store (deleted, or its creation undone).
    void annotationRemoved(const QString &id);
    /// A save, delete, undo or redo failed; `what` says which ("Saving", "Undo Delete").
    void failed(const QString &what, const sasquatch::Failure &failure);
    void busyChanged(bool busy);

private:
    void begin();
    void end();
    void noteNewId(const QString &oldId, const QString &newId);

    AnnotationService &m_service;
    QUndoStack *m_undo = nullptr;
    QHash<QString, QString> m_newIds;
    int m_busy = 0;
    bool m_restoringStack = false;
};

} // namespace sasquatch
