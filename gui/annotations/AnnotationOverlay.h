// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotations/Annotation.h"
#include "core/util/CancelToken.h"
#include "gui/plots/PlotOverlay.h"

#include <QObject>

#include <optional>
#include <vector>

class QTimer;

namespace sasquatch {

class AnnotationController;
class PlotWorkspace;

/// Annotations on every panel of a plot workspace: a line for a point, a shaded band for a
/// range, in the annotation's colour, with its first line as a label and the whole text as a
/// hover tooltip. A plain click on a free spot asks for a new point annotation there, a
/// Shift+drag for a range (newAnnotationRequested: the editor opens it for its text); a click
/// on a drawn annotation selects it. Reloads when the visible range settles, when the plots
/// load new data and whenever the annotations change.
class AnnotationOverlay : public QObject, public PlotOverlay
{
    Q_OBJECT
public:
    /// Registers itself with `workspace` (and unregisters when destroyed).
    AnnotationOverlay(AnnotationController &controller, PlotWorkspace &workspace, QObject *parent = nullptr);
    ~AnnotationOverlay() override;

    void paint(QPainter &painter, const PlotPanel &panel) override;
    bool clicked(PlotPanel &panel, std::int64_t tNs, QMouseEvent *event) override;
    bool shiftDragged(PlotPanel &panel, std::int64_t fromNs, std::int64_t toNs, bool finished) override;

    /// The annotations loaded for the visible range.
    const std::vector<Annotation> &annotations() const { return m_annotations; }
    /// The annotation drawn at widget x of `panel` (within a few pixels of a line, or inside a
    /// band; the narrowest wins), if any.
    std::optional<Annotation> annotationAt(const PlotPanel &panel, double x) const;
    /// What the hover tooltip says for `a`.
    QString tooltipText(const Annotation &a) const;
    void reload();

Q_SIGNALS:
    /// An unsaved annotation at the clicked time or the dragged range, for the editor.
    void newAnnotationRequested(const sasquatch::Annotation &annotation);
    void annotationClicked(const sasquatch::Annotation &annotation);
    /// A load finished (for tests and status lines).
    void loaded();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void watchPanels();

    AnnotationController &m_controller;
    PlotWorkspace &m_workspace;
    std::vector<Annotation> m_annotations;
    std::optional<std::pair<std::int64_t, std::int64_t>> m_drag;
    CancelToken m_loadToken;
    quint64 m_generation = 0;
    QTimer *m_reloadDelay = nullptr;
};

} // namespace sasquatch
