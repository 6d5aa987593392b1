// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotations/Annotation.h"
#include "core/time/TimeScale.h"
#include "core/util/Outcome.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace sasquatch {

class AnnotationController;

/// The side editor: start and end, text, tags and colour of one annotation, Save and Revert.
/// Saving goes through the AnnotationController (undoable). When the store refuses, the typed
/// text stays in the boxes and the reason (HTTP status and the server's words) shows in red
/// under them; nothing typed is lost. While there are unsaved changes, choosing another
/// annotation is refused with a note instead of dropping them.
class AnnotationEditor : public QWidget
{
    Q_OBJECT
public:
    explicit AnnotationEditor(AnnotationController &controller, QWidget *parent = nullptr);

    /// Shows `annotation` (an empty id: a new one, saved by Save). Returns false, and says why
    /// in the note line, while unsaved changes would be lost.
    bool setAnnotation(const Annotation &annotation);
    /// The annotation as loaded or last saved.
    const Annotation &annotation() const { return m_original; }
    bool hasAnnotation() const { return m_loaded; }
    bool isDirty() const { return m_dirty; }
    bool isSaving() const { return m_saving; }
    void setScale(TimeScale scale);
    /// Clears the editor (after the shown annotation was deleted); unsaved changes stay.
    void clearIfShowing(const QString &id);

    void save();
    void revert();

    /// What the editor says under the boxes (the last error, or empty).
    QString errorText() const;
    QPlainTextEdit *textEdit() const { return m_text; }
    QLineEdit *tagsEdit() const { return m_tags; }
    QLineEdit *startEdit() const { return m_start; }
    QLineEdit *endEdit() const { return m_end; }
    QPushButton *saveButton() const { return m_save; }
    /// Chooses a colour ("#rrggbb", empty = default) as a click on its swatch would.
    void chooseColor(const QString &color);

Q_SIGNALS:
    /// The annotation was saved (created or edited); carries it as stored.
    void saved(const sasquatch::Annotation &annotation);

private:
    void build();
    void load(const Annotation &annotation);
    void markDirty();
    void showError(const QString &text);
    void updateButtons();
    /// The annotation the boxes describe, or a Failure naming the box at fault.
    Outcome<Annotation> edited() const;

    AnnotationController &m_controller;
    Annotation m_original;
    bool m_loaded = false;
    bool m_dirty = false;
    bool m_saving = false;
    bool m_loading = false;
    TimeScale m_scale = TimeScale::Utc;
    QString m_color;
    QLabel *m_title = nullptr;
    QLineEdit *m_start = nullptr;
    QLineEdit *m_end = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLineEdit *m_tags = nullptr;
    QButtonGroup *m_swatches = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_savingDelay = nullptr;
};

} // namespace sasquatch
